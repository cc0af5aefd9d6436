#include "qf/synthetic_model.h"

#include <atomic>
#include <cmath>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "qf/fp16.h"
#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/parallel.h"

namespace qf {
namespace {

using gguf::Array;
using gguf::Value;
using gguf::ValueType;

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

// Uniform in (0, 1], never 0 so that log() is finite.
double uniform(uint64_t& state) { return (double(splitmix64(state) >> 11) + 1.0) * 0x1.0p-53; }

// Student-t with 4 degrees of freedom: the heavy tails trained LLM weights show (a few large outliers per
// row), which is what makes quantization error realistic.
double studentT4(uint64_t& state) {
    const double z = std::sqrt(-2.0 * std::log(uniform(state))) * std::cos(6.283185307179586 * uniform(state));
    const double chi2 = -2.0 * std::log(uniform(state) * uniform(state)); // chi-square, 4 degrees of freedom
    return z / std::sqrt(chi2 / 4.0);
}

struct PlannedTensor {
    gguf::TensorSpec spec;
    bool isNorm = false;
};

std::vector<PlannedTensor> tensorsFor(const SyntheticLlamaParams& p) {
    const uint64_t headDim = p.embedding / p.heads;
    const uint64_t kvDim = headDim * p.headsKv;
    std::vector<PlannedTensor> out;
    auto weight = [&](std::string name, uint64_t cols, uint64_t rows) {
        out.push_back({{std::move(name), {cols, rows}, p.weightType}, false});
    };
    auto norm = [&](std::string name) { out.push_back({{std::move(name), {p.embedding}, GgmlType::F32}, true}); };
    weight("token_embd.weight", p.embedding, p.vocabulary);
    for (uint64_t l = 0; l < p.layers; ++l) {
        const auto b = fmt::format("blk.{}.", l);
        weight(b + "attn_q.weight", p.embedding, p.embedding);
        weight(b + "attn_k.weight", p.embedding, kvDim);
        weight(b + "attn_v.weight", p.embedding, kvDim);
        weight(b + "attn_output.weight", p.embedding, p.embedding);
        weight(b + "ffn_gate.weight", p.embedding, p.feedForward);
        weight(b + "ffn_down.weight", p.feedForward, p.embedding);
        weight(b + "ffn_up.weight", p.embedding, p.feedForward);
        norm(b + "attn_norm.weight");
        norm(b + "ffn_norm.weight");
    }
    norm("output_norm.weight");
    if (!p.tiedEmbeddings) weight("output.weight", p.embedding, p.vocabulary);
    return out;
}

void setPlaceholderVocabulary(gguf::Metadata& md, uint64_t size) {
    std::vector<std::string> tokens;
    std::vector<float> scores;
    std::vector<int32_t> types;
    tokens.reserve(size);
    for (uint64_t i = 0; i < size; ++i) {
        if (i == 0) tokens.push_back("<unk>"), types.push_back(2);
        else if (i == 1) tokens.push_back("<s>"), types.push_back(3);
        else if (i == 2) tokens.push_back("</s>"), types.push_back(3);
        else if (i < 3 + 256) tokens.push_back(fmt::format("<0x{:02X}>", i - 3)), types.push_back(6);
        else tokens.push_back(fmt::format("\u2581tok{}", i)), types.push_back(1);
        scores.push_back(-float(i));
    }
    md.set("tokenizer.ggml.model", Value::string("llama"));
    md.set("tokenizer.ggml.tokens", Value::array(Array::ofStrings(std::move(tokens))));
    md.set("tokenizer.ggml.scores", Value::array(Array::of(ValueType::Float32, scores)));
    md.set("tokenizer.ggml.token_type", Value::array(Array::of(ValueType::Int32, types)));
    md.set("tokenizer.ggml.bos_token_id", Value::u32(1));
    md.set("tokenizer.ggml.eos_token_id", Value::u32(2));
}

Status setVocabulary(gguf::Metadata& md, const SyntheticLlamaParams& p) {
    if (p.tokenizerFrom) {
        auto src = gguf::GgufFile::open(*p.tokenizerFrom);
        if (!src) return src.error();
        const auto* tokens = src->metadata().getArray("tokenizer.ggml.tokens");
        if (tokens && tokens->size() == p.vocabulary) {
            for (const auto& e : src->metadata().entries())
                if (e.key.rfind("tokenizer.", 0) == 0) md.set(e.key, e.value);
            return {};
        }
    }
    setPlaceholderVocabulary(md, p.vocabulary);
    return {};
}

uint32_t fileTypeFor(GgmlType t) { return t == GgmlType::F32 ? 0 : t == GgmlType::BF16 ? 32 : 1; }

} // namespace

uint64_t SyntheticLlamaParams::parameterCount() const {
    uint64_t n = 0;
    for (const auto& t : tensorsFor(*this)) {
        uint64_t e = 1;
        for (auto d : t.spec.shape) e *= d;
        n += e;
    }
    return n;
}

Status writeSyntheticLlama(const SyntheticLlamaParams& p, const std::filesystem::path& output,
                           const ProgressFn& progress, std::stop_token stop) {
    if (p.heads == 0 || p.headsKv == 0 || p.embedding % p.heads != 0 || p.heads % p.headsKv != 0)
        return makeError("the embedding size must divide into the heads, and the heads into the KV heads");
    if (p.weightType != GgmlType::F16 && p.weightType != GgmlType::BF16 && p.weightType != GgmlType::F32)
        return makeError("synthetic models are written as F16, BF16 or F32");

    gguf::WriteParams w;
    w.output = output;
    w.overwrite = p.overwrite;
    if (p.tokenizerFrom) w.protectedInputs.push_back(*p.tokenizerFrom);
    auto& md = w.metadata;
    md.set("general.architecture", Value::string("llama"));
    md.set("general.type", Value::string("model"));
    md.set("general.name", Value::string(p.name));
    md.set("general.file_type", Value::u32(fileTypeFor(p.weightType)));
    md.set("llama.block_count", Value::u32(uint32_t(p.layers)));
    md.set("llama.context_length", Value::u32(uint32_t(p.context)));
    md.set("llama.embedding_length", Value::u32(uint32_t(p.embedding)));
    md.set("llama.feed_forward_length", Value::u32(uint32_t(p.feedForward)));
    md.set("llama.attention.head_count", Value::u32(uint32_t(p.heads)));
    md.set("llama.attention.head_count_kv", Value::u32(uint32_t(p.headsKv)));
    md.set("llama.rope.freq_base", Value::f32(10000.0f));
    md.set("llama.attention.layer_norm_rms_epsilon", Value::f32(1e-5f));
    md.set("llama.vocab_size", Value::u32(uint32_t(p.vocabulary)));
    md.set("llama.rope.dimension_count", Value::u32(uint32_t(p.embedding / p.heads)));
    QF_TRY(setVocabulary(md, p));

    const auto planned = tensorsFor(p);
    for (const auto& t : planned) w.tensors.push_back(t.spec);

    auto fill = [&](size_t index, std::span<uint8_t> out) -> Status {
        const auto& t = planned[index];
        const uint64_t cols = t.spec.shape[0];
        const uint64_t rows = t.spec.shape.size() > 1 ? t.spec.shape[1] : 1;
        const size_t elementBytes = ggmlTypeTraits(t.spec.type).blockBytes;
        std::atomic<bool> stopped{false};
        parallelFor(
            int64_t(rows), p.threads,
            [&](int64_t row) {
                uint64_t state = p.seed * 0x100000001b3ull ^ (uint64_t(index) << 40) ^ uint64_t(row);
                splitmix64(state);
                std::vector<float> values(cols);
                if (t.isNorm) {
                    for (auto& v : values) v = float(1.0 + 0.05 * studentT4(state));
                } else {
                    // Per-row scale varies too, as it does between channels of trained models.
                    const double scale = std::exp(0.3 * studentT4(state) / 2.0) / std::sqrt(double(cols));
                    for (auto& v : values) v = float(scale * studentT4(state) * 0.7);
                }
                uint8_t* dst = out.data() + size_t(row) * cols * elementBytes;
                if (t.spec.type == GgmlType::F32) std::memcpy(dst, values.data(), cols * 4);
                else if (t.spec.type == GgmlType::F16) fp32ToFp16Row(values.data(), reinterpret_cast<uint16_t*>(dst), int64_t(cols));
                else fp32ToBf16Row(values.data(), reinterpret_cast<uint16_t*>(dst), int64_t(cols));
            },
            [&] { return !(stopped = stop.stop_requested()); });
        if (stopped) return cancelledError();
        return {};
    };
    return gguf::writeGguf(w, fill, progress, stop);
}

} // namespace qf
