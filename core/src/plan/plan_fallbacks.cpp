#include "qf/quant/plan_fallbacks.h"

#include <algorithm>

#include <fmt/format.h>

namespace qf::quant {

std::vector<FallbackGroup> fallbackGroups(const QuantPlan& plan) {
    std::vector<FallbackGroup> groups;
    for (const TensorPlan& t : plan.tensors) {
        if (t.reason != TypeReason::Fallback || !t.wantedType) continue;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const FallbackGroup& g) {
            return g.wanted == *t.wantedType && g.used == t.type;
        });
        if (it == groups.end()) it = groups.insert(groups.end(), FallbackGroup{*t.wantedType, t.type, 0});
        ++it->tensors;
    }
    std::stable_sort(groups.begin(), groups.end(),
                     [](const FallbackGroup& a, const FallbackGroup& b) { return a.tensors > b.tensors; });
    return groups;
}

std::string describeFallbacks(const QuantPlan& plan) {
    std::string text;
    for (const FallbackGroup& g : fallbackGroups(plan)) {
        if (!text.empty()) text += ", ";
        text += fmt::format("{} -> {} for {} tensor{}", ggmlTypeName(g.wanted), ggmlTypeName(g.used), g.tensors,
                            g.tensors == 1 ? "" : "s");
    }
    return text;
}

bool sameTensorTypes(const QuantPlan& a, const QuantPlan& b) {
    if (a.tensors.size() != b.tensors.size()) return false;
    for (size_t i = 0; i < a.tensors.size(); ++i)
        if (a.tensors[i].name != b.tensors[i].name || a.tensors[i].type != b.tensors[i].type) return false;
    return true;
}

std::vector<int> collapsedInto(const std::vector<const QuantPlan*>& plans) {
    std::vector<int> into(plans.size(), -1);
    for (size_t i = 0; i < plans.size(); ++i) {
        if (!plans[i]) continue;
        for (size_t j = 0; j < i; ++j) {
            if (plans[j] && into[j] < 0 && sameTensorTypes(*plans[i], *plans[j])) {
                into[i] = int(j);
                break;
            }
        }
    }
    return into;
}

} // namespace qf::quant
