// A mix as a quantization plan, within an exact byte budget (see qf/mix/mix_plan.h).
#include "qf/mix/mix_plan.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "qf/gguf/gguf_writer.h"
#include "qf/quant/kernels.h"
#include "qf/quant/preset.h"
#include "plan/tensor_rules.h"

namespace qf::mix {
namespace {

uint64_t alignUp(uint64_t bytes, uint64_t alignment) {
    return (bytes + alignment - 1) / alignment * alignment;
}

// Every quantizable tensor at Q8_0: the tensors the mix chooses for and the bytes of everything else.
Result<quant::QuantPlan> baselinePlan(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                                      const MixRequest& request) {
    quant::PlanOptions options;
    options.pure = true;
    options.imatrix = request.imatrix;
    options.imatrixFileLabel = request.imatrixLabel;
    options.assumeImatrix = request.imatrix == nullptr;
    return quant::makeQuantPlan(metadata, tensors, *quant::findPreset("Q8_0"), options);
}

// The preset recorded as general.file_type: the one whose base type holds most of the mix's bytes.
const quant::Preset& dominantPreset(const std::vector<MixItem>& items, const MixSolution& solution) {
    std::map<GgmlType, uint64_t> bytesByType;
    for (size_t i = 0; i < items.size(); ++i) {
        const MixOption& o = items[i].options[solution.choice[i]];
        if (ggmlTypeTraits(o.type).quantized) bytesByType[o.type] += o.bytes;
    }
    std::vector<std::pair<GgmlType, uint64_t>> ranked(bytesByType.begin(), bytesByType.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [type, bytes] : ranked)
        for (const quant::Preset& p : quant::allPresets())
            if (p.baseType == type) return p;
    return *quant::findPreset("Q8_0");
}

} // namespace

std::string exactNamePattern(std::string_view name) {
    std::string out = "^";
    for (char c : name) {
        if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out + "$";
}

Result<std::vector<MixItem>> mixItems(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                                      const SensitivityTable& table, const MixRequest& request) {
    if (table.usedImatrix != (request.imatrix != nullptr))
        return makeError("{}", table.usedImatrix
                                   ? "the sensitivity was measured with an importance matrix: give the same one"
                                   : "the sensitivity was measured without an importance matrix: measure it again "
                                     "with this one");
    auto base = baselinePlan(metadata, tensors, request);
    if (!base) return base.error();
    std::vector<MixItem> items;
    for (const quant::TensorPlan& t : base->tensors) {
        if (t.action != quant::TensorAction::Quantize) continue;
        MixItem item;
        item.name = t.name;
        const uint64_t cols = t.shape.empty() ? 0 : t.shape[0];
        const uint64_t rows = cols ? t.elementCount() / cols : 0;
        const TensorSensitivity* s = table.find(t.name);
        if (s && s->kld.size() == table.candidates.size()) {
            for (size_t k = 0; k < table.candidates.size(); ++k) {
                const GgmlType type = table.candidates[k];
                if (s->kld[k] < 0 || cols % ggmlTypeTraits(type).blockSize != 0) continue;
                // Without a matrix (the plan above only assumes one) llama-quantize refuses these types.
                const bool withMatrix = request.imatrix != nullptr && t.usesImatrix;
                if (!withMatrix && (quant::requiresImportance(type) ||
                                    quant::detail::typeRequiresImatrix(type, t.name, quant::LlamaFileType::MostlyQ8_0)))
                    continue;
                item.options.push_back({type, alignUp(ggmlRowBytes(type, cols) * rows, base->alignment), s->kld[k]});
            }
            if (request.allowSourceType && (t.sourceType == GgmlType::F32 || t.sourceType == GgmlType::F16 || t.sourceType == GgmlType::BF16))
                item.options.push_back({t.sourceType, alignUp(t.sourceBytes, base->alignment), 0.0});
        }
        // Not measured (the decoder does not read it): Q8_0, as the plan has it.
        if (item.options.empty()) item.options.push_back({t.type, alignUp(t.byteSize, base->alignment), 0.0});
        items.push_back(std::move(item));
    }
    return items;
}

Result<MixPlan> planMix(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                        const SensitivityTable& table, const MixRequest& request) {
    auto items = mixItems(metadata, tensors, table, request);
    if (!items) return items.error();
    auto base = baselinePlan(metadata, tensors, request);
    if (!base) return base.error();
    uint64_t itemBytes = 0;
    for (const auto& t : base->tensors)
        if (t.action == quant::TensorAction::Quantize) itemBytes += alignUp(t.byteSize, base->alignment);
    const uint64_t fixed = base->fileBytes - itemBytes;
    // The recipe lengthens the metadata (quantforge.options): reserve for it, then correct if short.
    uint64_t reserve = 512;
    for (const auto& item : *items)
        reserve += exactNamePattern(item.name).size() + 32;

    for (int attempt = 0; attempt < 8; ++attempt) {
        if (fixed + reserve >= request.budgetBytes)
            return makeError("a budget of {} bytes cannot hold this model's metadata and unquantized tensors ({} bytes)",
                             request.budgetBytes, fixed + reserve);
        auto solution = solveMix(*items, request.budgetBytes - fixed - reserve);
        if (!solution)
            return rewordError(solution.error(), "{} (with {} bytes of metadata and unquantized tensors)",
                               solution.error().message, fixed);
        quant::PlanOptions options;
        options.imatrix = request.imatrix;
        options.imatrixFileLabel = request.imatrixLabel;
        for (size_t i = 0; i < items->size(); ++i)
            options.tensorTypes.push_back({exactNamePattern((*items)[i].name), (*items)[i].options[solution->choice[i]].type});
        auto plan = quant::makeQuantPlan(metadata, tensors, dominantPreset(*items, *solution), options);
        if (!plan) return plan.error();
        plan->metadata.set(std::string(kPredictedKldKey), gguf::Value::f32(float(solution->cost)));
        plan->metadata.set("quantforge.mix.budget", gguf::Value::u64(request.budgetBytes));
        plan->metadata.set("quantforge.mix.sensitivity", gguf::Value::string(table.key));
        auto fileBytes = gguf::plannedFileSize(plan->writeParams({}));
        if (!fileBytes) return fileBytes.error();
        plan->fileBytes = *fileBytes;
        if (plan->fileBytes <= request.budgetBytes) {
            MixPlan out;
            out.plan = std::move(*plan);
            out.items = std::move(*items);
            out.solution = std::move(*solution);
            out.predictedKld = out.solution.cost;
            out.budgetBytes = request.budgetBytes;
            return out;
        }
        reserve += plan->fileBytes - request.budgetBytes + base->alignment;
    }
    return makeError("could not fit the mix into {} bytes", request.budgetBytes);
}

std::vector<CurvePoint> predictedCurve(const MixPlan& mix, uint64_t maxFileBytes, int points) {
    const uint64_t fixed = mix.plan.fileBytes > mix.solution.bytes ? mix.plan.fileBytes - mix.solution.bytes : 0;
    uint64_t largest = 0;
    for (const MixItem& item : mix.items) {
        uint64_t most = 0;
        for (const MixOption& o : item.options) most = std::max(most, o.bytes);
        largest += most;
    }
    const uint64_t maxTensorBytes = maxFileBytes == 0 ? largest : maxFileBytes > fixed ? maxFileBytes - fixed : 0;
    std::vector<CurvePoint> out;
    for (const FrontPoint& p : paretoFront(mix.items, std::min(maxTensorBytes, largest), points))
        if (out.empty() || (p.bytes + fixed > out.back().fileBytes && p.cost <= out.back().predictedKld))
            out.push_back({p.bytes + fixed, p.cost}); // budgets that end at the same mix give one point
    return out;
}

std::string recipeText(const quant::QuantPlan& plan) {
    std::string out;
    for (const auto& o : plan.options.tensorTypes)
        out += fmt::format("{}={}\n", o.pattern, ggmlTypeName(o.type));
    return out;
}

Result<std::vector<quant::TensorTypeOverride>> parseRecipe(std::string_view text) {
    std::vector<quant::TensorTypeOverride> rules;
    std::istringstream in{std::string(text)};
    std::string word;
    while (in >> word) {
        const size_t eq = word.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == word.size())
            return makeError("recipe entry '{}' is not NAME=TYPE", word);
        auto type = ggmlTypeFromName(word.substr(eq + 1));
        if (!type) return makeError("recipe entry '{}': unknown type {}", word, word.substr(eq + 1));
        std::string pattern = word.substr(0, eq);
        std::transform(pattern.begin(), pattern.end(), pattern.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        rules.push_back({std::move(pattern), *type});
    }
    return rules;
}

} // namespace qf::mix
