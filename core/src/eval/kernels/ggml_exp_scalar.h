#pragma once
// ggml's vector exp (ggml_v_expf, the x86 AVX-512 variant) on one value: the exponent n = round(x / ln 2)
// by the 1.5 * 2^23 trick, the remainder b = x - n ln 2 in two fused steps (ln 2 split in a high and a
// low part), a degree-5 polynomial in b evaluated as two fused halves, then scaled by 2^n with one
// rounding (_mm512_scalef_ps); |n| > 192 gives 0 or infinity. All paths use this for the lanes whose
// result is not a normal float, so that every path has its bits.
#include <cmath>

namespace qf::eval::detail {

inline float ggmlExpPolynomial(float x, float& n) {
    constexpr float kShift = 0x1.8p23f;
    const float z = std::fma(x, 0x1.715476p+0f, kShift);
    n = z - kShift;
    const float b = std::fma(-n, 0x1.7f7d1cp-20f, std::fma(-n, 0x1.62e4p-1f, x));
    const float u = b * b;
    return std::fma(std::fma(std::fma(0x1.0e4020p-7f, b, 0x1.573e2ep-5f), u, std::fma(0x1.555e66p-3f, b, 0x1.fffdb6p-2f)),
                    u, std::fma(0x1.ffffecp-1f, b, 1.0f));
}

// j * 2^n rounded once, as _mm512_scalef_ps with the |n| > 192 cases of ggml_v_expf.
inline float ggmlExpScale(float j, float n) {
    if (std::isnan(n)) return n;
    if (std::fabs(n) > 192.0f) return n <= 0.0f ? 0.0f : INFINITY; // before j, which is NaN for x = -inf
    return float(std::ldexp(double(j), int(n)));
}

inline float ggmlExp(float x) {
    float n;
    const float j = ggmlExpPolynomial(x, n);
    return ggmlExpScale(j, n);
}

} // namespace qf::eval::detail
