#include "qf/recommend/model_shape.h"

#include <algorithm>

namespace qf::recommend {
namespace {

// A per-layer hyperparameter: one integer, or an array with one value per layer (llama.cpp accepts both).
std::optional<std::vector<uint32_t>> perLayer(const gguf::Metadata& metadata, const std::string& key,
                                              uint32_t layers) {
    const gguf::Value* value = metadata.find(key);
    if (!value) return std::nullopt;
    if (const gguf::Array* array = value->asArray()) {
        if (array->size() != layers) return std::nullopt;
        std::vector<uint32_t> out;
        for (size_t i = 0; i < array->size(); ++i) {
            const auto v = array->intAt(i);
            if (!v || *v < 0) return std::nullopt;
            out.push_back(uint32_t(*v));
        }
        return out;
    }
    const auto v = value->asUInt();
    if (!v) return std::nullopt;
    return std::vector<uint32_t>(layers, uint32_t(*v));
}

} // namespace

Result<ModelShape> modelShapeFrom(const gguf::Metadata& metadata,
                                  const std::vector<gguf::TensorInfo>& tensors) {
    ModelShape shape;
    shape.architecture = metadata.getString("general.architecture").value_or("");
    if (shape.architecture.empty()) return makeError("general.architecture is missing");
    const std::string a = shape.architecture + ".";

    const auto layers = metadata.getUInt(a + "block_count");
    if (!layers || *layers == 0 || *layers > 4096) return makeError("{}block_count is missing or invalid", a);
    shape.layers = uint32_t(*layers);
    shape.embedding = metadata.getUInt(a + "embedding_length").value_or(0);
    if (shape.embedding == 0) return makeError("{}embedding_length is missing", a);

    const auto heads = perLayer(metadata, a + "attention.head_count", shape.layers);
    if (!heads) return makeError("{}attention.head_count is missing or invalid", a);
    shape.heads = *std::max_element(heads->begin(), heads->end());
    // Without head_count_kv, every head has its own K and V (no grouped-query attention).
    shape.headsKv = perLayer(metadata, a + "attention.head_count_kv", shape.layers).value_or(*heads);

    const uint64_t headSize = shape.heads ? shape.embedding / shape.heads : 0;
    shape.keyLength = metadata.getUInt(a + "attention.key_length").value_or(headSize);
    shape.valueLength = metadata.getUInt(a + "attention.value_length").value_or(headSize);
    if (auto ff = perLayer(metadata, a + "feed_forward_length", shape.layers))
        shape.feedForward = *std::max_element(ff->begin(), ff->end());
    shape.trainedContext = metadata.getUInt(a + "context_length").value_or(0);
    shape.experts = uint32_t(metadata.getUInt(a + "expert_count").value_or(0));

    if (const gguf::Array* tokens = metadata.getArray("tokenizer.ggml.tokens"))
        shape.vocabulary = tokens->size();
    else
        shape.vocabulary = metadata.getUInt(a + "vocab_size").value_or(0);
    for (const auto& t : tensors) {
        shape.parameterCount += t.elementCount();
        if (shape.vocabulary == 0 && t.name == "token_embd.weight" && t.shape.size() >= 2)
            shape.vocabulary = t.shape[1];
    }
    return shape;
}

} // namespace qf::recommend
