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
namespace {

// Architectures whose llama.cpp graph is exactly the llama one.
constexpr std::array<std::string_view, 2> kLlamaGraphArchitectures = {"llama", "mistral"};

Result<uint32_t> requiredUInt(const gguf::Metadata& m, const std::string& key) {
    const auto v = m.getUInt(key);
    if (!v) return makeError("metadata key {} is missing or not an integer", key);
    if (*v == 0 || *v > (1u << 30)) return makeError("metadata key {} has the implausible value {}", key, *v);
    return uint32_t(*v);
}

} // namespace

Result<std::unique_ptr<LlamaModel>> LlamaModel::open(const std::filesystem::path& path) {
    auto file = gguf::GgufFile::open(path);
    if (!file) return file.error();
    const auto arch = file->metadata().getString("general.architecture");
    if (!arch) return makeError("{}: general.architecture is missing", path.string());
    bool supported = false;
    for (auto a : kLlamaGraphArchitectures)
        supported |= (*arch == a);
    if (!supported) return makeError("{}: not supported yet: {}", path.string(), *arch);
    auto tokenizer = Tokenizer::fromMetadata(file->metadata());
    if (!tokenizer) return makeError("{}: {}", path.string(), tokenizer.error().message);
    std::unique_ptr<LlamaModel> model(new LlamaModel(std::move(*file), std::move(*tokenizer)));
    if (auto status = model->load(); !status)
        return makeError("{}: {}", path.string(), status.error().message);
    return model;
}

Status LlamaModel::load() {
    const gguf::Metadata& m = m_file.metadata();
    LlamaHyperParams& p = m_params;
    p.architecture = *m.getString("general.architecture");
    const std::string prefix = p.architecture + ".";

    auto get = [&](const char* key, uint32_t& out) -> Status {
        auto v = requiredUInt(m, prefix + key);
        if (!v) return v.error();
        out = *v;
        return {};
    };
    QF_TRY(get("embedding_length", p.embedding));
    QF_TRY(get("block_count", p.layers));
    QF_TRY(get("attention.head_count", p.heads));
    QF_TRY(get("feed_forward_length", p.feedForward));
    p.headsKv = uint32_t(m.getUInt(prefix + "attention.head_count_kv").value_or(p.heads));
    if (p.headsKv == 0 || p.heads % p.headsKv != 0)
        return makeError("{} query heads cannot share {} key/value heads", p.heads, p.headsKv);
    if (m.getUInt(prefix + "expert_count").value_or(0) > 0)
        return makeError("not supported yet: {} with mixture-of-experts layers", p.architecture);
    p.headDim = uint32_t(m.getUInt(prefix + "attention.key_length").value_or(p.embedding / p.heads));
    const uint32_t valueLength = uint32_t(m.getUInt(prefix + "attention.value_length").value_or(p.headDim));
    if (p.headDim == 0 || p.headDim % 2 != 0 || valueLength != p.headDim)
        return makeError("unsupported head size (key {}, value {})", p.headDim, valueLength);
    p.ropeDims = uint32_t(m.getUInt(prefix + "rope.dimension_count").value_or(p.headDim));
    if (p.ropeDims > p.headDim || p.ropeDims % 2 != 0)
        return makeError("rope.dimension_count {} does not fit head size {}", p.ropeDims, p.headDim);
    p.trainedContext = uint32_t(m.getUInt(prefix + "context_length").value_or(0));
    p.rmsEpsilon = float(m.getFloat(prefix + "attention.layer_norm_rms_epsilon").value_or(1e-5));
    p.ropeFreqBase = float(m.getFloat(prefix + "rope.freq_base").value_or(10000.0));
    const std::string scaling = m.getString(prefix + "rope.scaling.type").value_or("none");
    if (scaling == "linear") {
        const double factor = m.getFloat(prefix + "rope.scaling.factor").value_or(0.0);
        if (factor > 0) p.ropeFreqScale = float(1.0 / factor);
    } else if (scaling != "none") {
        return makeError("not supported yet: rope scaling '{}'", scaling);
    } else if (const auto linear = m.getFloat(prefix + "rope.scale_linear"); linear && *linear > 0) {
        p.ropeFreqScale = float(1.0 / *linear);
    }

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

    // Sizes come from metadata, which is anyone's: allocate only for layers whose tensors are in the file.
    uint32_t layersPresent = 0;
    for (const auto& t : m_file.tensors()) {
        unsigned index = 0;
        if (std::sscanf(t.name.c_str(), "blk.%u.", &index) == 1 && index < (1u << 30))
            layersPresent = std::max(layersPresent, index + 1);
    }
    if (p.layers != layersPresent)
        return makeError("{}block_count is {} but the file has tensors for {} layers", prefix, p.layers, layersPresent);
    m_layers.resize(p.layers);
    for (uint32_t i = 0; i < p.layers; ++i) {
        LayerWeights& l = m_layers[i];
        const std::string b = fmt::format("blk.{}.", i);
        QF_TRY(vector(b + "attn_norm.weight", p.embedding, false, l.attnNorm));
        QF_TRY(matrix(b + "attn_q.weight", p.embedding, p.qWidth(), false, l.attnQ));
        QF_TRY(matrix(b + "attn_k.weight", p.embedding, p.kvWidth(), false, l.attnK));
        QF_TRY(matrix(b + "attn_v.weight", p.embedding, p.kvWidth(), false, l.attnV));
        QF_TRY(matrix(b + "attn_output.weight", p.qWidth(), p.embedding, false, l.attnOutput));
        QF_TRY(vector(b + "attn_q.bias", p.qWidth(), true, l.attnQBias));
        QF_TRY(vector(b + "attn_k.bias", p.kvWidth(), true, l.attnKBias));
        QF_TRY(vector(b + "attn_v.bias", p.kvWidth(), true, l.attnVBias));
        QF_TRY(vector(b + "attn_output.bias", p.embedding, true, l.attnOutputBias));
        QF_TRY(vector(b + "ffn_norm.weight", p.embedding, false, l.ffnNorm));
        if (m_file.findTensor(b + "ffn_gate_inp.weight"))
            return makeError("not supported yet: {} with mixture-of-experts layers", p.architecture);
        QF_TRY(matrix(b + "ffn_gate.weight", p.embedding, p.feedForward, false, l.ffnGate));
        QF_TRY(matrix(b + "ffn_up.weight", p.embedding, p.feedForward, false, l.ffnUp));
        QF_TRY(matrix(b + "ffn_down.weight", p.feedForward, p.embedding, false, l.ffnDown));
    }
    return {};
}

void LlamaModel::embed(Token token, float* out) const {
    quant::dequantizeRow(m_tokenEmbedding.type, m_tokenEmbedding.row(token), out, m_tokenEmbedding.cols);
}

} // namespace qf::eval
