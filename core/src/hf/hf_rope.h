#pragma once
// Internal to the Hugging Face converter: rope scaling from config.json as llama.cpp's converter writes it;
// Llama 3.1's baked into the F32 tensor rope_freqs.weight (one divisor per rotated pair).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "hf_arch.h"
#include "qf/gguf/value.h"
#include "qf/json_reader.h"
#include "qf/result.h"

namespace qf::hf::detail {

// rope_scaling {"rope_type": "llama3", factor, low_freq_factor, high_freq_factor,
// original_max_position_embeddings}; headDim rotated dimensions with base rope_theta. Float arithmetic in
// the order PyTorch evaluates LlamaModel.generate_extra_tensors (f32 tensors, python scalars cast to f32).
Result<std::vector<float>> llama3RopeFactors(const JsonValue& scaling, const JsonValue& config,
                                             uint32_t headDim);

// config.json's rope_scaling as TextModel.set_gguf_parameters writes it for architecture `ggufArch`:
// linear and yarn as rope.scaling.* keys, llama3 as the tensor rope_freqs.weight (put first in
// `generated`); none or "default": nothing. Not for Phi-3 (its own keys, see hf_arch.cpp).
Status addRopeScaling(const JsonValue& config, const std::string& ggufArch, uint32_t headDim,
                      const std::filesystem::path& configPath, gguf::Metadata& md,
                      std::vector<GeneratedTensor>& generated);

} // namespace qf::hf::detail
