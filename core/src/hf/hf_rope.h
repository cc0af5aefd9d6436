#pragma once
// Internal to the Hugging Face converter: Llama 3.1's rope scaling as llama.cpp's converter bakes it into
// the F32 tensor rope_freqs.weight (one divisor per rotated pair).
#include <cstdint>
#include <vector>

#include "qf/json_reader.h"
#include "qf/result.h"

namespace qf::hf::detail {

// rope_scaling {"rope_type": "llama3", factor, low_freq_factor, high_freq_factor,
// original_max_position_embeddings}; headDim rotated dimensions with base rope_theta. Float arithmetic in
// the order PyTorch evaluates LlamaModel.generate_extra_tensors (f32 tensors, python scalars cast to f32).
Result<std::vector<float>> llama3RopeFactors(const JsonValue& scaling, const JsonValue& config,
                                             uint32_t headDim);

} // namespace qf::hf::detail
