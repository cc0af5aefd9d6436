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

// Sizes that replace those of the named shape (0 keeps the shape's own), e.g. a Qwen3-MoE of about 1B
// active parameters for benchmarks. Every other option of the architecture stays as the shape has it.
struct SyntheticSizes {
    uint32_t embedding = 0, layers = 0, heads = 0, headsKv = 0, headDim = 0, feedForward = 0;
    uint32_t experts = 0, expertsUsed = 0, expertFeedForward = 0;
};

Status writeSyntheticArchitecture(const std::string& name, const std::filesystem::path& output,
                                  uint64_t seed = 1, bool overwrite = true, const SyntheticSizes& sizes = {});

} // namespace qf::model
