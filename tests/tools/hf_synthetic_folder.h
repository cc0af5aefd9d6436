#pragma once
// Synthetic Hugging Face model folders, one per architecture: the config.json keys of the real checkpoints
// (Qwen2.5, Qwen3, Qwen3-MoE, Mixtral, Llama 3.1) scaled down to 2 layers of 256, safetensors with
// deterministic pseudo-random weights (the same bytes on every machine), and a tokenizer cut down from a real
// one (tests/data/hf_convert/*-tokenizer, see tests/tools/hf_reference/cut_tokenizer.py).
//
// The test test_hf_architectures regenerates these folders and compares our conversion with digests that
// llama.cpp's convert_hf_to_gguf.py gave for the same folders (tests/tools/hf_reference/README.md); the
// program qf_make_hf_folder writes them for that reference run. Plain C++ (no Qt) so both can use it.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "qf/fp16.h"

namespace qf::test::hf {

// F8E4M3: 2-D weights as FP8 with 128x128 block scales. MXFP4 (gpt-oss): experts as MXFP4 blocks and
// scales, the rest BF16, as openai/gpt-oss-20b ships.
enum class WeightDtype { F32, F16, BF16, F8E4M3, MXFP4 };

struct SyntheticOptions {
    WeightDtype dtype = WeightDtype::BF16;
    int shards = 1; // > 1: model-0000i-of-0000n.safetensors and an index
    // Holds tokenizer.json and tokenizer_config.json, or for usesSentencePiece() architectures
    // tokenizer.model and tokenizer_config.json.
    std::filesystem::path tokenizerDir;
};

// The architectures the generator knows, as the test names them.
// Variants: phi3-longrope is Phi-3-mini-128k's layout (longrope rope_scaling with long/short factors, a
// short original context); gemma3-padded-vocab has an embedding longer than its tokenizer with no
// vocab_size in config.json (as Gemma 3's multimodal checkpoints: 262208 rows, 262144 tokens);
// llama-rope-wide-range is a BF16 checkpoint whose values F16 cannot hold: in every 2-D weight, one block
// of 256 values in 5 is scaled by 2^-13 (magnitudes ~1e-5, F16 subnormals with fewer significant bits than
// BF16 keeps), and one value of layer 0's down projection is 70144 (over F16's 65504: infinite in F16).
inline std::vector<std::string> syntheticArchitectures() {
    return {"qwen2",     "qwen3",     "qwen3moe",      "mixtral",
            "llama-rope", "phi3",     "gemma2",        "gemma3",
            "gpt-oss",   "deepseek2", "phi3-longrope", "gemma3-padded-vocab",
            "llama-rope-wide-range"};
}

// The architecture a variant's folder is made from.
inline std::string baseArchitecture(const std::string& arch) {
    if (arch == "phi3-longrope") return "phi3";
    if (arch == "gemma3-padded-vocab") return "gemma3";
    if (arch == "llama-rope-wide-range") return "llama-rope";
    return arch;
}

// Architectures whose folders carry a SentencePiece tokenizer.model (the shared model's, Llama 2's
// vocabulary) rather than a byte-level BPE tokenizer.json.
inline bool usesSentencePiece(const std::string& arch) {
    const std::string base = baseArchitecture(arch);
    return base == "phi3" || base == "gemma2" || base == "gemma3";
}

// The folder under tests/data/hf_convert with the cut tokenizer.json of a BPE architecture.
inline std::string bpeTokenizerFor(const std::string& arch) {
    return arch == "gpt-oss" ? "gptoss-tokenizer" : "qwen3-tokenizer";
}

namespace detail {

struct Shape {
    uint32_t layers = 2, embd = 256, heads = 4, headsKv = 2, headDim = 64, ff = 512, vocab = 1056;
    uint32_t experts = 0, expertsUsed = 0, expertFf = 0;
};

struct Tensor {
    std::string name;
    std::vector<uint64_t> shape;
    bool norm = false; // values near 1 (RMSNorm weights), not near 0
};

inline uint64_t splitmix(uint64_t& state) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// FNV-1a of the tensor name seeds its values: a tensor's bytes do not depend on which others exist.
inline uint64_t seedOf(std::string_view name) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (char c : name)
        h = (h ^ uint8_t(c)) * 0x100000001b3ull;
    return h;
}

// FP8 e4m3fn (as torch.float8_e4m3fn): bias 7, no infinities, 0x7f/0xff NaN. Codes only, so no rounding.
inline float fp8e4m3ToFloat(uint8_t code) {
    const int sign = code >> 7, exp = (code >> 3) & 15, mant = code & 7;
    float v = exp == 0 ? std::ldexp(float(mant), -9) : std::ldexp(1.0f + float(mant) / 8.0f, exp - 7);
    return sign ? -v : v;
}

inline std::vector<Tensor> tensorsOf(const std::string& arch, const Shape& s, bool tied) {
    std::vector<Tensor> t;
    const uint64_t q = uint64_t(s.heads) * s.headDim, kv = uint64_t(s.headsKv) * s.headDim;
    t.push_back({"model.embed_tokens.weight", {s.vocab, s.embd}});
    if (!tied) t.push_back({"lm_head.weight", {s.vocab, s.embd}});
    t.push_back({"model.norm.weight", {s.embd}, true});
    for (uint32_t l = 0; l < s.layers; ++l) {
        const std::string p = fmt::format("model.layers.{}.", l);
        t.push_back({p + "input_layernorm.weight", {s.embd}, true});
        t.push_back({p + "post_attention_layernorm.weight", {s.embd}, true});
        if (arch == "gemma2" || arch == "gemma3") {
            t.push_back({p + "pre_feedforward_layernorm.weight", {s.embd}, true});
            t.push_back({p + "post_feedforward_layernorm.weight", {s.embd}, true});
        }
        if (arch == "deepseek2") {
            // DeepSeek-V2: MLA with low-rank Q (q_lora_rank 256; llama.cpp needs it unless the model has
            // Lite's 26 or 27 layers), layer 0 dense, then MoE with a shared expert. Head sizes: qk_nope 64 +
            // qk_rope 32, v 64, kv_lora_rank 128.
            const uint64_t nope = 64, rope = 32, v = 64, rank = 128, qRank = 256;
            t.push_back({p + "self_attn.q_a_proj.weight", {qRank, s.embd}});
            t.push_back({p + "self_attn.q_a_layernorm.weight", {qRank}, true});
            t.push_back({p + "self_attn.q_b_proj.weight", {s.heads * (nope + rope), qRank}});
            t.push_back({p + "self_attn.kv_a_proj_with_mqa.weight", {rank + rope, s.embd}});
            t.push_back({p + "self_attn.kv_a_layernorm.weight", {rank}, true});
            t.push_back({p + "self_attn.kv_b_proj.weight", {s.heads * (nope + v), rank}});
            t.push_back({p + "self_attn.o_proj.weight", {s.embd, s.heads * v}});
            if (l == 0) {
                t.push_back({p + "mlp.gate_proj.weight", {s.ff, s.embd}});
                t.push_back({p + "mlp.up_proj.weight", {s.ff, s.embd}});
                t.push_back({p + "mlp.down_proj.weight", {s.embd, s.ff}});
                continue;
            }
            t.push_back({p + "mlp.gate.weight", {s.experts, s.embd}});
            for (uint32_t e = 0; e < s.experts; ++e) {
                const std::string x = fmt::format("{}mlp.experts.{}.", p, e);
                t.push_back({x + "gate_proj.weight", {s.expertFf, s.embd}});
                t.push_back({x + "up_proj.weight", {s.expertFf, s.embd}});
                t.push_back({x + "down_proj.weight", {s.embd, s.expertFf}});
            }
            t.push_back({p + "mlp.shared_experts.gate_proj.weight", {s.expertFf, s.embd}});
            t.push_back({p + "mlp.shared_experts.up_proj.weight", {s.expertFf, s.embd}});
            t.push_back({p + "mlp.shared_experts.down_proj.weight", {s.embd, s.expertFf}});
            continue;
        }
        if (arch == "gpt-oss") {
            for (const char* x : {"q", "k", "v", "o"}) {
                const uint64_t rows = *x == 'q' ? q : *x == 'o' ? s.embd : kv;
                t.push_back(
                    {fmt::format("{}self_attn.{}_proj.weight", p, x), {rows, *x == 'o' ? q : s.embd}});
                t.push_back({fmt::format("{}self_attn.{}_proj.bias", p, x), {rows}});
            }
            t.push_back({p + "self_attn.sinks", {s.heads}});
            t.push_back({p + "mlp.router.weight", {s.experts, s.embd}});
            t.push_back({p + "mlp.router.bias", {s.experts}});
            // Unquantized layout: gate and up interleaved along the last dimension, both [in, out].
            t.push_back({p + "mlp.experts.gate_up_proj", {s.experts, s.embd, 2ull * s.expertFf}});
            t.push_back({p + "mlp.experts.gate_up_proj_bias", {s.experts, 2ull * s.expertFf}});
            t.push_back({p + "mlp.experts.down_proj", {s.experts, s.expertFf, s.embd}});
            t.push_back({p + "mlp.experts.down_proj_bias", {s.experts, s.embd}});
            continue;
        }
        if (arch == "phi3") {
            t.push_back({p + "self_attn.qkv_proj.weight", {q + 2 * kv, s.embd}});
            t.push_back({p + "self_attn.o_proj.weight", {s.embd, q}});
            t.push_back({p + "mlp.gate_up_proj.weight", {2ull * s.ff, s.embd}});
            t.push_back({p + "mlp.down_proj.weight", {s.embd, s.ff}});
            continue;
        }
        t.push_back({p + "self_attn.q_proj.weight", {q, s.embd}});
        t.push_back({p + "self_attn.k_proj.weight", {kv, s.embd}});
        t.push_back({p + "self_attn.v_proj.weight", {kv, s.embd}});
        t.push_back({p + "self_attn.o_proj.weight", {s.embd, q}});
        if (arch == "qwen2") {
            t.push_back({p + "self_attn.q_proj.bias", {q}});
            t.push_back({p + "self_attn.k_proj.bias", {kv}});
            t.push_back({p + "self_attn.v_proj.bias", {kv}});
        }
        if (arch == "qwen3" || arch == "qwen3moe" || arch == "gemma3") {
            t.push_back({p + "self_attn.q_norm.weight", {s.headDim}, true});
            t.push_back({p + "self_attn.k_norm.weight", {s.headDim}, true});
        }
        if (arch == "qwen3moe") {
            t.push_back({p + "mlp.gate.weight", {s.experts, s.embd}});
            for (uint32_t e = 0; e < s.experts; ++e) {
                const std::string x = fmt::format("{}mlp.experts.{}.", p, e);
                t.push_back({x + "gate_proj.weight", {s.expertFf, s.embd}});
                t.push_back({x + "up_proj.weight", {s.expertFf, s.embd}});
                t.push_back({x + "down_proj.weight", {s.embd, s.expertFf}});
            }
        } else if (arch == "mixtral") {
            t.push_back({p + "block_sparse_moe.gate.weight", {s.experts, s.embd}});
            for (uint32_t e = 0; e < s.experts; ++e) {
                const std::string x = fmt::format("{}block_sparse_moe.experts.{}.", p, e);
                t.push_back({x + "w1.weight", {s.ff, s.embd}});
                t.push_back({x + "w2.weight", {s.embd, s.ff}});
                t.push_back({x + "w3.weight", {s.ff, s.embd}});
            }
        } else {
            t.push_back({p + "mlp.gate_proj.weight", {s.ff, s.embd}});
            t.push_back({p + "mlp.up_proj.weight", {s.ff, s.embd}});
            t.push_back({p + "mlp.down_proj.weight", {s.embd, s.ff}});
        }
    }
    return t;
}

inline std::string configOf(const std::string& arch, const Shape& s, bool tied, WeightDtype dtype) {
    const char* torchDtype = dtype == WeightDtype::F32   ? "float32"
                             : dtype == WeightDtype::F16 ? "float16"
                                                         : "bfloat16";
    std::string quant;
    if (dtype == WeightDtype::F8E4M3)
        quant =
            R"(  "quantization_config": {"activation_scheme": "dynamic", "fmt": "e4m3", "quant_method": "fp8", "weight_block_size": [128, 128]},
)";
    const std::string common = fmt::format(
        R"(  "hidden_size": {},
  "intermediate_size": {},
  "max_position_embeddings": 4096,
  "num_attention_heads": {},
  "num_hidden_layers": {},
  "num_key_value_heads": {},
  "rms_norm_eps": 1e-06,
  "tie_word_embeddings": {},
  "torch_dtype": "{}",
  "use_cache": true,
  "vocab_size": {},
)",
        s.embd, s.ff, s.heads, s.layers, s.headsKv, tied ? "true" : "false", torchDtype, s.vocab);
    if (arch == "qwen2")
        return fmt::format(R"({{
  "architectures": ["Qwen2ForCausalLM"],
  "attention_dropout": 0.0,
  "bos_token_id": 1024,
  "eos_token_id": 1025,
  "hidden_act": "silu",
  "initializer_range": 0.02,
  "max_window_layers": 2,
  "model_type": "qwen2",
{}{}  "rope_theta": 1000000.0,
  "sliding_window": 4096,
  "use_sliding_window": false
}}
)",
                           quant, common);
    if (arch == "qwen3" || arch == "qwen3moe") {
        std::string moe;
        if (arch == "qwen3moe")
            moe = fmt::format(R"(  "decoder_sparse_step": 1,
  "mlp_only_layers": [],
  "moe_intermediate_size": {},
  "norm_topk_prob": true,
  "num_experts": {},
  "num_experts_per_tok": {},
  "output_router_logits": false,
  "router_aux_loss_coef": 0.001,
)",
                              s.expertFf, s.experts, s.expertsUsed);
        return fmt::format(R"({{
  "architectures": ["{}"],
  "attention_bias": false,
  "attention_dropout": 0.0,
  "bos_token_id": 1024,
  "eos_token_id": 1025,
  "head_dim": {},
  "hidden_act": "silu",
  "initializer_range": 0.02,
  "model_type": "{}",
{}{}{}  "rope_scaling": null,
  "rope_theta": 1000000,
  "sliding_window": null,
  "use_sliding_window": false
}}
)",
                           arch == "qwen3" ? "Qwen3ForCausalLM" : "Qwen3MoeForCausalLM", s.headDim,
                           arch == "qwen3" ? "qwen3" : "qwen3_moe", moe, quant, common);
    }
    if (arch == "mixtral")
        return fmt::format(R"({{
  "architectures": ["MixtralForCausalLM"],
  "attention_dropout": 0.0,
  "bos_token_id": 1024,
  "eos_token_id": 1025,
  "hidden_act": "silu",
  "initializer_range": 0.02,
  "model_type": "mixtral",
  "num_experts_per_tok": {},
  "num_local_experts": {},
  "output_router_logits": false,
{}{}  "rope_theta": 1000000.0,
  "router_aux_loss_coef": 0.02,
  "sliding_window": null
}}
)",
                           s.expertsUsed, s.experts, quant, common);
    if (arch == "phi3")
        return fmt::format(R"({{
  "architectures": ["Phi3ForCausalLM"],
  "attention_bias": false,
  "attention_dropout": 0.0,
  "bos_token_id": 1,
  "embd_pdrop": 0.0,
  "eos_token_id": 2,
  "hidden_act": "silu",
  "initializer_range": 0.02,
  "model_type": "phi3",
  "original_max_position_embeddings": 4096,
  "resid_pdrop": 0.0,
{}{}  "rope_scaling": null,
  "rope_theta": 10000.0,
  "sliding_window": 2047
}}
)",
                           quant, common);
    if (arch == "gemma2")
        return fmt::format(R"({{
  "architectures": ["Gemma2ForCausalLM"],
  "attention_bias": false,
  "attention_dropout": 0.0,
  "attn_logit_softcapping": 50.0,
  "bos_token_id": 1,
  "cache_implementation": "hybrid",
  "eos_token_id": 2,
  "final_logit_softcapping": 30.0,
  "head_dim": {},
  "hidden_act": "gelu_pytorch_tanh",
  "hidden_activation": "gelu_pytorch_tanh",
  "initializer_range": 0.02,
  "model_type": "gemma2",
  "pad_token_id": 0,
  "query_pre_attn_scalar": 256,
{}{}  "rope_theta": 10000.0,
  "sliding_window": 4096
}}
)",
                           s.headDim, quant, common);
    if (arch == "gemma3")
        return fmt::format(R"({{
  "architectures": ["Gemma3ForCausalLM"],
  "attention_bias": false,
  "attention_dropout": 0.0,
  "attn_logit_softcapping": null,
  "bos_token_id": 1,
  "cache_implementation": "hybrid",
  "eos_token_id": 2,
  "final_logit_softcapping": null,
  "head_dim": {},
  "hidden_activation": "gelu_pytorch_tanh",
  "initializer_range": 0.02,
  "model_type": "gemma3_text",
  "pad_token_id": 0,
  "query_pre_attn_scalar": 256,
{}{}  "rope_local_base_freq": 10000.0,
  "rope_scaling": null,
  "rope_theta": 1000000.0,
  "sliding_window": 512,
  "sliding_window_pattern": 6
}}
)",
                           s.headDim, quant, common);
    if (arch == "deepseek2")
        return fmt::format(R"({{
  "architectures": ["DeepseekV2ForCausalLM"],
  "attention_bias": false,
  "attention_dropout": 0.0,
  "aux_loss_alpha": 0.001,
  "bos_token_id": 1024,
  "eos_token_id": 1025,
  "ep_size": 1,
  "first_k_dense_replace": 1,
  "hidden_act": "silu",
  "initializer_range": 0.02,
  "kv_lora_rank": 128,
  "model_type": "deepseek_v2",
  "moe_intermediate_size": {},
  "moe_layer_freq": 1,
  "n_group": 1,
  "n_routed_experts": {},
  "n_shared_experts": 1,
  "norm_topk_prob": false,
  "num_experts_per_tok": {},
  "q_lora_rank": 256,
  "qk_nope_head_dim": 64,
  "qk_rope_head_dim": 32,
{}{}  "rope_scaling": {{"beta_fast": 32, "beta_slow": 1, "factor": 40, "mscale": 0.707, "mscale_all_dim": 0.707, "original_max_position_embeddings": 4096, "type": "yarn"}},
  "rope_theta": 10000,
  "routed_scaling_factor": 1.0,
  "scoring_func": "softmax",
  "seq_aux": true,
  "topk_group": 1,
  "topk_method": "greedy",
  "v_head_dim": 64
}}
)",
                           s.expertFf, s.experts, s.expertsUsed, quant, common);
    if (arch == "gpt-oss") {
        if (dtype == WeightDtype::MXFP4)
            quant =
                R"(  "quantization_config": {"modules_to_not_convert": ["model.layers.*.self_attn", "model.layers.*.mlp.router", "model.embed_tokens", "lm_head"], "quant_method": "mxfp4"},
)";
        return fmt::format(R"({{
  "architectures": ["GptOssForCausalLM"],
  "attention_bias": true,
  "attention_dropout": 0.0,
  "eos_token_id": 1028,
  "experts_per_token": {},
  "head_dim": {},
  "hidden_act": "silu",
  "initial_context_length": 4096,
  "initializer_range": 0.02,
  "layer_types": ["sliding_attention", "full_attention"],
  "model_type": "gpt_oss",
  "num_experts_per_tok": {},
  "num_local_experts": {},
  "output_router_logits": false,
  "pad_token_id": 1025,
{}{}  "rope_scaling": {{"beta_fast": 32.0, "beta_slow": 1.0, "factor": 32.0, "original_max_position_embeddings": 4096, "rope_type": "yarn", "truncate": false}},
  "rope_theta": 150000,
  "router_aux_loss_coef": 0.9,
  "sliding_window": 128,
  "swiglu_limit": 7.0
}}
)",
                           s.expertsUsed, s.headDim, s.expertsUsed, s.experts, quant, common);
    }
    // llama-rope: Llama 3.1's config (llama3 rope scaling, head_dim given).
    return fmt::format(R"({{
  "architectures": ["LlamaForCausalLM"],
  "attention_bias": false,
  "attention_dropout": 0.0,
  "bos_token_id": 1024,
  "eos_token_id": 1025,
  "head_dim": {},
  "hidden_act": "silu",
  "initializer_range": 0.02,
  "mlp_bias": false,
  "model_type": "llama",
  "pretraining_tp": 1,
{}{}  "rope_scaling": {{"factor": 8.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0, "original_max_position_embeddings": 512, "rope_type": "llama3"}},
  "rope_theta": 500000.0
}}
)",
                       s.headDim, quant, common);
}

inline const char* dtypeName(WeightDtype d) {
    switch (d) {
    case WeightDtype::F32:
        return "F32";
    case WeightDtype::F16:
        return "F16";
    case WeightDtype::BF16:
        return "BF16";
    case WeightDtype::F8E4M3:
        return "F8_E4M3";
    case WeightDtype::MXFP4: // the expert blocks and scales are stored as bytes
        return "U8";
    }
    return "F32";
}

struct Blob {
    std::string name;
    const char* dtype;
    std::vector<uint64_t> shape;
    std::vector<uint8_t> bytes;
};

// The values of one tensor in `dtype`; for FP8, also its weight_scale_inv (128x128 blocks, F32).
inline std::vector<Blob> blobsOf(const Tensor& t, WeightDtype dtype) {
    uint64_t n = 1;
    for (uint64_t d : t.shape)
        n *= d;
    uint64_t state = seedOf(t.name);
    std::vector<Blob> out;
    const bool mxfp4 = dtype == WeightDtype::MXFP4 && (t.name.ends_with("mlp.experts.gate_up_proj") ||
                                                       t.name.ends_with("mlp.experts.down_proj"));
    if (mxfp4) {
        // [experts, in, out] as blocks [experts, out, in / 32, 16] (two 4-bit codes a byte, low nibble
        // first) and E8M0 scales [experts, out, in / 32].
        const uint64_t e = t.shape[0], in = t.shape[1], rows = t.shape[2], blocks = in / 32;
        Blob b{t.name + "_blocks", "U8", {e, rows, blocks, 16}, std::vector<uint8_t>(e * rows * blocks * 16)};
        for (auto& byte : b.bytes)
            byte = uint8_t(splitmix(state));
        Blob sc{t.name + "_scales", "U8", {e, rows, blocks}, std::vector<uint8_t>(e * rows * blocks)};
        for (auto& byte : sc.bytes)
            byte = uint8_t(118 + splitmix(state) % 10); // 2^-9 .. 2^0
        out.push_back(std::move(b));
        out.push_back(std::move(sc));
        return out;
    }
    const bool fp8 = dtype == WeightDtype::F8E4M3 && t.shape.size() == 2 && !t.norm;
    if (fp8) {
        Blob w{t.name, "F8_E4M3", t.shape, std::vector<uint8_t>(n)};
        for (auto& b : w.bytes) {
            uint8_t code = uint8_t(splitmix(state));
            if ((code & 0x7f) == 0x7f) code &= 0xfe; // no NaN codes
            b = code;
        }
        const uint64_t br = (t.shape[0] + 127) / 128, bc = (t.shape[1] + 127) / 128;
        Blob s{t.name.substr(0, t.name.size() - 6) + "weight_scale_inv",
               "F32",
               {br, bc},
               std::vector<uint8_t>(br * bc * 4)};
        for (uint64_t i = 0; i < br * bc; ++i) {
            const float scale = float(1 + splitmix(state) % 64) / 8192.0f; // exact in F32
            std::memcpy(s.bytes.data() + i * 4, &scale, 4);
        }
        out.push_back(std::move(w));
        out.push_back(std::move(s));
        return out;
    }
    const WeightDtype stored =
        dtype == WeightDtype::F8E4M3 || dtype == WeightDtype::MXFP4 ? WeightDtype::BF16 : dtype;
    const uint32_t size = stored == WeightDtype::F32 ? 4 : 2;
    Blob b{t.name, dtypeName(stored), t.shape, std::vector<uint8_t>(n * size)};
    for (uint64_t i = 0; i < n; ++i) {
        const double u = double(splitmix(state) >> 11) / double(1ull << 53) * 2.0 - 1.0; // [-1, 1)
        const float v = t.norm ? float(1.0 + 0.25 * u) : float(0.08 * u);
        uint8_t* p = b.bytes.data() + i * size;
        if (stored == WeightDtype::F32) {
            std::memcpy(p, &v, 4);
        } else {
            const uint16_t h = stored == WeightDtype::F16 ? fp32ToFp16(v) : fp32ToBf16(v);
            std::memcpy(p, &h, 2);
        }
    }
    out.push_back(std::move(b));
    return out;
}

inline bool writeSafetensors(const std::filesystem::path& file, const std::vector<Blob>& blobs) {
    std::string header = "{\"__metadata__\":{\"format\":\"pt\"}";
    uint64_t offset = 0;
    for (const Blob& b : blobs) {
        std::string shape;
        for (size_t i = 0; i < b.shape.size(); ++i)
            shape += fmt::format("{}{}", i ? "," : "", b.shape[i]);
        header += fmt::format(",\"{}\":{{\"dtype\":\"{}\",\"shape\":[{}],\"data_offsets\":[{},{}]}}", b.name,
                              b.dtype, shape, offset, offset + b.bytes.size());
        offset += b.bytes.size();
    }
    header += "}";
    while (header.size() % 8)
        header += ' ';
    std::ofstream out(file, std::ios::binary);
    const uint64_t len = header.size();
    out.write(reinterpret_cast<const char*>(&len), 8);
    out.write(header.data(), std::streamsize(header.size()));
    for (const Blob& b : blobs)
        out.write(reinterpret_cast<const char*>(b.bytes.data()), std::streamsize(b.bytes.size()));
    return bool(out);
}

// Phi-3-mini-128k's rope_scaling block scaled down: `pairs` long and short factors (rising as the real ones
// do, short ones near 1, long ones to ~40 for the slowest pairs), and its longrope type.
inline std::string longRopeScaling(uint32_t pairs) {
    std::string longs, shorts;
    for (uint32_t i = 0; i < pairs; ++i) {
        const double x = double(i) / double(pairs - 1);
        longs += fmt::format("{}{:.17g}", i ? ", " : "", 1.0 + 39.0 * x * x * x + 0.0123456789 * x);
        shorts += fmt::format("{}{:.17g}", i ? ", " : "", 1.0 + 0.25 * x * x + 0.00987654321 * x);
    }
    return fmt::format(R"({{"long_factor": [{}], "short_factor": [{}], "type": "longrope"}})", longs, shorts);
}

// The variant's changes to its base architecture's config.json.
inline std::string variantConfig(const std::string& arch, std::string config, const Shape& s) {
    auto replace = [&config](const std::string& from, const std::string& to) {
        const auto at = config.find(from);
        if (at != std::string::npos) config.replace(at, from.size(), to);
    };
    if (arch == "phi3-longrope") {
        replace("\"original_max_position_embeddings\": 4096", "\"original_max_position_embeddings\": 256");
        replace("\"rope_scaling\": null", "\"rope_scaling\": " + longRopeScaling(s.embd / s.heads / 2));
    }
    if (arch == "gemma3-padded-vocab") replace(fmt::format("  \"vocab_size\": {},\n", s.vocab), "");
    return config;
}

// llama-rope-wide-range's values (see syntheticArchitectures()), applied to a BF16 weight: exact in BF16
// (only exponents change), so the folder holds exactly these values.
inline void widenRange(Blob& b) {
    if (std::string_view(b.dtype) != "BF16" || b.shape.size() != 2) return;
    const size_t n = b.bytes.size() / 2;
    auto at = [&b](size_t i) { return b.bytes.data() + i * 2; };
    for (size_t i = 0; i < n; ++i) {
        if ((i / 256) % 5 != 2) continue;
        uint16_t h;
        std::memcpy(&h, at(i), 2);
        h = fp32ToBf16(bf16ToFp32(h) * 0x1p-13f);
        std::memcpy(at(i), &h, 2);
    }
    if (b.name == "model.layers.0.mlp.down_proj.weight") {
        const uint16_t big = fp32ToBf16(70144.0f); // 1.0703125 x 2^16: exact in BF16
        std::memcpy(at(n / 3), &big, 2);
    }
}

inline bool copyFile(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code ec;
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
    return !ec;
}

} // namespace detail

// Writes the folder `out` (created) for `arch`; false when an architecture is unknown or a write fails.
inline bool writeSyntheticHfFolder(const std::string& variant, const std::filesystem::path& out,
                                   const SyntheticOptions& options) {
    using namespace detail;
    const std::string arch = baseArchitecture(variant);
    Shape s;
    bool tied = false;
    if (arch == "qwen3" || arch == "gemma2" || arch == "gemma3") tied = true; // as the small real models
    if (usesSentencePiece(arch)) s.vocab = arch == "phi3" ? 32064 : 32000;    // Phi-3 pads its vocabulary
    if (arch == "phi3") s.headsKv = s.heads;
    if (variant == "gemma3-padded-vocab") s.vocab += 64; // the tokenizer has 32000
    if (arch == "qwen3moe") s.experts = 4, s.expertsUsed = 2, s.expertFf = 256;
    if (arch == "mixtral") s.experts = 4, s.expertsUsed = 2;
    if (arch == "gpt-oss") s.experts = 4, s.expertsUsed = 2, s.expertFf = 256, s.ff = 256;
    if (arch == "deepseek2") s.experts = 4, s.expertsUsed = 2, s.expertFf = 256, s.headsKv = s.heads;
    bool known = false;
    for (const auto& a : syntheticArchitectures())
        known = known || a == variant;
    if (!known) return false;
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    {
        std::ofstream config(out / "config.json", std::ios::binary);
        config << variantConfig(variant, configOf(arch, s, tied, options.dtype), s);
        if (!config) return false;
    }
    const auto tensors = tensorsOf(arch, s, tied);
    const int shards = std::max(1, options.shards);
    std::vector<std::vector<Blob>> parts(static_cast<size_t>(shards));
    for (size_t i = 0; i < tensors.size(); ++i)
        for (Blob& b : blobsOf(tensors[i], options.dtype)) {
            if (variant == "llama-rope-wide-range") widenRange(b);
            parts[i * size_t(shards) / tensors.size()].push_back(std::move(b));
        }
    if (shards == 1) {
        if (!writeSafetensors(out / "model.safetensors", parts[0])) return false;
    } else {
        std::string index = "{\n  \"metadata\": {},\n  \"weight_map\": {";
        bool first = true;
        for (int k = 0; k < shards; ++k) {
            const std::string file = fmt::format("model-{:05}-of-{:05}.safetensors", k + 1, shards);
            if (!writeSafetensors(out / file, parts[size_t(k)])) return false;
            for (const Blob& b : parts[size_t(k)]) {
                index += fmt::format("{}\n    \"{}\": \"{}\"", first ? "" : ",", b.name, file);
                first = false;
            }
        }
        index += "\n  }\n}\n";
        std::ofstream(out / "model.safetensors.index.json", std::ios::binary) << index;
    }
    if (usesSentencePiece(arch))
        return copyFile(options.tokenizerDir / "tokenizer.model", out / "tokenizer.model") &&
               copyFile(options.tokenizerDir / "tokenizer_config.json", out / "tokenizer_config.json");
    return copyFile(options.tokenizerDir / "tokenizer.json", out / "tokenizer.json") &&
           copyFile(options.tokenizerDir / "tokenizer_config.json", out / "tokenizer_config.json");
}

} // namespace qf::test::hf
