// The reference set of ggml_order.h (one float per lane, std::fma for every fused step), the dispatch,
// and the MXFP4 product in ggml's repacked order.
#include "ggml_order.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "ggml_exp_scalar.h"
#include "matmul_kernels.h"
#include "quant/quant_mxfp4.h"
#include "quantized_dot.h"
#include "qf/cpu_features.h"
#include "qf/fp16.h"
#include "qf/parallel.h"

namespace qf::eval {
namespace detail {
namespace {

struct ReferenceOps {
    struct V {
        float v[16];
    };
    static V zero() { return V{}; }
    static V set1(float a) {
        V r;
        std::fill(r.v, r.v + 16, a);
        return r;
    }
    static V loadF16(const uint16_t* p, int valid) {
        V r{};
        for (int i = 0; i < valid; ++i)
            r.v[i] = fp16ToFp32(p[i]);
        return r;
    }
    static V loadF32(const float* p, int valid) {
        V r{};
        std::copy(p, p + valid, r.v);
        return r;
    }
    static void store(float* p, const V& a) { std::copy(a.v, a.v + 16, p); }
    template <class F> static V map(const V& a, const V& b, F f) {
        V r;
        for (int i = 0; i < 16; ++i)
            r.v[i] = f(a.v[i], b.v[i]);
        return r;
    }
    static V fma(const V& a, const V& b, const V& c) {
        V r;
        for (int i = 0; i < 16; ++i)
            r.v[i] = std::fma(a.v[i], b.v[i], c.v[i]);
        return r;
    }
    static V add(const V& a, const V& b) { return map(a, b, [](float p, float q) { return p + q; }); }
    static V sub(const V& a, const V& b) { return map(a, b, [](float p, float q) { return p - q; }); }
    static V mul(const V& a, const V& b) { return map(a, b, [](float p, float q) { return p * q; }); }
    static V div(const V& a, const V& b) { return map(a, b, [](float p, float q) { return p / q; }); }
    // _mm512_reduce_add_ps: the upper 8 lanes onto the lower, then 4, then lanes (0+2) + (1+3).
    static float hsum(const V& a) {
        float t[8], u[4];
        for (int i = 0; i < 8; ++i)
            t[i] = a.v[i + 8] + a.v[i];
        for (int i = 0; i < 4; ++i)
            u[i] = t[i + 4] + t[i];
        return (u[0] + u[2]) + (u[1] + u[3]);
    }
    static V exp(const V& a) {
        V r;
        for (int i = 0; i < 16; ++i)
            r.v[i] = ggmlExp(a.v[i]);
        return r;
    }
};

#include "ggml_order_lanes.h"

} // namespace

const GgmlOrderKernels& referenceGgmlOrderKernels() {
    return GgmlOrderLanes<ReferenceOps>::kernels();
}

namespace {

const GgmlOrderKernels& activeKernels() {
    switch (activeMatmulPath()) {
#if defined(QF_HAVE_X86_KERNELS)
    case KernelPath::Avx512:
        return avx512GgmlOrderKernels();
    case KernelPath::Avx2:
        return avx2GgmlOrderKernels();
#endif
    default:
        return referenceGgmlOrderKernels();
    }
}

} // namespace
} // namespace detail

GgmlDotOrder ggmlDenseOrder(int64_t rows, int64_t depth, int64_t tokens) {
    // llamafile_sgemm: two or more tokens, tinyBLAS<16> needs depth % 16 == 0 and rows % 4 == 0.
    return tokens >= 2 && depth % 16 == 0 && rows % 4 == 0 ? GgmlDotOrder::TinyBlas : GgmlDotOrder::VecDot;
}

void ggmlF16Product(GgmlDotOrder order, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens,
                    float* y, int64_t ldy, unsigned threads, bool zeroPadded) {
    if (tokens <= 0 || w.rows <= 0) return;
    const detail::GgmlOrderKernels& ks = detail::activeKernels();
    if (threads == 0) threads = hardwareThreads();
    constexpr int64_t kMinMultiplyAddsPerThread = int64_t(1) << 20;
    threads = unsigned(std::clamp<int64_t>(w.rows * w.cols * tokens / kMinMultiplyAddsPerThread, 1, threads));
    const int64_t perItem = std::max<int64_t>(4, (w.rows + 8 * threads - 1) / (8 * threads));
    const int64_t items = (w.rows + perItem - 1) / perItem;
    parallelFor(items, threads, [&](int64_t item) {
        const int64_t r0 = item * perItem, r1 = std::min(w.rows, r0 + perItem);
        ks.f16Rows(order, w, r0, r1, x, ldx, tokens, y, ldy, zeroPadded);
    });
}

double ggmlSoftmaxExp(const float* x, float max, float* out, int64_t n) {
    return detail::activeKernels().softmaxExp(x, max, out, n);
}

void ggmlSwiglu(const float* x, const float* g, float* y, int64_t n) {
    detail::activeKernels().swiglu(x, g, y, n);
}

void ggmlFlashAttentionRow(const FlashAttentionRow& r, float* out) {
    constexpr int64_t kTile = 64;
    const detail::GgmlOrderKernels& ks = detail::activeKernels();
    thread_local std::vector<float> kT, v, kq, vkq;
    kT.assign(size_t(r.dk * kTile), 0.0f);
    v.assign(size_t(kTile * r.dv), 0.0f);
    kq.resize(kTile);
    vkq.assign(size_t(r.dv), 0.0f);
    // ggml divides the scale by the cap and multiplies the tanh by it.
    const float scale = r.softcap != 0.0f ? r.scale / r.softcap : r.scale;
    float m = -INFINITY, s = 0.0f;
    for (int64_t ic = r.first / kTile * kTile; ic < r.visible; ic += kTile) {
        const int64_t tile = std::min(kTile, r.visible - ic); // cells past `visible` are masked anyway
        for (int64_t j = 0; j < tile; ++j)
            for (int64_t d = 0; d < r.dk; ++d)
                kT[size_t(d * kTile + j)] = r.keys[(ic + j) * r.keyStride + d];
        ks.faKq(r.query, kT.data(), r.dk, kq.data());
        float tileMax = -INFINITY;
        for (int64_t j = 0; j < kTile; ++j) {
            float x = kq[size_t(j)] * scale;
            if (r.softcap != 0.0f) x = std::tanh(x) * r.softcap;
            const int64_t pos = ic + j;
            kq[size_t(j)] = pos >= r.first && pos < r.visible ? x + 0.0f : -INFINITY;
            tileMax = std::max(tileMax, kq[size_t(j)]);
        }
        if (tileMax == -INFINITY) continue;
        const float mNew = std::max(m, tileMax);
        if (mNew > m) {
            const float ms = std::exp(m - mNew);
            for (float& x : vkq)
                x *= ms;
            s *= ms;
        }
        m = mNew;
        s = float(double(s) + ks.softmaxExp(kq.data(), mNew, kq.data(), kTile));
        for (int64_t j = 0; j < tile; ++j)
            for (int64_t c = 0; c < r.dv; ++c)
                v[size_t(j * r.dv + c)] = r.values[c * r.valueStride + ic + j];
        ks.faVkq(kq.data(), v.data(), r.dv, vkq.data());
    }
    if (r.sink) {
        // S * ms + vs is contracted to one fused step in ggml's build.
        if (*r.sink > m) {
            const float ms = std::exp(m - *r.sink);
            for (float& x : vkq)
                x *= ms;
            s = std::fma(s, ms, 1.0f);
        } else {
            s = std::fma(s, 1.0f, std::exp(*r.sink - m));
        }
    }
    const float inv = s == 0.0f ? 0.0f : 1.0f / s;
    for (int64_t c = 0; c < r.dv; ++c)
        out[c] = vkq[size_t(c)] * inv;
}

bool ggmlRepacksMxfp4(int64_t rows, int64_t depth) {
    return rows % 8 == 0 && depth % 32 == 0;
}

void ggmlMxfp4RepackedProduct(const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
                              int64_t ldy, unsigned threads) {
    using quant::detail::BlockMxfp4;
    using quant::detail::kMxfp4Values;
    using quant::detail::mxfp4HalfScale;
    const int64_t blocks = w.cols / 32;
    std::vector<detail::ActivationQ8_0> act(size_t(tokens * blocks));
    for (int64_t t = 0; t < tokens; ++t)
        detail::quantizeActivationsQ8_0(x + t * ldx, act.data() + t * blocks, w.cols);
    if (threads == 0) threads = hardwareThreads();
    threads = unsigned(std::clamp<int64_t>(w.rows * w.cols * tokens / (int64_t(1) << 20), 1, threads));
    const int64_t perItem = std::max<int64_t>(8, (w.rows + 8 * threads - 1) / (8 * threads));
    const int64_t items = (w.rows + perItem - 1) / perItem;
    parallelFor(items, threads, [&](int64_t item) {
        const int64_t r1 = std::min(w.rows, (item + 1) * perItem);
        for (int64_t r = item * perItem; r < r1; ++r) {
            const auto* row = reinterpret_cast<const BlockMxfp4*>(w.data + uint64_t(r) * w.rowBytes);
            for (int64_t t = 0; t < tokens; ++t) {
                const detail::ActivationQ8_0* a = act.data() + t * blocks;
                float acc = 0.0f;
                for (int64_t b = 0; b < blocks; ++b) {
                    int32_t sum = 0;
                    for (int j = 0; j < 16; ++j)
                        sum += kMxfp4Values[row[b].qs[j] & 0xF] * a[b].qs[j] +
                               kMxfp4Values[row[b].qs[j] >> 4] * a[b].qs[j + 16];
                    acc = std::fma(float(sum), mxfp4HalfScale(row[b].e) * a[b].d, acc);
                }
                y[t * ldy + r] = acc;
            }
        }
    });
}

} // namespace qf::eval
