#pragma once
// Small deterministic models of every evaluable architecture (random F16 weights, a 259-token SPM byte
// vocabulary that llama.cpp loads), so that the decoder can be checked against llama.cpp's own logits
// without shipping model files: a test regenerates the model and compares with the logits llama-perplexity
// wrote for it (tests/data/arch_parity). Same name and seed, same bytes.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "qf/result.h"

namespace qf::model {

// The models the generator makes: one per evaluable architecture (gpt-oss with F16 experts), plus
// "mixtral" (llama with experts).
std::vector<std::string> syntheticArchitectureNames();

Status writeSyntheticArchitecture(const std::string& name, const std::filesystem::path& output,
                                  uint64_t seed = 1, bool overwrite = true);

} // namespace qf::model
