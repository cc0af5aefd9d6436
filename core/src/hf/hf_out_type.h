#pragma once
// Internal to the Hugging Face converter: which tensors llama.cpp's text-model converter never reads.
#include <string_view>

namespace qf::hf::detail {

// The tensors of other modalities that llama.cpp's text-model converter drops on reading
// (TextModel.filter_tensors: vision, audio, projector... names), so they never decide `--outtype auto`.
bool isMultimodalTensorName(std::string_view name);

} // namespace qf::hf::detail
