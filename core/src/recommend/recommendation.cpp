// Choosing one preset for a machine and explaining the choice with its numbers.
#include "qf/recommend/recommendation.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "phrase_patterns.h"

namespace qf::recommend {
namespace {

constexpr std::array<std::string_view, 4> kLadder = {"Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0"};
constexpr std::array<std::string_view, 2> kOtherFourBit = {"Q4_K_S", "IQ4_XS"};
// Largest first. The I-quants below 3.5 bits beat the K-quants of their size but need an imatrix.
constexpr std::array<std::string_view, 9> kBelowFourBit = {"Q3_K_L", "Q3_K_M", "IQ3_M",   "Q3_K_S", "IQ3_XXS",
                                                           "Q2_K",   "IQ2_M",  "IQ2_XXS", "IQ1_M"};
constexpr uint64_t kContextStep = 256;
// Formats for models trained with so few levels: on an ordinary model they are unusable, so they are never
// a recommendation nor "the smallest preset".
constexpr std::array<std::string_view, 4> kTrainedOnly = {"TQ1_0", "TQ2_0", "Q1_0", "Q2_0"};

bool forTrainedModelsOnly(std::string_view preset) {
    return std::find(kTrainedOnly.begin(), kTrainedOnly.end(), preset) != kTrainedOnly.end();
}

class Chooser {
public:
    Chooser(const PlannedModel& model, const RecommendRequest& request, RecommendResult& result)
        : m_model(model), m_request(request), m_result(result), m_machine(request.machine),
          m_budget(result.budget), m_gpu(request.machine.hasGpu()) {}

    Recommendation choose() {
        Recommendation rec;
        const PresetVerdict* base = verdict("Q4_K_M");
        if (!base || !base->available) {
            const PresetVerdict* any = firstAvailable();
            if (!any) {
                rec.headline = "No preset can be made from this file";
                rec.explanationPhrases.push_back(
                    m_result.presets.empty()
                        ? say(patterns::kNoPresets)
                        : say(patterns::kVerbatim, {textArg(m_result.presets.front().unavailableReason)}));
                finish(rec, nullptr);
                return rec;
            }
            base = any;
        }
        if (reachesGoal(*base)) return climb(*base);
        for (auto name : kOtherFourBit)
            if (const PresetVerdict* v = verdict(name); v && v->available && reachesGoal(*v))
                return otherFourBit(*v, *base);
        if (base->fit == Fit::PartialOffload || base->fit == Fit::CpuOnly) return partial(*base);
        for (auto name : kBelowFourBit)
            if (const PresetVerdict* v = verdict(name); v && v->available && v->fit != Fit::DoesNotFit)
                return belowFourBit(*v, *base);
        return nothingFits(*base);
    }

private:
    const PresetVerdict* verdict(std::string_view name) const {
        for (const auto& v : m_result.presets)
            if (v.preset->name == name) return &v;
        return nullptr;
    }

    const PresetVerdict* firstAvailable() const {
        for (auto it = m_result.presets.rbegin(); it != m_result.presets.rend(); ++it)
            if (it->available && !forTrainedModelsOnly(it->preset->name)) return &*it;
        return nullptr;
    }

    // The placement the practice aims for: the whole model on the GPU when there is one, else in RAM.
    bool reachesGoal(const PresetVerdict& v) const {
        return m_gpu ? v.fit == Fit::FullGpu : v.fit == Fit::CpuOnly;
    }

    size_t indexOf(const PresetVerdict& v) const { return size_t(&v - m_result.presets.data()); }

    Recommendation pick(const PresetVerdict& v) const {
        Recommendation rec;
        rec.index = indexOf(v);
        rec.preset = std::string(v.preset->name);
        switch (v.fit) {
        case Fit::FullGpu:
            rec.headline = fmt::format("{}, fully on the GPU", v.preset->name);
            break;
        case Fit::PartialOffload:
            rec.headline =
                fmt::format("{}, {} of {} layers on the GPU", v.preset->name, v.gpuLayers, v.layers);
            break;
        default:
            rec.headline = fmt::format("{}, on the CPU", v.preset->name);
            break;
        }
        return rec;
    }

    static Phrase say(std::string_view pattern, std::vector<Phrase::Arg> args = {}) {
        return Phrase{pattern, std::move(args)};
    }

    static Phrase::Arg name(const PresetVerdict& v) { return textArg(v.preset->name); }

    Phrase kvText(uint64_t kvBytes) const {
        return say(patterns::kKvCache,
                   {bytesArg(kvBytes), textArg(ggmlTypeName(m_request.kvType)), countArg(m_request.context)});
    }

    // "5.4 GB of weights, 2.1 GB of KV cache (F16, 4096 tokens) and about 0.4 GB of compute buffer make 8.0
    // GB"
    Phrase needText(uint64_t weights, const PresetVerdict& v, uint64_t total) const {
        return say(patterns::kNeed, {bytesArg(weights), phraseArg(kvText(v.kvBytes)), bytesArg(v.computeBytes),
                                     bytesArg(total)});
    }

    Phrase gpuBudgetText() const {
        if (m_budget.unified)
            return say(m_machine.gpuEstimated ? patterns::kUnifiedBudgetEstimated : patterns::kUnifiedBudget,
                       {bytesArg(m_budget.gpuUsable), bytesArg(m_machine.gpuBytes), bytesArg(m_machine.ramBytes),
                        bytesArg(m_machine.osReserve())});
        return say(patterns::kGpuBudget,
                   {bytesArg(m_budget.gpuUsable), bytesArg(m_machine.gpuBytes), bytesArg(m_machine.gpuReserve())});
    }

    Phrase ramBudgetText() const {
        return say(patterns::kRamBudget,
                   {bytesArg(m_budget.ramUsable), bytesArg(m_machine.ramBytes), bytesArg(m_machine.osReserve())});
    }

    Phrase placementText(const PresetVerdict& v) const {
        if (v.fit == Fit::FullGpu)
            return say(patterns::kFitsOnGpu,
                       {name(v), phraseArg(needText(v.gpuBytes - v.kvBytes - v.computeBytes, v, v.gpuBytes)),
                        phraseArg(gpuBudgetText()), bytesArg(v.inputBytes)});
        return say(patterns::kRunsFromRam,
                   {name(v), phraseArg(needText(v.weightBytes, v, v.ramBytes)), phraseArg(ramBudgetText())});
    }

    // What `v` needs at the placement the practice aims for: on the GPU when there is one, else in RAM.
    uint64_t needOf(const PresetVerdict& v) const { return m_gpu ? v.fullGpuBytes : v.totalBytes; }

    // The explanation's English text: its phrases and the expected quality of the chosen preset.
    static void finish(Recommendation& rec, const PresetVerdict* chosen) {
        rec.explanation = englishText(rec.explanationPhrases);
        if (chosen) rec.explanation += fmt::format(" Expected quality: {}.", chosen->quality.describe());
        for (const Phrase& w : rec.warningPhrases)
            rec.warnings.push_back(w.english());
        for (const Phrase& s : rec.suggestionPhrases)
            rec.suggestions.push_back(s.english());
    }

    Recommendation climb(const PresetVerdict& base) {
        const PresetVerdict* chosen = &base;
        const PresetVerdict* stopper = nullptr;
        if (base.preset->name == "Q4_K_M") {
            for (size_t i = 1; i < kLadder.size(); ++i) {
                const PresetVerdict* next = verdict(kLadder[i]);
                if (!next || !next->available) continue;
                if (!reachesGoal(*next)) {
                    stopper = next;
                    break;
                }
                chosen = next;
            }
        }
        Recommendation rec = pick(*chosen);
        rec.explanationPhrases.push_back(placementText(*chosen));
        const Phrase ending = stopper ? say(patterns::kEndStop, {name(*stopper), bytesArg(needOf(*stopper))})
                              : chosen->preset->name == "Q8_0" ? say(patterns::kEndTop)
                                                               : say(patterns::kEnd);
        const std::string_view why = base.preset->name != "Q4_K_M" ? patterns::kNoQ4KM
                                     : chosen == &base             ? patterns::kUsualBalance
                                                                   : patterns::kClimbed;
        rec.explanationPhrases.push_back(say(why, {phraseArg(ending)}));
        if (!m_gpu && chosen != &base && base.relativeSpeed > 0 && chosen->relativeSpeed > 0)
            rec.explanationPhrases.push_back(
                say(patterns::kCpuSpeed, {decimalArg(base.relativeSpeed / chosen->relativeSpeed)}));
        finish(rec, chosen);
        return rec;
    }

    Recommendation otherFourBit(const PresetVerdict& v, const PresetVerdict& base) {
        Recommendation rec = pick(v);
        rec.explanationPhrases = {
            say(patterns::kWouldNeedMoreThan,
                {name(base), bytesArg(needOf(base)), phraseArg(m_gpu ? gpuBudgetText() : ramBudgetText())}),
            placementText(v),
            say(m_gpu ? patterns::kBestFourBitGpu : patterns::kBestFourBit),
        };
        addSuggestions(rec, base, m_gpu ? Fit::FullGpu : Fit::CpuOnly);
        finish(rec, &v);
        return rec;
    }

    Recommendation partial(const PresetVerdict& base) {
        Recommendation rec = pick(base);
        if (base.fit == Fit::PartialOffload)
            rec.explanationPhrases.push_back(say(
                patterns::kPartialOffload,
                {name(base), bytesArg(base.fullGpuBytes), phraseArg(gpuBudgetText()), countArg(base.gpuLayers),
                 countArg(base.layers), bytesArg(base.gpuBytes), bytesArg(base.ramBytes),
                 bytesArg(m_budget.ramUsable)}));
        else
            rec.explanationPhrases.push_back(
                say(patterns::kNoLayerFits, {name(base), phraseArg(gpuBudgetText()),
                                             phraseArg(needText(base.weightBytes, base, base.ramBytes)),
                                             phraseArg(ramBudgetText())}));
        rec.explanationPhrases.push_back(say(patterns::kHigherSlower));
        for (auto below : kBelowFourBit)
            if (const PresetVerdict* v = verdict(below); v && v->available && v->fit == Fit::FullGpu) {
                rec.explanationPhrases.push_back(say(patterns::kBelowFourBitOnGpu, {textArg(below)}));
                break;
            }
        addSuggestions(rec, base, Fit::FullGpu);
        finish(rec, &base);
        return rec;
    }

    Recommendation belowFourBit(const PresetVerdict& v, const PresetVerdict& base) {
        Recommendation rec = pick(v);
        const Phrase where = v.fit == Fit::FullGpu ? say(patterns::kWhereFullGpu)
                             : v.fit == Fit::PartialOffload
                                 ? say(patterns::kWherePartial, {countArg(v.gpuLayers), countArg(v.layers)})
                                 : say(patterns::kWhereRam);
        const uint64_t capacity =
            m_budget.unified || !m_gpu ? m_budget.ramUsable : m_budget.ramUsable + m_budget.gpuUsable;
        rec.explanationPhrases.push_back(say(patterns::kEvenBaseDoesNotFit,
                                             {name(base), bytesArg(base.totalBytes), bytesArg(capacity), name(v),
                                              phraseArg(where), bytesArg(v.totalBytes)}));
        rec.warningPhrases.push_back(say(patterns::kBelowFourBitWarning, {name(v)}));
        if (const PlannedModel::Entry* entry = m_model.find(v.preset->name); entry && entry->needsImatrix)
            rec.warningPhrases.push_back(say(patterns::kNeedsImatrixWarning, {name(v)}));
        addSuggestions(rec, base, Fit::DoesNotFit);
        finish(rec, &v);
        return rec;
    }

    Recommendation nothingFits(const PresetVerdict& base) {
        Recommendation rec;
        rec.headline = "Nothing fits";
        const PresetVerdict* smallest = firstAvailable();
        const uint64_t capacity =
            m_budget.unified ? m_budget.ramUsable : m_budget.ramUsable + m_budget.gpuUsable;
        rec.explanationPhrases.push_back(
            say(m_gpu && !m_budget.unified ? patterns::kNothingFitsTogether : patterns::kNothingFits,
                {name(*smallest), bytesArg(smallest->totalBytes), countArg(m_request.context),
                 bytesArg(smallest->kvBytes), bytesArg(capacity)}));
        addSuggestions(rec, base, Fit::DoesNotFit);
        finish(rec, nullptr);
        return rec;
    }

    // Whether `v` reaches `target`: DoesNotFit as target means "fits at all".
    static bool reaches(const PresetVerdict& v, Fit target) {
        return target == Fit::DoesNotFit ? v.fit != Fit::DoesNotFit : v.fit == target;
    }

    PresetVerdict evaluate(const PresetVerdict& v, uint64_t context, GgmlType kvType) const {
        return evaluatePreset(m_model, *m_model.find(v.preset->name), context, kvType, m_machine, {});
    }

    // What would make `base` reach `target`: a shorter context, a quantized KV cache, a GPU, a smaller model.
    void addSuggestions(Recommendation& rec, const PresetVerdict& base, Fit target) const {
        const std::string_view contextPattern = target == Fit::DoesNotFit ? patterns::kShorterContextFits
                                                : target == Fit::FullGpu  ? patterns::kShorterContextFitsGpu
                                                                          : patterns::kShorterContextFitsRam;
        const std::string_view kvPattern = target == Fit::DoesNotFit ? patterns::kKvTypeFits
                                           : target == Fit::FullGpu  ? patterns::kKvTypeFitsGpu
                                                                     : patterns::kKvTypeFitsRam;
        if (m_request.context > kContextStep) {
            uint64_t lo = 0, hi = (m_request.context - 1) / kContextStep; // in steps
            while (lo < hi) {
                const uint64_t mid = (lo + hi + 1) / 2;
                if (reaches(evaluate(base, mid * kContextStep, m_request.kvType), target))
                    lo = mid;
                else
                    hi = mid - 1;
            }
            if (lo > 0) rec.suggestionPhrases.push_back(say(contextPattern, {countArg(lo * kContextStep), name(base)}));
        }
        for (GgmlType kv : {GgmlType::Q8_0, GgmlType::Q4_0}) {
            if (ggmlRowBytes(kv, 32) >= ggmlRowBytes(m_request.kvType, 32)) continue; // not smaller than now
            if (!kvCacheBytes(m_model.shape, m_request.context, kv)) continue;
            const PresetVerdict q = evaluate(base, m_request.context, kv);
            if (reaches(q, target)) {
                rec.suggestionPhrases.push_back(say(kvPattern, {textArg(ggmlTypeName(kv)), bytesArg(q.kvBytes),
                                                                bytesArg(base.kvBytes), name(base)}));
                break;
            }
        }
        if (target != Fit::CpuOnly && !m_budget.unified) {
            // The GPU memory that would hold everything, with a discrete card's reserve.
            const uint64_t need = base.fullGpuBytes + kDiscreteGpuReserveBytes;
            rec.suggestionPhrases.push_back(say(patterns::kGpuWouldHold, {bytesArg(need), name(base)}));
        }
        if (target == Fit::DoesNotFit) {
            const uint64_t capacity =
                m_budget.unified ? m_budget.ramUsable : m_budget.ramUsable + m_budget.gpuUsable;
            const uint64_t overhead = base.kvBytes + base.computeBytes;
            const double bytesPerParameter =
                m_model.shape.parameterCount ? double(base.weightBytes) / double(m_model.shape.parameterCount)
                                             : 0.0;
            if (capacity > overhead && bytesPerParameter > 0) {
                const double parameters = double(capacity - overhead) / bytesPerParameter;
                rec.suggestionPhrases.push_back(
                    say(patterns::kSmallerModel, {decimalArg(parameters / 1e9), name(base),
                                                  decimalArg(double(m_model.shape.parameterCount) / 1e9)}));
            }
        }
    }

    const PlannedModel& m_model;
    const RecommendRequest& m_request;
    RecommendResult& m_result;
    const Machine& m_machine;
    const MemoryBudget& m_budget;
    const bool m_gpu;
};

} // namespace

Result<RecommendResult> makeRecommendation(const PlannedModel& model, const RecommendRequest& request) {
    if (request.context == 0) return makeError("the context length must be at least 1 token");
    QF_TRY(kvCacheBytes(model.shape, request.context, request.kvType));
    RecommendResult result;
    result.context = request.context;
    result.kvType = request.kvType;
    result.budget = memoryBudget(request.machine);
    for (const auto& entry : model.presets)
        result.presets.push_back(
            evaluatePreset(model, entry, request.context, request.kvType, request.machine, request.measured));
    result.recommendation = Chooser(model, request, result).choose();
    if (model.shape.trainedContext && request.context > model.shape.trainedContext)
    {
        Phrase warning{patterns::kContextLongerThanTrained,
                       {countArg(request.context), countArg(model.shape.trainedContext)}};
        result.recommendation.warnings.push_back(warning.english());
        result.recommendation.warningPhrases.push_back(std::move(warning));
    }
    return result;
}

} // namespace qf::recommend
