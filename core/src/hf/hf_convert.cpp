#include "qf/hf/hf_convert.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <optional>

#include "hf_arch.h"
#include "hf_float.h"
#include "hf_out_type.h"
#include "hf_rope.h"
#include "hf_vocab.h"
#include "qf/fp16.h"
#include "qf/gguf/gguf_file.h"
#include "qf/json_reader.h"

namespace qf::hf {
namespace fs = std::filesystem;

fs::path hfFolderOf(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return path;
    return path.parent_path();
}

bool looksLikeHfFolder(const fs::path& path) {
    std::error_code ec;
    const fs::path folder = hfFolderOf(path);
    if (!fs::is_directory(path, ec) && path.extension() != ".json" && path.extension() != ".safetensors")
        return false;
    return fs::is_regular_file(folder / "config.json", ec) ||
           fs::is_regular_file(folder / "adapter_config.json", ec);
}

fs::path defaultConvertedPath(const fs::path& folder, OutType type) {
    fs::path clean = folder;
    if (!clean.has_filename()) clean = clean.parent_path();
    return clean.parent_path() / fmt::format("{}-{}.gguf", clean.filename().string(), outTypeName(type));
}

Status checkNotLoraAdapter(const fs::path& folder) {
    std::error_code ec;
    const fs::path adapterConfig = folder / "adapter_config.json";
    if (!fs::is_regular_file(adapterConfig, ec)) return {};
    std::string base = "its base model";
    bool quantizedBase = false;
    if (auto json = readJsonFile(adapterConfig)) {
        if (const auto* b = json->find("base_model_name_or_path");
            b && b->asString() && !b->asString()->empty())
            base = *b->asString();
        // QLoRA adapters trained on a 4-bit base record it in their config (bitsandbytes settings).
        for (const char* key : {"load_in_4bit", "quantization_config", "bnb_4bit_quant_type"})
            if (json->find(key)) quantizedBase = true;
    }
    std::string message = fmt::format(
        "{} is a LoRA adapter (adapter_config.json), not a full model. Either merge it into {} first (PEFT's "
        "merge_and_unload, then save_pretrained) and convert the merged folder, or convert {} alone and use "
        "the "
        "adapter beside it (Ollama's ADAPTER line in a Modelfile, llama.cpp's --lora).",
        folder.string(), base, base);
    if (quantizedBase)
        message +=
            " This adapter was trained on a 4-bit base: it cannot be merged into a quantized model; merge it "
            "into the full-precision base, then quantize.";
    return Error{message};
}

namespace {
using detail::loadFloat;
using detail::storeFloat;

GgmlType ggufType(OutType out, const std::string& ggufName, size_t dims) {
    // llama.cpp's converter keeps 1-D tensors, norms and biases in F32.
    // The expert router (ffn_gate_inp) too, as llama.cpp's quantizer never touches it.
    if (dims <= 1 || ggufName.ends_with("_norm.weight") || !ggufName.ends_with(".weight") ||
        ggufName.ends_with(".ffn_gate_inp.weight"))
        return GgmlType::F32;
    switch (out) {
    case OutType::F32:
        return GgmlType::F32;
    case OutType::F16:
        return GgmlType::F16;
    case OutType::BF16:
        return GgmlType::BF16;
    case OutType::Auto:
        break; // resolved in open()
    }
    return GgmlType::F32;
}

uint32_t fileTypeId(OutType out) {
    switch (out) {
    case OutType::F32:
        return 0;
    case OutType::F16:
        return 1;
    case OutType::BF16:
        return 32;
    case OutType::Auto:
        break; // resolved in open()
    }
    return 0;
}

const JsonValue* findAny(const JsonValue& config, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        if (const auto* v = config.find(k); v && !v->isNull()) return v;
    return nullptr;
}

Result<uint32_t> requiredCount(const JsonValue& config, std::initializer_list<const char*> keys,
                               const fs::path& file) {
    const auto* v = findAny(config, keys);
    if (!v) return makeError("{}: missing \"{}\"", file.string(), *keys.begin());
    const auto n = v->asUInt();
    if (!n || *n == 0 || *n > (1u << 24))
        return makeError("{}: \"{}\" is not a plausible count", file.string(), *keys.begin());
    return uint32_t(*n);
}

// An optional count: absent is fine; present, it must be a whole number in [1, max] (a JSON number that
// does not fit 32 bits is refused, never truncated).
Result<std::optional<uint32_t>> optionalCount(const JsonValue& config, std::initializer_list<const char*> keys,
                                              const fs::path& file, uint64_t max) {
    const auto* v = findAny(config, keys);
    if (!v) return std::optional<uint32_t>();
    const auto n = v->asUInt();
    if (!n || *n == 0 || *n > max)
        return makeError("{}: \"{}\" must be a whole number from 1 to {}", file.string(), *keys.begin(), max);
    return std::optional<uint32_t>(uint32_t(*n));
}

// An optional positive real (rope_theta, rms_norm_eps): present, it must be a finite number > 0.
Result<std::optional<double>> optionalPositive(const JsonValue& config, std::initializer_list<const char*> keys,
                                               const fs::path& file) {
    const auto* v = findAny(config, keys);
    if (!v) return std::optional<double>();
    const auto x = v->asDouble();
    if (!x || !std::isfinite(*x) || *x <= 0 || *x > 1e30)
        return makeError("{}: \"{}\" must be a positive number", file.string(), *keys.begin());
    return x;
}

bool sameType(StDtype src, GgmlType dst) {
    return (src == StDtype::F32 && dst == GgmlType::F32) || (src == StDtype::F16 && dst == GgmlType::F16) ||
           (src == StDtype::BF16 && dst == GgmlType::BF16);
}

// torch.float8_e4m3fn as float: bias 7, subnormals, no infinities, S.1111.111 NaN.
float fp8e4m3ToFloat(uint8_t code) {
    const int exp = (code >> 3) & 15, mant = code & 7;
    if ((code & 0x7f) == 0x7f) return std::numeric_limits<float>::quiet_NaN();
    const float v = exp == 0 ? std::ldexp(float(mant), -9) : std::ldexp(1.0f + float(mant) / 8.0f, exp - 7);
    return code & 0x80 ? -v : v;
}

// An FP8 weight's block scales (weight_scale_inv), as the converter's dequant_simple applies them: each
// value times the F32 scale of its (row / blockRows, column / blockCols) block; blocks 0: one scale.
struct BlockScales {
    const SafetensorInfo* info = nullptr;
    std::span<const uint8_t> bytes;
    uint64_t blockRows = 0, blockCols = 0;

    float at(uint64_t row, uint64_t col) const {
        uint64_t index = 0;
        if (blockRows && blockCols && info->shape.size() == 2)
            index = (row / blockRows) * info->shape[1] + col / blockCols;
        return loadFloat(info->dtype, bytes.data() + index * stDtypeSize(info->dtype));
    }
};

// One source tensor into `out` (its converted size): cast to `type`, rows permuted for rotary heads.
void convertRows(const SafetensorInfo& st, std::span<const uint8_t> in, uint32_t permuteHeads, float addend,
                 GgmlType type, std::span<uint8_t> out, const BlockScales* scales = nullptr) {
    const uint64_t rows = st.shape[0];
    const uint64_t rowLength = st.elementCount() / std::max<uint64_t>(rows, 1);
    const uint32_t inSize = stDtypeSize(st.dtype);
    const uint32_t outSize = type == GgmlType::F32 ? 4 : 2;
    if (scales) {
        for (uint64_t r = 0; r < rows; ++r) {
            uint64_t from = r;
            if (permuteHeads) {
                const uint64_t headRows = rows / permuteHeads, half = headRows / 2;
                const uint64_t head = r / headRows, within = r % headRows;
                from = head * headRows + (within % 2) * half + within / 2;
            }
            for (uint64_t k = 0; k < rowLength; ++k)
                storeFloat(type, fp8e4m3ToFloat(in[from * rowLength + k]) * scales->at(from, k),
                           out.data() + (r * rowLength + k) * outSize);
        }
        return;
    }
    if (addend != 0.0f) {
        // The converter adds in the tensor's torch dtype: F16 stays F16 (rounded), BF16 was widened to F32.
        for (uint64_t k = 0; k < st.elementCount(); ++k) {
            float v = loadFloat(st.dtype, in.data() + k * inSize) + addend;
            if (st.dtype == StDtype::F16) v = fp16ToFp32(fp32ToFp16(v));
            storeFloat(type, v, out.data() + k * outSize);
        }
        return;
    }
    if (!permuteHeads && sameType(st.dtype, type)) {
        std::memcpy(out.data(), in.data(), out.size());
        return;
    }
    const uint64_t headRows = permuteHeads ? rows / permuteHeads : rows;
    const uint64_t half = headRows / 2;
    for (uint64_t r = 0; r < rows; ++r) {
        uint64_t from = r;
        if (permuteHeads) {
            // HF stores each head's rotary pairs as two halves; GGUF interleaves them: row h*d + 2i + j of
            // the output is row h*d + j*d/2 + i of the input.
            const uint64_t head = r / headRows, within = r % headRows;
            from = head * headRows + (within % 2) * half + within / 2;
        }
        const uint8_t* src = in.data() + from * rowLength * inSize;
        uint8_t* dst = out.data() + r * rowLength * outSize;
        if (sameType(st.dtype, type)) {
            std::memcpy(dst, src, rowLength * outSize);
            continue;
        }
        for (uint64_t k = 0; k < rowLength; ++k)
            storeFloat(type, loadFloat(st.dtype, src + k * inSize), dst + k * outSize);
    }
}

} // namespace

HfConversion::HfConversion(HfConversion&&) noexcept = default;
HfConversion& HfConversion::operator=(HfConversion&&) noexcept = default;
HfConversion::~HfConversion() = default;

Result<HfConversion> HfConversion::open(const fs::path& path, const ConvertOptions& options) {
    HfConversion conv;
    conv.m_folder = hfFolderOf(path);
    std::error_code ec;
    if (!fs::is_directory(conv.m_folder, ec)) return makeError("{}: not a folder", conv.m_folder.string());
    QF_TRY(checkNotLoraAdapter(conv.m_folder));
    const fs::path configPath = conv.m_folder / "config.json";
    if (!fs::is_regular_file(configPath, ec))
        return makeError("{}: no config.json: not a Hugging Face model folder", conv.m_folder.string());
    auto config = readJsonFile(configPath);
    if (!config) return config.error();
    if (!config->isObject()) return makeError("{}: not a JSON object", configPath.string());

    const auto* archs = config->find("architectures");
    if (!archs || !archs->asArray() || archs->asArray()->empty() || !(*archs->asArray())[0].asString())
        return makeError("{}: no \"architectures\" entry", configPath.string());
    conv.m_hfArchitecture = *(*archs->asArray())[0].asString();
    const detail::HfArchitecture* arch = detail::findHfArchitecture(conv.m_hfArchitecture);
    if (!arch)
        return makeError("{}: architecture {} is not supported yet (supported: {})", conv.m_folder.string(),
                         conv.m_hfArchitecture, detail::supportedHfArchitectures());
    const auto* expertsValue = findAny(*config, {"num_local_experts", "num_experts", "n_routed_experts"});
    if (expertsValue && !arch->experts)
        return makeError("{}: {} with experts is not a model llama.cpp converts", conv.m_folder.string(),
                         conv.m_hfArchitecture);
    const std::string a(arch->ggufArch);
    auto key = [&a](std::string_view k) { return a + "." + std::string(k); };

    auto weights = SafetensorsModel::open(conv.m_folder);
    if (!weights) {
        if (fs::is_regular_file(conv.m_folder / "pytorch_model.bin", ec) ||
            fs::is_regular_file(conv.m_folder / "pytorch_model.bin.index.json", ec))
            return makeError(
                "{}: only PyTorch .bin weights; convert them to safetensors first (they are pickles, which "
                "Quantforge does not load)",
                conv.m_folder.string());
        return weights.error();
    }
    conv.m_weights = std::move(*weights);
    const OutType outType = options.outType == OutType::Auto
                                ? autoOutType(conv.m_weights, &detail::isMultimodalTensorName)
                                : options.outType;
    conv.m_outType = outType;

    auto layers = requiredCount(*config, {"num_hidden_layers", "n_layers", "n_layer"}, configPath);
    auto embd = requiredCount(*config, {"hidden_size", "n_embd", "dim"}, configPath);
    auto heads = requiredCount(*config, {"num_attention_heads", "n_head", "n_heads"}, configPath);
    if (!layers) return layers.error();
    if (!embd) return embd.error();
    if (!heads) return heads.error();
    uint32_t headsKv = *heads;
    if (const auto* kv = findAny(*config, {"num_key_value_heads", "n_kv_heads"})) {
        if (!kv->asUInt() || *kv->asUInt() == 0 || *heads % *kv->asUInt())
            return makeError("{}: num_key_value_heads must divide num_attention_heads", configPath.string());
        headsKv = uint32_t(*kv->asUInt());
    }

    // Metadata in the order llama.cpp's converter writes it.
    gguf::Metadata& md = conv.m_metadata;
    md.set("general.architecture", gguf::Value::string(a));
    md.set("general.type", gguf::Value::string("model"));
    const std::string folderName = conv.m_folder.filename().string().empty()
                                       ? conv.m_folder.parent_path().filename().string()
                                       : conv.m_folder.filename().string();
    md.set("general.name", gguf::Value::string(options.modelName.empty() ? detail::idToTitle(folderName)
                                                                         : options.modelName));
    const auto parts = detail::splitModelName(folderName);
    if (!parts.finetune.empty()) md.set("general.finetune", gguf::Value::string(parts.finetune));
    if (!parts.basename.empty()) md.set("general.basename", gguf::Value::string(parts.basename));
    if (!parts.sizeLabel.empty()) md.set("general.size_label", gguf::Value::string(parts.sizeLabel));

    // Every size is checked before it is written: a value that does not fit, or that is not a number, is
    // refused rather than truncated or dropped (the model would be wrong, or refused later by us).
    auto context = optionalCount(*config, {"max_position_embeddings", "n_ctx", "n_positions", "max_length"},
                                 configPath, 1u << 30);
    auto feedForward = optionalCount(*config, {"intermediate_size", "n_inner", "hidden_dim"}, configPath, 1u << 24);
    auto headDimValue = optionalCount(*config, {"head_dim"}, configPath, 1u << 16);
    auto vocabSize = optionalCount(*config, {"vocab_size"}, configPath, 1u << 24);
    auto ropeTheta = optionalPositive(*config, {"rope_theta"}, configPath);
    auto rmsEps = optionalPositive(*config, {"rms_norm_eps", "norm_eps"}, configPath);
    auto normEps = optionalPositive(*config, {"layer_norm_eps", "layer_norm_epsilon", "norm_epsilon"}, configPath);
    for (const Status& s : {context ? Status() : Status(context.error()), feedForward ? Status() : Status(feedForward.error()),
                            headDimValue ? Status() : Status(headDimValue.error()),
                            vocabSize ? Status() : Status(vocabSize.error()), ropeTheta ? Status() : Status(ropeTheta.error()),
                            rmsEps ? Status() : Status(rmsEps.error()), normEps ? Status() : Status(normEps.error())})
        QF_TRY(s);
    if (*headDimValue && **headDimValue % 2 != 0)
        return makeError("{}: \"head_dim\" must be even (rotary pairs), not {}", configPath.string(), **headDimValue);
    if (!*headDimValue && *embd % *heads != 0)
        return makeError("{}: hidden_size {} does not divide into {} heads", configPath.string(), *embd, *heads);

    md.set(key("block_count"), gguf::Value::u32(*layers));
    if (*context) md.set(key("context_length"), gguf::Value::u32(**context));
    md.set(key("embedding_length"), gguf::Value::u32(*embd));
    if (*feedForward) md.set(key("feed_forward_length"), gguf::Value::u32(**feedForward));
    md.set(key("attention.head_count"), gguf::Value::u32(*heads));
    if (findAny(*config, {"num_key_value_heads", "n_kv_heads"}))
        md.set(key("attention.head_count_kv"), gguf::Value::u32(headsKv));
    if (*ropeTheta) md.set(key("rope.freq_base"), gguf::Value::f32(float(**ropeTheta)));
    auto localTheta = optionalPositive(
        *config, {"local_rope_theta", "rope_local_theta", "rope_theta_local", "swa_rope_theta", "rope_local_base_freq"},
        configPath);
    QF_TRY(localTheta ? Status() : Status(localTheta.error()));
    if (*localTheta) md.set(key("rope.freq_base_swa"), gguf::Value::f32(float(**localTheta)));
    if (*rmsEps) md.set(key("attention.layer_norm_rms_epsilon"), gguf::Value::f32(float(**rmsEps)));
    if (*normEps) md.set(key("attention.layer_norm_epsilon"), gguf::Value::f32(float(**normEps)));
    auto expertCount = optionalCount(*config, {"num_local_experts", "num_experts", "n_routed_experts"}, configPath, 1u << 16);
    auto expertsUsed = optionalCount(*config, {"num_experts_per_tok", "num_experts_per_token", "top_k_experts"},
                                     configPath, 1u << 16);
    auto expertFeedForward = optionalCount(*config, {"moe_intermediate_size"}, configPath, 1u << 24);
    QF_TRY(expertCount ? Status() : Status(expertCount.error()));
    QF_TRY(expertsUsed ? Status() : Status(expertsUsed.error()));
    QF_TRY(expertFeedForward ? Status() : Status(expertFeedForward.error()));
    if (*expertCount) md.set(key("expert_count"), gguf::Value::u32(**expertCount));
    if (*expertsUsed) md.set(key("expert_used_count"), gguf::Value::u32(**expertsUsed));
    for (const auto& [hf, gguf] : {std::pair{"n_group", "expert_group_count"}, {"topk_group", "expert_group_used_count"}})
        if (const auto* v = config->find(hf); v && !v->isNull()) {
            if (!v->asUInt() || *v->asUInt() > (1u << 16))
                return makeError("{}: \"{}\" is not a count", configPath.string(), hf);
            md.set(key(gguf), gguf::Value::u32(uint32_t(*v->asUInt())));
        }
    if (const auto* f = findAny(*config, {"score_function", "scoring_func", "score_func", "moe_router_activation",
                                          "moe_router_activation_func", "expert_selection_fn"})) {
        const std::string func = f->asString() ? *f->asString() : std::string();
        if (func != "softmax" && func != "sigmoid")
            return makeError("{}: expert scoring function \"{}\" is not supported", configPath.string(), func);
        md.set(key("expert_gating_func"), gguf::Value::u32(func == "softmax" ? 1 : 2));
    }
    uint32_t headDim = *embd / *heads;
    if (*headDimValue) {
        headDim = **headDimValue;
        md.set(key("attention.key_length"), gguf::Value::u32(headDim));
        md.set(key("attention.value_length"), gguf::Value::u32(headDim));
    }
    // MXFP4 experts kept as they are make the file MOSTLY_MXFP4_MOE (38), as the converter says.
    const JsonValue* quantConfig = config->find("quantization_config");
    const JsonValue* quantMethod = quantConfig && quantConfig->isObject() ? quantConfig->find("quant_method") : nullptr;
    const bool mxfp4 = quantMethod && quantMethod->asString() && *quantMethod->asString() == "mxfp4";
    md.set("general.file_type", gguf::Value::u32(mxfp4 ? 38 : fileTypeId(outType)));
    if (arch->expertFeedForwardKey && *expertFeedForward)
        md.set(key("expert_feed_forward_length"), gguf::Value::u32(**expertFeedForward));
    if (arch->llamaKeys) {
        if (*vocabSize) md.set(key("vocab_size"), gguf::Value::u32(**vocabSize));
        md.set(key("rope.dimension_count"), gguf::Value::u32(headDim));
    }
    std::vector<detail::GeneratedTensor> generated;
    QF_TRY(detail::addArchitectureParameters(*arch, *config, md, *embd, *heads, generated));
    // Phi3MiniModel writes its own rope keys only (its set_gguf_parameters does not call TextModel's).
    if (arch->parameters != detail::HfParameters::Phi3)
        QF_TRY(detail::addRopeScaling(*config, a, headDim, configPath, md, generated));
    QF_TRY(detail::addSentencePieceVocab(md, conv.m_folder, *config));
    if (arch->noSpacePrefix) md.set("tokenizer.ggml.add_space_prefix", gguf::Value::boolean(false));
    if (arch->llamaKeys && !md.find("tokenizer.ggml.add_space_prefix")) {
        // LlamaModel.set_vocab writes tokenizer_config.json's add_prefix_space for every vocabulary kind.
        if (auto tokenizerConfig = readJsonFile(conv.m_folder / "tokenizer_config.json"))
            if (const auto* p = tokenizerConfig->find("add_prefix_space"); p && p->asBool())
                md.set("tokenizer.ggml.add_space_prefix", gguf::Value::boolean(*p->asBool()));
    }
    md.set("general.quantization_version", gguf::Value::u32(2));

    // Generated tensors come first (generate_extra_tensors), then the safetensors in file order (shards
    // sorted by name), as llama.cpp reads them.
    for (auto& g : generated) {
        gguf::TensorSpec spec;
        spec.name = g.name;
        spec.shape = {g.values.size()};
        spec.type = GgmlType::F32;
        conv.m_specs.push_back(std::move(spec));
        Source source;
        source.generated = conv.m_generated.size();
        conv.m_sources.push_back(source);
        conv.m_generated.push_back(std::move(g.values));
    }
    // Gemma 3: the embedding's rows past the vocabulary are dropped (_create_vocab_sentencepiece's token
    // count, or tokenizer.json's vocabulary plus added tokens).
    uint64_t vocabRows = 0;
    if (arch->trimEmbeddingToVocab) {
        std::error_code ec;
        if (fs::is_regular_file(conv.m_folder / "tokenizer.model", ec)) {
            const gguf::Value* tokens = md.find("tokenizer.ggml.tokens");
            const auto* list = tokens ? std::get_if<gguf::Array>(&tokens->data) : nullptr;
            if (!list) return makeError("{}: the vocabulary has no tokens", conv.m_folder.string());
            vocabRows = list->size();
        } else {
            auto tokenizer = readJsonFile(conv.m_folder / "tokenizer.json");
            if (!tokenizer) return tokenizer.error();
            const JsonValue* model = tokenizer->find("model");
            const JsonValue* vocab = model ? model->find("vocab") : nullptr;
            const JsonValue* added = tokenizer->find("added_tokens");
            if (!vocab || !vocab->asObject() || !added || !added->asArray())
                return makeError("{}: tokenizer.json has no model.vocab or added_tokens", conv.m_folder.string());
            vocabRows = vocab->asObject()->size() + added->asArray()->size();
        }
    }
    const auto& all = conv.m_weights.tensors();
    QF_TRY(conv.pairFp8Scales(*config));
    // Experts arrive one 2-D tensor each; they become one 3-D tensor per layer and part, at the place of
    // the first one (llama.cpp's converter stacks them with torch.stack in expert order).
    std::map<std::string, size_t> stacks;                                 // GGUF name -> index in m_specs
    std::map<size_t, std::vector<std::pair<uint32_t, size_t>>> stacked; // index -> (expert, weight)
    for (size_t i = 0; i < all.size(); ++i) {
        const SafetensorInfo& st = all[i];
        if (conv.isQuantizationSideTensor(i)) continue;
        if (arch->latentAttention) {
            unsigned index = 0;
            if (std::sscanf(st.name.c_str(), "model.layers.%u.", &index) == 1 && index >= *layers)
                continue; // multi-token prediction layers, which llama.cpp's converter drops
            if (st.name.ends_with("self_attn.kv_b_proj.weight")) {
                QF_TRY(conv.addSplitKvB(i, outType, headsKv, *config));
                continue;
            }
        }
        if (arch->fusedExperts) {
            auto fused = conv.addFusedExperts(i, outType);
            if (!fused) return fused.error();
            if (*fused) continue;
        }
        const auto mapped = detail::mapTensorName(st.name, *arch);
        if (!mapped)
            return makeError("{}: tensor \"{}\" is not part of a {} model; cannot map it",
                             conv.m_folder.string(), st.name, conv.m_hfArchitecture);
        if (mapped->skip || (arch->skipLmHead && st.name == "lm_head.weight")) continue;
        const bool fp8 = !conv.m_scaleOf.empty() && conv.m_scaleOf[i] != SIZE_MAX;
        if (!isFloatDtype(st.dtype) && !fp8)
            return makeError(
                "{}: tensor \"{}\" has dtype {}; only F32, F16 and BF16 weights can be converted",
                conv.m_folder.string(), st.name, stDtypeName(st.dtype));
        if (st.shape.empty() || st.shape.size() > gguf::kMaxDims - (mapped->expert ? 1 : 0))
            return makeError("{}: tensor \"{}\" has {} dimensions", conv.m_folder.string(), st.name,
                             st.shape.size());
        if (mapped->expert) {
            if (!arch->experts)
                return makeError("{}: tensor \"{}\" is an expert, but {} has none", conv.m_folder.string(),
                                 st.name, conv.m_hfArchitecture);
            auto [it, fresh] = stacks.try_emplace(mapped->name, conv.m_specs.size());
            if (fresh) {
                gguf::TensorSpec spec;
                spec.name = mapped->name;
                conv.m_specs.push_back(std::move(spec));
                conv.m_sources.push_back({});
            }
            stacked[it->second].emplace_back(*mapped->expert, i);
            continue;
        }
        Source source;
        source.weights = {i};
        if (vocabRows && st.name.ends_with("embed_tokens.weight") && st.shape.size() == 2 && st.shape[0] > vocabRows)
            source.keepRows = vocabRows;
        if (arch->normShift != 0.0f && st.name.ends_with("norm.weight")) source.addend = arch->normShift;
        if (arch->permuteQk) {
            if (st.name.ends_with("q_proj.weight") || st.name.ends_with("q_proj.bias"))
                source.permuteHeads = *heads;
            if (st.name.ends_with("k_proj.weight") || st.name.ends_with("k_proj.bias"))
                source.permuteHeads = headsKv;
        }
        if (source.permuteHeads && st.shape[0] % (2ull * source.permuteHeads))
            return makeError("{}: tensor \"{}\" has {} rows, not a multiple of 2 x {} heads",
                             conv.m_folder.string(), st.name, st.shape[0], source.permuteHeads);
        gguf::TensorSpec spec;
        spec.name = mapped->name;
        spec.shape.assign(st.shape.rbegin(), st.shape.rend());
        if (source.keepRows) spec.shape.back() = source.keepRows;
        spec.type = ggufType(outType, spec.name, st.shape.size());
        for (const auto& other : conv.m_specs)
            if (other.name == spec.name)
                return makeError("{}: two tensors map to {}", conv.m_folder.string(), spec.name);
        conv.m_specs.push_back(std::move(spec));
        conv.m_sources.push_back(source);
    }
    for (auto& [index, members] : stacked) {
        gguf::TensorSpec& spec = conv.m_specs[index];
        std::sort(members.begin(), members.end());
        const SafetensorInfo& first = all[members.front().second];
        for (size_t e = 0; e < members.size(); ++e) {
            const SafetensorInfo& st = all[members[e].second];
            if (members[e].first != e)
                return makeError("{}: {} lacks expert {} (or has it twice)", conv.m_folder.string(), spec.name, e);
            if (st.shape != first.shape || st.dtype != first.dtype)
                return makeError("{}: expert {} of {} has another shape or dtype than expert 0", conv.m_folder.string(),
                                 e, spec.name);
            conv.m_sources[index].weights.push_back(members[e].second);
        }
        if (*expertCount && members.size() != **expertCount)
            return makeError("{}: {} has {} experts, but the config says {}", conv.m_folder.string(), spec.name,
                             members.size(), **expertCount);
        spec.shape.assign(first.shape.rbegin(), first.shape.rend());
        spec.shape.push_back(members.size());
        spec.type = ggufType(outType, spec.name, spec.shape.size());
    }
    if (conv.m_specs.empty()) return makeError("{}: no weights to convert", conv.m_folder.string());
    // The config's sizes against the weights: a config that disagrees gives a model that is wrong (fewer
    // layers) or that no runtime loads.
    uint32_t layersPresent = 0;
    for (const auto& spec : conv.m_specs) {
        unsigned index = 0;
        if (std::sscanf(spec.name.c_str(), "blk.%u.", &index) == 1 && index < (1u << 24))
            layersPresent = std::max(layersPresent, index + 1);
        if (spec.name == "blk.0.attn_q.weight" && spec.shape.size() == 2 && spec.shape[1] != uint64_t(*heads) * headDim)
            return makeError("{}: {} heads of {} make {} query rows, but the weights have {}", configPath.string(),
                             *heads, headDim, uint64_t(*heads) * headDim, spec.shape[1]);
    }
    if (layersPresent != *layers)
        return makeError("{}: num_hidden_layers is {} but the weights hold {} layers", configPath.string(), *layers,
                         layersPresent);
    return conv;
}

Status HfConversion::pairFp8Scales(const JsonValue& config) {
    const auto& all = m_weights.tensors();
    const JsonValue* quant = config.find("quantization_config");
    if (!quant || !quant->isObject()) {
        for (const auto& t : all)
            if (t.dtype == StDtype::F8E4M3 || t.dtype == StDtype::F8E5M2)
                return makeError("{}: tensor \"{}\" is FP8 but config.json has no quantization_config",
                                 m_folder.string(), t.name);
        return {};
    }
    const JsonValue* method = quant->find("quant_method");
    const std::string name = method && method->asString() ? *method->asString() : std::string();
    if (name == "mxfp4") {
        m_mxfp4 = true; // gpt-oss's expert blocks, read by addFusedExperts
        return {};
    }
    if (name != "fp8")
        return makeError("{}: quantized checkpoints of method \"{}\" are not supported (FP8 block-scaled ones are); "
                         "convert the unquantized (BF16) release instead",
                         m_folder.string(), name);
    if (const JsonValue* block = quant->find("weight_block_size"); block && !block->isNull()) {
        const auto* items = block->asArray();
        if (!items || items->size() != 2 || !(*items)[0].asUInt() || !(*items)[1].asUInt() ||
            *(*items)[0].asUInt() == 0 || *(*items)[1].asUInt() == 0)
            return makeError("{}: quantization_config.weight_block_size must be two positive counts",
                             m_folder.string());
        m_blockRows = *(*items)[0].asUInt();
        m_blockCols = *(*items)[1].asUInt();
    }
    m_scaleOf.assign(all.size(), SIZE_MAX);
    for (size_t i = 0; i < all.size(); ++i) {
        const SafetensorInfo& scale = all[i];
        if (!scale.name.ends_with("_scale_inv")) continue;
        const std::string weightName = scale.name.substr(0, scale.name.size() - std::string_view("_scale_inv").size());
        const SafetensorInfo* weight = m_weights.find(weightName);
        if (!weight) return makeError("{}: \"{}\" scales no tensor", m_folder.string(), scale.name);
        if (weight->dtype != StDtype::F8E4M3 || weight->shape.size() != 2 || !isFloatDtype(scale.dtype))
            return makeError("{}: \"{}\" must be a 2-D F8_E4M3 weight with a float scale", m_folder.string(),
                             weightName);
        const bool blocked = m_blockRows && m_blockCols;
        const std::vector<uint64_t> expected =
            blocked ? std::vector<uint64_t>{(weight->shape[0] + m_blockRows - 1) / m_blockRows,
                                            (weight->shape[1] + m_blockCols - 1) / m_blockCols}
                    : std::vector<uint64_t>{};
        if (blocked ? scale.shape != expected : scale.elementCount() != 1)
            return makeError("{}: \"{}\" has the wrong shape for {}x{} blocks of {}", m_folder.string(), scale.name,
                             m_blockRows, m_blockCols, weightName);
        m_scaleOf[size_t(weight - all.data())] = i;
    }
    for (size_t i = 0; i < all.size(); ++i)
        if ((all[i].dtype == StDtype::F8E4M3 || all[i].dtype == StDtype::F8E5M2) && m_scaleOf[i] == SIZE_MAX)
            return makeError("{}: FP8 tensor \"{}\" has no weight_scale_inv", m_folder.string(), all[i].name);
    return {};
}

bool HfConversion::isQuantizationSideTensor(size_t weight) const {
    if (m_scaleOf.empty()) return false;
    const std::string& name = m_weights.tensors()[weight].name;
    // Activation scales are unused by the converter; weight scales are read with their weight.
    return name.ends_with("_scale_inv") || name.ends_with(".activation_scale") ||
           name.ends_with("_activation_scale");
}

uint64_t HfConversion::tensorByteSize(size_t index) const {
    const auto& spec = m_specs[index];
    uint64_t n = 1;
    for (uint64_t d : spec.shape)
        n *= d;
    if (spec.type == GgmlType::MXFP4) return ggmlRowBytes(spec.type, n);
    return n * (spec.type == GgmlType::F32 ? 4 : 2);
}

Status HfConversion::tensorData(size_t index, std::span<uint8_t> out) const {
    if (index >= m_specs.size()) return makeError("tensor index {} out of range", index);
    const auto& spec = m_specs[index];
    const Source& source = m_sources[index];
    if (out.size() != tensorByteSize(index))
        return makeError("{}: output buffer of {} bytes, expected {}", spec.name, out.size(),
                         tensorByteSize(index));
    if (source.weights.empty()) {
        std::memcpy(out.data(), m_generated[source.generated].data(), out.size());
        return {};
    }
    if (source.mxfp4) return repackMxfp4(source, out);
    if (source.rows) return convertStrided(source, spec, out);
    uint64_t offset = 0;
    for (size_t weight : source.weights) {
        SafetensorInfo st = m_weights.tensors()[weight];
        std::span<const uint8_t> in = m_weights.data(st);
        if (source.keepRows) { // the leading rows only: a prefix of the row-major source
            const uint64_t rowLength = st.elementCount() / st.shape[0];
            st.shape[0] = source.keepRows;
            in = in.first(size_t(source.keepRows * rowLength * stDtypeSize(st.dtype)));
        }
        const uint64_t bytes = st.elementCount() * (spec.type == GgmlType::F32 ? 4 : 2);
        if (offset + bytes > out.size()) return makeError("{}: the source is larger than the tensor", spec.name);
        BlockScales scales;
        const bool fp8 = weight < m_scaleOf.size() && m_scaleOf[weight] != SIZE_MAX;
        if (fp8) {
            scales.info = &m_weights.tensors()[m_scaleOf[weight]];
            scales.bytes = m_weights.data(*scales.info);
            scales.blockRows = m_blockRows;
            scales.blockCols = m_blockCols;
        }
        convertRows(st, in, source.permuteHeads, source.addend, spec.type, out.subspan(offset, bytes),
                    fp8 ? &scales : nullptr);
        offset += bytes;
    }
    if (offset != out.size()) return makeError("{}: the source is smaller than the tensor", spec.name);
    return {};
}

void HfConversion::releaseTensor(size_t index) const {
    for (size_t weight : m_sources[index].weights) {
        m_weights.release(m_weights.tensors()[weight]);
        if (weight < m_scaleOf.size() && m_scaleOf[weight] != SIZE_MAX)
            m_weights.release(m_weights.tensors()[m_scaleOf[weight]]);
    }
}

uint64_t HfConversion::rowGranularity(size_t index) const {
    if (index >= m_sources.size()) return 0;
    const Source& source = m_sources[index];
    if (source.weights.size() != 1 || source.mxfp4 || source.rows) return 0;
    const size_t weight = source.weights.front();
    if (weight < m_scaleOf.size() && m_scaleOf[weight] != SIZE_MAX) return 0; // FP8: block scales by row
    const SafetensorInfo& st = m_weights.tensors()[weight];
    const auto& shape = m_specs[index].shape; // GGUF order: row length first
    if (st.shape.size() != 2 || shape.size() != 2 || shape[1] != st.shape[0] || shape[0] != st.shape[1]) return 0;
    if (!source.permuteHeads) return 1;
    return st.shape[0] % source.permuteHeads == 0 ? st.shape[0] / source.permuteHeads : 0;
}

Status HfConversion::tensorRows(size_t index, uint64_t firstRow, uint64_t rowCount, std::span<uint8_t> out) const {
    const uint64_t granularity = rowGranularity(index);
    if (granularity == 0) return makeError("internal error: tensor {} cannot be read by rows", index);
    const Source& source = m_sources[index];
    const SafetensorInfo& st = m_weights.tensors()[source.weights.front()];
    const auto& spec = m_specs[index];
    const uint64_t rows = st.shape[0], rowLength = st.shape[1];
    if (firstRow % granularity || rowCount % granularity || firstRow > rows || rowCount > rows - firstRow)
        return makeError("internal error: rows {}..{} of {} ({} rows, slabs of {})", firstRow, firstRow + rowCount,
                         spec.name, rows, granularity);
    const uint64_t outSize = spec.type == GgmlType::F32 ? 4 : 2;
    if (out.size() != rowCount * rowLength * outSize)
        return makeError("{}: output buffer of {} bytes, expected {}", spec.name, out.size(),
                         rowCount * rowLength * outSize);
    // The slab as a tensor of its own: whole rotary heads, so the permutation stays within it.
    SafetensorInfo slab = st;
    slab.shape = {rowCount, rowLength};
    const uint64_t inRow = rowLength * stDtypeSize(st.dtype);
    const auto in = m_weights.data(st).subspan(firstRow * inRow, rowCount * inRow);
    convertRows(slab, in, source.permuteHeads ? uint32_t(rowCount / granularity) : 0, source.addend, spec.type, out);
    return {};
}

void HfConversion::releaseRows(size_t index, uint64_t firstRow, uint64_t rowCount) const {
    if (rowGranularity(index) == 0) return;
    const SafetensorInfo& st = m_weights.tensors()[m_sources[index].weights.front()];
    const uint64_t inRow = st.shape[1] * stDtypeSize(st.dtype);
    m_weights.release(st, firstRow * inRow, rowCount * inRow);
}

uint64_t HfConversion::sourceByteSize(size_t index) const {
    if (m_sources[index].weights.empty()) return tensorByteSize(index);
    uint64_t bytes = 0;
    for (size_t weight : m_sources[index].weights) {
        bytes += m_weights.tensors()[weight].byteSize();
        if (weight < m_scaleOf.size() && m_scaleOf[weight] != SIZE_MAX)
            bytes += m_weights.tensors()[m_scaleOf[weight]].byteSize();
    }
    return bytes;
}

std::vector<fs::path> HfConversion::inputPaths() const {
    std::vector<fs::path> paths = m_weights.shardPaths();
    std::error_code ec;
    for (fs::directory_iterator it(m_folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) paths.push_back(it->path());
    return paths;
}

Status HfConversion::write(const fs::path& output, const ProgressFn& progress, std::stop_token stop,
                           bool overwrite) const {
    gguf::WriteParams params;
    params.output = output;
    params.metadata = m_metadata;
    params.tensors = m_specs;
    params.protectedInputs = inputPaths();
    params.overwrite = overwrite;
    uint64_t total = 0;
    for (size_t i = 0; i < m_sources.size(); ++i)
        total += sourceByteSize(i);
    uint64_t done = 0;
    auto data = [&](size_t index, std::span<uint8_t> out) -> Status {
        if (stop.stop_requested()) return cancelledError();
        if (progress) progress({"converting " + m_specs[index].name, done, total, "bytes"});
        QF_TRY(tensorData(index, out));
        releaseTensor(index);
        done += sourceByteSize(index);
        return {};
    };
    QF_TRY(gguf::writeGguf(params, data, {}, stop));
    if (progress) progress({"done", total, total, "bytes"});
    return {};
}

} // namespace qf::hf
