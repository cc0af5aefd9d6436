// Multi-head latent attention (DeepSeek-2), in the absorbed form llama.cpp's deepseek2 graph uses for files
// with attn_k_b / attn_v_b: every head attends over one shared cache row per token, the kvLoraRank-wide
// normed latent vector followed by its roped key part, so the cache holds kvLoraRank + ropeDims values per
// token and the values are the latent part of the same row.
//
//   q      = attn_q_b · norm(attn_q_a · x)            (or attn_q · x), heads of [nope | rope]
//   kv     = attn_kv_a_mqa · x                          [latent | rope], latent normed, rope rotated
//   query  = [attn_k_b[h] · q_nope[h] | rope(q_rope[h])] per head, against key = [latent | rope(k_rope)]
//   out[h] = attn_v_b[h] · (softmax(scale · query · keyᵀ) · latent)
//
// Values are rounded where llama.cpp's CPU backend rounds them (see SessionOptions::llamaCppRounding).
#include <cstring>

#include "model/decoder_blocks.h"
#include "qf/eval/inference_session.h"
#include "quant/kernel_table.h"

namespace qf::eval {

void InferenceSession::latentAttentionBlock(int layer, int64_t n) {
    const LayerWeights& w = m_model.layers()[size_t(layer)];
    const model::ArchitectureInfo& arch = *m_p.info;
    const int64_t E = m_p.embedding, H = m_p.heads, D = m_p.headDim, R = m_p.ropeDims, nope = D - R;
    const int64_t L = m_p.kvLoraRank, VD = m_p.valueDim;
    const int64_t rowWidth = L + R;     // one cache row: latent, then the roped key
    const int64_t queryWidth = H * rowWidth;

    // Q heads [nope | rope].
    m_latentQ.resize(size_t(n * H * D));
    if (w.attnQA.data) {
        const int64_t QL = m_p.qLoraRank;
        m_latentOut.resize(size_t(n * QL));
        project(layer, MatrixKind::AttnQA, w.attnQA, m_norm.data(), n, E, m_latentOut.data(), QL);
        for (int64_t t = 0; t < n; ++t)
            model::rmsNorm(m_latentOut.data() + t * QL, w.attnQANorm.data(), m_latentOut.data() + t * QL, QL,
                           m_p.rmsEpsilon);
        project(layer, MatrixKind::AttnQB, w.attnQB, m_latentOut.data(), n, QL, m_latentQ.data(), H * D);
    } else {
        project(layer, MatrixKind::AttnQ, w.attnQ, m_norm.data(), n, E, m_latentQ.data(), H * D);
    }

    // The shared row: latent (normed) and the roped key part.
    m_latentKv.resize(size_t(n * rowWidth));
    project(layer, MatrixKind::AttnKvAMqa, w.attnKvAMqa, m_norm.data(), n, E, m_latentKv.data(), rowWidth);
    model::applyRope(arch.rope, m_latentKv.data() + L, n, rowWidth, 1, uint32_t(R), uint32_t(R), m_rope.data());
    for (int64_t t = 0; t < n; ++t)
        model::rmsNorm(m_latentKv.data() + t * rowWidth, w.attnKvANorm.data(), m_latentKv.data() + t * rowWidth, L,
                       m_p.rmsEpsilon);
    model::applyRope(arch.rope, m_latentQ.data() + nope, n, H * D, uint32_t(H), uint32_t(D), uint32_t(R),
                     m_rope.data());

    // Queries in the latent space: attn_k_b[h] · q_nope[h], then the roped part.
    m_latentQueries.resize(size_t(n * queryWidth));
    for (int64_t h = 0; h < H; ++h)
        project(layer, MatrixKind::AttnKB, w.attnKB.experts[size_t(h)], m_latentQ.data() + h * D, n, H * D,
                m_latentQueries.data() + h * rowWidth, queryWidth, int(h), int(H));
    for (int64_t t = 0; t < n; ++t)
        for (int64_t h = 0; h < H; ++h)
            std::memcpy(m_latentQueries.data() + t * queryWidth + h * rowWidth + L,
                        m_latentQ.data() + t * H * D + h * D + nope, size_t(R) * sizeof(float));
    if (m_llamaCppRounding) {
        const VectorOps& ops = dispatch::kernels().vector;
        if (!flashAttentionFor(n)) ops.roundToHalf(m_latentQueries.data(), n * queryWidth); // flash: F32 queries
        ops.roundToHalf(m_latentKv.data(), n * rowWidth);
    }

    float* kCache = m_keys[size_t(layer)].data();
    float* vCache = m_values[size_t(layer)].data();
    std::memcpy(kCache + m_position * rowWidth, m_latentKv.data(), size_t(n * rowWidth) * sizeof(float));
    for (int64_t t = 0; t < n; ++t)
        for (int64_t c = 0; c < L; ++c)
            vCache[c * m_capacity + m_position + t] = m_latentKv[size_t(t * rowWidth + c)];

    // Multi-query attention over the rows, then out of the latent space per head.
    m_latentOut.resize(size_t(n * H * L));
    AttentionShape shape;
    shape.heads = uint32_t(H);
    shape.group = uint32_t(H);
    shape.keyDim = uint32_t(rowWidth);
    shape.valueDim = uint32_t(L);
    shape.keyStride = rowWidth;
    shape.queryStride = queryWidth;
    shape.outStride = H * L;
    shape.queries = m_latentQueries.data();
    shape.out = m_latentOut.data();
    attention(layer, n, shape);
    m_attn.resize(size_t(n * H * VD));
    for (int64_t h = 0; h < H; ++h)
        project(layer, MatrixKind::AttnVB, w.attnVB.experts[size_t(h)], m_latentOut.data() + h * L, n, H * L,
                m_attn.data() + h * VD, H * VD, int(h), int(H));
    project(layer, MatrixKind::AttnOutput, w.attnOutput, m_attn.data(), n, H * VD, m_norm.data(), E);
}

} // namespace qf::eval
