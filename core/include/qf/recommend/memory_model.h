#pragma once
// What running a model takes, part by part. Exact where the format decides it (weights from the plan,
// KV cache from the shape); estimated where the runtime does (compute buffers), and labelled so.
//
// Placement follows llama.cpp: the token embedding stays in system RAM; offloaded layers go to the GPU
// from the last layer down, each with its slice of the KV cache; the output layer joins them only when
// every layer is offloaded; a model with tied embeddings then needs a second copy of the embedding on
// the GPU for the output.
#include <cstdint>
#include <string_view>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/quant/plan.h"
#include "qf/recommend/model_shape.h"
#include "qf/result.h"

namespace qf::recommend {

// The KV cache types llama.cpp's --cache-type-k/-v offer that we plan for: F16 (default), Q8_0, Q4_0.
bool isSupportedKvType(GgmlType type);

// Bytes of layer `layer`'s K and V caches for `context` tokens: context x (K row + V row), each row of
// keyValuesPerToken values stored as `kvType` (quantized rows in whole blocks). Exact.
uint64_t kvCacheLayerBytes(const ModelShape& shape, uint32_t layer, uint64_t context, GgmlType kvType);
// All layers. An error when a quantized type's block does not divide a row (llama.cpp refuses it too).
Result<uint64_t> kvCacheBytes(const ModelShape& shape, uint64_t context, GgmlType kvType);

// The compute buffer llama.cpp allocates for a batch of 512 tokens (fewer for short contexts), without
// flash attention: logits, attention scores for the whole context, and the widest activations. An
// estimate: the real size depends on the back end and its graph.
inline constexpr uint64_t kMicroBatch = 512;
uint64_t computeBufferEstimate(const ModelShape& shape, uint64_t context);

// The weights of one plan, grouped by where llama.cpp puts them.
struct WeightLayout {
    uint64_t fileBytes = 0;
    uint64_t tensorBytes = 0;
    uint64_t inputBytes = 0;          // token_embd and other input tensors: always in system RAM
    uint64_t outputBytes = 0;         // output, output_norm, ...: on the GPU only with every layer
    uint64_t tiedOutputBytes = 0;     // the embedding's second copy for the output when tied (else 0)
    std::vector<uint64_t> layerBytes; // blk.N.*
    uint64_t layersTotal() const;
};

WeightLayout weightLayout(const quant::QuantPlan& plan, uint32_t layers);

} // namespace qf::recommend
