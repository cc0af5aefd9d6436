// Choosing one preset for a machine and explaining the choice with its numbers.
#include "qf/recommend/recommendation.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

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
                rec.explanation = m_result.presets.empty() ? std::string("No presets.")
                                                           : m_result.presets.front().unavailableReason;
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

    std::string kvText(uint64_t kvBytes) const {
        return fmt::format("{} of KV cache ({}, {} tokens)", formatSize(kvBytes),
                           ggmlTypeName(m_request.kvType), m_request.context);
    }

    // "5.4 GB of weights, 2.1 GB of KV cache (F16, 4096 tokens) and about 0.4 GB of compute buffer make 8.0
    // GB"
    std::string needText(uint64_t weights, const PresetVerdict& v, uint64_t total) const {
        return fmt::format("{} of weights, {} and about {} of compute buffer make {}", formatSize(weights),
                           kvText(v.kvBytes), formatSize(v.computeBytes), formatSize(total));
    }

    std::string gpuBudgetText() const {
        if (m_budget.unified)
            return fmt::format(
                "the {} the GPU may use of unified memory ({}working-set limit {}, {} of RAM minus {} "
                "for the OS)",
                formatSize(m_budget.gpuUsable), m_machine.gpuEstimated ? "estimated " : "",
                formatSize(m_machine.gpuBytes), formatSize(m_machine.ramBytes),
                formatSize(m_machine.osReserve()));
        return fmt::format("the {} usable on the GPU ({} minus {} for the driver and desktop)",
                           formatSize(m_budget.gpuUsable), formatSize(m_machine.gpuBytes),
                           formatSize(m_machine.gpuReserve()));
    }

    std::string ramBudgetText() const {
        return fmt::format("the {} of RAM usable ({} minus {} kept for the OS)",
                           formatSize(m_budget.ramUsable), formatSize(m_machine.ramBytes),
                           formatSize(m_machine.osReserve()));
    }

    std::string placementText(const PresetVerdict& v) const {
        if (v.fit == Fit::FullGpu)
            return fmt::format(
                "{} fits fully on the GPU: {}, within {}; the token embedding ({}) stays in system RAM.",
                v.preset->name, needText(v.gpuBytes - v.kvBytes - v.computeBytes, v, v.gpuBytes),
                gpuBudgetText(), formatSize(v.inputBytes));
        return fmt::format("{} runs from system RAM: {}, within {}.", v.preset->name,
                           needText(v.weightBytes, v, v.ramBytes), ramBudgetText());
    }

    // What `v` needs at the placement the practice aims for: on the GPU when there is one, else in RAM.
    std::string needOf(const PresetVerdict& v) const {
        return formatSize(m_gpu ? v.fullGpuBytes : v.totalBytes);
    }

    std::string qualityText(const PresetVerdict& v) const {
        return fmt::format(" Expected quality: {}.", v.quality.describe());
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
        std::string text = placementText(*chosen);
        if (base.preset->name != "Q4_K_M")
            text += " Q4_K_M cannot be made from this file";
        else if (chosen == &base)
            text += " Q4_K_M is the usual balance of size and quality";
        else
            text +=
                " Started from Q4_K_M, the usual balance of size and quality, and went up while it still fit";
        if (stopper)
            text += fmt::format("; {} would need {}.", stopper->preset->name, needOf(*stopper));
        else if (chosen->preset->name == "Q8_0")
            text += "; Q8_0 is the top of the usual range (F16 doubles the size for no measurable gain).";
        else
            text += ".";
        if (!m_gpu && chosen != &base && base.relativeSpeed > 0 && chosen->relativeSpeed > 0)
            text +=
                fmt::format(" On the CPU speed falls with size: Q4_K_M would generate about {:.1f}x as fast.",
                            base.relativeSpeed / chosen->relativeSpeed);
        rec.explanation = text + qualityText(*chosen);
        return rec;
    }

    Recommendation otherFourBit(const PresetVerdict& v, const PresetVerdict& base) {
        Recommendation rec = pick(v);
        rec.explanation =
            fmt::format(
                "{} would need {}, more than {}. {} Among the 4-bit presets it is the best that fits{}",
                base.preset->name, needOf(base), m_gpu ? gpuBudgetText() : ramBudgetText(), placementText(v),
                m_gpu ? "; Q4_K_M with part of its layers on the GPU would be slower." : ".") +
            qualityText(v);
        addSuggestions(rec, base, m_gpu ? Fit::FullGpu : Fit::CpuOnly);
        return rec;
    }

    Recommendation partial(const PresetVerdict& base) {
        Recommendation rec = pick(base);
        std::string text;
        if (base.fit == Fit::PartialOffload) {
            text = fmt::format(
                "{} needs {} to run fully on the GPU with this context, more than {}. So {} of its {} "
                "layers go to the GPU ({} there) and the rest run from system RAM ({} of {} usable).",
                base.preset->name, formatSize(base.fullGpuBytes), gpuBudgetText(), base.gpuLayers,
                base.layers, formatSize(base.gpuBytes), formatSize(base.ramBytes),
                formatSize(m_budget.ramUsable));
        } else {
            text = fmt::format("Not one layer of {} fits in {}, so it runs from system RAM: {}, within {}.",
                               base.preset->name, gpuBudgetText(),
                               needText(base.weightBytes, base, base.ramBytes), ramBudgetText());
        }
        text += " Higher presets would leave more layers on the CPU and run slower.";
        for (auto name : kBelowFourBit)
            if (const PresetVerdict* v = verdict(name); v && v->available && v->fit == Fit::FullGpu) {
                text += fmt::format(" {} would fit fully on the GPU and run faster, but it is below 4 bits.",
                                    name);
                break;
            }
        rec.explanation = text + qualityText(base);
        addSuggestions(rec, base, Fit::FullGpu);
        return rec;
    }

    Recommendation belowFourBit(const PresetVerdict& v, const PresetVerdict& base) {
        Recommendation rec = pick(v);
        std::string where = v.fit == Fit::FullGpu ? "fully on the GPU"
                            : v.fit == Fit::PartialOffload
                                ? fmt::format("with {} of {} layers on the GPU", v.gpuLayers, v.layers)
                                : "from system RAM";
        const uint64_t capacity =
            m_budget.unified || !m_gpu ? m_budget.ramUsable : m_budget.ramUsable + m_budget.gpuUsable;
        rec.explanation =
            fmt::format("Even {} does not fit: it needs {} with this context, more than the {} usable. {} "
                        "is the largest preset that does, {} ({} needed).",
                        base.preset->name, formatSize(base.totalBytes), formatSize(capacity), v.preset->name,
                        where, formatSize(v.totalBytes)) +
            qualityText(v);
        rec.warnings.push_back(
            fmt::format("{} is below 4 bits per weight: expect a clear loss of quality. When quality "
                        "matters, a smaller model at Q4_K_M or higher is usually the better choice.",
                        v.preset->name));
        if (const PlannedModel::Entry* entry = m_model.find(v.preset->name); entry && entry->needsImatrix)
            rec.warnings.push_back(fmt::format(
                "{} needs an importance matrix: compute one from calibration text (quantforge-cli imatrix) "
                "before producing it.",
                v.preset->name));
        addSuggestions(rec, base, Fit::DoesNotFit);
        return rec;
    }

    Recommendation nothingFits(const PresetVerdict& base) {
        Recommendation rec;
        rec.headline = "Nothing fits";
        const PresetVerdict* smallest = firstAvailable();
        const uint64_t capacity =
            m_budget.unified ? m_budget.ramUsable : m_budget.ramUsable + m_budget.gpuUsable;
        rec.explanation =
            fmt::format("Even the smallest preset, {}, needs {} with a {}-token context ({} of it KV "
                        "cache), more than the {} this machine has usable{}.",
                        smallest->preset->name, formatSize(smallest->totalBytes), m_request.context,
                        formatSize(smallest->kvBytes), formatSize(capacity),
                        m_gpu && !m_budget.unified ? " in RAM and GPU memory together" : "");
        addSuggestions(rec, base, Fit::DoesNotFit);
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
        const std::string name(base.preset->name);
        const std::string goal = target == Fit::DoesNotFit ? "would fit"
                                 : target == Fit::FullGpu  ? "would fit fully on the GPU"
                                                           : "would fit in RAM";
        if (m_request.context > kContextStep) {
            uint64_t lo = 0, hi = (m_request.context - 1) / kContextStep; // in steps
            while (lo < hi) {
                const uint64_t mid = (lo + hi + 1) / 2;
                if (reaches(evaluate(base, mid * kContextStep, m_request.kvType), target))
                    lo = mid;
                else
                    hi = mid - 1;
            }
            if (lo > 0)
                rec.suggestions.push_back(
                    fmt::format("With a context of {} tokens, {} {}.", lo * kContextStep, name, goal));
        }
        for (GgmlType kv : {GgmlType::Q8_0, GgmlType::Q4_0}) {
            if (ggmlRowBytes(kv, 32) >= ggmlRowBytes(m_request.kvType, 32)) continue; // not smaller than now
            if (!kvCacheBytes(m_model.shape, m_request.context, kv)) continue;
            const PresetVerdict q = evaluate(base, m_request.context, kv);
            if (reaches(q, target)) {
                rec.suggestions.push_back(fmt::format("With a {} KV cache ({} instead of {}), {} {}.",
                                                      ggmlTypeName(kv), formatSize(q.kvBytes),
                                                      formatSize(base.kvBytes), name, goal));
                break;
            }
        }
        if (target != Fit::CpuOnly && !m_budget.unified) {
            // The GPU memory that would hold everything, with a discrete card's reserve.
            const uint64_t need = base.fullGpuBytes + kDiscreteGpuReserveBytes;
            rec.suggestions.push_back(
                fmt::format("A GPU with {} of memory would hold {} completely.", formatSize(need), name));
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
                rec.suggestions.push_back(fmt::format("A smaller model would fit: about {:.1f} B parameters "
                                                      "at {} with this context (this one has {:.1f} B).",
                                                      parameters / 1e9, name,
                                                      double(m_model.shape.parameterCount) / 1e9));
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
        result.recommendation.warnings.push_back(
            fmt::format("The context ({} tokens) is longer than the model was trained for ({} tokens).",
                        request.context, model.shape.trainedContext));
    return result;
}

} // namespace qf::recommend
