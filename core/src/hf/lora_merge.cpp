#include "qf/hf/lora_merge.h"

#include <map>

#include <fmt/format.h>

#include "hf/hf_float.h"
#include "qf/gguf/gguf_file.h"
#include "qf/hf/lora_adapter.h"
#include "qf/json_reader.h"
#include "qf/quant/kernels.h"
#include "qf/quant/preset.h"

namespace qf::hf {
namespace fs = std::filesystem;
namespace {

uint64_t elementsOfShape(const std::vector<uint64_t>& shape) {
    uint64_t n = 1;
    for (uint64_t d : shape) n *= d;
    return n;
}

bool isPlainFloat(GgmlType type) {
    return type == GgmlType::F32 || type == GgmlType::F16 || type == GgmlType::BF16;
}

constexpr std::string_view kLoraA = ".lora_a", kLoraB = ".lora_b";

Result<LoraUpdates> updatesFromPeft(const fs::path& folder, const fs::path& baseFolder) {
    LoraOptions options;
    options.outType = OutType::F32;
    options.base = baseFolder;
    auto adapter = LoraAdapter::open(folder, options);
    if (!adapter) return adapter.error();
    LoraUpdates out;
    out.alpha = adapter->alpha();
    out.name = adapter->folder().string();
    // PEFT options that change the scale: rank-stabilised LoRA scales by alpha/sqrt(r); per-module alphas.
    auto config = readJsonFile(adapter->folder() / "adapter_config.json");
    if (!config) return config.error();
    if (const JsonValue* p = config->find("alpha_pattern"); p && p->isObject() && !p->asObject()->empty())
        return makeError("{}: adapter_config.json has an \"alpha_pattern\" (a different alpha per module), which "
                         "merge does not apply yet; merge it with PEFT's merge_and_unload",
                         out.name);
    const JsonValue* rslora = config->find("use_rslora");
    out.rankStabilized = rslora && rslora->asBool() == std::optional(true);
    out.qloraEvidence = adapter->quantizedBaseEvidence();
    out.architecture = adapter->metadata().getString("general.architecture").value_or("");
    out.inputs = {adapter->folder() / "adapter_model.safetensors", adapter->folder() / "adapter_config.json"};
    const auto& specs = adapter->tensors();
    for (size_t i = 0; i + 1 < specs.size(); i += 2) {
        LoraUpdate u;
        u.target = specs[i].name.substr(0, specs[i].name.size() - kLoraA.size());
        u.embedding = u.target == "token_embd.weight";
        u.aShape = specs[i].shape;
        u.bShape = specs[i + 1].shape;
        u.rank = u.bShape[0];
        u.a.resize(size_t(elementsOfShape(u.aShape)));
        u.b.resize(size_t(elementsOfShape(u.bShape)));
        QF_TRY(adapter->tensorData(i, {reinterpret_cast<uint8_t*>(u.a.data()), u.a.size() * 4}));
        QF_TRY(adapter->tensorData(i + 1, {reinterpret_cast<uint8_t*>(u.b.data()), u.b.size() * 4}));
        out.updates.push_back(std::move(u));
    }
    return out;
}

Result<LoraUpdates> updatesFromGguf(const fs::path& path) {
    auto file = gguf::GgufFile::open(path);
    if (!file) return file.error();
    const auto& md = file->metadata();
    if (md.getString("general.type").value_or("") != "adapter" || md.getString("adapter.type").value_or("") != "lora")
        return makeError("{}: not a GGUF LoRA adapter (general.type \"adapter\", adapter.type \"lora\"); convert a "
                         "PEFT adapter folder with `quantforge-cli convert ADAPTER_DIR`, or pass the folder itself",
                         path.string());
    LoraUpdates out;
    out.alpha = float(md.getFloat("adapter.lora.alpha").value_or(0.0));
    out.name = path.string();
    out.architecture = md.getString("general.architecture").value_or("");
    out.inputs = file->shardPaths();
    std::map<std::string, std::pair<const gguf::TensorInfo*, const gguf::TensorInfo*>> pairs;
    std::vector<std::string> order;
    for (const auto& t : file->tensors()) {
        const bool isA = t.name.ends_with(kLoraA), isB = t.name.ends_with(kLoraB);
        if (!isA && !isB) return makeError("{}: tensor \"{}\" is not a lora_a or lora_b matrix", path.string(), t.name);
        const std::string target = t.name.substr(0, t.name.size() - kLoraA.size());
        auto [it, fresh] = pairs.try_emplace(target);
        if (fresh) order.push_back(target);
        (isA ? it->second.first : it->second.second) = &t;
    }
    for (const std::string& target : order) {
        const auto [a, b] = pairs[target];
        if (!a || !b)
            return makeError("{}: {} has a lora_{} matrix but no lora_{}", path.string(), target, a ? "a" : "b",
                             a ? "b" : "a");
        if (a->shape.size() != 2 || b->shape.size() != 2 || !isPlainFloat(a->type) || !isPlainFloat(b->type))
            return makeError("{}: the LoRA matrices of {} are not 2-D F32/F16/BF16", path.string(), target);
        LoraUpdate u;
        u.target = target;
        u.embedding = target == "token_embd.weight";
        u.aShape = a->shape;
        u.bShape = b->shape;
        u.rank = u.bShape[0];
        u.a.resize(size_t(elementsOfShape(u.aShape)));
        u.b.resize(size_t(elementsOfShape(u.bShape)));
        quant::dequantizeRow(a->type, file->tensorData(*a).data(), u.a.data(), int64_t(u.a.size()));
        quant::dequantizeRow(b->type, file->tensorData(*b).data(), u.b.data(), int64_t(u.b.size()));
        out.updates.push_back(std::move(u));
    }
    if (out.updates.empty()) return makeError("{}: holds no LoRA tensors", path.string());
    return out;
}

// The update's shapes against the base weight's ([cols, rows] in GGUF order).
Status checkShapes(const LoraUpdates& all, const LoraUpdate& u, const gguf::TensorInfo& w) {
    if (w.shape.size() != 2)
        return makeError("{}: adapts {}, which is not a matrix in the base", all.name, u.target);
    const uint64_t cols = w.shape[0], rows = w.shape[1];
    const bool ok = u.embedding ? (u.aShape[0] == u.rank && u.aShape[1] == rows && u.bShape[1] == cols)
                                : (u.aShape[0] == cols && u.aShape[1] == u.rank && u.bShape[1] == rows);
    if (!ok || u.rank == 0)
        return makeError("{}: the LoRA matrices of {} (A {}x{}, B {}x{}) do not fit the base's {}x{} weight: is this "
                         "adapter for another model?",
                         all.name, u.target, u.aShape[0], u.aShape[1], u.bShape[0], u.bShape[1], cols, rows);
    return {};
}

// w (rows x cols, row-major) += scale * delta.
void addUpdate(const LoraUpdate& u, float scale, uint64_t rows, uint64_t cols, float* w, std::vector<float>& delta) {
    const uint64_t r = u.rank;
    delta.assign(size_t(cols), 0.0f);
    for (uint64_t o = 0; o < rows; ++o) {
        std::fill(delta.begin(), delta.end(), 0.0f);
        if (u.embedding) {
            // delta[v][h] = sum_k A'[v][k] B[h][k]
            const float* av = u.a.data() + o * r;
            for (uint64_t h = 0; h < cols; ++h) {
                const float* bh = u.b.data() + h * r;
                float s = 0.0f;
                for (uint64_t k = 0; k < r; ++k) s += av[k] * bh[k];
                delta[h] = s;
            }
        } else {
            // delta[o][i] = sum_k B[o][k] A[k][i]
            const float* bo = u.b.data() + o * r;
            for (uint64_t k = 0; k < r; ++k) {
                const float c = bo[k];
                const float* ak = u.a.data() + k * cols;
                for (uint64_t i = 0; i < cols; ++i) delta[i] += c * ak[i];
            }
        }
        float* wo = w + o * cols;
        for (uint64_t i = 0; i < cols; ++i) wo[i] += scale * delta[i];
    }
}

} // namespace

Result<LoraUpdates> loadLoraUpdates(const fs::path& adapter, const fs::path& baseFolder) {
    std::error_code ec;
    if (isLoraAdapterFolder(adapter)) return updatesFromPeft(adapter, baseFolder);
    if (fs::is_regular_file(adapter, ec)) return updatesFromGguf(adapter);
    return makeError("{}: not a LoRA adapter: pass a PEFT adapter folder (adapter_config.json + "
                     "adapter_model.safetensors) or a GGUF LoRA",
                     adapter.string());
}

Result<std::unique_ptr<LoraMergeSource>> LoraMergeSource::create(quant::TensorSource& base, LoraUpdates updates,
                                                                 const MergeOptions& options) {
    std::unique_ptr<LoraMergeSource> merge(new LoraMergeSource(base));
    const auto& baseTensors = base.tensors();
    const std::string baseArch = base.metadata().getString("general.architecture").value_or("");
    if (!updates.architecture.empty() && !baseArch.empty() && updates.architecture != baseArch)
        return makeError("{}: the adapter is for {} but the base is {}", updates.name, updates.architecture, baseArch);
    if (base.metadata().getString("general.type").value_or("") == "adapter")
        return makeError("the base is itself an adapter; pass the model to merge into first, then the adapter");
    bool baseQuantized = false;
    for (const auto& t : baseTensors) baseQuantized = baseQuantized || ggmlTypeTraits(t.type).quantized;
    QF_TRY(checkMergeAllowed(updates.name, updates.qloraEvidence, baseQuantized, options.dequantize));

    std::map<std::string, size_t> byName;
    for (size_t i = 0; i < baseTensors.size(); ++i) byName.emplace(baseTensors[i].name, i);
    merge->m_updateOf.assign(baseTensors.size(), -1);
    for (size_t u = 0; u < updates.updates.size(); ++u) {
        const LoraUpdate& up = updates.updates[u];
        auto it = byName.find(up.target);
        if (it == byName.end())
            return makeError("{}: adapts {}, which the base does not have: is this adapter for another model?",
                             updates.name, up.target);
        QF_TRY(checkShapes(updates, up, baseTensors[it->second]));
        const GgmlType type = baseTensors[it->second].type;
        if (!isPlainFloat(type) && !options.dequantize)
            return makeError(ggmlTypeTraits(type).quantized ? ErrorKind::NeedsDequantize : ErrorKind::General,
                             "{} is {} in the base: a LoRA merges into float weights. Pass --dequantize (the base is "
                             "widened to F16, the adapter merged, then quantized once with a preset), or merge into "
                             "the F16/BF16/F32 base",
                             up.target, ggmlTypeName(type));
        merge->m_updateOf[it->second] = int64_t(u);
    }
    merge->m_metadata = base.metadata();
    merge->m_tensors = baseTensors;
    for (size_t i = 0; i < baseTensors.size(); ++i) {
        gguf::TensorInfo& t = merge->m_tensors[i];
        if (merge->m_updateOf[i] >= 0) ++merge->m_merged;
        if (ggmlTypeTraits(t.type).quantized && options.dequantize) {
            t.type = GgmlType::F16;
            t.byteSize = elementsOfShape(t.shape) * 2;
            ++merge->m_widened;
        }
    }
    if (merge->m_widened)
        merge->m_metadata.set("general.file_type", gguf::Value::u32(uint32_t(quant::LlamaFileType::MostlyF16)));
    merge->m_updates = std::move(updates);
    return merge;
}

Result<std::span<const uint8_t>> LoraMergeSource::tensorBytes(size_t index) {
    if (index >= m_tensors.size()) return makeError("tensor index {} out of range", index);
    const gguf::TensorInfo& baseInfo = m_base.tensors()[index];
    const gguf::TensorInfo& out = m_tensors[index];
    auto bytes = m_base.tensorBytes(index);
    if (!bytes || (m_updateOf[index] < 0 && out.type == baseInfo.type)) return bytes;
    const uint64_t n = elementsOfShape(baseInfo.shape);
    m_row.resize(size_t(n));
    quant::dequantizeRow(baseInfo.type, bytes->data(), m_row.data(), int64_t(n));
    if (m_updateOf[index] >= 0) {
        const LoraUpdate& u = m_updates.updates[size_t(m_updateOf[index])];
        addUpdate(u, m_updates.scaleFor(u), baseInfo.shape[1], baseInfo.shape[0], m_row.data(), m_delta);
    }
    m_buffer.resize(size_t(out.byteSize));
    const size_t width = out.type == GgmlType::F32 ? 4 : 2;
    for (uint64_t i = 0; i < n; ++i) detail::storeFloat(out.type, m_row[i], m_buffer.data() + i * width);
    return std::span<const uint8_t>(m_buffer);
}

std::vector<fs::path> LoraMergeSource::inputPaths() const {
    auto paths = m_base.inputPaths();
    paths.insert(paths.end(), m_updates.inputs.begin(), m_updates.inputs.end());
    return paths;
}

} // namespace qf::hf
