#include "qf/eval/inference_session.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "matmul_kernels.h"
#include "qf/parallel.h"

namespace qf::eval {
namespace {

// ggml_rms_norm followed by the multiplication with the norm weight: the sum of squares in double, the
// scale in float.
void rmsNorm(const float* x, const float* weight, float* out, int64_t n, float eps) {
    double sum = 0.0;
    for (int64_t i = 0; i < n; ++i)
        sum += double(x[i] * x[i]);
    const float mean = float(sum / double(n));
    const float scale = 1.0f / std::sqrt(mean + eps);
    for (int64_t i = 0; i < n; ++i)
        out[i] = (x[i] * scale) * weight[i];
}

void addBias(float* rows, int64_t tokens, int64_t stride, const std::vector<float>& bias) {
    if (bias.empty()) return;
    for (int64_t t = 0; t < tokens; ++t)
        for (size_t i = 0; i < bias.size(); ++i)
            rows[t * stride + int64_t(i)] += bias[i];
}

// Rotates adjacent pairs of the first ropeDims values of each head (ggml rope mode 0, "normal").
void applyRope(float* rows, int64_t tokens, int64_t stride, uint32_t heads, uint32_t headDim,
               uint32_t ropeDims, const float* cosSin) {
    for (int64_t t = 0; t < tokens; ++t) {
        const float* cs = cosSin + t * ropeDims;
        for (uint32_t h = 0; h < heads; ++h) {
            float* v = rows + t * stride + h * headDim;
            for (uint32_t i = 0; i < ropeDims; i += 2) {
                const float c = cs[i], s = cs[i + 1];
                const float x0 = v[i], x1 = v[i + 1];
                v[i] = x0 * c - x1 * s;
                v[i + 1] = x0 * s + x1 * c;
            }
        }
    }
}

} // namespace

InferenceSession::InferenceSession(const LlamaModel& model, const SessionOptions& options)
    : m_model(model), m_p(model.params()), m_threads(options.threads ? options.threads : hardwareThreads()),
      m_capacity(options.contextLength ? options.contextLength : std::max<uint32_t>(m_p.trainedContext, 1)),
      m_llamaCppRounding(options.llamaCppRounding) {
    m_keys.resize(m_p.layers);
    m_values.resize(m_p.layers);
    for (uint32_t l = 0; l < m_p.layers; ++l) {
        m_keys[l].assign(size_t(m_capacity) * m_p.kvWidth(), 0.0f);
        m_values[l].assign(size_t(m_capacity) * m_p.kvWidth(), 0.0f);
    }
}

void InferenceSession::project(int layer, MatrixKind kind, const WeightMatrix& w, const float* x,
                               int64_t tokens, int64_t ldx, float* y, int64_t ldy) {
    if (m_hook) m_hook({layer, kind, &w, x, tokens, w.cols, ldx});
    if (m_llamaCppRounding)
        ggmlMatmul(w, x, ldx, tokens, y, ldy, m_threads, m_rounded);
    else
        matmul(w, x, ldx, tokens, y, ldy, m_threads);
}

// ggml's rope cache: theta starts at the position and is multiplied by base^(-2/n_rot) per pair, in float.
void InferenceSession::computeRope(int64_t tokens) {
    const uint32_t dims = m_p.ropeDims;
    m_rope.resize(size_t(tokens) * dims);
    const float thetaScale = std::pow(m_p.ropeFreqBase, -2.0f / float(dims));
    const std::vector<float>& factors = m_model.ropeFrequencyFactors();
    for (int64_t t = 0; t < tokens; ++t) {
        float theta = float(m_position + t);
        float* cs = m_rope.data() + t * dims;
        for (uint32_t i = 0; i < dims; i += 2) {
            const float factor = factors.empty() ? 1.0f : factors[i / 2];
            const float angle = m_p.ropeFreqScale * (theta / factor);
            cs[i] = std::cos(angle);
            cs[i + 1] = std::sin(angle);
            theta *= thetaScale;
        }
    }
}

void InferenceSession::attention(int layer, int64_t tokens) {
    const int64_t past = m_position;
    const int64_t keys = past + tokens;
    const uint32_t hd = m_p.headDim;
    const uint32_t group = m_p.heads / m_p.headsKv;
    const int64_t qWidth = m_p.qWidth();
    const int64_t kvWidth = m_p.kvWidth();
    const float scale = 1.0f / std::sqrt(float(hd));
    const float* kCache = m_keys[size_t(layer)].data();
    const float* vCache = m_values[size_t(layer)].data();
    const VectorOps& ops = vectorOps();

    // One new token against a short context is less work than starting a thread (see matmul()).
    const unsigned attentionThreads = tokens * keys * hd * m_p.heads < (int64_t(1) << 20) ? 1 : m_threads;
    parallelFor(m_p.heads, attentionThreads, [&](int64_t h) {
        thread_local std::vector<float> scores;
        if (scores.size() < size_t(tokens * keys)) scores.resize(size_t(tokens * keys));
        const int64_t g = h / group;
        // scores = Q_h · K_gᵀ
        const RowMatrix k = RowMatrix::f32(kCache + g * hd, keys, hd, kvWidth);
        matmul(k, m_q.data() + h * hd, qWidth, tokens, scores.data(), keys, 1);
        // Masked softmax as ggml_soft_max_ext: x * scale with -inf after the query position, exp in float,
        // the sum in double.
        for (int64_t t = 0; t < tokens; ++t) {
            float* row = scores.data() + t * keys;
            const int64_t visible = past + t + 1;
            for (int64_t j = 0; j < visible; ++j)
                row[j] *= scale;
            const double sum = ops.expShifted(row, ops.maxOf(row, visible), row, visible);
            const float inv = float(1.0 / sum);
            for (int64_t j = 0; j < visible; ++j)
                row[j] *= inv;
            std::fill(row + visible, row + keys, 0.0f);
            if (m_llamaCppRounding) ops.roundToHalf(row, visible);
        }
        // out_h = P · V_g: the transposed value cache gives V_g as hd rows of `keys` values.
        const RowMatrix v = RowMatrix::f32(vCache + g * hd * m_capacity, hd, keys, m_capacity);
        matmul(v, scores.data(), keys, tokens, m_attn.data() + h * hd, qWidth, 1);
    });
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

    const int64_t E = m_p.embedding, F = m_p.feedForward, Q = m_p.qWidth(), KV = m_p.kvWidth();
    m_x.resize(size_t(n * E));
    m_norm.resize(size_t(n * std::max(E, Q)));
    m_q.resize(size_t(n * Q));
    m_k.resize(size_t(n * KV));
    m_v.resize(size_t(n * KV));
    m_attn.resize(size_t(n * Q));
    m_gate.resize(size_t(n * F));
    m_up.resize(size_t(n * F));

    for (int64_t t = 0; t < n; ++t)
        m_model.embed(tokens[size_t(t)], m_x.data() + t * E);
    computeRope(n);

    for (uint32_t l = 0; l < m_p.layers; ++l) {
        if (stop.stop_requested()) return cancelledError();
        const LayerWeights& w = m_model.layers()[l];
        const int layer = int(l);
        for (int64_t t = 0; t < n; ++t)
            rmsNorm(m_x.data() + t * E, w.attnNorm.data(), m_norm.data() + t * E, E, m_p.rmsEpsilon);
        project(layer, MatrixKind::AttnQ, w.attnQ, m_norm.data(), n, E, m_q.data(), Q);
        project(layer, MatrixKind::AttnK, w.attnK, m_norm.data(), n, E, m_k.data(), KV);
        project(layer, MatrixKind::AttnV, w.attnV, m_norm.data(), n, E, m_v.data(), KV);
        addBias(m_q.data(), n, Q, w.attnQBias);
        addBias(m_k.data(), n, KV, w.attnKBias);
        addBias(m_v.data(), n, KV, w.attnVBias);
        applyRope(m_q.data(), n, Q, m_p.heads, m_p.headDim, m_p.ropeDims, m_rope.data());
        applyRope(m_k.data(), n, KV, m_p.headsKv, m_p.headDim, m_p.ropeDims, m_rope.data());
        if (m_llamaCppRounding) {
            const VectorOps& ops = vectorOps();
            ops.roundToHalf(m_q.data(), n * Q);
            ops.roundToHalf(m_k.data(), n * KV);
            ops.roundToHalf(m_v.data(), n * KV);
        }

        float* kCache = m_keys[l].data();
        float* vCache = m_values[l].data();
        std::memcpy(kCache + m_position * KV, m_k.data(), size_t(n * KV) * sizeof(float));
        for (int64_t t = 0; t < n; ++t)
            for (int64_t c = 0; c < KV; ++c)
                vCache[c * m_capacity + m_position + t] = m_v[size_t(t * KV + c)];

        attention(layer, n);
        project(layer, MatrixKind::AttnOutput, w.attnOutput, m_attn.data(), n, Q, m_norm.data(), E);
        addBias(m_norm.data(), n, E, w.attnOutputBias);
        for (int64_t i = 0; i < n * E; ++i)
            m_x[size_t(i)] += m_norm[size_t(i)];

        for (int64_t t = 0; t < n; ++t)
            rmsNorm(m_x.data() + t * E, w.ffnNorm.data(), m_norm.data() + t * E, E, m_p.rmsEpsilon);
        project(layer, MatrixKind::FfnGate, w.ffnGate, m_norm.data(), n, E, m_gate.data(), F);
        project(layer, MatrixKind::FfnUp, w.ffnUp, m_norm.data(), n, E, m_up.data(), F);
        for (int64_t i = 0; i < n * F; ++i) {
            const float g = m_gate[size_t(i)];
            m_gate[size_t(i)] = g / (1.0f + std::exp(-g)) * m_up[size_t(i)];
        }
        project(layer, MatrixKind::FfnDown, w.ffnDown, m_gate.data(), n, F, m_norm.data(), E);
        for (int64_t i = 0; i < n * E; ++i)
            m_x[size_t(i)] += m_norm[size_t(i)];
    }
    if (stop.stop_requested()) return cancelledError();

    const int64_t outputs = n - int64_t(firstOutput);
    const bool hidden = what == DecodeOutput::Hidden;
    out.resize(size_t(outputs) * (hidden ? size_t(E) : m_p.vocabulary));
    float* normed = hidden ? out.data() : m_norm.data();
    for (int64_t t = 0; t < outputs; ++t)
        rmsNorm(m_x.data() + (int64_t(firstOutput) + t) * E, m_model.outputNorm().data(), normed + t * E, E,
                m_p.rmsEpsilon);
    if (!hidden && outputs > 0)
        project(-1, MatrixKind::Output, m_model.output(), normed, outputs, E, out.data(), m_p.vocabulary);
    m_position += n;
    return {};
}

} // namespace qf::eval
