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
// "mixtral" (llama with experts) and "gpt-oss-mxfp4" (experts stored as MXFP4, as published gpt-oss files).
std::vector<std::string> syntheticArchitectureNames();

// How the weights are drawn.
//  - Decisive: scaled by 1/sqrt(fan-in), a sharp output projection and routers 8x stronger than the rest,
//    so that logits have clear tops and no router is near a tie: any correct implementation agrees with
//    llama.cpp to rounding (KLD well under 1e-4).
//  - Zoo: as ../shared/zoo/make_zoo.py draws them with ZOO_STD=0.06: every weight N(0, 0.06), norms
//    1 + N(0, 0.06), routers no stronger than any other weight, and mixture-of-experts shapes with 8 experts
//    (top 2). A router then sits near a tie often enough that a last-bit difference from llama.cpp's order
//    of arithmetic picks another expert and moves the logits: only arithmetic in ggml's order matches.
enum class SyntheticWeights { Decisive, Zoo };

// Sizes that replace those of the named shape (0 keeps the shape's own), e.g. a Qwen3-MoE of about 1B
// active parameters for benchmarks. Every other option of the architecture stays as the shape has it.
struct SyntheticSizes {
    uint32_t embedding = 0, layers = 0, heads = 0, headsKv = 0, headDim = 0, feedForward = 0;
    uint32_t experts = 0, expertsUsed = 0, expertFeedForward = 0;
};

Status writeSyntheticArchitecture(const std::string& name, const std::filesystem::path& output,
                                  uint64_t seed = 1, bool overwrite = true, const SyntheticSizes& sizes = {},
                                  SyntheticWeights weights = SyntheticWeights::Decisive);

} // namespace qf::model
