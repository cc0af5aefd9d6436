#include "qf/eval/inference_session.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "eval/kernels/ggml_order.h"
#include "eval/kernels/matmul_kernels.h"
#include "model/decoder_blocks.h"
#include "qf/eval/matmul.h"
#include "qf/parallel.h"
#include "quant/kernel_table.h"

namespace qf::eval {
namespace {

void addBias(float* rows, int64_t tokens, int64_t stride, const std::vector<float>& bias) {
    if (bias.empty()) return;
    for (int64_t t = 0; t < tokens; ++t)
        for (size_t i = 0; i < bias.size(); ++i)
            rows[t * stride + int64_t(i)] += bias[i];
}

// ggml_add_id: the bias row of expert `e` (biases stored expert-major, `width` values per expert).
void addExpertBias(float* rows, int64_t tokens, int64_t width, const std::vector<float>& biases, int64_t e) {
    if (biases.empty()) return;
    const float* bias = biases.data() + e * width;
    for (int64_t t = 0; t < tokens; ++t)
        for (int64_t i = 0; i < width; ++i)
            rows[t * width + i] += bias[i];
}

// Products that project() computes in ggml's own summation order (F16 weights, MXFP4 experts repacked as
// ggml-cpu repacks them): the batched integer path would round them differently.
bool inGgmlOrder(const WeightMatrix& w, int expert) {
    return w.type == GgmlType::F16 || (w.type == GgmlType::MXFP4 && expert >= 0 && ggmlRepacksMxfp4(w.rows, w.cols));
}

} // namespace

InferenceSession::InferenceSession(const LlamaModel& model, const SessionOptions& options)
    : m_model(model), m_p(model.params()), m_threads(options.threads ? options.threads : hardwareThreads()),
      m_capacity(options.contextLength ? options.contextLength : std::max<uint32_t>(m_p.trainedContext, 1)),
      m_llamaCppRounding(options.llamaCppRounding), m_flashAttention(options.flashAttention) {
    m_keys.resize(m_p.layers);
    m_values.resize(m_p.layers);
    for (uint32_t l = 0; l < m_p.layers; ++l) {
        m_keys[l].assign(size_t(m_capacity) * m_p.cacheKeyWidth(), 0.0f);
        m_values[l].assign(size_t(m_capacity) * m_p.cacheValueWidth(), 0.0f);
    }
}

void InferenceSession::project(int layer, MatrixKind kind, const WeightMatrix& w, const float* x,
                               int64_t tokens, int64_t ldx, float* y, int64_t ldy, int expert, int slices) {
    if (m_hook) {
        const int count = expert < 0 ? 0 : slices > 0 ? slices : int(m_p.experts);
        m_hook({layer, expert, count, kind, &w, x, tokens, w.cols, ldx});
    }
    if (m_llamaCppRounding && w.type == GgmlType::F16) {
        // ggml's F16 products in their summation order: expert products (ggml_mul_mat_id) always by
        // ggml_vec_dot_f16, dense ones by tinyBLAS where llamafile takes them.
        m_rounded.resize(size_t(tokens * w.cols));
        roundActivations(w.type, x, ldx, tokens, w.cols, m_rounded.data(), w.cols);
        const GgmlDotOrder order = expert >= 0 ? GgmlDotOrder::VecDot : ggmlDenseOrder(w.rows, w.cols, tokens);
        ggmlF16Product(order, w, m_rounded.data(), w.cols, tokens, y, ldy, m_threads);
    } else if (m_llamaCppRounding && w.type == GgmlType::MXFP4 && expert >= 0 && ggmlRepacksMxfp4(w.rows, w.cols))
        ggmlMxfp4RepackedProduct(w, x, ldx, tokens, y, ldy, m_threads);
    else if (m_llamaCppRounding)
        ggmlMatmul(w, x, ldx, tokens, y, ldy, m_threads, m_rounded);
    else
        matmul(w, x, ldx, tokens, y, ldy, m_threads);
}

// ggml-cpu's tiled kernel (the one modelled) runs for 64 queries or more and a value width that is a whole
// number of AVX-512 vectors; latent attention's values are the cache rows' latent part.
bool InferenceSession::flashAttentionFor(int64_t tokens) const {
    const int64_t valueWidth = m_p.info->latentAttention ? int64_t(m_p.kvLoraRank) : int64_t(m_p.headDim);
    return m_llamaCppRounding && m_flashAttention && tokens >= 64 && valueWidth % 16 == 0;
}

void InferenceSession::projectMany(int layer, std::span<const Projection> products) {
    bool few = m_llamaCppRounding && !m_hook;
    for (const Projection& p : products)
        few &= p.tokens <= kMatVecMaxTokens && !inGgmlOrder(*p.w, p.expert);
    if (few) {
        std::vector<MatvecJob> jobs;
        jobs.reserve(products.size());
        for (const Projection& p : products)
            jobs.push_back({p.w, p.x, p.ldx, p.tokens, p.y, p.ldy});
        if (quantizedMatvecs(activeMatmulPath(), jobs, m_threads, m_rounded)) return;
    }
    for (const Projection& p : products)
        project(layer, p.kind, *p.w, p.x, p.tokens, p.ldx, p.y, p.ldy, p.expert);
}

AttentionShape InferenceSession::standardAttentionShape() {
    AttentionShape s;
    s.heads = m_p.heads;
    s.group = m_p.heads / m_p.headsKv;
    s.keyDim = m_p.headDim;
    s.valueDim = m_p.headDim;
    s.keyStride = m_p.kvWidth();
    s.queryStride = m_p.qWidth();
    s.outStride = m_p.qWidth();
    s.queries = m_q.data();
    s.out = m_attn.data();
    return s;
}

void InferenceSession::attention(int layer, int64_t tokens, const AttentionShape& shape) {
    const int64_t past = m_position;
    const int64_t keys = past + tokens;
    const uint32_t hd = shape.keyDim;
    const uint32_t vd = shape.valueDim;
    const uint32_t group = shape.group;
    const int64_t qWidth = shape.queryStride;
    const int64_t kvWidth = shape.keyStride;
    const float scale = m_p.attentionScale;
    const float cap = m_p.attentionLogitSoftcap;
    // Sliding-window layers see a key at position p0 from position p1 only when p1 - p0 < window.
    const int64_t window = m_p.layerSpecs[size_t(layer)].slidingWindow ? int64_t(m_p.slidingWindow) : 0;
    const std::vector<float>& sinkValues = m_model.layers()[size_t(layer)].attnSinks;
    const float* sinks = sinkValues.empty() ? nullptr : sinkValues.data();
    const float* kCache = m_keys[size_t(layer)].data();
    const float* vCache = m_values[size_t(layer)].data();
    const VectorOps& ops = dispatch::kernels().vector;

    // Heads go to the threads unless the whole attention is less work than a hand-off. In generation a
    // token's attention at a few hundred positions takes about a tenth of the layer's time, which a single
    // thread would spend while the others wait. Each head is computed alone, so the thread count does not
    // change the results.
    const unsigned attentionThreads = tokens * keys * hd * shape.heads < (int64_t(1) << 16) ? 1 : m_threads;
    // llama.cpp's attention without flash attention: KQ and KQV are F16 products in ggml's order (the
    // queries and probabilities rounded to F16), the softmax runs over the whole padded KV row with the
    // masked cells at -inf, so that its groups of 16 start where ggml's do.
    const bool ggmlOrder = m_llamaCppRounding;
    if (flashAttentionFor(tokens)) {
        const int64_t rows = int64_t(shape.heads) * tokens;
        parallelFor(rows, attentionThreads, [&](int64_t i) {
            const int64_t h = i % shape.heads, t = i / shape.heads, g = h / group;
            const int64_t visible = past + t + 1;
            FlashAttentionRow row{shape.queries + t * qWidth + h * hd,
                                  kCache + g * hd,
                                  kvWidth,
                                  vCache + g * vd * m_capacity,
                                  int64_t(m_capacity),
                                  hd,
                                  vd,
                                  window > 0 ? std::max<int64_t>(0, visible - window) : 0,
                                  visible,
                                  scale,
                                  cap,
                                  sinks ? sinks + h : nullptr};
            ggmlFlashAttentionRow(row, shape.out + t * shape.outStride + h * vd);
        });
        return;
    }
    const GgmlDotOrder kqOrder = tokens >= 2 && hd % 16 == 0 ? GgmlDotOrder::TinyBlas : GgmlDotOrder::VecDot;
    const GgmlDotOrder kqvOrder = tokens >= 2 ? GgmlDotOrder::TinyBlas : GgmlDotOrder::VecDot;
    const int64_t paddedKeys = (keys + 15) / 16 * 16;
    parallelFor(shape.heads, attentionThreads, [&](int64_t h) {
        thread_local std::vector<float> scores, padded;
        if (scores.size() < size_t(tokens * keys)) scores.resize(size_t(tokens * keys));
        if (padded.size() < size_t(paddedKeys)) padded.resize(size_t(paddedKeys));
        const int64_t g = h / group;
        // scores = Q_h · K_gᵀ
        const RowMatrix k = RowMatrix::f32(kCache + g * hd, keys, hd, kvWidth);
        if (ggmlOrder)
            ggmlF16Product(kqOrder, k, shape.queries + h * hd, qWidth, tokens, scores.data(), keys, 1);
        else
            matmul(k, shape.queries + h * hd, qWidth, tokens, scores.data(), keys, 1);
        // Masked softmax as ggml_soft_max_ext: x * scale with -inf after the query position, exp in float,
        // the sum in double.
        for (int64_t t = 0; t < tokens; ++t) {
            float* row = scores.data() + t * keys;
            const int64_t visible = past + t + 1;
            const int64_t first = window > 0 ? std::max<int64_t>(0, visible - window) : 0;
            float* seen = row + first;
            const int64_t count = visible - first;
            if (cap > 0) model::softcap(seen, count, cap);
            for (int64_t j = 0; j < count; ++j)
                seen[j] *= scale;
            // An attention sink joins the softmax as one more logit with no value (ggml_soft_max_ext).
            float maxLogit = ops.maxOf(seen, count);
            if (sinks) maxLogit = std::max(maxLogit, sinks[h]);
            double sum;
            if (ggmlOrder) {
                std::fill(padded.begin(), padded.begin() + paddedKeys, -INFINITY);
                std::copy(seen, seen + count, padded.begin() + first);
                sum = ggmlSoftmaxExp(padded.data(), maxLogit, padded.data(), paddedKeys);
                std::copy(padded.begin(), padded.begin() + keys, row);
            } else {
                sum = ops.expShifted(seen, maxLogit, seen, count);
            }
            if (sinks) sum += double(std::exp(sinks[h] - maxLogit));
            const float inv = float(1.0 / sum);
            for (int64_t j = 0; j < count; ++j)
                seen[j] *= inv;
            std::fill(row, seen, 0.0f);
            std::fill(row + visible, row + keys, 0.0f);
            if (m_llamaCppRounding) ops.roundToHalf(seen, count);
        }
        // out_h = P · V_g: the transposed value cache gives V_g as vd rows of `keys` values.
        const RowMatrix v = RowMatrix::f32(vCache + g * vd * m_capacity, vd, keys, m_capacity);
        if (ggmlOrder)
            ggmlF16Product(kqvOrder, v, scores.data(), keys, tokens, shape.out + h * vd, shape.outStride, 1, true);
        else
            matmul(v, scores.data(), keys, tokens, shape.out + h * vd, shape.outStride, 1);
    });
}

// Q, K and V of the normed input (m_norm) into m_q/m_k/m_v, normed per head and rotated, then rounded and
// appended to the cache; attention into m_attn; its projection (and post-norm) into m_norm.
void InferenceSession::attentionBlock(int layer, int64_t n) {
    const LayerWeights& w = m_model.layers()[size_t(layer)];
    const model::LayerSpec& spec = m_p.layerSpecs[size_t(layer)];
    const model::ArchitectureInfo& arch = *m_p.info;
    const int64_t E = m_p.embedding, Q = m_p.qWidth(), KV = m_p.kvWidth();
    if (w.fusedQkv()) {
        const int64_t width = Q + 2 * KV;
        m_qkv.resize(size_t(n * width));
        project(layer, MatrixKind::AttnQkv, w.attnQkv, m_norm.data(), n, E, m_qkv.data(), width);
        for (int64_t t = 0; t < n; ++t) {
            const float* row = m_qkv.data() + t * width;
            std::memcpy(m_q.data() + t * Q, row, size_t(Q) * sizeof(float));
            std::memcpy(m_k.data() + t * KV, row + Q, size_t(KV) * sizeof(float));
            std::memcpy(m_v.data() + t * KV, row + Q + KV, size_t(KV) * sizeof(float));
        }
    } else {
        const Projection qkv[] = {{MatrixKind::AttnQ, &w.attnQ, m_norm.data(), n, E, m_q.data(), Q},
                                  {MatrixKind::AttnK, &w.attnK, m_norm.data(), n, E, m_k.data(), KV},
                                  {MatrixKind::AttnV, &w.attnV, m_norm.data(), n, E, m_v.data(), KV}};
        projectMany(layer, qkv);
        addBias(m_q.data(), n, Q, w.attnQBias);
        addBias(m_k.data(), n, KV, w.attnKBias);
        addBias(m_v.data(), n, KV, w.attnVBias);
    }
    if (!w.attnQNorm.empty()) {
        model::rmsNormGroups(m_q.data(), w.attnQNorm.data(), n * m_p.heads, m_p.headDim, m_p.rmsEpsilon);
        model::rmsNormGroups(m_k.data(), w.attnKNorm.data(), n * m_p.headsKv, m_p.headDim, m_p.rmsEpsilon);
    }
    const bool swaRope = spec.ropeFreqBase != m_p.ropeFreqBase || spec.ropeFreqScale != m_p.ropeFreqScale;
    const float* cosSin = swaRope ? m_ropeSwa.data() : m_rope.data();
    model::applyRope(arch.rope, m_q.data(), n, Q, m_p.heads, m_p.headDim, m_p.ropeDims, cosSin);
    model::applyRope(arch.rope, m_k.data(), n, KV, m_p.headsKv, m_p.headDim, m_p.ropeDims, cosSin);
    if (m_p.queryScale != 1.0f)
        for (int64_t i = 0; i < n * Q; ++i)
            m_q[size_t(i)] *= m_p.queryScale;
    if (m_llamaCppRounding) {
        const VectorOps& ops = dispatch::kernels().vector;
        if (!flashAttentionFor(n)) ops.roundToHalf(m_q.data(), n * Q); // flash attention reads F32 queries
        ops.roundToHalf(m_k.data(), n * KV);
        ops.roundToHalf(m_v.data(), n * KV);
    }

    float* kCache = m_keys[size_t(layer)].data();
    float* vCache = m_values[size_t(layer)].data();
    std::memcpy(kCache + m_position * KV, m_k.data(), size_t(n * KV) * sizeof(float));
    for (int64_t t = 0; t < n; ++t)
        for (int64_t c = 0; c < KV; ++c)
            vCache[c * m_capacity + m_position + t] = m_v[size_t(t * KV + c)];

    attention(layer, n, standardAttentionShape());
    project(layer, MatrixKind::AttnOutput, w.attnOutput, m_attn.data(), n, Q, m_norm.data(), E);
    addBias(m_norm.data(), n, E, w.attnOutputBias);
    if (!w.attnPostNorm.empty())
        for (int64_t t = 0; t < n; ++t)
            model::rmsNorm(m_norm.data() + t * E, w.attnPostNorm.data(), m_norm.data() + t * E, E,
                           m_p.rmsEpsilon);
}

// The dense gated FFN of the normed input (m_norm) into m_norm.
void InferenceSession::ffnBlock(int layer, int64_t n) {
    const LayerWeights& w = m_model.layers()[size_t(layer)];
    const int64_t E = m_p.embedding, F = m_p.feedForward;
    if (w.fusedGateUp()) {
        // One product gives [gate | up] per token (ggml_swiglu: the first half is activated).
        m_up.resize(size_t(n * 2 * F));
        project(layer, MatrixKind::FfnUp, w.ffnUp, m_norm.data(), n, E, m_up.data(), 2 * F);
        for (int64_t t = 0; t < n; ++t) {
            float* row = m_up.data() + t * 2 * F;
            model::gatedActivation(m_p.info->activation, row, row + F, F);
            std::memcpy(m_gate.data() + t * F, row, size_t(F) * sizeof(float));
        }
    } else {
        const Projection gateUp[] = {{MatrixKind::FfnGate, &w.ffnGate, m_norm.data(), n, E, m_gate.data(), F},
                                     {MatrixKind::FfnUp, &w.ffnUp, m_norm.data(), n, E, m_up.data(), F}};
        projectMany(layer, gateUp);
        model::gatedActivation(m_p.info->activation, m_gate.data(), m_up.data(), n * F, F);
    }
    project(layer, MatrixKind::FfnDown, w.ffnDown, m_gate.data(), n, F, m_norm.data(), E);
}

// Top-k mixture of experts (llama.cpp build_moe_ffn): each expert runs once over the tokens routed to it;
// a token's output is the sum, in the order of its choices, of the chosen experts' weighted outputs.
void InferenceSession::moeBlock(int layer, int64_t n) {
    const LayerWeights& w = m_model.layers()[size_t(layer)];
    const int64_t E = m_p.embedding, FE = m_p.expertFeedForward, X = m_p.experts;
    const uint32_t used = m_p.expertsUsed;
    m_routerLogits.resize(size_t(n * X));
    project(layer, MatrixKind::FfnGateInp, w.ffnGateInp, m_norm.data(), n, E, m_routerLogits.data(), X);
    addBias(m_routerLogits.data(), n, X, w.ffnGateInpBias);
    std::vector<model::ExpertChoice> choices(static_cast<size_t>(n));
    for (int64_t t = 0; t < n; ++t)
        model::routeExperts({m_routerLogits.data() + t * X, size_t(X)}, m_p.gating, used, m_p.expertWeightsNorm,
                            choices[size_t(t)], w.ffnExpProbsBias, m_p.expertWeightsScale);
    // Shared experts (DeepSeek): a dense SwiGLU FFN of the same input, added to the routed experts' sum.
    if (w.ffnGateShexp.data) {
        const int64_t FS = w.ffnGateShexp.rows;
        m_gate.resize(size_t(n * FS));
        m_up.resize(size_t(n * FS));
        m_shared.resize(size_t(n * E));
        project(layer, MatrixKind::FfnGateShexp, w.ffnGateShexp, m_norm.data(), n, E, m_gate.data(), FS);
        project(layer, MatrixKind::FfnUpShexp, w.ffnUpShexp, m_norm.data(), n, E, m_up.data(), FS);
        model::gatedActivation(m_p.info->activation, m_gate.data(), m_up.data(), n * FS, FS);
        project(layer, MatrixKind::FfnDownShexp, w.ffnDownShexp, m_gate.data(), n, FS, m_shared.data(), E);
    }

    m_expertOut.resize(size_t(n) * used * size_t(E));
    // Each routed expert's rows get their own place in the work buffers (row0 of `total`), so that all the
    // experts' gate and up products go to the threads together, then all their down products.
    struct Routed {
        int64_t expert, row0;
        std::vector<std::pair<int64_t, uint32_t>> slots; // (token, choice index) routed to the expert
    };
    std::vector<Routed> routed;
    int64_t total = 0;
    for (int64_t e = 0; e < X; ++e) {
        Routed r{e, total, {}};
        for (int64_t t = 0; t < n; ++t)
            for (uint32_t k = 0; k < used; ++k)
                if (choices[size_t(t)].experts[k] == e) r.slots.emplace_back(t, k);
        if (r.slots.empty()) continue;
        total += int64_t(r.slots.size());
        routed.push_back(std::move(r));
    }
    m_gathered.resize(size_t(total * E));
    m_gatheredOut.resize(size_t(total * E));
    m_gate.resize(size_t(total * FE));
    m_up.resize(size_t(total * FE));
    std::vector<Projection> gateUp, down;
    for (const Routed& r : routed) {
        const int64_t m = int64_t(r.slots.size());
        // One token reads its normed row in place (and every expert then shares its quantized activations).
        float* gathered = m_gathered.data() + r.row0 * E;
        const float* x = m == 1 ? m_norm.data() + r.slots[0].first * E : gathered;
        for (int64_t i = 0; m > 1 && i < m; ++i)
            std::memcpy(gathered + i * E, m_norm.data() + r.slots[size_t(i)].first * E, size_t(E) * sizeof(float));
        const int ex = int(r.expert);
        float* gate = m_gate.data() + r.row0 * FE;
        gateUp.push_back({MatrixKind::FfnGateExps, &w.ffnGateExps.experts[size_t(ex)], x, m, E, gate, FE, ex});
        gateUp.push_back({MatrixKind::FfnUpExps, &w.ffnUpExps.experts[size_t(ex)], x, m, E,
                          m_up.data() + r.row0 * FE, FE, ex});
        down.push_back({MatrixKind::FfnDownExps, &w.ffnDownExps.experts[size_t(ex)], gate, m, FE,
                        m_gatheredOut.data() + r.row0 * E, E, ex});
    }
    // With a hook, each expert's products run in the order the hook has always seen them.
    const bool together = !m_hook;
    auto gateUpOf = [&](const Routed& r) {
        const int64_t m = int64_t(r.slots.size());
        float* gate = m_gate.data() + r.row0 * FE;
        float* up = m_up.data() + r.row0 * FE;
        addExpertBias(gate, m, FE, w.ffnGateExpsBias, r.expert);
        addExpertBias(up, m, FE, w.ffnUpExpsBias, r.expert);
        model::gatedActivation(m_p.info->activation, gate, up, m * FE, FE);
    };
    if (together) {
        projectMany(layer, gateUp);
        for (const Routed& r : routed)
            gateUpOf(r);
        projectMany(layer, down);
    }
    for (size_t i = 0; i < routed.size(); ++i) {
        const Routed& r = routed[i];
        const int64_t m = int64_t(r.slots.size());
        if (!together) {
            projectMany(layer, std::span(gateUp).subspan(2 * i, 2));
            gateUpOf(r);
            projectMany(layer, std::span(down).subspan(i, 1));
        }
        float* out = m_gatheredOut.data() + r.row0 * E;
        addExpertBias(out, m, E, w.ffnDownExpsBias, r.expert);
        for (int64_t j = 0; j < m; ++j) {
            const auto [t, k] = r.slots[size_t(j)];
            const float weight = choices[size_t(t)].weights[k];
            float* dst = m_expertOut.data() + (size_t(t) * used + k) * size_t(E);
            const float* src = out + j * E;
            for (int64_t c = 0; c < E; ++c)
                dst[c] = src[c] * weight;
        }
    }
    for (int64_t t = 0; t < n; ++t) {
        float* out = m_norm.data() + t * E;
        const float* first = m_expertOut.data() + size_t(t) * used * size_t(E);
        std::memcpy(out, first, size_t(E) * sizeof(float));
        for (uint32_t k = 1; k < used; ++k)
            for (int64_t c = 0; c < E; ++c)
                out[c] += first[size_t(k) * size_t(E) + size_t(c)];
        if (w.ffnGateShexp.data)
            for (int64_t c = 0; c < E; ++c)
                out[c] += m_shared[size_t(t * E + c)];
    }
}

Status InferenceSession::decode(std::span<const Token> tokens, size_t firstOutput, std::vector<float>& out,
                                std::stop_token stop, DecodeOutput what) {
    const int64_t n = int64_t(tokens.size());
    if (n == 0) return {};
    if (m_position + n > int64_t(m_capacity))
        return makeError("{} tokens after {} do not fit the context of {}", n, m_position, m_capacity);
    if (firstOutput > tokens.size()) firstOutput = tokens.size();
    for (Token t : tokens)
        if (t < 0 || uint32_t(t) >= m_p.vocabulary)
            return makeError("token id {} is outside the vocabulary", t);

    prepareBuffers(n);
    const int64_t E = m_p.embedding;
    for (int64_t t = 0; t < n; ++t)
        m_model.embed(tokens[size_t(t)], m_x.data() + t * E);
    if (m_p.embeddingScale != 1.0f)
        for (float& v : m_x)
            v *= m_p.embeddingScale;
    return runLayers(0, n, firstOutput, out, stop, what);
}

Status InferenceSession::decodeFrom(uint32_t firstLayer, std::span<const float> residual, size_t tokens,
                                    size_t firstOutput, std::vector<float>& out, std::stop_token stop,
                                    DecodeOutput what) {
    const int64_t n = int64_t(tokens);
    if (n == 0) return {};
    if (firstLayer > m_p.layers) return makeError("layer {} is past the model's {} layers", firstLayer, m_p.layers);
    if (residual.size() != size_t(n) * m_p.embedding)
        return makeError("the residual stream has {} values, expected {}", residual.size(), size_t(n) * m_p.embedding);
    if (m_position + n > int64_t(m_capacity))
        return makeError("{} tokens after {} do not fit the context of {}", n, m_position, m_capacity);
    if (firstOutput > tokens) firstOutput = tokens;
    prepareBuffers(n);
    std::copy(residual.begin(), residual.end(), m_x.begin());
    return runLayers(firstLayer, n, firstOutput, out, stop, what);
}

void InferenceSession::prepareBuffers(int64_t n) {
    const int64_t E = m_p.embedding, Q = m_p.qWidth(), KV = m_p.kvWidth();
    const int64_t F = std::max(m_p.feedForward, m_p.expertFeedForward * std::max<uint32_t>(1, m_p.sharedExperts));
    m_x.resize(size_t(n * E));
    m_norm.resize(size_t(n * std::max<int64_t>({E, Q, m_p.attentionOutputWidth()})));
    m_q.resize(size_t(n * Q));
    m_k.resize(size_t(n * KV));
    m_v.resize(size_t(n * KV));
    m_attn.resize(size_t(n * Q));
    m_gate.resize(size_t(n * F));
    m_up.resize(size_t(n * F));
}

Status InferenceSession::runLayers(uint32_t firstLayer, int64_t n, size_t firstOutput, std::vector<float>& out,
                                   std::stop_token stop, DecodeOutput what) {
    const int64_t E = m_p.embedding;
    const std::vector<float>& factors = m_model.ropeFrequencyFactors(m_capacity);
    const model::RopeYarn yarn{m_p.yarnExtFactor, m_p.yarnAttnFactor, m_p.yarnBetaFast, m_p.yarnBetaSlow,
                               m_p.yarnOriginalContext};
    model::ropeCache(m_position, n, m_p.ropeDims, m_p.ropeFreqBase, m_p.ropeFreqScale, factors, m_rope, yarn);
    for (const model::LayerSpec& l : m_p.layerSpecs)
        if (l.ropeFreqBase != m_p.ropeFreqBase || l.ropeFreqScale != m_p.ropeFreqScale) {
            model::ropeCache(m_position, n, m_p.ropeDims, l.ropeFreqBase, l.ropeFreqScale, factors, m_ropeSwa, yarn);
            break;
        }

    if (m_capture) m_capture->resize(m_p.layers + 1);
    for (uint32_t l = firstLayer; l < m_p.layers; ++l) {
        if (stop.stop_requested()) return cancelledError();
        if (m_capture) (*m_capture)[l].assign(m_x.begin(), m_x.begin() + n * E);
        const LayerWeights& w = m_model.layers()[l];
        const int layer = int(l);
        for (int64_t t = 0; t < n; ++t)
            model::rmsNorm(m_x.data() + t * E, w.attnNorm.data(), m_norm.data() + t * E, E, m_p.rmsEpsilon);
        if (m_p.info->latentAttention)
            latentAttentionBlock(layer, n);
        else
            attentionBlock(layer, n);
        for (int64_t i = 0; i < n * E; ++i)
            m_x[size_t(i)] += m_norm[size_t(i)];

        for (int64_t t = 0; t < n; ++t)
            model::rmsNorm(m_x.data() + t * E, w.ffnNorm.data(), m_norm.data() + t * E, E, m_p.rmsEpsilon);
        if (w.moe())
            moeBlock(layer, n);
        else
            ffnBlock(layer, n);
        if (!w.ffnPostNorm.empty())
            for (int64_t t = 0; t < n; ++t)
                model::rmsNorm(m_norm.data() + t * E, w.ffnPostNorm.data(), m_norm.data() + t * E, E,
                               m_p.rmsEpsilon);
        for (int64_t i = 0; i < n * E; ++i)
            m_x[size_t(i)] += m_norm[size_t(i)];
    }
    if (stop.stop_requested()) return cancelledError();
    if (m_capture) (*m_capture)[m_p.layers].assign(m_x.begin(), m_x.begin() + n * E);

    const int64_t outputs = n - int64_t(firstOutput);
    const bool hidden = what == DecodeOutput::Hidden;
    out.resize(size_t(outputs) * (hidden ? size_t(E) : m_p.vocabulary));
    float* normed = hidden ? out.data() : m_norm.data();
    for (int64_t t = 0; t < outputs; ++t)
        model::rmsNorm(m_x.data() + (int64_t(firstOutput) + t) * E, m_model.outputNorm().data(), normed + t * E,
                       E, m_p.rmsEpsilon);
    if (!hidden && outputs > 0) {
        project(-1, MatrixKind::Output, m_model.output(), normed, outputs, E, out.data(), m_p.vocabulary);
        if (m_p.finalLogitSoftcap > 0) model::softcap(out.data(), int64_t(out.size()), m_p.finalLogitSoftcap);
    }
    m_position += n;
    return {};
}

} // namespace qf::eval
