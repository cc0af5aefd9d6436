#include "qf/quant/plan.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <regex>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "qf/quant/imatrix.h"
#include "tensor_rules.h"

#ifndef QF_VERSION
#define QF_VERSION "unknown"
#endif

// Where a plan departs from llama-quantize v0.5.0, and why:
//  - Stale quantize.imatrix.* and quantforge.* keys of an already-quantized source are dropped before
//    the new ones are added, so a requantized file never claims an imatrix it was not made with.
//  - quantize.imatrix.file holds the imatrix's file name, not the path given on a command line.
//  - A source with general.alignment keeps it and the data is aligned to it (llama-quantize copies the key
//    but pads to 32 bytes, which breaks such files).
//  - Explicit --output-tensor-type / --token-embedding-type types that cannot store the rows are refused
//    (llama-quantize would abort while quantizing).

namespace qf::quant {
namespace {

using detail::MixRules;

constexpr const char* kOutputName = "output.weight";
constexpr const char* kTokenEmbdName = "token_embd.weight";

bool isQuantizedType(GgmlType type) {
    return ggmlTypeTraits(type).quantized;
}
bool isFloatType(GgmlType type) {
    return type == GgmlType::F32 || type == GgmlType::F16 || type == GgmlType::BF16;
}

// Types ggml can quantize to or store as a float; Q8_1 and Q8_K only exist as intermediate formats.
bool isStorableTarget(GgmlType type) {
    return isFloatType(type) || (isQuantizedType(type) && type != GgmlType::Q8_1 && type != GgmlType::Q8_K);
}

uint64_t elementsOf(const std::vector<uint64_t>& shape) {
    uint64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

uint64_t bytesOf(GgmlType type, const std::vector<uint64_t>& shape) {
    const uint64_t rowLength = shape.empty() ? 1 : shape[0];
    const uint64_t rows = rowLength ? elementsOf(shape) / rowLength : 0;
    return rows * ggmlRowBytes(type, rowLength);
}

bool fits(GgmlType type, uint64_t rowLength) {
    return rowLength % ggmlTypeTraits(type).blockSize == 0;
}

Status checkInputs(const std::vector<gguf::TensorInfo>& tensors) {
    if (tensors.empty()) return makeError("the model has no tensors: there is nothing to quantize");
    std::unordered_set<std::string_view> names;
    for (const auto& t : tensors) {
        if (!names.insert(t.name).second) return makeError("the model has two tensors named {}", t.name);
        if (t.shape.empty() || t.shape.size() > gguf::kMaxDims)
            return makeError("tensor {} has {} dimensions; 1 to {} are allowed", t.name, t.shape.size(),
                             gguf::kMaxDims);
        uint64_t elements = 1;
        for (auto d : t.shape) {
            if (d != 0 && elements > (uint64_t(1) << 62) / d)
                return makeError("tensor {} is too large", t.name);
            elements *= d;
        }
        if (!fits(t.type, t.shape[0]))
            return makeError("tensor {} has rows of {} values, which {} cannot store", t.name, t.shape[0],
                             ggmlTypeName(t.type));
    }
    return {};
}

Result<uint32_t> alignmentOf(const gguf::Metadata& metadata) {
    const gguf::Value* value = metadata.find("general.alignment");
    if (!value) return gguf::kDefaultAlignment;
    const auto* v = std::get_if<uint32_t>(&value->data);
    if (!v || *v == 0 || (*v & (*v - 1)) != 0)
        return makeError("the model's general.alignment is not a power of two stored as u32");
    return *v;
}

struct CompiledOverride {
    std::regex regex;
    GgmlType type;
};

Result<std::vector<CompiledOverride>> compileOverrides(const std::vector<TensorTypeOverride>& overrides) {
    std::vector<CompiledOverride> out;
    for (const auto& o : overrides) {
        if (!isStorableTarget(o.type))
            return makeError("--tensor-type {}: {} cannot be used as a tensor type", o.pattern,
                             ggmlTypeName(o.type));
        try {
            out.push_back({std::regex(o.pattern), o.type});
        } catch (const std::regex_error& e) {
            return makeError("--tensor-type pattern '{}' is not a valid regular expression: {}", o.pattern,
                             e.what());
        }
    }
    return out;
}

// The imatrix entries llama-quantize would use, after --include-weights / --exclude-weights (substring
// matches, as in its prepare_imatrix).
struct ImatrixSelection {
    std::unordered_map<std::string_view, const ImatrixEntry*> entries;
    std::string dataset;
    std::vector<std::string> unmatched; // entries that name no tensor of the model
};

Result<ImatrixSelection> selectImatrix(const PlanOptions& options, const std::vector<gguf::TensorInfo>& tensors) {
    std::unordered_set<std::string_view> tensorNames;
    for (const auto& t : tensors) tensorNames.insert(t.name);
    ImatrixSelection selection;
    if (!options.imatrix) return selection;
    if (!options.includeWeights.empty() && !options.excludeWeights.empty())
        return makeError("use either include-weights or exclude-weights, not both");
    auto containsAny = [](const std::string& name, const std::vector<std::string>& parts) {
        return std::any_of(parts.begin(), parts.end(),
                           [&](const std::string& p) { return name.find(p) != std::string::npos; });
    };
    for (const auto& entry : options.imatrix->entries()) {
        if (!options.excludeWeights.empty() && containsAny(entry.name, options.excludeWeights)) continue;
        if (!options.includeWeights.empty() && !containsAny(entry.name, options.includeWeights)) continue;
        for (float v : options.imatrix->importance(entry))
            if (!std::isfinite(v))
                return makeError("the imatrix entry {} contains a non-finite value", entry.name);
        // Only entries that name a tensor of this model are used (and counted in entries_count).
        if (!tensorNames.count(entry.name)) {
            selection.unmatched.push_back(entry.name);
            continue;
        }
        selection.entries.emplace(entry.name, &entry);
    }
    if (!options.imatrix->datasets.empty()) selection.dataset = options.imatrix->datasets.front();
    return selection;
}

void setAtEnd(gguf::Metadata& metadata, std::string key, gguf::Value value) {
    // llama.cpp's gguf_set_val_* removes an existing key and appends it, so updated keys move to the end.
    metadata.remove(key);
    metadata.set(std::move(key), std::move(value));
}

void removePrefixed(gguf::Metadata& metadata, std::string_view prefix) {
    auto& entries = metadata.entries();
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const gguf::MetadataEntry& e) { return e.key.starts_with(prefix); }),
                  entries.end());
}

gguf::Metadata outputMetadata(const gguf::Metadata& source, const QuantPlan& plan,
                              const ImatrixSelection& imatrix) {
    gguf::Metadata out = source;
    for (const char* key : {"split.no", "split.count", "split.tensors.count"})
        out.remove(key);
    setAtEnd(out, "general.quantization_version", gguf::Value::u32(2)); // GGML_QNT_VERSION
    setAtEnd(out, "general.file_type", gguf::Value::u32(static_cast<uint32_t>(plan.preset.fileType)));
    removePrefixed(out, "quantize.imatrix.");
    if (plan.usesImatrix) {
        const Imatrix& im = *plan.options.imatrix;
        std::string label = plan.options.imatrixFileLabel;
        if (label.empty()) label = im.sourcePath.filename().string();
        if (label.empty()) label = "imatrix";
        setAtEnd(out, "quantize.imatrix.file", gguf::Value::string(label));
        if (!imatrix.dataset.empty())
            setAtEnd(out, "quantize.imatrix.dataset", gguf::Value::string(imatrix.dataset));
        setAtEnd(out, "quantize.imatrix.entries_count", gguf::Value::i32(int32_t(plan.imatrixEntries)));
        if (im.chunkCount > 0)
            setAtEnd(out, "quantize.imatrix.chunks_count",
                     gguf::Value::i32(int32_t(std::min<uint32_t>(im.chunkCount, INT32_MAX))));
    }
    removePrefixed(out, "quantforge.");
    if (plan.options.writeProvenance) {
        gguf::Metadata provenance = provenanceKeys(plan.preset, plan.options);
        for (auto& e : provenance.entries())
            setAtEnd(out, e.key, e.value);
    }
    return out;
}

// Decides one tensor's type; the mix rules must see the tensors in llama.cpp's order.
struct TypeDecision {
    GgmlType type;
    TypeReason reason;
    std::optional<GgmlType> wanted;
};

class TypeChooser {
public:
    TypeChooser(const Preset& preset, const PlanOptions& options, MixRules rules,
                std::vector<CompiledOverride> overrides, bool tiedEmbeddings)
        : m_preset(preset), m_options(options), m_rules(std::move(rules)), m_overrides(std::move(overrides)),
          m_tied(tiedEmbeddings) {}

    Result<TypeDecision> choose(const gguf::TensorInfo& tensor) {
        const std::string& name = tensor.name;
        const uint64_t rowLength = tensor.shape[0];
        if (!detail::allowsQuantization(name, detail::effectiveDims(tensor.shape),
                                        !m_options.leaveOutputTensor)) {
            const bool leftAsIs = m_options.leaveOutputTensor && name == kOutputName &&
                                  detail::allowsQuantization(name, detail::effectiveDims(tensor.shape), true);
            return TypeDecision{
                tensor.type, leftAsIs ? TypeReason::LeftAsIs : TypeReason::NotQuantizable, {}};
        }
        // The explicit types come first and skip everything else, as in llama_tensor_get_type; they must
        // fit the rows.
        const detail::TensorCategory category = detail::categoryOf(name);
        auto explicitType = [&](GgmlType type, const char* option) -> Result<TypeDecision> {
            if (!fits(type, rowLength))
                return makeError(
                    "{} {}: tensor {} has rows of {} values, which {} cannot store (blocks of {})", option,
                    ggmlTypeName(type), name, rowLength, ggmlTypeName(type), ggmlTypeTraits(type).blockSize);
            return TypeDecision{type, TypeReason::UserOverride, {}};
        };
        auto overridden = findOverride(name);
        if (!overridden) return overridden.error();
        // per_layer_token_embd follows --token-embedding-type unless a --tensor-type rule names it.
        if (m_options.tokenEmbeddingType && category == detail::TensorCategory::TokenEmbedding &&
            !(name == "per_layer_token_embd.weight" && *overridden))
            return explicitType(*m_options.tokenEmbeddingType, "--token-embedding-type");
        if (m_options.outputTensorType && name == kOutputName)
            return explicitType(*m_options.outputTensorType, "--output-tensor-type");

        TypeDecision d{m_preset.baseType, TypeReason::BaseType, {}};
        // Float presets (F16, BF16, F32) have no mix, no --tensor-type and no fallback.
        if (!isQuantizedType(m_preset.baseType)) return d;
        if (*overridden) {
            // A --tensor-type rule replaces the mix: its counters do not advance for this tensor.
            d = {**overridden, TypeReason::UserOverride, {}};
        } else if (!m_options.pure) {
            auto mixed = m_rules.typeFor(name, tensor.shape, m_preset.baseType);
            if (!mixed) return mixed.error();
            if (*mixed != d.type) d.reason = TypeReason::Mix;
            const bool outputRole = name == kOutputName || (m_tied && name == kTokenEmbdName);
            if (outputRole && m_options.outputTensorType) d.reason = TypeReason::UserOverride;
            d.type = *mixed;
        }
        if (detail::fallbackIsRefused(d.type, rowLength))
            return makeError("tensor {} has rows of {} values, which {} cannot store (blocks of {}) and "
                             "llama-quantize has no fallback for: choose another type",
                             name, rowLength, ggmlTypeName(d.type), ggmlTypeTraits(d.type).blockSize);
        if (const GgmlType fb = detail::fallbackType(d.type, rowLength); fb != d.type) {
            d.wanted = d.type;
            d.type = fb;
            d.reason = TypeReason::Fallback;
        }
        return d;
    }

private:
    const Preset& m_preset;
    const PlanOptions& m_options;
    MixRules m_rules;
    std::vector<CompiledOverride> m_overrides;
    bool m_tied;

    // The type of the first --tensor-type rule whose pattern matches the name, if any.
    Result<std::optional<GgmlType>> findOverride(const std::string& name) const {
        for (const auto& o : m_overrides) {
            try {
                if (std::regex_search(name, o.regex)) return std::optional<GgmlType>(o.type);
            } catch (const std::regex_error& e) {
                return makeError("--tensor-type: matching {} failed: {}", name, e.what());
            }
        }
        return std::optional<GgmlType>();
    }
};

Status checkOptions(const Preset& preset, const PlanOptions& options) {
    for (auto [type, option] : {std::pair{options.outputTensorType, "--output-tensor-type"},
                                std::pair{options.tokenEmbeddingType, "--token-embedding-type"}})
        if (type && !isStorableTarget(*type))
            return makeError("{}: {} cannot be used as a tensor type", option, ggmlTypeName(*type));
    if (!isStorableTarget(preset.baseType))
        return makeError("preset {}: {} cannot be used as a tensor type", preset.name,
                         ggmlTypeName(preset.baseType));
    return {};
}

} // namespace

uint64_t TensorPlan::elementCount() const {
    return elementsOf(shape);
}

double QuantPlan::bitsPerWeight() const {
    return parameterCount ? double(tensorBytes) * 8.0 / double(parameterCount) : 0.0;
}

const TensorPlan* QuantPlan::find(std::string_view name) const {
    for (const auto& t : tensors)
        if (t.name == name) return &t;
    return nullptr;
}

gguf::WriteParams QuantPlan::writeParams(const std::filesystem::path& output) const {
    gguf::WriteParams params;
    params.output = output;
    params.version = version;
    params.alignment = alignment;
    params.metadata = metadata;
    params.tensors.reserve(tensors.size());
    for (const auto& t : tensors)
        params.tensors.push_back({t.name, t.shape, t.type});
    return params;
}

// llama-quantize refuses a plan with any tensor of a type that needs importance weights when no imatrix
// is given (its tensor_requires_imatrix); say how to get one.
static Error importanceMatrixNeeded(const Preset& preset, const std::string& tensor, GgmlType type) {
    return makeError(ErrorKind::NeedsImportanceMatrix,
                     "{} needs an importance matrix (tensor {} would be {}): compute one with "
                     "`quantforge-cli imatrix MODEL --text FILE` or pass --imatrix",
                     preset.name, tensor, ggmlTypeName(type));
}

bool needsImportanceMatrix(const Error& error) {
    return error.kind == ErrorKind::NeedsImportanceMatrix;
}

Result<QuantPlan> makeQuantPlan(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                                const Preset& preset, const PlanOptions& options) {
    QF_TRY(checkInputs(tensors));
    QF_TRY(checkOptions(preset, options));
    auto alignment = alignmentOf(metadata);
    if (!alignment) return alignment.error();
    auto selection = selectImatrix(options, tensors);
    if (!selection) return selection.error();
    auto overrides = compileOverrides(options.tensorTypes);
    if (!overrides) return overrides.error();

    QuantPlan plan;
    plan.preset = preset;
    plan.options = options;
    plan.alignment = *alignment;
    plan.imatrixEntries = uint32_t(selection->entries.size());
    const bool realImatrix = !selection->entries.empty();
    const bool hasImatrix = realImatrix || options.assumeImatrix;
    if (preset.fileType == LlamaFileType::MostlyMXFP4_MoE &&
        std::none_of(tensors.begin(), tensors.end(),
                     [](const gguf::TensorInfo& t) { return t.shape.size() > 2 && t.shape[2] > 1; }))
        plan.warnings.push_back(
            fmt::format("{} stores the experts of a mixture-of-experts model as MXFP4; this "
                        "model has none, so every tensor is Q8_0, as with the Q8_0 preset",
                        preset.name));
    if (!plan.warnings.empty()) plan.warningKinds.push_back({QuantPlan::Warning::Kind::MoePresetWithoutExperts});
    if (!selection->unmatched.empty()) {
        plan.warningKinds.push_back(
            {QuantPlan::Warning::Kind::UnmatchedImatrixEntries, selection->unmatched.size(), selection->unmatched.front()});
        plan.warnings.push_back(fmt::format(
            "{} of the imatrix's entries name no tensor of this model (e.g. {}); they are not used - was the "
            "imatrix made for another model?",
            selection->unmatched.size(), selection->unmatched.front()));
    }
    if (options.imatrix && !realImatrix) {
        plan.warningKinds.push_back({selection->unmatched.empty() ? QuantPlan::Warning::Kind::NoImatrixEntryLeft
                                                                  : QuantPlan::Warning::Kind::NoImatrixEntryMatches});
        plan.warnings.push_back(selection->unmatched.empty()
                                    ? "include/exclude-weights left no imatrix entries: quantizing without the imatrix"
                                    : "no imatrix entry names a tensor of this model: quantizing without the imatrix");
    }

    std::vector<size_t> order(tensors.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return detail::llamaTensorOrder(tensors[a].name, tensors[b].name); });
    std::vector<std::string> orderedNames;
    for (size_t i : order)
        orderedNames.push_back(tensors[i].name);
    const bool tied = std::find(orderedNames.begin(), orderedNames.end(), kOutputName) == orderedNames.end();

    MixRules rules(detail::readModelFacts(metadata), preset.fileType, hasImatrix, orderedNames,
                   options.outputTensorType, options.tokenEmbeddingType);
    TypeChooser chooser(preset, options, std::move(rules), std::move(*overrides), tied);

    const gguf::TensorInfo* requantized = nullptr;
    size_t requantizedCount = 0;
    std::vector<std::string> withoutImatrix;
    for (size_t index : order) {
        const gguf::TensorInfo& src = tensors[index];
        auto decision = chooser.choose(src);
        if (!decision) return decision.error();

        TensorPlan t;
        t.name = src.name;
        t.shape.assign(src.shape.begin(), src.shape.begin() + ptrdiff_t(detail::effectiveDims(src.shape)));
        t.sourceType = src.type;
        t.sourceIndex = index;
        t.sourceBytes = bytesOf(src.type, src.shape);
        t.type = decision->type;
        t.reason = decision->reason;
        t.wantedType = decision->wanted;
        t.byteSize = bytesOf(t.type, src.shape);
        t.action = t.type == src.type        ? TensorAction::Copy
                   : isQuantizedType(t.type) ? TensorAction::Quantize
                                             : TensorAction::Convert;
        if (t.reason == TypeReason::Fallback) ++plan.fallbackCount;

        if (t.action != TensorAction::Copy) {
            if (!isFloatType(src.type) && !isQuantizedType(src.type))
                return makeError("tensor {} is {}, which cannot be converted to {}", src.name,
                                 ggmlTypeName(src.type), ggmlTypeName(t.type));
            if (isQuantizedType(src.type) && !options.allowRequantize && !requantizedCount++)
                requantized = &src;
        }
        if (t.action == TensorAction::Quantize && realImatrix) {
            if (auto it = selection->entries.find(t.name); it != selection->entries.end()) {
                const size_t experts = src.shape.size() > 2 ? size_t(src.shape[2]) : 1;
                const size_t expected = size_t(src.shape[0]) * experts;
                if (it->second->sumSquares.size() == expected)
                    t.usesImatrix = true;
                else if (detail::categoryOf(t.name) != detail::TensorCategory::TokenEmbedding)
                    return makeError(
                        "the imatrix entry for {} has {} values, but the tensor needs {}: the imatrix "
                        "was computed for a different model",
                        t.name, it->second->sumSquares.size(), expected);
            } else if (t.name != kTokenEmbdName && t.name != kOutputName) {
                withoutImatrix.push_back(t.name);
            }
        }
        if (t.action == TensorAction::Quantize && !hasImatrix &&
            detail::typeRequiresImatrix(t.type, t.name, preset.fileType))
            return importanceMatrixNeeded(preset, t.name, t.type);
        if (t.action == TensorAction::Quantize && realImatrix && !t.usesImatrix &&
            detail::typeRequiresImatrix(t.type, t.name, preset.fileType))
            return makeError(
                "tensor {} would be {}, which gives unusable results without an importance matrix "
                "entry for it: use an imatrix that covers it, or choose a larger type",
                t.name, ggmlTypeName(t.type));

        plan.sourceTensorBytes += t.sourceBytes;
        plan.tensorBytes += t.byteSize;
        plan.parameterCount += t.elementCount();
        plan.tensors.push_back(std::move(t));
    }
    if (requantized && requantized->type == GgmlType::MXFP4)
        return makeError(ErrorKind::NeedsAllowRequantize,
                         "{} is stored as MXFP4, as gpt-oss models are published ({} tensor{} affected): the "
                         "MXFP4_MOE preset keeps those experts as they are; any other preset quantizes them "
                         "again, which needs requantizing to be allowed explicitly",
                         requantized->name, requantizedCount, requantizedCount == 1 ? "" : "s");
    if (requantized)
        return makeError(ErrorKind::NeedsAllowRequantize,
                         "{} is already quantized ({}); quantizing again loses quality: start from the "
                         "F16/BF16/F32 model, or allow requantizing explicitly ({} tensor{} affected)",
                         requantized->name, ggmlTypeName(requantized->type), requantizedCount,
                         requantizedCount == 1 ? "" : "s");

    // llama-quantize records the imatrix whenever one was given, even if no tensor ended up using it.
    plan.usesImatrix = realImatrix;
    if (plan.fallbackCount) {
        plan.warningKinds.push_back({QuantPlan::Warning::Kind::Fallbacks, plan.fallbackCount});
        plan.warnings.push_back(
            fmt::format("{} tensor(s) have rows that do not fit the wanted type's blocks and "
                        "use a fallback type",
                        plan.fallbackCount));
    }
    if (!withoutImatrix.empty()) {
        plan.warningKinds.push_back({QuantPlan::Warning::Kind::TensorsWithoutImatrix, withoutImatrix.size(), withoutImatrix.front()});
        plan.warnings.push_back(
            fmt::format("the imatrix has no entry for {} quantized tensor(s), e.g. {}; they are "
                        "quantized without it",
                        withoutImatrix.size(), withoutImatrix.front()));
    }

    plan.metadata = outputMetadata(metadata, plan, *selection);
    auto fileBytes = gguf::plannedFileSize(plan.writeParams({}));
    if (!fileBytes) return fileBytes.error();
    plan.fileBytes = *fileBytes;
    return plan;
}

std::string describeOptions(const PlanOptions& options) {
    std::vector<std::string> parts;
    if (options.leaveOutputTensor) parts.push_back("--leave-output-tensor");
    if (options.outputTensorType)
        parts.push_back(fmt::format("--output-tensor-type {}", ggmlTypeName(*options.outputTensorType)));
    if (options.tokenEmbeddingType)
        parts.push_back(fmt::format("--token-embedding-type {}", ggmlTypeName(*options.tokenEmbeddingType)));
    for (const auto& o : options.tensorTypes)
        parts.push_back(fmt::format("--tensor-type {}={}", o.pattern, ggmlTypeName(o.type)));
    if (options.pure) parts.push_back("--pure");
    if (options.allowRequantize) parts.push_back("--allow-requantize");
    if (options.imatrix) {
        for (const auto& w : options.includeWeights)
            parts.push_back("--include-weights " + w);
        for (const auto& w : options.excludeWeights)
            parts.push_back("--exclude-weights " + w);
    }
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : " ") + p;
    return out;
}

gguf::Metadata provenanceKeys(const Preset& preset, const PlanOptions& options) {
    gguf::Metadata keys;
    keys.set("quantforge.version", gguf::Value::string(QF_VERSION));
    keys.set("quantforge.preset", gguf::Value::string(std::string(preset.name)));
    if (std::string described = describeOptions(options); !described.empty())
        keys.set("quantforge.options", gguf::Value::string(std::move(described)));
    if (!options.sourceSha256.empty())
        keys.set(std::string(kSourceSha256Key), gguf::Value::string(options.sourceSha256));
    if (!options.imatrixSha256.empty())
        keys.set("quantforge.imatrix.sha256", gguf::Value::string(options.imatrixSha256));
    return keys;
}

std::string_view tensorActionName(TensorAction action) {
    switch (action) {
    case TensorAction::Copy:
        return "copy";
    case TensorAction::Convert:
        return "convert";
    case TensorAction::Quantize:
        return "quantize";
    }
    return "?";
}

std::string_view typeReasonName(TypeReason reason) {
    switch (reason) {
    case TypeReason::NotQuantizable:
        return "never quantized";
    case TypeReason::LeftAsIs:
        return "left as is";
    case TypeReason::BaseType:
        return "preset base type";
    case TypeReason::Mix:
        return "preset mix";
    case TypeReason::UserOverride:
        return "user override";
    case TypeReason::Fallback:
        return "row-length fallback";
    }
    return "?";
}

} // namespace qf::quant
