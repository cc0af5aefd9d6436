#pragma once
// A GGUF model of the llama graph family (llama, mistral: RMSNorm, rotary embeddings, grouped-query
// attention, SwiGLU), opened for inference. Weights stay memory-mapped in their stored type: nothing is
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
#include "qf/result.h"

namespace qf::eval {

struct LlamaHyperParams {
    std::string architecture;
    uint32_t embedding = 0; // n_embd
    uint32_t layers = 0;
    uint32_t heads = 0;
    uint32_t headsKv = 0;
    uint32_t headDim = 0;  // per-head size of Q and K (and V)
    uint32_t ropeDims = 0; // leading dimensions of each head that are rotated (n_rot)
    uint32_t feedForward = 0;
    uint32_t vocabulary = 0;
    uint32_t trainedContext = 0;
    float rmsEpsilon = 1e-5f;
    float ropeFreqBase = 10000.0f;
    float ropeFreqScale = 1.0f; // 1 / linear scaling factor

    uint32_t qWidth() const { return heads * headDim; }
    uint32_t kvWidth() const { return headsKv * headDim; }
};

// A 2-D weight in its stored form inside the memory mapping: `rows` rows of `cols` values (ggml: ne[1] x
// ne[0]).
struct WeightMatrix : RowMatrix {
    std::string name;

    const uint8_t* row(int64_t r) const { return data + uint64_t(r) * rowBytes; }
};

// Which weight a matrix product reads; hooks (imatrix collection) key on it.
enum class MatrixKind { AttnQ, AttnK, AttnV, AttnOutput, FfnGate, FfnUp, FfnDown, Output };

struct LayerWeights {
    std::vector<float> attnNorm;
    WeightMatrix attnQ, attnK, attnV, attnOutput;
    std::vector<float> attnQBias, attnKBias, attnVBias, attnOutputBias; // empty when the model has none
    std::vector<float> ffnNorm;
    WeightMatrix ffnGate, ffnUp, ffnDown;
};

class LlamaModel {
public:
    // Opens and validates a model; "not supported yet: ARCH" for other architectures.
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
    // Per rotated pair divisors of the rotary frequencies (rope_freqs.weight, llama 3.1); empty if absent.
    const std::vector<float>& ropeFrequencyFactors() const { return m_ropeFactors; }

    // Writes the F32 embedding of `token` (params().embedding values).
    void embed(Token token, float* out) const;

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
};

} // namespace qf::eval
