#pragma once
// A GGUF model opened for inference: any architecture the registry (qf/model/architecture.h) marks
// evaluable (llama, mistral, Mixtral, Qwen 2/3, Qwen3-MoE, Gemma 2/3, Phi-3, gpt-oss,
// DeepSeek-2). The class keeps its
// historical name; its shape is a model::ModelSpec and its layers carry the tensors the decoder's
// blocks read (optional ones empty when the architecture has none). Weights stay memory-mapped in their stored type: nothing is
// converted to F32 up front; the matrix products dequantize small blocks of rows as they go.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "qf/eval/matmul.h"
#include "qf/eval/tokenizer.h"
#include "qf/ggml_type.h"
#include "qf/gguf/gguf_file.h"
#include "qf/model/model_spec.h"
#include "qf/result.h"

namespace qf::eval {

// The model's shape and options (qf/model/model_spec.h); the name predates the other architectures.
using LlamaHyperParams = model::ModelSpec;

// A 2-D weight in its stored form inside the memory mapping: `rows` rows of `cols` values (ggml: ne[1] x
// ne[0]).
struct WeightMatrix : RowMatrix {
    std::string name;

    const uint8_t* row(int64_t r) const { return data + uint64_t(r) * rowBytes; }
};

// Which weight a matrix product reads; hooks (imatrix collection) key on it.
enum class MatrixKind {
    AttnQ, AttnK, AttnV, AttnOutput, FfnGate, FfnUp, FfnDown, Output,
    AttnQkv,                                 // fused Q, K and V rows (Phi-3)
    FfnGateInp,                              // the expert router
    FfnGateExps, FfnUpExps, FfnDownExps,     // one expert's slice of a 3-D expert tensor
    AttnQA, AttnQB, AttnKvAMqa,              // latent attention's low-rank projections (DeepSeek-2)
    AttnKB, AttnVB,                          // one head's slice of the 3-D attn_k_b / attn_v_b
    FfnGateShexp, FfnUpShexp, FfnDownShexp,  // the shared experts' dense FFN
};

// The experts of one layer stored as one 3-D tensor [cols, rows, experts]: expert e is the 2-D slice e,
// read in the tensor's own type like every other weight (a new type plugs in through the dequantizer).
struct ExpertWeights {
    std::string name;
    std::vector<WeightMatrix> experts; // views into the tensor, one per expert
    bool empty() const { return experts.empty(); }
};

struct LayerWeights {
    std::vector<float> attnNorm;
    WeightMatrix attnQ, attnK, attnV, attnOutput; // attnQ/K/V have no data when attnQkv holds them
    WeightMatrix attnQkv;
    std::vector<float> attnQBias, attnKBias, attnVBias, attnOutputBias; // empty when the model has none
    std::vector<float> attnQNorm, attnKNorm;  // per-head RMSNorm weights (Qwen3, Gemma 3)
    std::vector<float> attnPostNorm;          // Gemma: after attention, before the residual
    std::vector<float> ffnNorm;
    WeightMatrix ffnGate, ffnUp, ffnDown;     // ffnGate has no data when ffnUp holds gate and up (Phi-3)
    std::vector<float> ffnPostNorm;           // Gemma: after the FFN, before the residual
    std::vector<float> attnSinks;             // per head (gpt-oss)
    WeightMatrix ffnGateInp;                  // mixture of experts: the router
    std::vector<float> ffnGateInpBias;        // per expert (gpt-oss)
    ExpertWeights ffnGateExps, ffnUpExps, ffnDownExps;
    // Per-expert biases, expert-major (gpt-oss): expert e's are the values [e * rows, (e + 1) * rows).
    std::vector<float> ffnGateExpsBias, ffnUpExpsBias, ffnDownExpsBias;
    std::vector<float> ffnExpProbsBias;       // added to the router's probabilities for the choice only
    WeightMatrix ffnGateShexp, ffnUpShexp, ffnDownShexp; // shared experts (DeepSeek)
    // Latent attention (DeepSeek-2): Q through attnQA -> attnQANorm -> attnQB (or attnQ), the latent row
    // and roped key through attnKvAMqa -> attnKvANorm; attn_k_b / attn_v_b one 2-D view per head.
    WeightMatrix attnQA, attnQB, attnKvAMqa;
    std::vector<float> attnQANorm, attnKvANorm;
    ExpertWeights attnKB, attnVB;

    bool fusedQkv() const { return attnQkv.data != nullptr; }
    bool fusedGateUp() const { return ffnGate.data == nullptr && ffnGateExps.empty(); }
    bool moe() const { return !ffnGateExps.empty(); }
};

class LlamaModel {
public:
    // Opens and validates a model; "not supported yet: ARCH (why)" for architectures the decoder cannot run.
    static Result<std::unique_ptr<LlamaModel>> open(const std::filesystem::path& path);

    const LlamaHyperParams& params() const { return m_params; }
    const Tokenizer& tokenizer() const { return m_tokenizer; }
    const gguf::GgufFile& file() const { return m_file; }

    const WeightMatrix& tokenEmbedding() const { return m_tokenEmbedding; }
    const std::vector<float>& outputNorm() const { return m_outputNorm; }
    // The output projection; token_embd itself when the model ties them (no output.weight).
    const WeightMatrix& output() const { return m_output; }
    bool tiedEmbeddings() const { return m_tied; }
    const std::vector<LayerWeights>& layers() const { return m_layers; }
    // Per rotated pair divisors of the rotary frequencies for a context of `context` tokens, as llama.cpp's
    // get_rope_factors: rope_freqs.weight (Llama 3.1) if present, else Phi-3's rope_factors_long.weight
    // when the context is longer than the original one, else rope_factors_short.weight; empty if absent.
    // The context counts as llama.cpp's, which rounds every context up to a multiple of 256.
    const std::vector<float>& ropeFrequencyFactors(uint32_t context) const;

    // Writes the F32 embedding of `token` (params().embedding values).
    void embed(Token token, float* out) const;

    // Every view of the 2-D weight called `name` (two for token_embd when the output is tied to it; none
    // for a name that is not a 2-D weight the decoder reads). Measuring what quantizing one tensor costs
    // (qf/mix/sensitivity.h) points them at a quantized copy of the same shape and restores them after;
    // never while a session decodes.
    std::vector<WeightMatrix*> weightViews(std::string_view name);

private:
    LlamaModel(gguf::GgufFile file, Tokenizer tokenizer)
        : m_file(std::move(file)), m_tokenizer(std::move(tokenizer)) {}
    Status load();

    gguf::GgufFile m_file;
    Tokenizer m_tokenizer;
    LlamaHyperParams m_params;
    WeightMatrix m_tokenEmbedding;
    std::vector<float> m_outputNorm;
    WeightMatrix m_output;
    bool m_tied = false;
    std::vector<LayerWeights> m_layers;
    std::vector<float> m_ropeFactors;
    std::vector<float> m_ropeFactorsLong, m_ropeFactorsShort;
};

} // namespace qf::eval
