#pragma once
// What a plan's type fallbacks mean for a person: a model whose rows are not multiples of 256 (or 32)
// cannot use the K-quant (or 32-block) types for those tensors, so they fall back to another type, and
// several presets can end up writing the very same tensors (issue 13: Q2_K, Q3_K_S, Q4_0, IQ4_NL and IQ4_XS
// all gave one 277 kB file). The planner records each fallback (TypeReason::Fallback); these helpers
// group them and find presets that collapse into one another, so the app and the CLI can say so.
#include <string>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/quant/plan.h"

namespace qf::quant {

struct FallbackGroup {
    GgmlType wanted = GgmlType::F32;
    GgmlType used = GgmlType::F32;
    uint32_t tensors = 0;
};

// The plan's fallbacks grouped by wanted and used type, most tensors first.
std::vector<FallbackGroup> fallbackGroups(const QuantPlan& plan);
// "Q4_K -> Q5_0 for 12 tensors, Q6_K -> Q8_0 for 1 tensor"; empty without fallbacks.
std::string describeFallbacks(const QuantPlan& plan);
// True when both plans give every tensor the same type: their files hold the same tensors.
bool sameTensorTypes(const QuantPlan& a, const QuantPlan& b);
// For each plan (nullptr: a preset that could not be planned), the index of the first earlier plan with
// the same tensor types, or -1.
std::vector<int> collapsedInto(const std::vector<const QuantPlan*>& plans);

} // namespace qf::quant
