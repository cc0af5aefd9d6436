#include "qf/eval/llama_model.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cmath>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "qf/quant/kernels.h"

namespace qf::eval {

Result<std::unique_ptr<LlamaModel>> LlamaModel::open(const std::filesystem::path& path) {
    auto file = gguf::GgufFile::open(path);
    if (!file) return file.error();
    // The spec first: an architecture the decoder cannot run is refused before the vocabulary is read.
    auto spec = model::ModelSpec::fromMetadata(file->metadata());
    if (!spec) return rewordError(spec.error(), "{}: {}", path.string(), spec.error().message);
    auto tokenizer = Tokenizer::fromMetadata(file->metadata());
    if (!tokenizer) return rewordError(tokenizer.error(), "{}: {}", path.string(), tokenizer.error().message);
    std::unique_ptr<LlamaModel> model(new LlamaModel(std::move(*file), std::move(*tokenizer)));
    model->m_params = std::move(*spec);
    if (auto status = model->load(); !status)
        return rewordError(status.error(), "{}: {}", path.string(), status.error().message);
    return model;
}

Status LlamaModel::load() {
    LlamaHyperParams& p = m_params;
    if (uint64_t(p.layers) * 4 > m_file.tensors().size())
        return makeError("block_count {} does not fit the {} tensors of the file", p.layers, m_file.tensors().size());

    auto matrix = [&](const std::string& name, uint64_t cols, uint64_t rows, bool optional,
                      WeightMatrix& out) -> Status {
        const gguf::TensorInfo* t = m_file.findTensor(name);
        if (!t) {
            if (optional) return {};
            return makeError("tensor {} is missing", name);
        }
        if (t->shape.size() != 2 || t->shape[0] != cols || t->shape[1] != rows)
            return makeError("tensor {} has shape [{}], expected [{}, {}]", name, fmt::join(t->shape, ", "),
                             cols, rows);
        if (!quant::canDequantize(t->type))
            return makeError("tensor {} has type {}, which this engine cannot read yet", name,
                             ggmlTypeName(t->type));
        const auto& traits = ggmlTypeTraits(t->type);
        if (cols % traits.blockSize != 0)
            return makeError("tensor {}: row length {} is not a multiple of the {} block size {}", name, cols,
                             traits.name, traits.blockSize);
        out.name = name;
        out.type = t->type;
        out.rows = int64_t(rows);
        out.cols = int64_t(cols);
        out.data = m_file.tensorData(*t).data();
        out.rowBytes = ggmlRowBytes(t->type, cols);
        return {};
    };
    auto vector = [&](const std::string& name, uint64_t length, bool optional,
                      std::vector<float>& out) -> Status {
        const gguf::TensorInfo* t = m_file.findTensor(name);
        if (!t) {
            if (optional) return {};
            return makeError("tensor {} is missing", name);
        }
        if (t->elementCount() != length)
            return makeError("tensor {} has {} values, expected {}", name, t->elementCount(), length);
        if (!quant::canDequantize(t->type) || length % ggmlTypeTraits(t->type).blockSize != 0)
            return makeError("tensor {} has type {}, which this engine cannot read yet", name,
                             ggmlTypeName(t->type));
        out.resize(length);
        quant::dequantizeRow(t->type, m_file.tensorData(*t).data(), out.data(), int64_t(length));
        return {};
    };

    const gguf::TensorInfo* embd = m_file.findTensor("token_embd.weight");
    if (!embd || embd->shape.size() != 2) return makeError("tensor token_embd.weight is missing or not 2-D");
    p.vocabulary = uint32_t(embd->shape[1]);
    if (p.vocabulary != m_tokenizer.size())
        return makeError("token_embd.weight has {} rows but the vocabulary has {} tokens", p.vocabulary,
                         m_tokenizer.size());
    QF_TRY(matrix("token_embd.weight", p.embedding, p.vocabulary, false, m_tokenEmbedding));
    QF_TRY(vector("output_norm.weight", p.embedding, false, m_outputNorm));
    QF_TRY(matrix("output.weight", p.embedding, p.vocabulary, true, m_output));
    m_tied = m_output.data == nullptr;
    if (m_tied) m_output = m_tokenEmbedding;
    QF_TRY(vector("rope_freqs.weight", p.ropeDims / 2, true, m_ropeFactors));
    QF_TRY(vector("rope_factors_long.weight", p.ropeDims / 2, true, m_ropeFactorsLong));
    QF_TRY(vector("rope_factors_short.weight", p.ropeDims / 2, true, m_ropeFactorsShort));

    // Sizes come from metadata, which is anyone's: allocate only for layers whose tensors are in the file.
    uint32_t layersPresent = 0;
    for (const auto& t : m_file.tensors()) {
        unsigned index = 0;
        if (std::sscanf(t.name.c_str(), "blk.%u.", &index) == 1 && index < (1u << 30))
            layersPresent = std::max(layersPresent, index + 1);
    }
    if (p.layers != layersPresent)
        return makeError("{}.block_count is {} but the file has tensors for {} layers", p.architecture, p.layers,
                         layersPresent);

    // A 3-D expert tensor [cols, rows, experts], one 2-D view per expert.
    // A 3-D tensor [cols, rows, count] (experts, or attn_k_b/attn_v_b's heads), one 2-D view per slice.
    auto slices = [&](const std::string& name, uint64_t cols, uint64_t rows, uint32_t count,
                      ExpertWeights& out) -> Status {
        const gguf::TensorInfo* t = m_file.findTensor(name);
        if (!t) return makeError("tensor {} is missing", name);
        if (t->shape.size() != 3 || t->shape[0] != cols || t->shape[1] != rows || t->shape[2] != count)
            return makeError("tensor {} has shape [{}], expected [{}, {}, {}]", name, fmt::join(t->shape, ", "),
                             cols, rows, count);
        if (!quant::canDequantize(t->type) || cols % ggmlTypeTraits(t->type).blockSize != 0)
            return makeError("tensor {} has type {}, which this engine cannot read yet", name,
                             ggmlTypeName(t->type));
        const uint64_t rowBytes = ggmlRowBytes(t->type, cols);
        const uint8_t* data = m_file.tensorData(*t).data();
        out.name = name;
        out.experts.resize(count);
        for (uint32_t e = 0; e < count; ++e) {
            WeightMatrix& w = out.experts[e];
            w.name = name;
            w.type = t->type;
            w.rows = int64_t(rows);
            w.cols = int64_t(cols);
            w.rowBytes = rowBytes;
            w.data = data + uint64_t(e) * rows * rowBytes;
        }
        return {};
    };
    auto experts = [&](const std::string& name, uint64_t cols, uint64_t rows, ExpertWeights& out) {
        return slices(name, cols, rows, p.experts, out);
    };

    const model::ArchitectureInfo& arch = *p.info;
    m_layers.resize(p.layers);
    for (uint32_t i = 0; i < p.layers; ++i) {
        LayerWeights& l = m_layers[i];
        const std::string b = fmt::format("blk.{}.", i);
        QF_TRY(vector(b + "attn_norm.weight", p.embedding, false, l.attnNorm));
        if (arch.latentAttention) {
            const uint64_t heads = p.heads, latent = p.kvLoraRank, rope = p.ropeDims;
            if (p.qLoraRank > 0) {
                QF_TRY(matrix(b + "attn_q_a.weight", p.embedding, p.qLoraRank, false, l.attnQA));
                QF_TRY(vector(b + "attn_q_a_norm.weight", p.qLoraRank, false, l.attnQANorm));
                QF_TRY(matrix(b + "attn_q_b.weight", p.qLoraRank, p.qWidth(), false, l.attnQB));
            } else {
                QF_TRY(matrix(b + "attn_q.weight", p.embedding, p.qWidth(), false, l.attnQ));
            }
            QF_TRY(matrix(b + "attn_kv_a_mqa.weight", p.embedding, latent + rope, false, l.attnKvAMqa));
            QF_TRY(vector(b + "attn_kv_a_norm.weight", latent, false, l.attnKvANorm));
            if (!m_file.findTensor(b + "attn_k_b.weight") && m_file.findTensor(b + "attn_kv_b.weight"))
                return makeError("tensor {}attn_kv_b.weight is the older, unsplit form of latent attention; "
                                 "convert the model again with a recent llama.cpp (attn_k_b and attn_v_b)", b);
            QF_TRY(slices(b + "attn_k_b.weight", p.headDim - rope, latent, uint32_t(heads), l.attnKB));
            QF_TRY(slices(b + "attn_v_b.weight", latent, p.valueDim, uint32_t(heads), l.attnVB));
        } else if (arch.fusedQkv || m_file.findTensor(b + "attn_qkv.weight")) {
            QF_TRY(matrix(b + "attn_qkv.weight", p.embedding, p.qWidth() + 2 * p.kvWidth(), false, l.attnQkv));
        } else {
            QF_TRY(matrix(b + "attn_q.weight", p.embedding, p.qWidth(), false, l.attnQ));
            QF_TRY(matrix(b + "attn_k.weight", p.embedding, p.kvWidth(), false, l.attnK));
            QF_TRY(matrix(b + "attn_v.weight", p.embedding, p.kvWidth(), false, l.attnV));
            QF_TRY(vector(b + "attn_q.bias", p.qWidth(), true, l.attnQBias));
            QF_TRY(vector(b + "attn_k.bias", p.kvWidth(), true, l.attnKBias));
            QF_TRY(vector(b + "attn_v.bias", p.kvWidth(), true, l.attnVBias));
        }
        QF_TRY(matrix(b + "attn_output.weight", p.attentionOutputWidth(), p.embedding, false, l.attnOutput));
        QF_TRY(vector(b + "attn_output.bias", p.embedding, true, l.attnOutputBias));
        if (arch.queryKeyNorm) {
            QF_TRY(vector(b + "attn_q_norm.weight", p.headDim, false, l.attnQNorm));
            QF_TRY(vector(b + "attn_k_norm.weight", p.headDim, false, l.attnKNorm));
        }
        if (arch.postNorms) {
            QF_TRY(vector(b + "post_attention_norm.weight", p.embedding, false, l.attnPostNorm));
            QF_TRY(vector(b + "post_ffw_norm.weight", p.embedding, false, l.ffnPostNorm));
        }
        QF_TRY(vector(b + std::string(arch.ffnNormName) + ".weight", p.embedding, false, l.ffnNorm));
        if (arch.attentionSinks) QF_TRY(vector(b + "attn_sinks.weight", p.heads, false, l.attnSinks));
        if (!p.denseFfnLayer(i)) {
            QF_TRY(matrix(b + "ffn_gate_inp.weight", p.embedding, p.experts, false, l.ffnGateInp));
            const uint32_t fe = p.expertFeedForward;
            QF_TRY(experts(b + "ffn_gate_exps.weight", p.embedding, fe, l.ffnGateExps));
            QF_TRY(experts(b + "ffn_up_exps.weight", p.embedding, fe, l.ffnUpExps));
            QF_TRY(experts(b + "ffn_down_exps.weight", fe, p.embedding, l.ffnDownExps));
            QF_TRY(vector(b + "ffn_gate_inp.bias", p.experts, true, l.ffnGateInpBias));
            QF_TRY(vector(b + "ffn_gate_exps.bias", uint64_t(fe) * p.experts, true, l.ffnGateExpsBias));
            QF_TRY(vector(b + "ffn_up_exps.bias", uint64_t(fe) * p.experts, true, l.ffnUpExpsBias));
            QF_TRY(vector(b + "ffn_down_exps.bias", uint64_t(p.embedding) * p.experts, true, l.ffnDownExpsBias));
            QF_TRY(vector(b + "exp_probs_b.bias", p.experts, true, l.ffnExpProbsBias));
            if (p.sharedExperts > 0) {
                const uint64_t fs = uint64_t(fe) * p.sharedExperts;
                QF_TRY(matrix(b + "ffn_gate_shexp.weight", p.embedding, fs, false, l.ffnGateShexp));
                QF_TRY(matrix(b + "ffn_up_shexp.weight", p.embedding, fs, false, l.ffnUpShexp));
                QF_TRY(matrix(b + "ffn_down_shexp.weight", fs, p.embedding, false, l.ffnDownShexp));
            }
        } else if (!p.hasExperts() && m_file.findTensor(b + "ffn_gate_inp.weight")) {
            return makeError("tensor {}ffn_gate_inp.weight routes to experts, but expert_count is missing", b);
        } else if (arch.fusedGateUp) {
            QF_TRY(matrix(b + "ffn_up.weight", p.embedding, 2 * uint64_t(p.feedForward), false, l.ffnUp));
            QF_TRY(matrix(b + "ffn_down.weight", p.feedForward, p.embedding, false, l.ffnDown));
        } else {
            QF_TRY(matrix(b + "ffn_gate.weight", p.embedding, p.feedForward, false, l.ffnGate));
            QF_TRY(matrix(b + "ffn_up.weight", p.embedding, p.feedForward, false, l.ffnUp));
            QF_TRY(matrix(b + "ffn_down.weight", p.feedForward, p.embedding, false, l.ffnDown));
        }
    }
    return {};
}

const std::vector<float>& LlamaModel::ropeFrequencyFactors(uint32_t context) const {
    if (!m_ropeFactors.empty()) return m_ropeFactors;
    // llama_context: n_ctx_seq = GGML_PAD(n_ctx, 256) for one sequence.
    const uint64_t padded = (uint64_t(context) + 255) / 256 * 256;
    return padded > m_params.ropeOriginalContext ? m_ropeFactorsLong : m_ropeFactorsShort;
}

void LlamaModel::embed(Token token, float* out) const {
    quant::dequantizeRow(m_tokenEmbedding.type, m_tokenEmbedding.row(token), out, m_tokenEmbedding.cols);
}

std::vector<WeightMatrix*> LlamaModel::weightViews(std::string_view name) {
    std::vector<WeightMatrix*> views;
    auto add = [&](WeightMatrix& w) {
        if (w.data && w.name == name) views.push_back(&w);
    };
    add(m_tokenEmbedding);
    add(m_output);
    for (LayerWeights& l : m_layers)
        for (WeightMatrix* w : {&l.attnQ, &l.attnK, &l.attnV, &l.attnOutput, &l.attnQkv, &l.ffnGate, &l.ffnUp,
                                &l.ffnDown, &l.ffnGateInp})
            add(*w);
    return views;
}

} // namespace qf::eval
