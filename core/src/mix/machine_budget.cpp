// The budget of a mix that fits a machine (see qf/mix/machine_budget.h).
#include "qf/mix/machine_budget.h"

#include <algorithm>

namespace qf::mix {
namespace {

using recommend::Fit;
using recommend::PlannedModel;
using recommend::WeightLayout;

// A file of `fileBytes` shaped like `reference`: its metadata bytes kept, every weight group scaled alike.
WeightLayout scaledLayout(const WeightLayout& reference, uint64_t fileBytes) {
    const uint64_t fixed = reference.fileBytes - reference.tensorBytes;
    const double f = fileBytes > fixed && reference.tensorBytes
                         ? double(fileBytes - fixed) / double(reference.tensorBytes)
                         : 0.0;
    auto scale = [f](uint64_t bytes) { return uint64_t(double(bytes) * f); };
    WeightLayout w;
    w.fileBytes = fileBytes;
    w.inputBytes = scale(reference.inputBytes);
    w.outputBytes = scale(reference.outputBytes);
    w.tiedOutputBytes = scale(reference.tiedOutputBytes);
    for (uint64_t b : reference.layerBytes) w.layerBytes.push_back(scale(b));
    w.tensorBytes = fileBytes > fixed ? fileBytes - fixed : 0;
    return w;
}

Fit fitOf(const PlannedModel& model, const PlannedModel::Entry& reference, uint64_t fileBytes, uint64_t context,
          GgmlType kvType, const recommend::Machine& machine) {
    PlannedModel::Entry entry = reference;
    entry.weights = scaledLayout(reference.weights, fileBytes);
    return recommend::evaluatePreset(model, entry, context, kvType, machine, {}).fit;
}

// The largest size in [low, high] for which `good` holds, given good(low) (monotone in between).
template <class Good>
uint64_t largest(uint64_t low, uint64_t high, Good good) {
    while (high - low > 4096) {
        const uint64_t mid = low + (high - low) / 2;
        if (good(mid)) low = mid;
        else high = mid;
    }
    return low;
}

const PlannedModel::Entry* largestQuantized(const PlannedModel& model) {
    const PlannedModel::Entry* out = nullptr;
    for (const auto& e : model.presets)
        if (e.available && ggmlTypeTraits(e.preset->baseType).quantized &&
            (!out || e.weights.fileBytes > out->weights.fileBytes))
            out = &e;
    return out;
}

} // namespace

recommend::Fit fitForBudget(const PlannedModel& model, uint64_t fileBytes, uint64_t context, GgmlType kvType,
                            const recommend::Machine& machine) {
    const PlannedModel::Entry* reference = largestQuantized(model);
    return reference ? fitOf(model, *reference, fileBytes, context, kvType, machine) : Fit::DoesNotFit;
}

Result<MachineBudget> machineBudget(const PlannedModel& model, uint64_t context, GgmlType kvType,
                                    const recommend::Machine& machine) {
    const PlannedModel::Entry* largestEntry = nullptr;
    const PlannedModel::Entry* smallestEntry = nullptr;
    for (const auto& e : model.presets) {
        if (!e.available || !ggmlTypeTraits(e.preset->baseType).quantized) continue;
        if (!largestEntry || e.weights.fileBytes > largestEntry->weights.fileBytes) largestEntry = &e;
        if (!smallestEntry || e.weights.fileBytes < smallestEntry->weights.fileBytes) smallestEntry = &e;
    }
    if (!largestEntry) return makeError("no quantized preset can be made from this model: nothing to mix");
    const uint64_t high = largestEntry->weights.fileBytes;
    const uint64_t low = smallestEntry->weights.fileBytes;
    auto fit = [&](uint64_t bytes) { return fitOf(model, *largestEntry, bytes, context, kvType, machine); };

    MachineBudget out;
    if (machine.hasGpu() && fit(low) == Fit::FullGpu) {
        out.fit = Fit::FullGpu;
        out.fileBytes = fit(high) == Fit::FullGpu
                            ? high
                            : largest(low, high, [&](uint64_t b) { return fit(b) == Fit::FullGpu; });
    } else if (fit(low) != Fit::DoesNotFit) {
        out.fileBytes = fit(high) != Fit::DoesNotFit
                            ? high
                            : largest(low, high, [&](uint64_t b) { return fit(b) != Fit::DoesNotFit; });
        out.fit = fit(out.fileBytes);
    } else {
        out.fileBytes = low;
        out.fit = Fit::DoesNotFit;
        return out;
    }
    out.cappedAtLargestPreset = out.fileBytes == high;
    return out;
}

recommend::PresetVerdict evaluateMix(const PlannedModel& model, const quant::QuantPlan& plan, uint64_t context,
                                     GgmlType kvType, const recommend::Machine& machine) {
    PlannedModel::Entry entry;
    entry.preset = &plan.preset;
    entry.available = true;
    entry.weights = recommend::weightLayout(plan, model.shape.layers);
    entry.bitsPerWeight = plan.bitsPerWeight();
    recommend::PresetVerdict v = recommend::evaluatePreset(model, entry, context, kvType, machine, {});
    v.preset = nullptr; // the plan's preset is only what general.file_type says
    v.quality = {};
    return v;
}

} // namespace qf::mix
