// quantforge-cli recommend: every preset's exact size, memory needed, fit, quality and speed for a
// machine and a context, and the one to make, with the reasons.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/hardware_text.h"
#include "qf/gguf/gguf_file.h"
#include "qf/hw/apple_gpu.h"
#include "qf/hw/hardware.h"
#include "qf/json_writer.h"
#include "qf/recommend/recommendation.h"

namespace qf::cli {
namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli recommend MODEL [--ctx N] [--kv-type T] [--ram GB] [--vram GB] [--unified]\n"
    "                                [--profile ID] [--os-reserve GB] [--json]\n"
    "  Which preset to make for a machine, and why: for every preset the exact file size and KV cache,\n"
    "  the memory needed (with an estimated compute buffer), where it fits, and expected quality and speed.\n"
    "  --ctx N          context length in tokens (default: 4096, or the model's own if shorter)\n"
    "  --kv-type T      KV cache type: F16 (default), Q8_0, Q4_0\n"
    "  --ram GB         plan for this much RAM instead of this machine's (decimal GB: 16 GiB is 17.2)\n"
    "  --vram GB        plan for this much GPU memory; 0 for none\n"
    "  --unified        the GPU shares the RAM (Apple Silicon, APUs); --vram is then its working-set limit\n"
    "  --profile ID     start from a profile: ram-8..ram-128, vram-8..vram-80, apple-8..apple-192\n"
    "  --os-reserve GB  RAM kept for the OS and other programs (default 4 GB, 6 GB above 16 GiB)\n"
    "  --json           machine-readable output\n";

std::string memoryText(const recommend::PresetVerdict& v) {
    switch (v.fit) {
    case recommend::Fit::FullGpu:
        return humanBytes(v.gpuBytes) + " GPU";
    case recommend::Fit::PartialOffload:
        return fmt::format("{} GPU + {} RAM", humanBytes(v.gpuBytes), humanBytes(v.ramBytes));
    case recommend::Fit::CpuOnly:
        return humanBytes(v.ramBytes) + " RAM";
    case recommend::Fit::DoesNotFit:
        break;
    }
    return humanBytes(v.totalBytes);
}

std::string fitText(const recommend::PresetVerdict& v) {
    if (v.fit == recommend::Fit::PartialOffload)
        return fmt::format("partial: {}/{} layers", v.gpuLayers, v.layers);
    return std::string(recommend::fitName(v.fit));
}

// Wraps a paragraph at `width` columns with an indent.
void printWrapped(const std::string& text, const std::string& indent, size_t width = 100) {
    std::string line;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
            fmt::print("{}{}\n", indent, line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty()) fmt::print("{}{}\n", indent, line);
}

void printText(const recommend::PlannedModel& model, const recommend::RecommendRequest& request,
               const recommend::RecommendResult& result) {
    const auto& s = model.shape;
    const std::string parameters = s.parameterCount >= 1000000000
                                       ? fmt::format("{:.1f} B", double(s.parameterCount) / 1e9)
                                       : fmt::format("{:.1f} M", double(s.parameterCount) / 1e6);
    fmt::print("{}: {}, {} parameters, {} layers, {} heads / {} KV heads x {}\n", model.name, s.architecture,
               parameters, s.layers, s.heads, s.headsKv.empty() ? 0 : s.headsKv.front(), s.keyLength);
    fmt::print("machine: {}: {}\n", request.machine.label, describeMachine(request.machine));
    const auto kvBytes = recommend::kvCacheBytes(s, request.context, request.kvType);
    const uint64_t kv = kvBytes ? *kvBytes : 0;
    fmt::print("context: {} tokens, KV cache {}: {} (exact)\n\n", request.context,
               ggmlTypeName(request.kvType), humanBytes(kv));
    fmt::print("  {:<8} {:>10} {:>7}  {:<24} {:<22} {:<44} {:>6}\n", "preset", "file size", "bpw",
               "memory needed*", "fit", "quality*", "speed*");
    for (size_t i = 0; i < result.presets.size(); ++i) {
        const auto& v = result.presets[i];
        const char* mark = result.recommendation.index == i ? ">" : " ";
        if (!v.available) {
            fmt::print("{} {:<8} cannot be made: {}\n", mark, v.preset->name, v.unavailableReason);
            continue;
        }
        fmt::print("{} {:<8} {:>10} {:>7.2f}  {:<24} {:<22} {:<44} {:>6}\n", mark, v.preset->name,
                   humanBytes(v.fileBytes), v.bitsPerWeight, memoryText(v), fitText(v), v.quality.describe(),
                   v.relativeSpeed > 0 ? fmt::format("{:.1f}x", v.relativeSpeed) : std::string("-"));
    }
    fmt::print("\n  * estimates: the memory includes an estimated compute buffer; quality is measured on "
               "this model\n"
               "    when marked so, else typical; speed is tokens/s relative to F16 read from RAM (bandwidth "
               "model).\n"
               "    File sizes and the KV cache are exact.\n\n");
    const auto& rec = result.recommendation;
    fmt::print("Recommended: {}\n", rec.headline);
    printWrapped(rec.explanation, "  ");
    for (const auto& w : rec.warnings)
        printWrapped("warning: " + w, "  ");
    for (const auto& s2 : rec.suggestions)
        printWrapped("- " + s2, "  ");
}

void printJson(const recommend::PlannedModel& model, const recommend::RecommendRequest& request,
               const recommend::RecommendResult& result) {
    JsonWriter j;
    j.beginObject().field("model", model.name).field("architecture", model.shape.architecture);
    j.field("parameters", model.shape.parameterCount).field("layers", uint64_t(model.shape.layers));
    j.field("context", request.context).field("kv_type", ggmlTypeName(request.kvType));
    const auto kvBytes = recommend::kvCacheBytes(model.shape, request.context, request.kvType);
    j.field("kv_cache_bytes", kvBytes ? *kvBytes : uint64_t(0));
    j.key("machine");
    writeMachineJson(j, request.machine);
    j.key("budget").beginObject().field("ram_usable_bytes", result.budget.ramUsable);
    j.field("gpu_usable_bytes", result.budget.gpuUsable).field("unified", result.budget.unified).endObject();
    j.key("presets").beginArray();
    for (const auto& v : result.presets) {
        j.beginObject().field("preset", v.preset->name).field("available", v.available);
        if (!v.available) {
            j.field("reason", v.unavailableReason).endObject();
            continue;
        }
        j.field("file_bytes", v.fileBytes).field("bits_per_weight", v.bitsPerWeight);
        j.field("weight_bytes", v.weightBytes).field("kv_cache_bytes", v.kvBytes);
        j.field("compute_buffer_bytes_estimate", v.computeBytes).field("total_bytes_estimate", v.totalBytes);
        j.field("fit", recommend::fitName(v.fit)).field("gpu_layers", uint64_t(v.gpuLayers));
        j.field("layers", uint64_t(v.layers)).field("gpu_bytes", v.gpuBytes).field("ram_bytes", v.ramBytes);
        j.key("quality").beginObject().field("known", v.quality.known).field("measured", v.quality.measured);
        j.field("delta_ppl_percent", v.quality.deltaPplPercent).key("delta_ppl_percent_error");
        v.quality.deltaPplPercentError ? j.value(*v.quality.deltaPplPercentError) : j.null();
        j.key("mean_kld");
        v.quality.meanKld ? j.value(*v.quality.meanKld) : j.null();
        j.field("tier", v.quality.tier).field("source", v.quality.source).endObject();
        j.field("relative_speed_estimate", v.relativeSpeed).endObject();
    }
    j.endArray();
    const auto& rec = result.recommendation;
    j.key("recommendation").beginObject().key("preset");
    rec.index ? j.value(rec.preset) : j.null();
    j.field("headline", rec.headline).field("explanation", rec.explanation);
    j.key("warnings").beginArray();
    for (const auto& w : rec.warnings)
        j.value(w);
    j.endArray().key("suggestions").beginArray();
    for (const auto& s : rec.suggestions)
        j.value(s);
    j.endArray().endObject().endObject();
    fmt::print("{}\n", j.str());
}

// The machine to plan for: this one, or a profile, with the person's changes.
Result<recommend::Machine> machineFrom(const Args& args) {
    recommend::Machine machine;
    if (auto id = args.value("--profile")) {
        const auto profiles = recommend::machineProfiles();
        const auto* profile = recommend::findProfile(profiles, *id);
        if (!profile) return makeError("unknown profile '{}'", *id);
        machine = profile->machine;
    } else {
        machine = recommend::machineFromHardware(hw::detectHardware());
    }
    const bool edited = args.value("--ram") || args.value("--vram") || args.has("--unified");
    if (auto ram = args.value("--ram")) {
        auto bytes = parseGigabytes(*ram);
        if (!bytes || *bytes == 0) return makeError("--ram needs a size in GB, got '{}'", *ram);
        machine.ramBytes = *bytes;
    }
    if (auto vram = args.value("--vram")) {
        auto bytes = parseGigabytes(*vram);
        if (!bytes) return makeError("--vram needs a size in GB, got '{}'", *vram);
        machine.gpuBytes = *bytes;
        machine.gpuEstimated = false;
        if (machine.gpuName.empty() && *bytes) machine.gpuName = "GPU";
        if (*bytes == 0) machine.gpuName.clear();
    }
    if (args.has("--unified")) {
        machine.unifiedMemory = true;
        if (!args.value("--vram")) {
            machine.gpuBytes = hw::appleDefaultWorkingSet(machine.ramBytes);
            machine.gpuEstimated = true;
        }
    }
    if (auto reserve = args.value("--os-reserve")) {
        auto bytes = parseGigabytes(*reserve);
        if (!bytes) return makeError("--os-reserve needs a size in GB, got '{}'", *reserve);
        machine.osReserveBytes = *bytes;
    }
    if (edited) machine.label = "Custom machine";
    return machine;
}

} // namespace

int runRecommend(const std::vector<std::string>& argv) {
    auto args =
        Args::parse(argv, {.flags = {"--json", "--help", "--unified"},
                           .valued = {"--ctx", "--kv-type", "--ram", "--vram", "--profile", "--os-reserve"}});
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli recommend: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    recommend::RecommendRequest request;
    if (auto kv = args->value("--kv-type")) {
        const auto type = ggmlTypeFromName(*kv);
        if (!type || !recommend::isSupportedKvType(*type)) {
            fmt::print(stderr, "quantforge-cli recommend: --kv-type must be F16, Q8_0 or Q4_0, got '{}'\n",
                       *kv);
            return 2;
        }
        request.kvType = *type;
    }
    auto machine = machineFrom(*args);
    if (!machine) {
        fmt::print(stderr, "quantforge-cli recommend: {}\n", machine.error().message);
        return 2;
    }
    request.machine = *machine;

    auto source = gguf::GgufFile::open(args->positional()[0]);
    if (!source) {
        fmt::print(stderr, "error: {}\n", source.error().message);
        return 1;
    }
    auto model =
        recommend::planModel(source->metadata(), source->tensors(), source->path().filename().string());
    if (!model) {
        fmt::print(stderr, "error: {}: {}\n", source->path().string(), model.error().message);
        return 1;
    }
    request.context =
        model->shape.trainedContext ? std::min<uint64_t>(4096, model->shape.trainedContext) : 4096;
    if (auto ctx = args->value("--ctx")) {
        char* end = nullptr;
        const unsigned long long n = std::strtoull(ctx->c_str(), &end, 10);
        if (ctx->empty() || *end != '\0' || n == 0 || n > (1ull << 24)) {
            fmt::print(stderr, "quantforge-cli recommend: --ctx needs a token count, got '{}'\n", *ctx);
            return 2;
        }
        request.context = n;
    }
    auto result = recommend::makeRecommendation(*model, request);
    if (!result) {
        fmt::print(stderr, "error: {}\n", result.error().message);
        return 1;
    }
    if (args->has("--json"))
        printJson(*model, request, *result);
    else
        printText(*model, request, *result);
    return 0;
}

} // namespace qf::cli
