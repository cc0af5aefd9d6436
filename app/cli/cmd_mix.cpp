// quantforge-cli mix: the best mix of standard types for a byte budget (qf/mix).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/progress_line.h"
#include "qf/eval/imatrix_compute.h"
#include "qf/eval/llama_model.h"
#include "qf/io/atomic_file.h"
#include "qf/io/output_policy.h"
#include "qf/mix/machine_budget.h"
#include "qf/mix/mix_plan.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/quantize_job.h"
#include "qf/recommend/machine.h"
#include "qf/recommend/recommendation.h"

namespace qf::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: quantforge-cli mix MODEL (--budget SIZE | --fit-ram SIZE [--ctx N]) -o OUT.gguf [options]\n"
    "  The mix of standard GGUF types that the measured sensitivity of each tensor predicts to lose least\n"
    "  (KL divergence) within a byte budget; an ordinary GGUF file, recipe in its metadata.\n"
    "  --budget SIZE      the whole file's size: 11.5MB, 700MiB, 4GB, or bytes\n"
    "  --fit-ram SIZE     instead: the largest file that fits this much RAM (no GPU) with the OS reserve,\n"
    "                     the KV cache and compute buffers of --ctx tokens (default 4096), by the memory\n"
    "                     model of `recommend` (at most the largest preset's size)\n"
    "  --kv-type T        KV cache type for --fit-ram: F16 (default), Q8_0, Q4_0\n"
    "  --imatrix FILE     importance matrix (needed for IQ2/IQ3 types; used for all as llama-quantize)\n"
    "  --text FILE        calibration text (default: the bundled books-calibration.txt; never the\n"
    "                     evaluation text)\n"
    "  --recipe-out FILE  also write the llama-quantize --tensor-type-file recipe\n"
    "  --types T,T,...    candidate types (default IQ2_XXS..Q8_0)\n"
    "  --probe T,T,...    measure only these through the model, scale the others by their error\n"
    "                     (default: all below 300M parameters, else Q3_K,Q5_K)\n"
    "  --sens-ctx N       tokens per calibration chunk (default 256; 64 above 300M parameters)\n"
    "  --sens-chunks N    calibration chunks sampled (default 8; 2 above 300M parameters)\n"
    "  --front N          print the predicted KLD over N budgets up to the given one\n"
    "  --dry-run          plan only: print sizes and predicted KLD, write nothing\n"
    "  --cache-dir DIR    where the sensitivity cache goes     --no-cache   always measure\n"
    "  -t, --threads N    threads (default: all)               --overwrite  replace OUT\n";

int usageError(const std::string& message) {
    fmt::print(stderr, "quantforge-cli mix: {}\n{}", message, kUsage);
    return 2;
}

// "11.5MB" (decimal), "700MiB" (binary), "4GB", "123456" (bytes).
Result<uint64_t> parseByteSize(const std::string& text) {
    size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (...) {
        return makeError("'{}' is not a size (e.g. 11.5MB, 700MiB, 4GB)", text);
    }
    std::string unit = text.substr(used);
    for (char& c : unit) c = char(std::toupper(static_cast<unsigned char>(c)));
    double scale = 0;
    if (unit.empty() || unit == "B") scale = 1;
    else if (unit == "KB" || unit == "K") scale = 1e3;
    else if (unit == "MB" || unit == "M") scale = 1e6;
    else if (unit == "GB" || unit == "G") scale = 1e9;
    else if (unit == "KIB") scale = 1024.0;
    else if (unit == "MIB") scale = 1024.0 * 1024;
    else if (unit == "GIB") scale = 1024.0 * 1024 * 1024;
    if (scale == 0 || !(value > 0) || value * scale > 1e15)
        return makeError("'{}' is not a size (e.g. 11.5MB, 700MiB, 4GB)", text);
    return uint64_t(std::floor(value * scale));
}

Result<std::vector<GgmlType>> parseTypes(const std::string& list) {
    std::vector<GgmlType> types;
    size_t start = 0;
    while (start <= list.size()) {
        const size_t comma = std::min(list.find(',', start), list.size());
        const std::string name = list.substr(start, comma - start);
        auto t = ggmlTypeFromName(name);
        if (!t) return makeError("unknown type '{}'", name);
        types.push_back(*t);
        start = comma + 1;
    }
    return types;
}

} // namespace

int runMix(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--help", "--no-cache", "--overwrite", "--dry-run"},
                 .valued = {"--budget", "--fit-ram", "--ctx", "--imatrix", "--text", "--output", "--recipe-out",
                            "--types", "--probe", "--sens-ctx", "--kv-type", "--sens-chunks", "--front", "--cache-dir", "--threads"},
                 .aliases = {{"-o", "--output"}, {"-c", "--ctx"}, {"-t", "--threads"}, {"-f", "--text"}}};
    auto args = Args::parse(argv, spec);
    if (!args) return usageError(args.error().message);
    if (args->has("--help")) {
        fmt::print("{}", kUsage);
        return 0;
    }
    if (args->positional().size() != 1) return usageError("give one MODEL");
    if (args->value("--budget").has_value() == args->value("--fit-ram").has_value())
        return usageError("give either --budget or --fit-ram");
    const bool dryRun = args->has("--dry-run");
    if (!dryRun && !args->value("--output")) return usageError("give the output file with -o OUT.gguf");
    auto context = wholeNumberOption(*args, "--ctx", 4096, 1u << 24);
    auto sensCtx = wholeNumberOption(*args, "--sens-ctx", 0, 1u << 16);
    auto sensChunks = wholeNumberOption(*args, "--sens-chunks", 0, 1u << 16);
    auto front = wholeNumberOption(*args, "--front", 0, 1000);
    auto threads = wholeNumberOption(*args, "--threads", 0, 1024);
    for (const auto* r : {&context, &sensCtx, &sensChunks, &front, &threads})
        if (!*r) return usageError(r->error().message);

    const fs::path modelPath = args->positional()[0];
    const fs::path textPath =
        args->value("--text") ? fs::path(*args->value("--text")) : bundledDataFile("books-calibration.txt");
    if (textPath.empty()) return usageError("no calibration text: give one with --text FILE");
    mix::SensitivityParams sp;
    sp.context = uint32_t(*sensCtx);
    sp.chunks = int(*sensChunks);
    sp.threads = unsigned(*threads);
    sp.useCache = !args->has("--no-cache");
    sp.cacheFolder = args->value("--cache-dir").value_or("");
    if (auto t = args->value("--types")) {
        auto types = parseTypes(*t);
        if (!types) return usageError(types.error().message);
        sp.candidates = *types;
    }
    if (auto t = args->value("--probe")) {
        auto types = parseTypes(*t);
        if (!types) return usageError(types.error().message);
        sp.probeTypes = *types;
    }

    auto fail = [](const std::string& message) {
        fmt::print(stderr, "error: {}\n", message);
        return 1;
    };
    const fs::path out = args->value("--output").value_or("");
    std::vector<fs::path> inputs{modelPath, textPath};
    if (auto im = args->value("--imatrix")) inputs.push_back(*im);
    const io::OutputPolicy policy = io::commandOutput(args->has("--overwrite"), inputs);
    if (!dryRun)
        if (auto allowed = io::checkOutputAllowed(out, policy); !allowed) return fail(allowed.error().message);

    std::optional<quant::Imatrix> imatrix;
    if (auto im = args->value("--imatrix")) {
        auto loaded = quant::loadImatrix(*im);
        if (!loaded) return fail(loaded.error().message);
        imatrix = std::move(*loaded);
        sp.imatrix = &*imatrix;
    }
    auto text = eval::readCalibrationText(textPath);
    if (!text) return fail(text.error().message);
    auto model = eval::LlamaModel::open(modelPath);
    if (!model) return fail(model.error().message);
    const gguf::GgufFile& source = (*model)->file();
    // A large model gets the quick settings: a few short chunks, two types run through the model.
    uint64_t parameters = 0;
    for (const auto& t : source.tensors()) parameters += t.elementCount();
    const bool large = parameters > 300'000'000;
    if (*sensCtx == 0) sp.context = large ? 64 : 256;
    if (*sensChunks == 0) sp.chunks = large ? 2 : 8;
    if (large && !args->value("--probe")) sp.probeTypes = {GgmlType::Q3_K, GgmlType::Q5_K};

    GgmlType kvType = GgmlType::F16;
    if (auto kv = args->value("--kv-type")) {
        auto t = ggmlTypeFromName(*kv);
        if (!t || (*t != GgmlType::F16 && *t != GgmlType::Q8_0 && *t != GgmlType::Q4_0))
            return usageError(fmt::format("--kv-type must be F16, Q8_0 or Q4_0, got '{}'", *kv));
        kvType = *t;
    }
    uint64_t budget = 0;
    std::optional<recommend::Machine> fitMachine;
    std::optional<recommend::PlannedModel> fitModel;
    if (auto b = args->value("--budget")) {
        auto parsed = parseByteSize(*b);
        if (!parsed) return usageError(parsed.error().message);
        budget = *parsed;
    } else {
        // The same memory model as Recommend's custom mix row (qf/mix/machine_budget.h): a machine with
        // this much RAM and no GPU, the KV cache and compute buffers of --ctx tokens.
        auto ram = parseByteSize(*args->value("--fit-ram"));
        if (!ram) return usageError(ram.error().message);
        recommend::Machine machine;
        machine.label = fmt::format("{} RAM", humanBytes(*ram));
        machine.ramBytes = *ram;
        auto planned = recommend::planModel(source.metadata(), source.tensors(), modelPath.filename().string(),
                                            imatrix ? &*imatrix : nullptr);
        if (!planned) return fail(planned.error().message);
        auto fitted = mix::machineBudget(*planned, *context, kvType, machine);
        if (!fitted) return fail(fitted.error().message);
        if (fitted->fit == recommend::Fit::DoesNotFit)
            return fail(fmt::format("{} of RAM does not hold even the smallest preset ({}) with the KV cache and "
                                    "buffers of {} tokens (OS reserve {})",
                                    humanBytes(*ram), humanBytes(fitted->fileBytes), *context,
                                    humanBytes(machine.osReserve())));
        budget = fitted->fileBytes;
        fmt::print("fit {} RAM at context {} ({} KV cache, OS reserve {}): file budget {} bytes ({}){}\n",
                   humanBytes(*ram), *context, ggmlTypeName(kvType), humanBytes(machine.osReserve()), budget,
                   humanBytes(budget), fitted->cappedAtLargestPreset ? ", the largest preset's size" : "");
        fitMachine = machine;
        fitModel = std::move(*planned);
    }

    ProgressLine line;
    auto table = mix::measureSensitivity(**model, *text, sp, [&](const Progress& p) {
        line.show(fmt::format("sensitivity: {} ({}/{})", p.stage, p.done, p.total));
    });
    line.clear();
    if (!table) return fail(table.error().message);
    fmt::print("sensitivity: {} tensors x {} types, {} chunks of {} tokens, {} ({:.1f} s{})\n", table->tensors.size(),
               table->candidates.size(), table->chunks, table->context,
               table->usedImatrix ? "with imatrix" : "without imatrix", table->seconds,
               table->fromCache ? ", from cache" : "");

    mix::MixRequest request;
    request.budgetBytes = budget;
    request.imatrix = imatrix ? &*imatrix : nullptr;
    auto mixed = mix::planMix(source.metadata(), source.tensors(), *table, request);
    if (!mixed) return fail(mixed.error().message);
    const quant::QuantPlan& plan = mixed->plan;
    fmt::print("mix: {} bytes ({}, {:.3f} bpw) of a {} budget; predicted mean KLD {:.6f}; general.file_type {}\n",
               plan.fileBytes, humanBytes(plan.fileBytes), plan.bitsPerWeight(), humanBytes(budget),
               mixed->predictedKld, plan.preset.name);
    std::map<GgmlType, int> counts;
    for (const auto& t : plan.tensors)
        if (t.reason == quant::TypeReason::UserOverride) ++counts[t.type];
    std::string summary;
    for (const auto& [type, n] : counts) summary += fmt::format(" {}x{}", n, ggmlTypeName(type));
    fmt::print("types:{}\n", summary);
    if (fitMachine) {
        const recommend::PresetVerdict placed = mix::evaluateMix(*fitModel, plan, *context, kvType, *fitMachine);
        fmt::print("placement: {}, {} of memory at context {}\n", recommend::fitName(placed.fit),
                   humanBytes(placed.totalBytes), *context);
    }
    if (*front > 0) {
        for (const auto& p : mix::paretoFront(mixed->items, mixed->solution.bytes, int(*front)))
            fmt::print("front: {} tensor bytes -> predicted KLD {:.6f}\n", p.bytes, p.cost);
    }
    if (auto recipe = args->value("--recipe-out")) {
        const std::string body = mix::recipeText(plan);
        auto file = io::AtomicFile::create(*recipe, body.size(), policy);
        if (!file) return fail(file.error().message);
        if (auto w = file->write({reinterpret_cast<const uint8_t*>(body.data()), body.size()}); !w)
            return fail(w.error().message);
        if (auto c = file->commit(); !c) return fail(c.error().message);
        fmt::print("recipe: {} (llama-quantize{} --tensor-type-file {} MODEL OUT {})\n", *recipe,
                   imatrix ? " --imatrix IMATRIX" : "", *recipe, plan.preset.name);
    }
    if (dryRun) return 0;

    quant::QuantizeParams qp;
    qp.source = &source;
    qp.threads = unsigned(*threads);
    qp.overwrite = policy.overwrite;
    qp.outputs = {{plan, out}};
    auto written = quant::quantize(qp, [&](const Progress& p) {
        line.show(fmt::format("writing: {:.0f}%", p.fraction() * 100));
    });
    line.clear();
    if (!written) return fail(written.error().message);
    fmt::print("wrote {} ({} bytes) in {:.1f} s\n", out.string(), written->files.front().bytes, written->seconds);
    return 0;
}

} // namespace qf::cli
