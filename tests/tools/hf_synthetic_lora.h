#pragma once
// A synthetic PEFT LoRA adapter for the synthetic "llama-rope" base of hf_synthetic_folder.h: rank 8,
// alpha 16, every attention and MLP projection of both layers adapted, lora_A [r, in] and lora_B [out, r]
// with deterministic pseudo-random values (BF16, as adapters trained in bf16 are saved). `qlora` marks it as
// trained on a 4-bit base the way PEFT + bitsandbytes users' configs do (a bnb-4bit base name).
//
// test_lora_adapter compares our conversion with digests that llama.cpp's convert_lora_to_gguf.py gave for
// this folder (tests/tools/hf_reference/run_lora_reference.py); qf_make_hf_folder writes it for that run.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hf_synthetic_folder.h"
#include "qf/hf/hf_convert.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"

namespace qf::test::hf {

inline bool writeSyntheticLoraAdapter(const std::filesystem::path& out, const std::string& baseName,
                                      bool qlora = false) {
    using namespace detail;
    const Shape s; // the base's shape (llama-rope: embd 256, 4 heads of 64, 2 KV heads, ff 512)
    const uint64_t r = 8, q = uint64_t(s.heads) * s.headDim, kv = uint64_t(s.headsKv) * s.headDim;
    struct Target {
        const char* module;
        uint64_t in, out;
    };
    const Target targets[] = {{"self_attn.q_proj", s.embd, q},   {"self_attn.k_proj", s.embd, kv},
                              {"self_attn.v_proj", s.embd, kv},  {"self_attn.o_proj", q, s.embd},
                              {"mlp.gate_proj", s.embd, s.ff},   {"mlp.up_proj", s.embd, s.ff},
                              {"mlp.down_proj", s.ff, s.embd}};
    std::vector<Blob> blobs;
    for (uint32_t layer = 0; layer < s.layers; ++layer)
        for (const Target& t : targets) {
            const std::string prefix = fmt::format("base_model.model.model.layers.{}.{}", layer, t.module);
            for (auto b : blobsOf({prefix + ".lora_A.weight", {r, t.in}}, WeightDtype::BF16))
                blobs.push_back(std::move(b));
            for (auto b : blobsOf({prefix + ".lora_B.weight", {t.out, r}}, WeightDtype::BF16))
                blobs.push_back(std::move(b));
        }
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (!writeSafetensors(out / "adapter_model.safetensors", blobs)) return false;
    std::ofstream config(out / "adapter_config.json", std::ios::binary);
    config << fmt::format(R"({{
  "alpha_pattern": {{}},
  "base_model_name_or_path": "{}",
  "bias": "none",
  "fan_in_fan_out": false,
  "inference_mode": true,
  "lora_alpha": 16,
  "lora_dropout": 0.05,
  "peft_type": "LORA",
  "r": {},
  "rank_pattern": {{}},
  "target_modules": ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
  "task_type": "CAUSAL_LM"
}}
)",
                          qlora ? "unsloth/llama-3-8b-bnb-4bit" : baseName, r);
    return bool(config);
}

// The synthetic base three ways, for merges: its Hugging Face folder `folder` ("llama-rope", with the
// tokenizer in `tokenizerDir`), `f16` converted from it, and `q8` quantized from that to Q8_0.
inline bool writeSyntheticMergeBases(const std::filesystem::path& tokenizerDir,
                                     const std::filesystem::path& folder, const std::filesystem::path& f16,
                                     const std::filesystem::path& q8) {
    SyntheticOptions options;
    options.tokenizerDir = tokenizerDir;
    if (!writeSyntheticHfFolder("llama-rope", folder, options)) return false;
    auto conversion = qf::hf::HfConversion::open(folder);
    if (!conversion || !conversion->write(f16)) return false;
    auto base = qf::gguf::GgufFile::open(f16);
    if (!base) return false;
    auto plan = qf::quant::makeQuantPlan(base->metadata(), base->tensors(), *qf::quant::findPreset("Q8_0"));
    if (!plan) return false;
    qf::quant::QuantizeParams params;
    params.source = &*base;
    params.outputs.push_back({std::move(*plan), q8, {}});
    return qf::quant::quantize(params).ok();
}

} // namespace qf::test::hf
