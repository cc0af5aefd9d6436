#pragma once
// The numbers of a model that decide how much memory it needs beside its weights: layers, attention
// heads and head sizes (for the KV cache), vocabulary and widths (for the compute buffer). Read from the
// GGUF metadata the way llama.cpp reads them.
#include <cstdint>
#include <string>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/value.h"
#include "qf/result.h"

namespace qf::recommend {

struct ModelShape {
    std::string architecture;
    uint32_t layers = 0;           // {arch}.block_count
    uint64_t embedding = 0;        // {arch}.embedding_length
    uint64_t feedForward = 0;      // {arch}.feed_forward_length (largest, if per layer); 0 when unknown
    uint32_t heads = 0;            // {arch}.attention.head_count
    std::vector<uint32_t> headsKv; // per layer: {arch}.attention.head_count_kv may be one value or an array
    uint64_t keyLength = 0;        // per head: {arch}.attention.key_length, else embedding / heads
    uint64_t valueLength = 0;      // per head: {arch}.attention.value_length, else embedding / heads
    uint64_t vocabulary = 0;
    uint64_t trainedContext = 0; // {arch}.context_length; 0 when unknown
    uint32_t experts = 0;        // {arch}.expert_count
    uint64_t parameterCount = 0; // sum of tensor element counts

    // Values per token in layer `layer`'s K and V caches (llama.cpp's n_embd_k_gqa / n_embd_v_gqa).
    uint64_t keyValuesPerToken(uint32_t layer) const { return keyLength * headsKv[layer]; }
    uint64_t valueValuesPerToken(uint32_t layer) const { return valueLength * headsKv[layer]; }
};

// Errors name the missing key, e.g. "llama.block_count".
Result<ModelShape> modelShapeFrom(const gguf::Metadata& metadata,
                                  const std::vector<gguf::TensorInfo>& tensors);

} // namespace qf::recommend
