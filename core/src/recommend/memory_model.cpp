#include "qf/recommend/memory_model.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace qf::recommend {
namespace {

// "blk.12.attn_q.weight" -> 12; -1 for tensors outside the repeating layers.
long layerOf(std::string_view name) {
    if (name.substr(0, 4) != "blk.") return -1;
    const std::string digits(name.substr(4, name.find('.', 4) - 4));
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::strtol(digits.c_str(), nullptr, 10);
}

bool isInputTensor(std::string_view name) {
    return name.substr(0, 11) == "token_embd." || name.substr(0, 12) == "token_types." ||
           name.substr(0, 13) == "position_embd";
}

} // namespace

bool isSupportedKvType(GgmlType type) {
    return type == GgmlType::F16 || type == GgmlType::Q8_0 || type == GgmlType::Q4_0;
}

uint64_t kvCacheLayerBytes(const ModelShape& shape, uint32_t layer, uint64_t context, GgmlType kvType) {
    if (layer >= shape.headsKv.size()) return 0;
    return context * (ggmlRowBytes(kvType, shape.keyValuesPerToken(layer)) +
                      ggmlRowBytes(kvType, shape.valueValuesPerToken(layer)));
}

Result<uint64_t> kvCacheBytes(const ModelShape& shape, uint64_t context, GgmlType kvType) {
    if (!isSupportedKvType(kvType))
        return makeError("KV cache type {} is not one of F16, Q8_0, Q4_0", ggmlTypeName(kvType));
    const uint32_t block = ggmlTypeTraits(kvType).blockSize;
    uint64_t total = 0;
    for (uint32_t layer = 0; layer < shape.layers; ++layer) {
        for (uint64_t values : {shape.keyValuesPerToken(layer), shape.valueValuesPerToken(layer)})
            if (values % block != 0)
                return makeError(
                    "a KV cache row of {} values (layer {}) is not a multiple of {}'s block of {}", values,
                    layer, ggmlTypeName(kvType), block);
        total += kvCacheLayerBytes(shape, layer, context, kvType);
    }
    return total;
}

uint64_t computeBufferEstimate(const ModelShape& shape, uint64_t context) {
    const uint64_t batch = std::min(kMicroBatch, std::max<uint64_t>(context, 1));
    constexpr uint64_t kFloat = 4;
    // F32 logits for the batch, the attention scores of one layer (all heads, whole context), and a few
    // activations of the widest layer kept alive together.
    const uint64_t logits = batch * shape.vocabulary * kFloat;
    const uint64_t scores = batch * context * shape.heads * kFloat;
    const uint64_t activations = batch * (4 * shape.embedding + 2 * shape.feedForward) * kFloat;
    return logits + scores + activations;
}

uint64_t WeightLayout::layersTotal() const {
    uint64_t total = 0;
    for (uint64_t bytes : layerBytes)
        total += bytes;
    return total;
}

WeightLayout weightLayout(const quant::QuantPlan& plan, uint32_t layers) {
    WeightLayout w;
    w.fileBytes = plan.fileBytes;
    w.tensorBytes = plan.tensorBytes;
    w.layerBytes.assign(layers, 0);
    bool hasOutput = false;
    uint64_t embeddingBytes = 0;
    for (const auto& t : plan.tensors) {
        const long layer = layerOf(t.name);
        if (layer >= 0 && layer < long(layers)) {
            w.layerBytes[size_t(layer)] += t.byteSize;
        } else if (isInputTensor(t.name)) {
            w.inputBytes += t.byteSize;
            if (t.name == "token_embd.weight") embeddingBytes = t.byteSize;
        } else {
            w.outputBytes += t.byteSize;
            hasOutput = hasOutput || t.name == "output.weight";
        }
    }
    if (!hasOutput) w.tiedOutputBytes = embeddingBytes;
    return w;
}

} // namespace qf::recommend
