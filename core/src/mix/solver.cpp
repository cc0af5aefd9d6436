// Multiple-choice knapsack by dynamic programming over budget cells (see qf/mix/solver.h).
#include "qf/mix/solver.h"

#include <algorithm>
#include <limits>

namespace qf::mix {
namespace {

// Spends what the budget leaves on upgrades, best cost saved per byte first, until none fits.
void fillGreedily(const std::vector<MixItem>& items, uint64_t budget, MixSolution& s) {
    for (;;) {
        const uint64_t left = budget - s.bytes;
        double bestGain = 0.0;
        size_t bestItem = 0, bestOption = 0;
        for (size_t i = 0; i < items.size(); ++i) {
            const MixOption& now = items[i].options[s.choice[i]];
            for (size_t o = 0; o < items[i].options.size(); ++o) {
                const MixOption& opt = items[i].options[o];
                if (opt.cost >= now.cost) continue;
                const double saved = now.cost - opt.cost;
                const uint64_t extra = opt.bytes > now.bytes ? opt.bytes - now.bytes : 0;
                if (extra > left) continue;
                const double gain = saved / double(extra + 1);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestItem = i;
                    bestOption = o;
                }
            }
        }
        if (bestGain <= 0.0) return;
        const MixOption& now = items[bestItem].options[s.choice[bestItem]];
        const MixOption& opt = items[bestItem].options[bestOption];
        s.bytes = s.bytes - now.bytes + opt.bytes;
        s.cost = s.cost - now.cost + opt.cost;
        s.choice[bestItem] = bestOption;
    }
}

} // namespace

uint64_t smallestMixBytes(const std::vector<MixItem>& items) {
    uint64_t total = 0;
    for (const auto& item : items) {
        uint64_t least = std::numeric_limits<uint64_t>::max();
        for (const auto& o : item.options) least = std::min(least, o.bytes);
        total += item.options.empty() ? 0 : least;
    }
    return total;
}

Result<MixSolution> solveMix(const std::vector<MixItem>& items, uint64_t budget, uint32_t cells) {
    for (const auto& item : items)
        if (item.options.empty()) return makeError("tensor {} has no type to choose from", item.name);
    const uint64_t least = smallestMixBytes(items);
    if (least > budget)
        return makeError("the budget of {} bytes is too small: the smallest mix of these tensors takes {} bytes",
                         budget, least);
    MixSolution s;
    s.choice.assign(items.size(), 0);
    if (items.empty()) return s;
    cells = std::max<uint32_t>(cells, 16);
    const uint64_t unit = std::max<uint64_t>(1, (budget + cells - 1) / cells);
    const size_t capacity = size_t(budget / unit);
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    std::vector<double> best(capacity + 1, 0.0), next(capacity + 1);
    // choice[i][c]: the option item i takes in the best solution of items 0..i within c cells.
    std::vector<std::vector<uint8_t>> choice(items.size(), std::vector<uint8_t>(capacity + 1, 0));
    for (size_t i = 0; i < items.size(); ++i) {
        std::fill(next.begin(), next.end(), kInfinity);
        for (size_t o = 0; o < items[i].options.size() && o < 256; ++o) {
            const MixOption& opt = items[i].options[o];
            const uint64_t w = (opt.bytes + unit - 1) / unit;
            if (w > capacity) continue;
            for (size_t c = size_t(w); c <= capacity; ++c) {
                const double v = best[c - size_t(w)] + opt.cost;
                if (v < next[c]) {
                    next[c] = v;
                    choice[i][c] = uint8_t(o);
                }
            }
        }
        best.swap(next);
    }
    size_t c = capacity;
    if (best[c] == kInfinity) {
        // Rounding up to cells left no room; every item's smallest option still fits in bytes.
        for (size_t i = 0; i < items.size(); ++i) {
            const auto& opts = items[i].options;
            s.choice[i] = size_t(std::min_element(opts.begin(), opts.end(), [](const auto& a, const auto& b) {
                                     return a.bytes < b.bytes;
                                 }) - opts.begin());
        }
    } else {
        for (size_t i = items.size(); i-- > 0;) {
            const size_t o = choice[i][c];
            s.choice[i] = o;
            c -= size_t((items[i].options[o].bytes + unit - 1) / unit);
        }
    }
    for (size_t i = 0; i < items.size(); ++i) {
        s.bytes += items[i].options[s.choice[i]].bytes;
        s.cost += items[i].options[s.choice[i]].cost;
    }
    fillGreedily(items, budget, s);
    return s;
}

std::vector<FrontPoint> paretoFront(const std::vector<MixItem>& items, uint64_t maxBudget, int points) {
    std::vector<FrontPoint> front;
    const uint64_t least = smallestMixBytes(items);
    if (points < 1 || maxBudget < least) return front;
    for (int k = 0; k < points; ++k) {
        const uint64_t budget = points == 1 ? maxBudget : least + (maxBudget - least) * uint64_t(k) / uint64_t(points - 1);
        if (auto s = solveMix(items, budget)) front.push_back({budget, s->bytes, s->cost});
    }
    return front;
}

} // namespace qf::mix
