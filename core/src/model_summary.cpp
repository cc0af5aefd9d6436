#include "qf/model_summary.h"

#include "qf/quant/preset.h"

namespace qf {

std::string fileTypeName(uint32_t id) {
    const auto name = quant::llamaFileTypeName(id);
    return name ? std::string(*name) : std::string();
}

bool hasQuantizedTensors(const ModelSummary& summary) {
    for (const auto& [type, totals] : summary.perType)
        if (ggmlTypeTraits(type).quantized) return true;
    return false;
}

ModelSummary summarize(const gguf::GgufFile& file) {
    ModelSummary s = summarize(file.metadata(), file.tensors(), file.totalFileBytes(),
                               file.path().stem().string(), uint32_t(file.shardPaths().size()));
    s.ggufVersion = file.version();
    return s;
}

ModelSummary summarize(const gguf::Metadata& md, const std::vector<gguf::TensorInfo>& tensors,
                       uint64_t fileBytes, std::string_view fallbackName, uint32_t shardCount) {
    ModelSummary s;
    s.architecture = md.getString("general.architecture").value_or("");
    s.name = md.getString("general.name").value_or(std::string(fallbackName));
    const std::string arch = s.architecture;
    auto archKey = [&](const char* suffix) { return md.getUInt(arch + "." + suffix); };
    s.layers = archKey("block_count");
    s.embeddingLength = archKey("embedding_length");
    s.feedForwardLength = archKey("feed_forward_length");
    s.headCount = archKey("attention.head_count");
    s.headCountKv = archKey("attention.head_count_kv");
    if (!s.headCountKv) s.headCountKv = s.headCount; // absent means no grouped-query attention
    s.contextLength = archKey("context_length");
    s.expertCount = archKey("expert_count");
    s.tokenizerModel = md.getString("tokenizer.ggml.model").value_or("");
    if (const auto* tokens = md.getArray("tokenizer.ggml.tokens"))
        s.vocabularySize = tokens->size();
    else
        s.vocabularySize = archKey("vocab_size").value_or(0);

    if (const auto ft = md.getUInt("general.file_type")) s.fileType = uint32_t(*ft);
    s.shardCount = shardCount;
    s.fileBytes = fileBytes;
    s.tensorCount = tensors.size();

    GgmlType dominant = GgmlType::F32;
    for (const auto& t : tensors) {
        const uint64_t n = t.elementCount();
        s.parameterCount += n;
        s.tensorBytes += t.byteSize;
        auto& totals = s.perType[t.type];
        totals.tensors += 1;
        totals.elements += n;
        totals.bytes += t.byteSize;
        if (totals.elements > s.perType[dominant].elements) dominant = t.type;
    }
    if (s.fileType) s.fileTypeName = fileTypeName(*s.fileType);
    if (s.fileTypeName.empty() && !tensors.empty()) s.fileTypeName = std::string(ggmlTypeName(dominant));
    s.bitsPerWeight = s.parameterCount ? double(s.tensorBytes) * 8.0 / double(s.parameterCount) : 0.0;
    return s;
}

} // namespace qf
