#include "qf/model/synthetic_architecture.h"

#include <cmath>
#include <cstring>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "qf/fp16.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/model/architecture.h"
#include "qf/quant/kernels.h"

namespace qf::model {
namespace {

using gguf::Array;
using gguf::Value;
using gguf::ValueType;

// Each model's shape: tiny, but with every option of its architecture switched on (sliding windows shorter
// than the test context, head size apart from n_embd / n_head, experts, soft-caps).
struct Shape {
    std::string name;
    std::string architecture;
    uint32_t embedding = 64, layers = 4, heads = 4, headsKv = 2, headDim = 16, feedForward = 128;
    uint32_t experts = 0, expertsUsed = 0, expertFeedForward = 0;
    bool tied = false, biases = false, ropeFactors = false;
    bool outputBias = false, expertBiases = false, yarn = false;
    float ropeBase = 10000.0f, ropeBaseSwa = 0.0f;
    uint32_t slidingWindow = 0;
    float attnSoftcap = 0.0f, finalSoftcap = 0.0f;
    // Latent attention (DeepSeek-2): headDim is the per-head Q/K size, its last ropeDims rotated.
    uint32_t qLoraRank = 0, kvLoraRank = 0, ropeDims = 0, valueDim = 0;
    uint32_t leadingDense = 0, sharedExperts = 0;
    bool sigmoidGating = false; // with exp_probs_b, renormalized and scaled weights (DeepSeek-V3 style)
    bool mxfp4Experts = false;  // expert matrices stored as MXFP4 (file type MOSTLY_MXFP4_MOE)
};

std::vector<Shape> shapes() {
    std::vector<Shape> s;
    Shape llama{.name = "llama", .architecture = "llama", .ropeFactors = true, .ropeBase = 500000.0f};
    s.push_back(llama);
    s.push_back({.name = "mixtral", .architecture = "llama", .feedForward = 96, .experts = 4, .expertsUsed = 2,
                 .ropeBase = 1000000.0f});
    s.push_back({.name = "qwen2", .architecture = "qwen2", .tied = true, .biases = true, .ropeBase = 1000000.0f});
    s.push_back({.name = "qwen3", .architecture = "qwen3", .headDim = 32, .tied = true, .ropeBase = 1000000.0f});
    s.push_back({.name = "qwen3moe", .architecture = "qwen3moe", .headDim = 32, .feedForward = 128, .experts = 4,
                 .expertsUsed = 2, .expertFeedForward = 64, .tied = true, .ropeBase = 1000000.0f});
    s.push_back({.name = "gemma2", .architecture = "gemma2", .headDim = 32, .tied = true, .slidingWindow = 32,
                 .attnSoftcap = 50.0f, .finalSoftcap = 30.0f});
    s.push_back({.name = "gemma3", .architecture = "gemma3", .layers = 6, .headsKv = 1, .headDim = 32, .tied = true,
                 .ropeBase = 1000000.0f, .ropeBaseSwa = 10000.0f, .slidingWindow = 32});
    s.push_back({.name = "phi3", .architecture = "phi3", .headsKv = 4});
    Shape gptOss{.name = "gpt-oss", .architecture = "gpt-oss", .feedForward = 64, .experts = 4, .expertsUsed = 2,
                 .expertFeedForward = 64, .biases = true, .outputBias = true, .expertBiases = true, .yarn = true,
                 .ropeBase = 150000.0f, .slidingWindow = 32};
    s.push_back(gptOss);
    gptOss.name = "gpt-oss-mxfp4";
    gptOss.mxfp4Experts = true;
    s.push_back(gptOss);
    s.push_back({.name = "deepseek2", .architecture = "deepseek2", .headsKv = 1, .headDim = 24, .experts = 4,
                 .expertsUsed = 2, .expertFeedForward = 32, .yarn = true, .qLoraRank = 48, .kvLoraRank = 32,
                 .ropeDims = 8, .valueDim = 16, .leadingDense = 1, .sharedExperts = 1, .sigmoidGating = true});
    return s;
}

uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint64_t nameHash(const std::string& name) { // FNV-1a: the same on every standard library
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : name)
        h = (h ^ c) * 0x100000001b3ull;
    return h;
}

double normal(uint64_t& state) {
    const double u1 = (double(splitmix64(state) >> 11) + 1.0) * 0x1.0p-53;
    const double u2 = double(splitmix64(state) >> 11) * 0x1.0p-53;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

enum class Fill { Weight, Norm, Bias, RopeFactors };

struct Planned {
    gguf::TensorSpec spec;
    Fill fill = Fill::Weight;
    double scale = 1.0;
};

constexpr double kZooSpread = 0.06; // make_zoo.py's ZOO_STD for parity checks

std::vector<Planned> plan(const Shape& s, const ArchitectureInfo& a, uint32_t vocabulary, SyntheticWeights style) {
    std::vector<Planned> out;
    const bool zoo = style == SyntheticWeights::Zoo;
    auto weight = [&](std::string name, std::vector<uint64_t> shape, double gain = 1.0,
                      GgmlType type = GgmlType::F16) {
        // The zoo's spread at its width of 256: every product moves its input as much as there.
        const double scale = (zoo ? kZooSpread * 16.0 : gain) / std::sqrt(double(shape[0]));
        out.push_back({{std::move(name), std::move(shape), type}, Fill::Weight, scale});
    };
    auto f32 = [&](std::string name, std::vector<uint64_t> shape, Fill fill, double scale = 0.1) {
        if (zoo && scale != 1.0) scale = kZooSpread; // attention sinks keep their unit spread, as in the zoo
        out.push_back({{std::move(name), std::move(shape), GgmlType::F32}, fill, scale});
    };
    const GgmlType expertType = s.mxfp4Experts ? GgmlType::MXFP4 : GgmlType::F16;
    const uint64_t E = s.embedding, Q = uint64_t(s.heads) * s.headDim, KV = uint64_t(s.headsKv) * s.headDim;
    // Embeddings of unit-ish size; the output projection sharper, so that distributions have clear tops.
    weight("token_embd.weight", {E, vocabulary}, s.tied ? 2.5 : std::sqrt(double(E)) * 0.5);
    f32("output_norm.weight", {E}, Fill::Norm);
    if (!s.tied) weight("output.weight", {E, vocabulary}, 2.5);
    if (s.ropeFactors) f32("rope_freqs.weight", {s.headDim / 2}, Fill::RopeFactors);
    for (uint32_t i = 0; i < s.layers; ++i) {
        const std::string b = fmt::format("blk.{}.", i);
        f32(b + "attn_norm.weight", {E}, Fill::Norm);
        if (a.latentAttention) {
            const uint64_t L = s.kvLoraRank, nope = s.headDim - s.ropeDims;
            weight(b + "attn_q_a.weight", {E, s.qLoraRank});
            f32(b + "attn_q_a_norm.weight", {s.qLoraRank}, Fill::Norm);
            weight(b + "attn_q_b.weight", {s.qLoraRank, Q});
            weight(b + "attn_kv_a_mqa.weight", {E, L + s.ropeDims});
            f32(b + "attn_kv_a_norm.weight", {L}, Fill::Norm);
            weight(b + "attn_k_b.weight", {nope, L, s.heads});
            weight(b + "attn_v_b.weight", {L, s.valueDim, s.heads});
        } else if (a.fusedQkv) {
            weight(b + "attn_qkv.weight", {E, Q + 2 * KV});
        } else {
            weight(b + "attn_q.weight", {E, Q});
            weight(b + "attn_k.weight", {E, KV});
            weight(b + "attn_v.weight", {E, KV});
            if (s.biases) {
                f32(b + "attn_q.bias", {Q}, Fill::Bias);
                f32(b + "attn_k.bias", {KV}, Fill::Bias);
                f32(b + "attn_v.bias", {KV}, Fill::Bias);
            }
        }
        if (a.queryKeyNorm) {
            f32(b + "attn_q_norm.weight", {s.headDim}, Fill::Norm);
            f32(b + "attn_k_norm.weight", {s.headDim}, Fill::Norm);
        }
        weight(b + "attn_output.weight", {a.latentAttention ? uint64_t(s.heads) * s.valueDim : Q, E});
        if (s.outputBias) f32(b + "attn_output.bias", {E}, Fill::Bias);
        if (a.attentionSinks) f32(b + "attn_sinks.weight", {s.heads}, Fill::Bias, 1.0);
        if (a.postNorms) f32(b + "post_attention_norm.weight", {E}, Fill::Norm);
        f32(b + std::string(a.ffnNormName) + ".weight", {E}, Fill::Norm);
        if (s.experts > 0 && i >= s.leadingDense) {
            const uint64_t F = s.expertFeedForward ? s.expertFeedForward : s.feedForward;
            // Decisive routers, as trained ones are: near-ties between experts would pick different experts
            // under the rounding differences of any two implementations.
            weight(b + "ffn_gate_inp.weight", {E, s.experts}, 8.0);
            weight(b + "ffn_gate_exps.weight", {E, F, s.experts}, 1.0, expertType);
            weight(b + "ffn_up_exps.weight", {E, F, s.experts}, 1.0, expertType);
            weight(b + "ffn_down_exps.weight", {F, E, s.experts}, 1.0, expertType);
            if (s.expertBiases) {
                f32(b + "ffn_gate_inp.bias", {s.experts}, Fill::Bias);
                f32(b + "ffn_gate_exps.bias", {F, s.experts}, Fill::Bias);
                f32(b + "ffn_up_exps.bias", {F, s.experts}, Fill::Bias);
                f32(b + "ffn_down_exps.bias", {E, s.experts}, Fill::Bias);
            }
            if (s.sigmoidGating) f32(b + "exp_probs_b.bias", {s.experts}, Fill::Bias);
            if (s.sharedExperts > 0) {
                weight(b + "ffn_gate_shexp.weight", {E, F * s.sharedExperts});
                weight(b + "ffn_up_shexp.weight", {E, F * s.sharedExperts});
                weight(b + "ffn_down_shexp.weight", {F * s.sharedExperts, E});
            }
        } else if (a.fusedGateUp) {
            weight(b + "ffn_up.weight", {E, 2 * uint64_t(s.feedForward)});
            weight(b + "ffn_down.weight", {s.feedForward, E});
        } else {
            weight(b + "ffn_gate.weight", {E, s.feedForward});
            weight(b + "ffn_up.weight", {E, s.feedForward});
            weight(b + "ffn_down.weight", {s.feedForward, E});
        }
        if (a.postNorms) f32(b + "post_ffw_norm.weight", {E}, Fill::Norm);
    }
    return out;
}

// A SentencePiece vocabulary of <unk>, <s>, </s> and the 256 byte tokens: every text tokenizes (byte by
// byte) and logits rows stay 259 wide.
void setByteVocabulary(gguf::Metadata& md) {
    std::vector<std::string> tokens = {"<unk>", "<s>", "</s>"};
    std::vector<float> scores = {0.0f, 0.0f, 0.0f};
    std::vector<int32_t> types = {2, 3, 3};
    for (int b = 0; b < 256; ++b) {
        tokens.push_back(fmt::format("<0x{:02X}>", b));
        scores.push_back(0.0f);
        types.push_back(6);
    }
    md.set("tokenizer.ggml.model", Value::string("llama"));
    md.set("tokenizer.ggml.tokens", Value::array(Array::ofStrings(std::move(tokens))));
    md.set("tokenizer.ggml.scores", Value::array(Array::of(ValueType::Float32, scores)));
    md.set("tokenizer.ggml.token_type", Value::array(Array::of(ValueType::Int32, types)));
    md.set("tokenizer.ggml.bos_token_id", Value::u32(1));
    md.set("tokenizer.ggml.eos_token_id", Value::u32(2));
    md.set("tokenizer.ggml.unknown_token_id", Value::u32(0));
    md.set("tokenizer.ggml.add_bos_token", Value::boolean(true));
    md.set("tokenizer.ggml.add_eos_token", Value::boolean(false));
}

constexpr uint32_t kVocabulary = 259;

} // namespace

std::vector<std::string> syntheticArchitectureNames() {
    std::vector<std::string> names;
    for (const Shape& s : shapes())
        names.push_back(s.name);
    return names;
}

Status writeSyntheticArchitecture(const std::string& name, const std::filesystem::path& output, uint64_t seed,
                                  bool overwrite, const SyntheticSizes& sizes, SyntheticWeights weights) {
    const Shape* shape = nullptr;
    const auto all = shapes();
    for (const Shape& s : all)
        if (s.name == name) shape = &s;
    if (!shape)
        return makeError("no synthetic model of '{}' (known: {})", name, fmt::join(syntheticArchitectureNames(), ", "));
    Shape s = *shape;
    if (weights == SyntheticWeights::Zoo && s.experts > 0) { // the zoo's expert count and top-k
        s.experts = 8;
        s.expertsUsed = 2;
    }
    for (auto [field, value] : {std::pair{&s.embedding, sizes.embedding}, {&s.layers, sizes.layers},
                                {&s.heads, sizes.heads}, {&s.headsKv, sizes.headsKv}, {&s.headDim, sizes.headDim},
                                {&s.feedForward, sizes.feedForward}, {&s.experts, sizes.experts},
                                {&s.expertsUsed, sizes.expertsUsed}, {&s.expertFeedForward, sizes.expertFeedForward}})
        if (value) *field = value;
    if (s.heads % s.headsKv != 0 || s.expertsUsed > s.experts || (s.experts > 0 && s.expertsUsed == 0))
        return makeError("synthetic {}: {} heads need a multiple of {} KV heads; {} of {} experts used", name, s.heads,
                         s.headsKv, s.expertsUsed, s.experts);
    const ArchitectureInfo& a = *findArchitecture(s.architecture);

    gguf::WriteParams w;
    w.output = output;
    w.overwrite = overwrite;
    auto& md = w.metadata;
    const std::string p = s.architecture + ".";
    md.set("general.architecture", Value::string(s.architecture));
    md.set("general.type", Value::string("model"));
    // No architecture in the name: llama.cpp gives names containing "phi3" Phi-3's special tokens.
    md.set("general.name", Value::string("Quantforge synthetic model"));
    md.set("general.file_type", Value::u32(s.mxfp4Experts ? 38 : 1)); // MOSTLY_MXFP4_MOE or MOSTLY_F16
    md.set(p + "context_length", Value::u32(4096));
    md.set(p + "embedding_length", Value::u32(s.embedding));
    md.set(p + "block_count", Value::u32(s.layers));
    md.set(p + "feed_forward_length", Value::u32(s.feedForward));
    md.set(p + "attention.head_count", Value::u32(s.heads));
    md.set(p + "attention.head_count_kv", Value::u32(s.headsKv));
    md.set(p + "attention.layer_norm_rms_epsilon", Value::f32(1e-6f));
    md.set(p + "rope.freq_base", Value::f32(s.ropeBase));
    md.set(p + "vocab_size", Value::u32(kVocabulary));
    if (s.headDim != s.embedding / s.heads && !a.latentAttention) {
        md.set(p + "attention.key_length", Value::u32(s.headDim));
        md.set(p + "attention.value_length", Value::u32(s.headDim));
    }
    if (a.latentAttention) {
        // As llama.cpp's converter writes them: the cache row sizes as key/value_length, the heads' as *_mla.
        md.set(p + "attention.key_length", Value::u32(s.kvLoraRank + s.ropeDims));
        md.set(p + "attention.value_length", Value::u32(s.kvLoraRank));
        md.set(p + "attention.key_length_mla", Value::u32(s.headDim));
        md.set(p + "attention.value_length_mla", Value::u32(s.valueDim));
        md.set(p + "attention.q_lora_rank", Value::u32(s.qLoraRank));
        md.set(p + "attention.kv_lora_rank", Value::u32(s.kvLoraRank));
        md.set(p + "leading_dense_block_count", Value::u32(s.leadingDense));
        md.set(p + "expert_shared_count", Value::u32(s.sharedExperts));
        md.set(p + "rope.scaling.yarn_log_multiplier", Value::f32(0.0707f));
    }
    if (s.sigmoidGating) {
        md.set(p + "expert_gating_func", Value::u32(2));
        md.set(p + "expert_weights_norm", Value::boolean(true));
        md.set(p + "expert_weights_scale", Value::f32(2.5f));
    }
    md.set(p + "rope.dimension_count", Value::u32(a.latentAttention ? s.ropeDims : s.headDim));
    if (s.experts > 0) {
        md.set(p + "expert_count", Value::u32(s.experts));
        md.set(p + "expert_used_count", Value::u32(s.expertsUsed));
        if (s.expertFeedForward) md.set(p + "expert_feed_forward_length", Value::u32(s.expertFeedForward));
    }
    if (s.slidingWindow) md.set(p + "attention.sliding_window", Value::u32(s.slidingWindow));
    if (s.ropeBaseSwa > 0) md.set(p + "rope.freq_base_swa", Value::f32(s.ropeBaseSwa));
    if (s.attnSoftcap > 0) md.set(p + "attn_logit_softcapping", Value::f32(s.attnSoftcap));
    if (s.finalSoftcap > 0) md.set(p + "final_logit_softcapping", Value::f32(s.finalSoftcap));
    if (a.fusedQkv || s.yarn) md.set(p + "rope.scaling.original_context_length", Value::u32(4096));
    if (s.yarn) {
        md.set(p + "rope.scaling.type", Value::string("yarn"));
        md.set(p + "rope.scaling.factor", Value::f32(32.0f));
    }
    setByteVocabulary(md);

    const std::vector<Planned> planned = plan(s, a, kVocabulary, weights);
    for (const Planned& t : planned)
        w.tensors.push_back(t.spec);
    auto fill = [&](size_t index, std::span<uint8_t> out) -> Status {
        const Planned& t = planned[index];
        uint64_t count = 1;
        for (uint64_t d : t.spec.shape)
            count *= d;
        uint64_t state = seed * 0x100000001b3ull ^ (uint64_t(index) << 32) ^ nameHash(s.name);
        std::vector<float> values(count);
        for (uint64_t i = 0; i < count; ++i) {
            switch (t.fill) {
            case Fill::Weight: values[i] = float(t.scale * normal(state)); break;
            case Fill::Norm: values[i] = float(1.0 + t.scale * normal(state)); break;
            case Fill::Bias: values[i] = float(t.scale * normal(state)); break;
            case Fill::RopeFactors: values[i] = 1.0f + 7.0f * float(i) / float(count - 1); break; // llama3-like 1..8
            }
        }
        if (t.spec.type == GgmlType::F32)
            std::memcpy(out.data(), values.data(), count * 4);
        else if (t.spec.type == GgmlType::MXFP4) {
            const int64_t rowLen = int64_t(t.spec.shape[0]);
            if (quant::quantizeRows(GgmlType::MXFP4, values.data(), out.data(), int64_t(count) / rowLen, rowLen, nullptr) == 0)
                return makeError("synthetic {}: cannot write {} as MXFP4", name, t.spec.name);
        }
        else
            fp32ToFp16Row(values.data(), reinterpret_cast<uint16_t*>(out.data()), int64_t(count));
        return {};
    };
    return gguf::writeGguf(w, fill);
}

} // namespace qf::model
