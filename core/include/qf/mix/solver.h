#pragma once
// The budget solver: one type per tensor so that the sum of predicted costs (KL divergence) is least and
// the sum of bytes stays within a budget — a multiple-choice knapsack. Solved by dynamic programming over
// the budget cut into cells, each option's bytes rounded up to whole cells (so the answer never exceeds
// the budget), then the bytes left over spent greedily on the upgrades that buy the most per byte.
#include <cstdint>
#include <string>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/result.h"

namespace qf::mix {

struct MixOption {
    GgmlType type = GgmlType::Q8_0;
    uint64_t bytes = 0;
    double cost = 0.0;
};

struct MixItem {
    std::string name;
    std::vector<MixOption> options; // at least one
};

struct MixSolution {
    std::vector<size_t> choice; // per item, the index of its chosen option
    uint64_t bytes = 0;
    double cost = 0.0;
};

// Fails when even the smallest option of every item exceeds the budget (the error gives the least
// budget that works). `cells`: resolution of the dynamic programme.
Result<MixSolution> solveMix(const std::vector<MixItem>& items, uint64_t budget, uint32_t cells = 16384);

// The least bytes any choice takes (every item at its smallest option).
uint64_t smallestMixBytes(const std::vector<MixItem>& items);

struct FrontPoint {
    uint64_t budget = 0;
    uint64_t bytes = 0;
    double cost = 0.0;
};
// Solutions for `points` budgets spread evenly from the smallest mix to `maxBudget`.
std::vector<FrontPoint> paretoFront(const std::vector<MixItem>& items, uint64_t maxBudget, int points);

} // namespace qf::mix
