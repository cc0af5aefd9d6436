#pragma once
// The loop every integer dot product of quantized_dot.h shares, on every path (ggml's vec_dot loop):
// weight blocks of `Values` values, each handed with the activation blocks it spans to
// body(block, activations, acc); acc.finish() is the result. Only the block bodies differ per type and path.
#include <cstdint>
#include <type_traits>

#include "quantized_dot.h"

namespace qf::eval::detail {

template <class Block, class Act, int Values, class Acc, class Body>
inline float blockLoop(const uint8_t* row, const void* act, int64_t n, Body body) {
    constexpr int kActValues = std::is_same_v<Act, ActivationQ8K> ? 256 : 32;
    static_assert(Values % kActValues == 0, "a weight block spans whole activation blocks");
    const auto* x = reinterpret_cast<const Block*>(row);
    const auto* y = static_cast<const Act*>(act);
    Acc acc;
    for (int64_t b = 0; b < n / Values; ++b, ++x, y += Values / kActValues)
        body(*x, y, acc);
    return acc.finish();
}

// The scalar paths' accumulator: one float sum in block order.
struct ScalarSum {
    float sum = 0.0f;
    float finish() const { return sum; }
};

} // namespace qf::eval::detail
