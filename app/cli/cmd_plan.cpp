#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/plan_options.h"
#include "qf/json_writer.h"
#include "qf/quant/plan_fallbacks.h"

namespace qf::cli {
namespace {

std::string shapeText(const std::vector<uint64_t>& shape) {
    std::string s;
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? " x " : "") + fmt::format("{}", shape[i]);
    return s;
}

void printPlanText(const quant::QuantPlan& plan, bool tensors) {
    fmt::print("{:<8} {:>12} bytes  {:>9}  {:.2f} bits/weight  ({} tensor bytes{}{})\n", plan.preset.name,
               plan.fileBytes, humanBytes(plan.fileBytes), plan.bitsPerWeight(), plan.tensorBytes,
               plan.usesImatrix ? fmt::format(", imatrix: {} entries", plan.imatrixEntries) : "",
               plan.fallbackCount ? fmt::format(", {} fallbacks", plan.fallbackCount) : "");
    for (const auto& w : plan.warnings) fmt::print("  note: {}\n", w);
    if (plan.fallbackCount) fmt::print("  fallbacks: {}\n", quant::describeFallbacks(plan));
    if (!tensors) return;
    for (const auto& t : plan.tensors)
        fmt::print("  {:<36} {:<18} {:<5} -> {:<7} {:>11}  {}{}\n", t.name, shapeText(t.shape), ggmlTypeName(t.sourceType),
                   ggmlTypeName(t.type), t.byteSize, quant::typeReasonName(t.reason), t.usesImatrix ? ", imatrix" : "");
}

void planJson(JsonWriter& j, const quant::QuantPlan& plan, bool tensors) {
    j.beginObject();
    j.field("preset", plan.preset.name).field("file_type", uint64_t(plan.preset.fileType));
    j.field("file_bytes", plan.fileBytes).field("tensor_bytes", plan.tensorBytes);
    j.field("bits_per_weight", plan.bitsPerWeight()).field("uses_imatrix", plan.usesImatrix);
    j.field("fallbacks", uint64_t(plan.fallbackCount));
    j.key("warnings").beginArray();
    for (const auto& w : plan.warnings) j.value(w);
    j.endArray();
    if (tensors) {
        j.key("tensors").beginArray();
        for (const auto& t : plan.tensors) {
            j.beginObject().field("name", t.name).key("shape").beginArray();
            for (auto d : t.shape) j.value(d);
            j.endArray();
            j.field("source_type", ggmlTypeName(t.sourceType)).field("type", ggmlTypeName(t.type));
            j.field("bytes", t.byteSize).field("action", quant::tensorActionName(t.action));
            j.field("reason", quant::typeReasonName(t.reason)).field("imatrix", t.usesImatrix);
            j.endObject();
        }
        j.endArray();
    }
    j.endObject();
}

} // namespace

int runPlan(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--json", "--summary", "--help"}};
    addPlanOptions(spec);
    auto args = Args::parse(argv, spec);
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli plan: {}\n", args.error().message);
        fmt::print(stderr, "usage: quantforge-cli plan IN --types LIST [options] [--summary] [--json]\n"
                           "  Prints the exact type and size of every output tensor and the exact file size,\n"
                           "  without writing anything. --summary: one line per preset.\n{}",
                   kPlanOptionsHelp);
        return args && args->has("--help") ? 0 : 2;
    }
    auto request = planRequestFrom(*args);
    if (!request) {
        fmt::print(stderr, "quantforge-cli plan: {}\n", request.error().message);
        return 2;
    }
    auto source = gguf::GgufFile::open(args->positional()[0]);
    if (!source) {
        fmt::print(stderr, "error: {}\n", source.error().message);
        return 1;
    }
    JsonWriter j;
    if (args->has("--json")) j.beginObject().field("source", source->path().string()).key("plans").beginArray();
    for (const auto* preset : request->presets) {
        auto plan = quant::makeQuantPlan(source->metadata(), source->tensors(), *preset, request->options);
        if (!plan && !request->options.imatrix && quant::needsImportanceMatrix(plan.error())) {
            // Like llama-quantize --dry-run: the plan as it will be with an imatrix, and a warning.
            fmt::print(stderr, "warning: {}\n", plan.error().message);
            quant::PlanOptions assumed = request->options;
            assumed.assumeImatrix = true;
            plan = quant::makeQuantPlan(source->metadata(), source->tensors(), *preset, assumed);
        }
        if (!plan) {
            fmt::print(stderr, "error: {}: {}{}\n", preset->name, plan.error().message,
                       request->options.allowRequantize ? "" : requantizeHint(plan.error()));
            return 1;
        }
        if (args->has("--json")) planJson(j, *plan, !args->has("--summary"));
        else printPlanText(*plan, !args->has("--summary"));
    }
    if (args->has("--json")) fmt::print("{}\n", j.endArray().endObject().str());
    return 0;
}

} // namespace qf::cli
