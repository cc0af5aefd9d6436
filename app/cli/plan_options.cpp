#include "cli/plan_options.h"

#include <fmt/format.h>

namespace qf::cli {

const char* const kPlanOptionsHelp =
    "  --types LIST               presets, comma-separated (default Q4_K_M); 'all' for every preset\n"
    "  --imatrix FILE             importance matrix (llama.cpp .dat or GGUF imatrix)\n"
    "  --include-weights NAME     use the imatrix only for tensors whose name contains NAME (repeatable)\n"
    "  --exclude-weights NAME     do not use the imatrix for tensors whose name contains NAME (repeatable)\n"
    "  --leave-output-tensor      keep output.weight as it is\n"
    "  --output-tensor-type T     type for output.weight\n"
    "  --token-embedding-type T   type for token_embd.weight\n"
    "  --tensor-type REGEX=T      type for tensors whose name matches REGEX (repeatable)\n"
    "  --pure                     the preset's base type everywhere, no mix\n"
    "  --allow-requantize         allow a source that is already quantized (loses quality)\n";

void addPlanOptions(ArgSpec& spec) {
    for (const char* f : {"--leave-output-tensor", "--pure", "--allow-requantize"}) spec.flags.insert(f);
    for (const char* v : {"--types", "--imatrix", "--include-weights", "--exclude-weights", "--output-tensor-type",
                          "--token-embedding-type", "--tensor-type"})
        spec.valued.insert(v);
}

static Result<GgmlType> typeArg(const std::string& option, const std::string& value) {
    const auto t = ggmlTypeFromName(value);
    if (!t) return makeError("{}: '{}' is not a tensor type (e.g. Q8_0, Q6_K, F16)", option, value);
    return *t;
}

Result<PlanRequest> planRequestFrom(const Args& args) {
    PlanRequest req;
    const std::string types = args.value("--types").value_or("Q4_K_M");
    if (types == "all") {
        for (const auto& p : quant::allPresets()) req.presets.push_back(&p);
    } else {
        size_t start = 0;
        while (start <= types.size()) {
            const size_t comma = std::min(types.find(',', start), types.size());
            const std::string name = types.substr(start, comma - start);
            if (!name.empty()) {
                const quant::Preset* p = quant::findPreset(name);
                if (!p) {
                    std::string known;
                    for (const auto& q : quant::allPresets()) known += (known.empty() ? "" : ", ") + std::string(q.name);
                    return makeError("unknown preset '{}'; known presets: {}", name, known);
                }
                req.presets.push_back(p);
            }
            start = comma + 1;
        }
    }
    if (req.presets.empty()) return makeError("--types lists no preset");

    auto& o = req.options;
    o.leaveOutputTensor = args.has("--leave-output-tensor");
    o.pure = args.has("--pure");
    o.allowRequantize = args.has("--allow-requantize");
    if (auto v = args.value("--output-tensor-type")) {
        auto t = typeArg("--output-tensor-type", *v);
        if (!t) return t.error();
        o.outputTensorType = *t;
    }
    if (auto v = args.value("--token-embedding-type")) {
        auto t = typeArg("--token-embedding-type", *v);
        if (!t) return t.error();
        o.tokenEmbeddingType = *t;
    }
    for (const auto& rule : args.values("--tensor-type")) {
        const auto eq = rule.rfind('=');
        if (eq == std::string::npos || eq == 0)
            return makeError("--tensor-type wants REGEX=TYPE, e.g. 'attn_v=Q8_0', not '{}'", rule);
        auto t = typeArg("--tensor-type", rule.substr(eq + 1));
        if (!t) return t.error();
        o.tensorTypes.push_back({rule.substr(0, eq), *t});
    }
    o.includeWeights = args.values("--include-weights");
    o.excludeWeights = args.values("--exclude-weights");
    if (auto path = args.value("--imatrix")) {
        auto im = quant::loadImatrix(*path);
        if (!im) return im.error();
        req.imatrix = std::make_shared<quant::Imatrix>(std::move(*im));
        o.imatrix = req.imatrix.get();
    } else if (!o.includeWeights.empty() || !o.excludeWeights.empty()) {
        return makeError("--include-weights and --exclude-weights need --imatrix");
    }
    return req;
}

std::string requantizeHint(const Error& planError) {
    return planError.kind == ErrorKind::NeedsAllowRequantize ? " (pass --allow-requantize to do it anyway)"
                                                             : "";
}

} // namespace qf::cli
