#include "qf/hf/lora_adapter.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "hf/hf_arch.h"
#include "hf/hf_float.h"
#include "hf/hf_vocab.h"
#include "qf/json_reader.h"

namespace qf::hf {
namespace fs = std::filesystem;
namespace {

using detail::loadFloat;
using detail::storeFloat;

// convert_lora_to_gguf.py's get_base_tensor_name.
std::string baseTensorName(std::string name) {
    name = detail::replaceAll(std::move(name), "base_model.model.", "");
    name = detail::replaceAll(std::move(name), ".lora_A.weight", ".weight");
    name = detail::replaceAll(std::move(name), ".lora_B.weight", ".weight");
    name = detail::replaceAll(std::move(name), ".lora_embedding_A", ".weight");
    name = detail::replaceAll(std::move(name), ".lora_embedding_B", ".weight");
    return name;
}

std::string lowered(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Signs that the adapter was trained on a 4-bit (bitsandbytes) base: QLoRA.
std::string qloraEvidence(const JsonValue& adapterConfig, const JsonValue* baseConfig) {
    for (const char* key : {"load_in_4bit", "bnb_4bit_quant_type", "bnb_4bit_compute_dtype", "quantization_config"})
        if (const JsonValue* v = adapterConfig.find(key); v && !v->isNull() && v->asBool() != std::optional(false))
            return fmt::format("adapter_config.json has \"{}\"", key);
    if (const JsonValue* name = adapterConfig.find("base_model_name_or_path"); name && name->asString()) {
        const std::string n = lowered(*name->asString());
        for (const char* marker : {"bnb-4bit", "bnb_4bit", "4bit", "qlora"})
            if (n.find(marker) != std::string::npos)
                return fmt::format("its base model is \"{}\"", *name->asString());
    }
    if (baseConfig) {
        if (const JsonValue* q = baseConfig->find("quantization_config"); q && q->isObject()) {
            const JsonValue* method = q->find("quant_method");
            const JsonValue* four = q->find("load_in_4bit");
            if ((four && four->asBool() == std::optional(true)) ||
                (method && method->asString() && *method->asString() == "bitsandbytes" &&
                 !(q->find("load_in_8bit") && q->find("load_in_8bit")->asBool() == std::optional(true))))
                return "the base model's config.json has a 4-bit bitsandbytes quantization_config";
        }
    }
    return {};
}

} // namespace

bool isLoraAdapterFolder(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(hfFolderOf(path) / "adapter_config.json", ec);
}

fs::path defaultAdapterPath(const fs::path& folder, OutType type) {
    fs::path clean = folder;
    if (!clean.has_filename()) clean = clean.parent_path();
    return clean.parent_path() / fmt::format("{}-lora-{}.gguf", clean.filename().string(), outTypeName(type));
}

Result<LoraAdapter> LoraAdapter::open(const fs::path& path, const LoraOptions& options) {
    LoraAdapter lora;
    lora.m_folder = hfFolderOf(path);
    std::error_code ec;
    const fs::path configPath = lora.m_folder / "adapter_config.json";
    if (!fs::is_regular_file(configPath, ec))
        return makeError("{}: no adapter_config.json: not a PEFT LoRA adapter folder", lora.m_folder.string());
    auto config = readJsonFile(configPath);
    if (!config) return config.error();
    if (!config->isObject()) return makeError("{}: not a JSON object", configPath.string());
    if (const JsonValue* type = config->find("peft_type"); type && type->asString() && *type->asString() != "LORA")
        return makeError("{}: a {} adapter; only LoRA adapters convert to GGUF", configPath.string(),
                         *type->asString());
    const JsonValue* alpha = config->find("lora_alpha");
    if (!alpha || !alpha->asDouble())
        return makeError("{}: no numeric \"lora_alpha\"", configPath.string());
    lora.m_alpha = float(*alpha->asDouble());
    if (const JsonValue* r = config->find("r"); r && r->asUInt()) lora.m_rank = uint32_t(*r->asUInt());

    // The base model's config: where the architecture and head counts come from.
    lora.m_base = options.base;
    if (lora.m_base.empty()) {
        if (const JsonValue* b = config->find("base_model_name_or_path"); b && b->asString()) {
            fs::path candidate(*b->asString());
            if (candidate.is_relative()) candidate = lora.m_folder / candidate;
            if (fs::is_regular_file(candidate / "config.json", ec)) lora.m_base = candidate;
        }
    }
    if (lora.m_base.empty() || !fs::is_regular_file(lora.m_base / "config.json", ec))
        return makeError(ErrorKind::NeedsBaseFolder,
                         "{}: the base model's folder (its config.json) is needed to convert the adapter; pass it "
                         "with --base (only config.json is read, not its weights)",
                         lora.m_folder.string());
    auto baseConfig = readJsonFile(lora.m_base / "config.json");
    if (!baseConfig) return baseConfig.error();
    lora.m_qloraEvidence = qloraEvidence(*config, &*baseConfig);
    const auto* archs = baseConfig->find("architectures");
    if (!archs || !archs->asArray() || archs->asArray()->empty() || !(*archs->asArray())[0].asString())
        return makeError("{}: no \"architectures\" entry", (lora.m_base / "config.json").string());
    const std::string hfClass = *(*archs->asArray())[0].asString();
    const detail::HfArchitecture* arch = detail::findHfArchitecture(hfClass);
    if (!arch)
        return makeError("{}: architecture {} is not supported yet (supported: {})", lora.m_base.string(), hfClass,
                         detail::supportedHfArchitectures());
    uint32_t heads = 0, headsKv = 0;
    if (const JsonValue* h = baseConfig->find("num_attention_heads"); h && h->asUInt()) heads = uint32_t(*h->asUInt());
    headsKv = heads;
    if (const JsonValue* h = baseConfig->find("num_key_value_heads"); h && h->asUInt()) headsKv = uint32_t(*h->asUInt());
    if (arch->permuteQk && (heads == 0 || headsKv == 0))
        return makeError("{}: num_attention_heads is missing", (lora.m_base / "config.json").string());

    const fs::path weightsPath = lora.m_folder / "adapter_model.safetensors";
    if (!fs::is_regular_file(weightsPath, ec)) {
        if (fs::is_regular_file(lora.m_folder / "adapter_model.bin", ec))
            return makeError("{}: only adapter_model.bin (a PyTorch pickle, which Quantforge does not load); save the "
                             "adapter as safetensors (PEFT's save_pretrained(safe_serialization=True))",
                             lora.m_folder.string());
        return makeError("{}: no adapter_model.safetensors", lora.m_folder.string());
    }
    auto weights = SafetensorsModel::open(weightsPath);
    if (!weights) return weights.error();
    lora.m_weights = std::move(*weights);
    // --outtype auto as convert_lora_to_gguf.py decides it: its tensors but the base weights it passes over.
    lora.m_outType = options.outType != OutType::Auto
                         ? options.outType
                         : autoOutType(lora.m_weights, [](std::string_view name) {
                               return name.find(".base_layer.weight") != std::string_view::npos;
                           });

    // The converter reads the tensors in sorted name order (safetensors' load_file) and pairs A with B.
    std::vector<size_t> order(lora.m_weights.tensors().size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto& all = lora.m_weights.tensors();
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return all[a].name < all[b].name; });
    struct Pair {
        std::string ggufName;
        std::optional<size_t> a, b;
        uint32_t permuteHeads = 0;
    };
    std::vector<Pair> pairs;
    std::map<std::string, size_t> byBase;
    for (size_t i : order) {
        const SafetensorInfo& st = all[i];
        const bool isA = st.name.find(".lora_A.weight") != std::string::npos ||
                         st.name.find(".lora_embedding_A") != std::string::npos;
        const bool isB = st.name.find(".lora_B.weight") != std::string::npos ||
                         st.name.find(".lora_embedding_B") != std::string::npos;
        if (!isA && !isB) {
            if (st.name.find(".base_layer.weight") != std::string::npos) continue;
            if (st.name.find(".embed_tokens.weight") != std::string::npos ||
                st.name.find(".lm_head.weight") != std::string::npos)
                return makeError("{}: tensor \"{}\" is a full embedding, not a LoRA pair (tokens added during "
                                 "fine-tuning?); llama.cpp's adapters cannot carry it",
                                 weightsPath.string(), st.name);
            return makeError("{}: unexpected tensor \"{}\": not a lora_A or lora_B weight", weightsPath.string(),
                             st.name);
        }
        if (!isFloatDtype(st.dtype) || st.shape.size() != 2)
            return makeError("{}: tensor \"{}\" is not a 2-D F32/F16/BF16 matrix", weightsPath.string(), st.name);
        const std::string base = baseTensorName(st.name);
        auto mapped = detail::mapTensorName(base, *arch);
        if (!mapped || mapped->skip)
            return makeError("{}: tensor \"{}\" adapts {}, which has no GGUF name for {}", weightsPath.string(),
                             st.name, base, hfClass);
        if (mapped->expert)
            return makeError("{}: tensor \"{}\" adapts one expert of a mixture; such adapters are not supported",
                             weightsPath.string(), st.name);
        auto [it, fresh] = byBase.try_emplace(base, pairs.size());
        if (fresh) {
            Pair p;
            p.ggufName = mapped->name;
            if (arch->permuteQk) {
                if (base.ends_with("q_proj.weight")) p.permuteHeads = heads;
                if (base.ends_with("k_proj.weight")) p.permuteHeads = headsKv;
            }
            pairs.push_back(std::move(p));
        }
        Pair& p = pairs[it->second];
        (isA ? p.a : p.b) = i;
    }
    if (pairs.empty()) return makeError("{}: holds no LoRA tensors", weightsPath.string());

    for (const Pair& p : pairs) {
        if (!p.a || !p.b)
            return makeError("{}: {} has a lora_{} matrix but no lora_{}", weightsPath.string(), p.ggufName,
                             p.a ? "A" : "B", p.a ? "B" : "A");
        const SafetensorInfo& a = all[*p.a];
        const SafetensorInfo& b = all[*p.b];
        if (a.shape[0] != b.shape[1])
            return makeError("{}: the ranks of {} disagree (lora_A has {} rows, lora_B {} columns)",
                             weightsPath.string(), p.ggufName, a.shape[0], b.shape[1]);
        if (p.permuteHeads && b.shape[0] % (2ull * p.permuteHeads))
            return makeError("{}: {}'s lora_B has {} rows, not a multiple of 2 x {} heads", weightsPath.string(),
                             p.ggufName, b.shape[0], p.permuteHeads);
        const bool embd = p.ggufName == "token_embd.weight";
        auto type = [&](size_t dims) {
            if (dims <= 1 || lora.m_outType == OutType::F32) return GgmlType::F32;
            return lora.m_outType == OutType::F16 ? GgmlType::F16 : GgmlType::BF16;
        };
        gguf::TensorSpec sa{p.ggufName + ".lora_a", {}, type(2)};
        sa.shape = embd ? std::vector<uint64_t>{a.shape[0], a.shape[1]} : std::vector<uint64_t>{a.shape[1], a.shape[0]};
        gguf::TensorSpec sb{p.ggufName + ".lora_b", {b.shape[1], b.shape[0]}, type(2)};
        lora.m_specs.push_back(std::move(sa));
        lora.m_sources.push_back({*p.a, 0, embd});
        lora.m_specs.push_back(std::move(sb));
        lora.m_sources.push_back({*p.b, p.permuteHeads, false});
    }

    gguf::Metadata& md = lora.m_metadata;
    md.set("general.architecture", gguf::Value::string(std::string(arch->ggufArch)));
    md.set("general.type", gguf::Value::string("adapter"));
    md.set("adapter.type", gguf::Value::string("lora"));
    // The model card's name, from the adapter folder's name as the converter derives it.
    const std::string folderName = lora.m_folder.has_filename() ? lora.m_folder.filename().string()
                                                                : lora.m_folder.parent_path().filename().string();
    md.set("general.name", gguf::Value::string(detail::idToTitle(folderName)));
    md.set("adapter.lora.alpha", gguf::Value::f32(lora.m_alpha));
    // Metadata in the order convert_lora_to_gguf.py writes it; it writes no general.file_type.
    md.set("general.quantization_version", gguf::Value::u32(2));
    return lora;
}

Status LoraAdapter::tensorData(size_t index, std::span<uint8_t> out) const {
    const Source& src = m_sources[index];
    const gguf::TensorSpec& spec = m_specs[index];
    const SafetensorInfo& st = m_weights.tensors()[src.weight];
    const auto in = m_weights.data(st);
    const uint64_t rows = st.shape[0], cols = st.shape[1];
    const uint32_t inSize = stDtypeSize(st.dtype), outSize = spec.type == GgmlType::F32 ? 4 : 2;
    if (out.size() != rows * cols * outSize || in.size() != rows * cols * inSize)
        return makeError("{}: tensor {} has an unexpected size", m_folder.string(), spec.name);
    const uint64_t headRows = src.permuteHeads ? rows / src.permuteHeads : rows, half = headRows / 2;
    for (uint64_t r = 0; r < rows; ++r) {
        uint64_t from = r;
        if (src.permuteHeads) {
            const uint64_t head = r / headRows, within = r % headRows;
            from = head * headRows + (within % 2) * half + within / 2;
        }
        for (uint64_t c = 0; c < cols; ++c) {
            const float v = loadFloat(st.dtype, in.data() + (from * cols + c) * inSize);
            const uint64_t at = src.transpose ? c * rows + r : r * cols + c;
            storeFloat(spec.type, v, out.data() + at * outSize);
        }
    }
    return {};
}

Status LoraAdapter::write(const fs::path& output, const ProgressFn& progress, std::stop_token stop,
                          bool overwrite) const {
    gguf::WriteParams params;
    params.output = output;
    params.metadata = m_metadata;
    params.tensors = m_specs;
    params.protectedInputs = {m_folder / "adapter_model.safetensors", m_folder / "adapter_config.json"};
    params.overwrite = overwrite;
    auto data = [&](size_t index, std::span<uint8_t> out) -> Status {
        if (stop.stop_requested()) return cancelledError();
        if (progress) progress({"converting " + m_specs[index].name, index, m_specs.size(), "tensors"});
        return tensorData(index, out);
    };
    return gguf::writeGguf(params, data, {}, stop);
}

Status checkMergeAllowed(const LoraAdapter& adapter, bool baseIsQuantized, bool dequantize) {
    return checkMergeAllowed(adapter.folder().string(), adapter.quantizedBaseEvidence(), baseIsQuantized, dequantize);
}

Status checkMergeAllowed(const std::string& adapterName, const std::string& quantizedBaseEvidence,
                         bool baseIsQuantized, bool dequantize) {
    if (quantizedBaseEvidence.empty() || !baseIsQuantized || dequantize) return {};
    return makeError(
        ErrorKind::NeedsDequantize,
        "{} was trained with QLoRA on a 4-bit base ({}); merging it into a quantized model would add its "
        "low-rank update to weights it never saw and compound two roundings. Either merge it into the F16 base "
        "first (--dequantize: the base is widened to F16, the adapter merged, then quantized once), or ship the "
        "base and the adapter side by side (convert the adapter to GGUF; Ollama: FROM base + ADAPTER "
        "adapter.gguf; llama.cpp: --lora).",
        adapterName, quantizedBaseEvidence);
}

} // namespace qf::hf
