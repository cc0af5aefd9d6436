#include "qf/model_summary.h"

#include <array>
#include <utility>

namespace qf {

std::string fileTypeName(uint32_t id) {
    // llama.cpp's llama_ftype ids (a file-format fact: general.file_type).
    static constexpr std::array<std::pair<uint32_t, const char*>, 33> kNames = {{
        {0, "F32"},      {1, "F16"},     {2, "Q4_0"},    {3, "Q4_1"},     {7, "Q8_0"},    {8, "Q5_0"},
        {9, "Q5_1"},     {10, "Q2_K"},   {11, "Q3_K_S"}, {12, "Q3_K_M"},  {13, "Q3_K_L"}, {14, "Q4_K_S"},
        {15, "Q4_K_M"},  {16, "Q5_K_S"}, {17, "Q5_K_M"}, {18, "Q6_K"},    {19, "IQ2_XXS"}, {20, "IQ2_XS"},
        {21, "Q2_K_S"},  {22, "IQ3_XS"}, {23, "IQ3_XXS"}, {24, "IQ1_S"},  {25, "IQ4_NL"}, {26, "IQ3_S"},
        {27, "IQ3_M"},   {28, "IQ2_S"},  {29, "IQ2_M"},  {30, "IQ4_XS"},  {31, "IQ1_M"},  {32, "BF16"},
        {36, "TQ1_0"},   {37, "TQ2_0"},  {38, "MXFP4_MOE"},
    }};
    for (const auto& [fid, name] : kNames)
        if (fid == id) return name;
    return {};
}

ModelSummary summarize(const gguf::GgufFile& file) {
    const auto& md = file.metadata();
    ModelSummary s;
    s.architecture = md.getString("general.architecture").value_or("");
    s.name = md.getString("general.name").value_or(file.path().stem().string());
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
    if (const auto* tokens = md.getArray("tokenizer.ggml.tokens")) s.vocabularySize = tokens->size();
    else s.vocabularySize = archKey("vocab_size").value_or(0);

    if (const auto ft = md.getUInt("general.file_type")) s.fileType = uint32_t(*ft);
    s.ggufVersion = file.version();
    s.shardCount = uint32_t(file.shardPaths().size());
    s.fileBytes = file.totalFileBytes();
    s.tensorCount = file.tensors().size();

    GgmlType dominant = GgmlType::F32;
    for (const auto& t : file.tensors()) {
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
    if (s.fileTypeName.empty() && !file.tensors().empty()) s.fileTypeName = std::string(ggmlTypeName(dominant));
    s.bitsPerWeight = s.parameterCount ? double(s.tensorBytes) * 8.0 / double(s.parameterCount) : 0.0;
    return s;
}

} // namespace qf
