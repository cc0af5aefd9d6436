// gpt-oss's experts, as llama.cpp's GptOssModel converts them. Hugging Face stores each layer's experts as
// one tensor per projection: gate_up_proj [experts, in, 2 x ff] with gate and up interleaved along the
// last dimension, down_proj [experts, ff, in] (both transposed against GGUF's [out, in] rows), their
// biases, and in the published checkpoints the weights as MXFP4 blocks (*_blocks, *_scales) instead.
#include <regex>

#include "hf_float.h"
#include "qf/hf/hf_convert.h"

namespace qf::hf {

Result<bool> HfConversion::addFusedExperts(size_t weight, OutType outType) {
    static const std::regex pattern(
        R"(model\.layers\.(\d+)\.mlp\.experts\.(gate_up_proj|down_proj)(_bias|_blocks|_scales)?)");
    const auto& all = m_weights.tensors();
    const SafetensorInfo& st = all[weight];
    std::smatch m;
    if (!std::regex_match(st.name, m, pattern)) return false;
    const std::string layer = m[1].str(), part = m[2].str(), kind = m[3].str();
    const bool gateUp = part == "gate_up_proj";
    auto bad = [&](std::string_view why) {
        return makeError("{}: tensor \"{}\" {}", m_folder.string(), st.name, why);
    };
    auto add = [&](const std::string& name, std::vector<uint64_t> shape, GgmlType type, Source source) {
        gguf::TensorSpec spec;
        spec.name = fmt::format("blk.{}.{}", layer, name);
        spec.shape = std::move(shape);
        spec.type = type;
        m_specs.push_back(std::move(spec));
        m_sources.push_back(std::move(source));
    };
    const GgmlType weightType = outType == OutType::F32    ? GgmlType::F32
                                : outType == OutType::BF16 ? GgmlType::BF16
                                                           : GgmlType::F16;
    if (kind == "_scales") {
        const std::string blocks = st.name.substr(0, st.name.size() - 7) + "_blocks";
        if (!m_weights.find(blocks)) return bad("has no _blocks tensor beside it");
        return true; // read with its blocks
    }
    if (kind == "_blocks") {
        if (!m_mxfp4)
            return bad("holds MXFP4 blocks, but config.json's quantization_config is not \"mxfp4\"");
        const SafetensorInfo* scales = m_weights.find(st.name.substr(0, st.name.size() - 7) + "_scales");
        if (!scales) return bad("has no _scales tensor beside it");
        // blocks [experts, rows, n, 16] and scales [experts, rows, n], both U8.
        if (st.dtype != StDtype::U8 || scales->dtype != StDtype::U8 || st.shape.size() != 4 ||
            st.shape[3] != 16 ||
            scales->shape != std::vector<uint64_t>{st.shape[0], st.shape[1], st.shape[2]} ||
            (gateUp && st.shape[1] % 2))
            return bad(
                "is not an MXFP4 pair of U8 blocks [experts, rows, n, 16] and scales [experts, rows, n]");
        const uint64_t experts = st.shape[0], rows = st.shape[1], columns = st.shape[2] * 32;
        Source source;
        source.weights = {weight, size_t(scales - all.data())};
        source.mxfp4 = true;
        if (!gateUp) {
            add("ffn_down_exps.weight", {columns, rows, experts}, GgmlType::MXFP4, source);
            return true;
        }
        source.rowStep = 2;
        add("ffn_gate_exps.weight", {columns, rows / 2, experts}, GgmlType::MXFP4, source);
        source.rowOffset = 1;
        add("ffn_up_exps.weight", {columns, rows / 2, experts}, GgmlType::MXFP4, source);
        return true;
    }
    if (!isFloatDtype(st.dtype)) return bad("has a dtype that is not F32, F16 or BF16");
    Source source;
    source.weights = {weight};
    if (kind == "_bias") {
        // [experts, 2 x ff] for gate/up (interleaved), [experts, out] for down.
        if (st.shape.size() != 2 || (gateUp && st.shape[1] % 2)) return bad("is not a 2-D expert bias");
        const uint64_t experts = st.shape[0], width = st.shape[1];
        if (!gateUp) {
            source.outer = experts, source.rows = 1, source.cols = width;
            source.strideOuter = width, source.strideCol = 1;
            add("ffn_down_exps.bias", {width, experts}, GgmlType::F32, source);
            return true;
        }
        source.outer = experts, source.rows = 1, source.cols = width / 2;
        source.strideOuter = width, source.strideCol = 2;
        add("ffn_gate_exps.bias", {width / 2, experts}, GgmlType::F32, source);
        source.offset = 1;
        add("ffn_up_exps.bias", {width / 2, experts}, GgmlType::F32, source);
        return true;
    }
    // Weights [experts, in, out]: GGUF rows are the outputs, so out[e][i][j] = in[e][j][i].
    if (st.shape.size() != 3 || (gateUp && st.shape[2] % 2)) return bad("is not a 3-D expert weight");
    const uint64_t experts = st.shape[0], in = st.shape[1], out = st.shape[2];
    source.outer = experts, source.cols = in;
    source.strideOuter = in * out, source.strideCol = out;
    if (!gateUp) {
        source.rows = out, source.strideRow = 1;
        add("ffn_down_exps.weight", {in, out, experts}, weightType, source);
        return true;
    }
    source.rows = out / 2, source.strideRow = 2;
    add("ffn_gate_exps.weight", {in, out / 2, experts}, weightType, source);
    source.offset = 1;
    add("ffn_up_exps.weight", {in, out / 2, experts}, weightType, source);
    return true;
}

Status HfConversion::addSplitKvB(size_t weight, OutType outType, uint32_t headsKv, const JsonValue& config) {
    const SafetensorInfo& st = m_weights.tensors()[weight];
    auto count = [&config](const char* key) -> uint64_t {
        const JsonValue* v = config.find(key);
        return v && v->asUInt() ? *v->asUInt() : 0;
    };
    const uint64_t nope = count("qk_nope_head_dim"), v = count("v_head_dim");
    if (!nope || !v || st.shape.size() != 2 || st.shape[0] != headsKv * (nope + v) || !isFloatDtype(st.dtype))
        return makeError(
            "{}: tensor \"{}\" is not [{} heads x (qk_nope_head_dim + v_head_dim), kv_lora_rank]",
            m_folder.string(), st.name, headsKv);
    static const std::regex layerOf(R"(model\.layers\.(\d+)\..*)");
    std::smatch m;
    if (!std::regex_match(st.name, m, layerOf))
        return makeError("{}: \"{}\" names no layer", m_folder.string(), st.name);
    const uint64_t rank = st.shape[1];
    const GgmlType type = outType == OutType::F32    ? GgmlType::F32
                          : outType == OutType::BF16 ? GgmlType::BF16
                                                     : GgmlType::F16;
    auto add = [&](const char* name, std::vector<uint64_t> shape, const Source& source) {
        gguf::TensorSpec spec;
        spec.name = fmt::format("blk.{}.{}", m[1].str(), name);
        spec.shape = std::move(shape);
        spec.type = type;
        m_specs.push_back(std::move(spec));
        m_sources.push_back(source);
    };
    // kv_b viewed as [heads, nope + v, rank]: k_b = [:, :nope, :] transposed to [heads, rank, nope],
    // v_b = [:, nope:, :].
    Source k;
    k.weights = {weight};
    k.outer = headsKv, k.rows = rank, k.cols = nope;
    k.strideOuter = (nope + v) * rank, k.strideRow = 1, k.strideCol = rank;
    add("attn_k_b.weight", {nope, rank, headsKv}, k);
    Source vb = k;
    vb.rows = v, vb.cols = rank, vb.strideRow = rank, vb.strideCol = 1, vb.offset = nope * rank;
    add("attn_v_b.weight", {rank, v, headsKv}, vb);
    return {};
}

Status HfConversion::convertStrided(const Source& source, const gguf::TensorSpec& spec,
                                    std::span<uint8_t> out) const {
    const SafetensorInfo& st = m_weights.tensors()[source.weights.at(0)];
    const auto in = m_weights.data(st);
    const uint32_t inSize = stDtypeSize(st.dtype), outSize = spec.type == GgmlType::F32 ? 4 : 2;
    if (out.size() != source.outer * source.rows * source.cols * outSize)
        return makeError("{}: the expert selection does not fill the tensor", spec.name);
    uint64_t n = 0;
    for (uint64_t e = 0; e < source.outer; ++e)
        for (uint64_t i = 0; i < source.rows; ++i)
            for (uint64_t j = 0; j < source.cols; ++j, ++n) {
                const uint64_t at =
                    e * source.strideOuter + i * source.strideRow + j * source.strideCol + source.offset;
                detail::storeFloat(spec.type, detail::loadFloat(st.dtype, in.data() + at * inSize),
                                   out.data() + n * outSize);
            }
    return {};
}

Status HfConversion::repackMxfp4(const Source& source, std::span<uint8_t> out) const {
    const SafetensorInfo& blocksInfo = m_weights.tensors()[source.weights.at(0)];
    const SafetensorInfo& scalesInfo = m_weights.tensors()[source.weights.at(1)];
    const auto blocks = m_weights.data(blocksInfo);
    const auto scales = m_weights.data(scalesInfo);
    const uint64_t experts = blocksInfo.shape[0], rows = blocksInfo.shape[1], n = blocksInfo.shape[2];
    uint64_t o = 0;
    for (uint64_t e = 0; e < experts; ++e)
        for (uint64_t r = source.rowOffset; r < rows; r += source.rowStep)
            for (uint64_t b = 0; b < n; ++b) {
                if (o + 17 > out.size()) return makeError("MXFP4 repack overruns its tensor");
                const uint64_t block = (e * rows + r) * n + b;
                // Hugging Face packs value 2k in the low nibble of byte k, 2k+1 in the high one; ggml's
                // block_mxfp4 is the E8M0 scale, then byte j = value j | value j+16 << 4.
                const uint8_t* q = blocks.data() + block * 16;
                auto value = [q](int i) { return uint8_t((q[i / 2] >> (4 * (i % 2))) & 0x0f); };
                out[o++] = scales[block];
                for (int j = 0; j < 16; ++j)
                    out[o++] = uint8_t(value(j) | value(j + 16) << 4);
            }
    if (o != out.size()) return makeError("MXFP4 repack does not fill its tensor");
    return {};
}

} // namespace qf::hf
