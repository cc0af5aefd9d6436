#include "decoder_blocks.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "eval/kernels/ggml_order.h"
#include "quant/kernel_table.h"
#include "qf/fp16.h"

namespace qf::model {
namespace {

// ggml_gelu_f32: the tanh approximation.
float geluTanh(float x) {
    constexpr float kCoefA = 0.044715f;
    constexpr float kSqrt2OverPi = 0.79788456080286535587989211986876f;
    return 0.5f * x * (1.0f + std::tanh(kSqrt2OverPi * x * (1.0f + kCoefA * x * x)));
}

// ggml's CPU backend evaluates GELU through a table indexed by the F16 of the input, holding the F16 of
// the result (GGML_GELU_FP16); inputs beyond ±10 bypass it.
const std::array<uint16_t, 65536>& geluTable() {
    static const auto table = [] {
        std::array<uint16_t, 65536> t{};
        for (uint32_t i = 0; i < t.size(); ++i)
            t[i] = fp32ToFp16(geluTanh(fp16ToFp32(uint16_t(i))));
        return t;
    }();
    return table;
}

} // namespace

void rmsNorm(const float* x, const float* weight, float* out, int64_t n, float eps) {
    double sum = 0.0;
    for (int64_t i = 0; i < n; ++i)
        sum += double(x[i] * x[i]);
    const float mean = float(sum / double(n));
    const float scale = 1.0f / std::sqrt(mean + eps);
    for (int64_t i = 0; i < n; ++i)
        out[i] = (x[i] * scale) * weight[i];
}

void rmsNormGroups(float* x, const float* weight, int64_t groups, int64_t n, float eps) {
    for (int64_t g = 0; g < groups; ++g)
        rmsNorm(x + g * n, weight, x + g * n, n, eps);
}

void ropeCache(int64_t first, int64_t tokens, uint32_t dims, float freqBase, float freqScale,
               const std::vector<float>& factors, std::vector<float>& out, const RopeYarn& yarn) {
    out.resize(size_t(tokens) * dims);
    const float thetaScale = std::pow(freqBase, -2.0f / float(dims));
    // ggml_rope_yarn_corr_dims: the pair range over which YaRN blends extrapolation into interpolation.
    float low = 0.0f, high = 0.0f;
    float mscale = yarn.attnFactor;
    if (yarn.extFactor != 0.0f) {
        auto corrDim = [&](float rotations) {
            return float(dims) * std::log(float(yarn.originalContext) / (rotations * 2.0f * float(M_PI))) /
                   (2.0f * std::log(freqBase));
        };
        low = std::max(0.0f, std::floor(corrDim(yarn.betaFast)));
        high = std::min(float(dims - 1), std::ceil(corrDim(yarn.betaSlow)));
        mscale *= 1.0f + 0.1f * std::log(1.0f / freqScale);
    }
    for (int64_t t = 0; t < tokens; ++t) {
        float theta = float(first + t);
        float* cs = out.data() + t * dims;
        for (uint32_t i = 0; i < dims; i += 2) {
            const float factor = factors.empty() ? 1.0f : factors[i / 2];
            const float extrapolated = theta / factor;
            float angle = freqScale * extrapolated;
            if (yarn.extFactor != 0.0f) {
                const float y = (float(i / 2) - low) / std::max(0.001f, high - low);
                const float rampMix = (1.0f - std::min(1.0f, std::max(0.0f, y))) * yarn.extFactor;
                // ggml's CPU backend is compiled with floating-point contraction: this is one fused step.
                angle = std::fma(angle, 1.0f - rampMix, extrapolated * rampMix);
            }
            cs[i] = std::cos(angle) * mscale;
            cs[i + 1] = std::sin(angle) * mscale;
            theta *= thetaScale;
        }
    }
}

void applyRope(RopeKind kind, float* rows, int64_t tokens, int64_t stride, uint32_t heads, uint32_t headDim,
               uint32_t dims, const float* cosSin) {
    // Normal pairs (2i, 2i+1); NEOX pairs (i, i + dims/2); both use the angle of pair i.
    const uint32_t half = dims / 2;
    for (int64_t t = 0; t < tokens; ++t) {
        const float* cs = cosSin + t * dims;
        for (uint32_t h = 0; h < heads; ++h) {
            float* v = rows + t * stride + h * headDim;
            for (uint32_t i = 0; i < half; ++i) {
                const float c = cs[2 * i], s = cs[2 * i + 1];
                float& a = kind == RopeKind::Normal ? v[2 * i] : v[i];
                float& b = kind == RopeKind::Normal ? v[2 * i + 1] : v[i + half];
                const float x0 = a, x1 = b;
                // As ggml's rotate_pairs compiles (contracted): the first product fused with the second's
                // rounded value.
                a = std::fma(x0, c, -(x1 * s));
                b = std::fma(x0, s, x1 * c);
            }
        }
    }
}

void gatedActivation(Activation act, float* gate, const float* up, int64_t n, int64_t width) {
    if (act == Activation::Silu) {
        // ggml_vec_swiglu_f32 row by row: its vector exp on whole groups of 16 from the row's start.
        if (width <= 0) width = n;
        for (int64_t r = 0; r < n; r += width)
            eval::ggmlSwiglu(gate + r, up + r, gate + r, std::min(width, n - r));
        return;
    }
    if (act == Activation::SwigluOai) {
        constexpr float kAlpha = 1.702f, kLimit = 7.0f;
        for (int64_t i = 0; i < n; ++i) {
            const float x = std::min(gate[i], kLimit);
            const float y = std::clamp(up[i], -kLimit, kLimit);
            gate[i] = x / (1.0f + std::exp(kAlpha * (-x))) * (y + 1.0f);
        }
        return;
    }
    const auto& table = geluTable();
    for (int64_t i = 0; i < n; ++i) {
        const float x = gate[i];
        if (x <= -10.0f)
            gate[i] = 0.0f;
        else if (x >= 10.0f)
            gate[i] = x * up[i];
        else
            gate[i] = fp16ToFp32(table[fp32ToFp16(x)]) * up[i];
    }
}

void softcap(float* x, int64_t n, float cap) {
    const float inv = 1.0f / cap;
    for (int64_t i = 0; i < n; ++i)
        x[i] = std::tanh(x[i] * inv) * cap;
}

void routeExperts(std::span<const float> logits, ExpertGating gating, uint32_t used, bool normalize,
                  ExpertChoice& out, std::span<const float> selectionBias, float scale) {
    const int64_t n = int64_t(logits.size());
    thread_local std::vector<float> probs;
    probs.resize(logits.size());
    if (gating == ExpertGating::SoftmaxWeight) {
        std::copy(logits.begin(), logits.end(), probs.begin());
    } else if (gating == ExpertGating::Softmax) {
        // ggml_soft_max: exp of the shifted values in float, their sum in double, then 1/sum in float.
        const eval::VectorOps& ops = dispatch::kernels().vector;
        const double sum = eval::ggmlSoftmaxExp(logits.data(), ops.maxOf(logits.data(), n), probs.data(), n);
        const float inv = float(1.0 / sum);
        for (float& p : probs)
            p *= inv;
    } else {
        for (int64_t i = 0; i < n; ++i)
            probs[size_t(i)] = 1.0f / (1.0f + std::exp(-logits[size_t(i)]));
    }
    thread_local std::vector<float> selection;
    selection.assign(probs.begin(), probs.end());
    if (selectionBias.size() == selection.size())
        for (size_t i = 0; i < selection.size(); ++i)
            selection[i] += selectionBias[i];
    std::vector<int32_t> order(logits.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int32_t a, int32_t b) { return selection[size_t(a)] > selection[size_t(b)]; });
    out.experts.assign(order.begin(), order.begin() + used);
    out.weights.resize(used);
    for (uint32_t k = 0; k < used; ++k)
        out.weights[k] = probs[size_t(out.experts[k])];
    if (gating == ExpertGating::SoftmaxWeight) {
        const eval::VectorOps& ops = dispatch::kernels().vector;
        const double sum = eval::ggmlSoftmaxExp(out.weights.data(), ops.maxOf(out.weights.data(), used),
                                                out.weights.data(), used);
        const float inv = float(1.0 / sum);
        for (float& w : out.weights)
            w *= inv;
    }
    if (normalize) {
        double sum = 0.0;
        for (float w : out.weights)
            sum += double(w);
        const float total = std::max(float(sum), 6.103515625e-5f);
        for (float& w : out.weights)
            w /= total;
    }
    if (scale != 0.0f && scale != 1.0f)
        for (float& w : out.weights)
            w *= scale;
}

} // namespace qf::model
