// Planning every preset once, and placing one preset on a machine: the arithmetic behind each row of the
// recommendation table.
#include <algorithm>

#include <fmt/format.h>

#include "qf/quant/plan.h"
#include "qf/recommend/recommendation.h"

#include "qf/quant/plan_fallbacks.h"

namespace qf::recommend {
namespace {

// Token generation streams every weight once per token, so its speed follows memory bandwidth. Typical
// ratios of GPU to CPU bandwidth: a discrete card's VRAM against dual-channel DDR (e.g. 450 vs 60 GB/s);
// on unified memory the GPU reaches the same RAM about twice as fast as the CPU cores do.
constexpr double kDiscreteGpuBandwidthRatio = 8.0;
constexpr double kUnifiedGpuBandwidthRatio = 2.0;

struct Placement {
    Fit fit = Fit::DoesNotFit;
    uint32_t gpuLayers = 0;
    uint64_t gpuBytes = 0;
    uint64_t ramBytes = 0;
    uint64_t gpuWeightBytes = 0; // weights read from GPU memory per token
    uint64_t cpuWeightBytes = 0; // weights read from system RAM per token
};

// How many layers fit in `budget` bytes, filling from the last layer down, each with its KV slice.
uint32_t layersThatFit(const WeightLayout& w, const std::vector<uint64_t>& kvLayer, uint64_t budget,
                       uint64_t& usedWeights, uint64_t& usedKv) {
    uint32_t n = 0;
    usedWeights = usedKv = 0;
    for (size_t i = w.layerBytes.size(); i-- > 0;) {
        const uint64_t need = w.layerBytes[i] + kvLayer[i];
        if (usedWeights + usedKv + need > budget) break;
        usedWeights += w.layerBytes[i];
        usedKv += kvLayer[i];
        ++n;
    }
    return n;
}

Placement placeDiscrete(const WeightLayout& w, const std::vector<uint64_t>& kvLayer, uint64_t kv,
                        uint64_t compute, const MemoryBudget& budget, bool hasGpu) {
    Placement p;
    const uint64_t layerWeights = w.layersTotal();
    const uint64_t cpuTotal = w.tensorBytes + kv + compute;
    if (hasGpu) {
        const uint64_t gpuWeights = layerWeights + w.outputBytes + w.tiedOutputBytes;
        p.gpuBytes = gpuWeights + kv + compute;
        p.ramBytes = w.inputBytes;
        if (p.gpuBytes <= budget.gpuUsable && p.ramBytes <= budget.ramUsable) {
            p.fit = Fit::FullGpu;
            p.gpuLayers = uint32_t(w.layerBytes.size());
            p.gpuWeightBytes = gpuWeights;
            return p;
        }
        uint64_t usedWeights = 0, usedKv = 0;
        const uint32_t n = budget.gpuUsable > compute
                               ? layersThatFit(w, kvLayer, budget.gpuUsable - compute, usedWeights, usedKv)
                               : 0;
        const uint64_t ramPartial =
            w.inputBytes + w.outputBytes + (layerWeights - usedWeights) + (kv - usedKv) + compute;
        if (n > 0 && ramPartial <= budget.ramUsable) {
            p.fit = Fit::PartialOffload;
            p.gpuLayers = n;
            p.gpuBytes = usedWeights + usedKv + compute;
            p.ramBytes = ramPartial;
            p.gpuWeightBytes = usedWeights;
            p.cpuWeightBytes = layerWeights - usedWeights + w.outputBytes;
            return p;
        }
    }
    if (cpuTotal <= budget.ramUsable) {
        p = Placement{};
        p.fit = Fit::CpuOnly;
        p.ramBytes = cpuTotal;
        p.cpuWeightBytes = layerWeights + w.outputBytes;
        return p;
    }
    if (!hasGpu) p.ramBytes = cpuTotal;
    return p;
}

Placement placeUnified(const WeightLayout& w, const std::vector<uint64_t>& kvLayer, uint64_t kv,
                       uint64_t compute, const MemoryBudget& budget, bool hasGpu) {
    Placement p;
    const uint64_t layerWeights = w.layersTotal();
    const uint64_t gpuWeights = layerWeights + w.outputBytes + w.tiedOutputBytes;
    const uint64_t gpuPart = gpuWeights + kv + compute;
    const uint64_t total = w.inputBytes + gpuPart;
    if (hasGpu && total <= budget.ramUsable && gpuPart <= budget.gpuUsable) {
        p.fit = Fit::FullGpu;
        p.gpuLayers = uint32_t(w.layerBytes.size());
        p.gpuBytes = gpuPart;
        p.ramBytes = total;
        p.gpuWeightBytes = gpuWeights;
        return p;
    }
    const uint64_t cpuTotal = w.tensorBytes + kv + compute;
    if (cpuTotal > budget.ramUsable) {
        p.gpuBytes = hasGpu ? gpuPart : 0;
        p.ramBytes = hasGpu ? total : cpuTotal;
        return p;
    }
    uint64_t usedWeights = 0, usedKv = 0;
    const uint32_t n = hasGpu && budget.gpuUsable > compute
                           ? layersThatFit(w, kvLayer, budget.gpuUsable - compute, usedWeights, usedKv)
                           : 0;
    p.ramBytes = cpuTotal; // one pool: the GPU's share is part of it
    if (n > 0) {
        p.fit = Fit::PartialOffload;
        p.gpuLayers = n;
        p.gpuBytes = usedWeights + usedKv + compute;
        p.gpuWeightBytes = usedWeights;
        p.cpuWeightBytes = layerWeights - usedWeights + w.outputBytes;
    } else {
        p.fit = Fit::CpuOnly;
        p.cpuWeightBytes = layerWeights + w.outputBytes;
    }
    return p;
}

} // namespace

const PlannedModel::Entry* PlannedModel::find(std::string_view preset) const {
    for (const auto& e : presets)
        if (e.preset && e.preset->name == preset) return &e;
    return nullptr;
}

Result<PlannedModel> planModel(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                               std::string name, const quant::Imatrix* imatrix) {
    auto shape = modelShapeFrom(metadata, tensors);
    if (!shape) return shape.error();
    PlannedModel model;
    model.shape = std::move(*shape);
    model.name = !name.empty() ? std::move(name) : metadata.getString("general.name").value_or("model");
    // The tensor types of each plan, to find presets that write the same file.
    std::vector<std::vector<GgmlType>> types;
    for (const quant::Preset& preset : quant::allPresets()) {
        PlannedModel::Entry entry;
        entry.preset = &preset;
        quant::PlanOptions options;
        options.imatrix = imatrix;
        auto plan = quant::makeQuantPlan(metadata, tensors, preset, options);
        if (!plan && !imatrix && quant::needsImportanceMatrix(plan.error())) {
            options.assumeImatrix = true;
            plan = quant::makeQuantPlan(metadata, tensors, preset, options);
            entry.needsImatrix = plan.ok();
        }
        std::vector<GgmlType> planTypes;
        if (plan) {
            entry.available = true;
            entry.weights = weightLayout(*plan, model.shape.layers);
            entry.bitsPerWeight = plan->bitsPerWeight();
            entry.fallbackCount = plan->fallbackCount;
            entry.fallbacks = quant::describeFallbacks(*plan);
            entry.fallbackGroups = quant::fallbackGroups(*plan);
            for (const quant::TensorPlan& t : plan->tensors)
                planTypes.push_back(t.type);
            for (size_t j = 0; j < types.size(); ++j) {
                if (model.presets[j].available && model.presets[j].sameFileAs.empty() && types[j] == planTypes) {
                    entry.sameFileAs = std::string(model.presets[j].preset->name);
                    break;
                }
            }
        } else {
            entry.error = plan.error().message;
        }
        types.push_back(std::move(planTypes));
        model.presets.push_back(std::move(entry));
    }
    return model;
}

std::string_view fitName(Fit fit) {
    switch (fit) {
    case Fit::FullGpu:
        return "fits on GPU";
    case Fit::PartialOffload:
        return "partial offload";
    case Fit::CpuOnly:
        return "CPU only";
    case Fit::DoesNotFit:
        return "does not fit";
    }
    return "";
}

MemoryBudget memoryBudget(const Machine& machine) {
    MemoryBudget b;
    b.unified = machine.unifiedMemory && machine.hasGpu();
    const uint64_t osReserve = machine.osReserve();
    b.ramUsable = machine.ramBytes > osReserve ? machine.ramBytes - osReserve : 0;
    const uint64_t gpuReserve = machine.gpuReserve();
    b.gpuUsable = machine.gpuBytes > gpuReserve ? machine.gpuBytes - gpuReserve : 0;
    if (b.unified) b.gpuUsable = std::min(b.gpuUsable, b.ramUsable);
    return b;
}

PresetVerdict evaluatePreset(const PlannedModel& model, const PlannedModel::Entry& entry, uint64_t context,
                             GgmlType kvType, const Machine& machine,
                             const std::vector<MeasuredQuality>& measured) {
    PresetVerdict v;
    v.preset = entry.preset;
    v.available = entry.available;
    v.unavailableReason = entry.error;
    v.fallbackCount = entry.fallbackCount;
    v.fallbacks = entry.fallbacks;
    v.fallbackGroups = entry.fallbackGroups;
    v.needsImatrix = entry.needsImatrix;
    v.sameFileAs = entry.sameFileAs;
    v.quality = qualityFor(entry.preset->name, measured, entry.available ? entry.bitsPerWeight : 0.0);
    v.layers = model.shape.layers;
    if (!entry.available) return v;

    const WeightLayout& w = entry.weights;
    v.fileBytes = w.fileBytes;
    v.bitsPerWeight = entry.bitsPerWeight;
    std::vector<uint64_t> kvLayer(model.shape.layers);
    for (uint32_t i = 0; i < model.shape.layers; ++i) {
        kvLayer[i] = kvCacheLayerBytes(model.shape, i, context, kvType);
        v.kvBytes += kvLayer[i];
    }
    v.computeBytes = computeBufferEstimate(model.shape, context);

    const MemoryBudget budget = memoryBudget(machine);
    const Placement p = budget.unified
                            ? placeUnified(w, kvLayer, v.kvBytes, v.computeBytes, budget, machine.hasGpu())
                            : placeDiscrete(w, kvLayer, v.kvBytes, v.computeBytes, budget, machine.hasGpu());
    v.fit = p.fit;
    v.gpuLayers = p.gpuLayers;
    if (p.fit != Fit::DoesNotFit) {
        v.gpuBytes = p.gpuBytes;
        v.ramBytes = p.ramBytes;
    }
    v.fullGpuBytes = w.layersTotal() + w.outputBytes + w.tiedOutputBytes + v.kvBytes + v.computeBytes;
    v.weightBytes = w.tensorBytes + (p.fit == Fit::FullGpu ? w.tiedOutputBytes : 0);
    v.inputBytes = w.inputBytes;
    v.totalBytes = v.weightBytes + v.kvBytes + v.computeBytes;

    if (p.fit != Fit::DoesNotFit) {
        // Relative to the same model's F16 weights (without the embedding, of which a token reads one row)
        // streamed from system RAM.
        const double f16Bytes = 2.0 * double(model.shape.parameterCount -
                                             std::min(model.shape.parameterCount,
                                                      model.shape.vocabulary * model.shape.embedding));
        const double ratio = budget.unified ? kUnifiedGpuBandwidthRatio : kDiscreteGpuBandwidthRatio;
        const double cost = double(p.cpuWeightBytes) + double(p.gpuWeightBytes) / ratio;
        v.relativeSpeed = cost > 0 ? f16Bytes / cost : 0.0;
    }
    return v;
}

} // namespace qf::recommend
