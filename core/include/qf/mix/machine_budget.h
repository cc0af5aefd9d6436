#pragma once
// "Custom mix — fits this machine exactly": the byte budget of a mix for a machine and a context, by the
// same memory model that places the presets (recommend::evaluatePreset): everything on the GPU when some
// mix can be, else as much as the placement still accepts (part of the layers on the GPU, or the CPU).
// The budget never exceeds the largest preset's file (Q8_0): beyond it a mix has nothing left to gain.
#include <cstdint>
#include <optional>

#include "qf/quant/plan.h"
#include "qf/recommend/recommendation.h"
#include "qf/result.h"

namespace qf::mix {

struct MachineBudget {
    uint64_t fileBytes = 0;              // the whole file's budget
    recommend::Fit fit = recommend::Fit::DoesNotFit; // where a file of that size goes
    bool cappedAtLargestPreset = false;  // the machine would hold more than the largest preset's file
};

// Fails when no preset of `model` can be made (nothing to scale from). A budget with fit DoesNotFit means
// not even the smallest preset's size fits: fileBytes is then that smallest size.
Result<MachineBudget> machineBudget(const recommend::PlannedModel& model, uint64_t context, GgmlType kvType,
                                    const recommend::Machine& machine);

// Where a file of `fileBytes` would go (scaled from the largest preset's layout); DoesNotFit without presets.
recommend::Fit fitForBudget(const recommend::PlannedModel& model, uint64_t fileBytes, uint64_t context,
                            GgmlType kvType, const recommend::Machine& machine);

// The placement of a planned mix file, as a preset row has it (the quality is left for the caller).
recommend::PresetVerdict evaluateMix(const recommend::PlannedModel& model, const quant::QuantPlan& plan,
                                     uint64_t context, GgmlType kvType, const recommend::Machine& machine);

} // namespace qf::mix
