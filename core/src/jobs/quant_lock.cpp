#include "qf/quant/quant_lock.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "qf/io/atomic_file.h"
#include "qf/json_reader.h"
#include "qf/json_writer.h"
#include "qf/quant/imatrix.h"
#include "qf/sha256.h"

namespace qf::quant {
namespace fs = std::filesystem;
namespace {

std::string relativeName(const fs::path& file, const fs::path& root) {
    std::error_code ec;
    const fs::path absFile = fs::absolute(file, ec).lexically_normal();
    const fs::path absRoot = fs::absolute(root.empty() ? fs::path(".") : root, ec).lexically_normal();
    fs::path rel = absFile.lexically_relative(absRoot);
    if (rel.empty()) rel = absFile;
    return rel.generic_string();
}

bool steersConversion(const fs::path& file) {
    const std::string ext = file.extension().string();
    for (const char* e : {".json", ".model", ".txt", ".jinja", ".tiktoken"})
        if (ext == e) return true;
    return false;
}

} // namespace

Result<FileDigest> digestFiles(const std::vector<fs::path>& files, const fs::path& root, const ProgressFn& progress,
                               std::stop_token stop) {
    FileDigest digest;
    uint64_t total = 0, done = 0;
    std::error_code ec;
    for (const auto& f : files) total += fs::file_size(f, ec);
    std::vector<uint8_t> buffer(4u << 20);
    std::string listing;
    for (const auto& f : files) {
        std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(f.string().c_str(), "rb"), &std::fclose);
        if (!in) return makeError("cannot read {}: it is missing or not readable", f.string());
        Sha256 sha;
        LockedFile locked{relativeName(f, root), 0, {}};
        for (;;) {
            if (stop.stop_requested()) return cancelledError();
            const size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get());
            if (n == 0) break;
            sha.update(buffer.data(), n);
            locked.bytes += n;
            done += n;
            if (progress) progress({"hashing " + locked.name, done, total, "bytes"});
        }
        if (std::ferror(in.get())) return makeError("reading {} failed", f.string());
        locked.sha256 = Sha256::toHex(sha.finish());
        listing += locked.sha256 + "  " + locked.name + "\n";
        digest.files.push_back(std::move(locked));
    }
    digest.sha256 = digest.files.size() == 1
                        ? digest.files.front().sha256
                        : sha256Hex(std::span(reinterpret_cast<const uint8_t*>(listing.data()), listing.size()));
    return digest;
}

Result<SourceFiles> sourceFilesOf(const fs::path& source) {
    SourceFiles out;
    std::error_code ec;
    if (fs::is_directory(source, ec) || source.filename() == "config.json" ||
        fs::exists(source.parent_path() / "config.json", ec)) {
        out.root = fs::is_directory(source, ec) ? source : source.parent_path();
        for (fs::directory_iterator it(out.root, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            const fs::path p = it->path();
            if (p.extension() == ".safetensors" || steersConversion(p)) out.files.push_back(p);
        }
        if (ec) return makeError("cannot list {}: {}", out.root.string(), ec.message());
        if (out.files.empty()) return makeError("{} holds no safetensors or config files", out.root.string());
    } else {
        auto file = gguf::GgufFile::open(source);
        if (!file) return file.error();
        out.root = source.parent_path();
        out.files = file->shardPaths();
    }
    std::sort(out.files.begin(), out.files.end());
    return out;
}

fs::path lockPathFor(const fs::path& output) { return fs::path(output.string() + ".lock"); }

Result<QuantLock> makeLock(const QuantPlan& plan, const fs::path& lockPath, const fs::path& sourcePath,
                           const FileDigest& source, const std::optional<FileDigest>& imatrix,
                           const gguf::SplitOptions& split, const std::vector<fs::path>& written,
                           const ProgressFn& progress, std::stop_token stop) {
    QuantLock lock;
    const fs::path lockDir = lockPath.parent_path();
    lock.tool = fmt::format("quantforge {}", QF_VERSION);
    std::error_code ec;
    lock.sourcePath = relativeName(sourcePath, lockDir);
    lock.sourceIsHfFolder = fs::is_directory(sourcePath, ec);
    lock.source = source;
    lock.preset = std::string(plan.preset.name);
    const PlanOptions& o = plan.options;
    lock.leaveOutputTensor = o.leaveOutputTensor;
    lock.pure = o.pure;
    lock.allowRequantize = o.allowRequantize;
    if (o.outputTensorType) lock.outputTensorType = std::string(ggmlTypeName(*o.outputTensorType));
    if (o.tokenEmbeddingType) lock.tokenEmbeddingType = std::string(ggmlTypeName(*o.tokenEmbeddingType));
    for (const auto& r : o.tensorTypes) lock.tensorTypeRules.emplace_back(r.pattern, std::string(ggmlTypeName(r.type)));
    lock.includeWeights = o.includeWeights;
    lock.excludeWeights = o.excludeWeights;
    lock.provenanceKeys = o.writeProvenance;
    lock.digestsInFile = o.writeProvenance && !o.sourceSha256.empty();
    if (o.imatrix) {
        if (!imatrix || imatrix->files.size() != 1)
            return makeError("the lock needs the importance matrix file's digest (digestFiles of its one file)");
        QuantLock::ImatrixRecord rec;
        rec.path = relativeName(o.imatrix->sourcePath, lockDir);
        // The label the plan writes (quantize.imatrix.file), so that a re-run from a moved imatrix matches.
        rec.label = o.imatrixFileLabel.empty() ? o.imatrix->sourcePath.filename().string() : o.imatrixFileLabel;
        if (rec.label.empty()) rec.label = "imatrix";
        rec.file = imatrix->files.front();
        rec.datasets = o.imatrix->datasets;
        rec.chunks = o.imatrix->chunkCount;
        lock.imatrix = std::move(rec);
    }
    lock.split = split;
    for (const auto& t : plan.tensors) lock.tensorTypes.emplace_back(t.name, std::string(ggmlTypeName(t.type)));
    auto out = digestFiles(written, lockDir, progress, stop);
    if (!out) return out.error();
    lock.outputs = std::move(out->files);
    return lock;
}

std::string serializeLock(const QuantLock& lock) {
    JsonWriter j;
    auto files = [&](const std::vector<LockedFile>& list) {
        j.beginArray();
        for (const auto& f : list)
            j.beginObject().field("name", f.name).field("bytes", f.bytes).field("sha256", f.sha256).endObject();
        j.endArray();
    };
    auto strings = [&](const std::vector<std::string>& list) {
        j.beginArray();
        for (const auto& s : list) j.value(s);
        j.endArray();
    };
    j.beginObject().field("format", "quantforge.lock").field("version", QuantLock::kFormatVersion);
    j.field("tool", lock.tool);
    j.key("source").beginObject().field("path", lock.sourcePath)
        .field("kind", lock.sourceIsHfFolder ? "hf-folder" : "gguf").field("sha256", lock.source.sha256);
    j.key("files");
    files(lock.source.files);
    j.endObject();
    j.field("preset", lock.preset);
    j.key("options").beginObject().field("leave_output_tensor", lock.leaveOutputTensor).field("pure", lock.pure)
        .field("allow_requantize", lock.allowRequantize).field("output_tensor_type", lock.outputTensorType)
        .field("token_embedding_type", lock.tokenEmbeddingType);
    j.key("tensor_type").beginArray();
    for (const auto& [pattern, type] : lock.tensorTypeRules)
        j.beginObject().field("pattern", pattern).field("type", type).endObject();
    j.endArray();
    j.key("include_weights");
    strings(lock.includeWeights);
    j.key("exclude_weights");
    strings(lock.excludeWeights);
    j.field("provenance_keys", lock.provenanceKeys).field("digests_in_file", lock.digestsInFile);
    j.endObject();
    j.key("imatrix");
    if (lock.imatrix) {
        const auto& im = *lock.imatrix;
        j.beginObject().field("path", im.path).field("label", im.label).field("bytes", im.file.bytes)
            .field("sha256", im.file.sha256).field("chunks", im.chunks).key("datasets");
        strings(im.datasets);
        j.endObject();
    } else {
        j.null();
    }
    j.key("split").beginObject().field("max_bytes", lock.split.maxBytes)
        .field("max_tensors", lock.split.maxTensors).endObject();
    j.key("tensors").beginArray();
    for (const auto& [name, type] : lock.tensorTypes)
        j.beginObject().field("name", name).field("type", type).endObject();
    j.endArray();
    j.key("outputs");
    files(lock.outputs);
    j.endObject();
    return j.str() + "\n";
}

Status saveLock(const QuantLock& lock, const fs::path& path) {
    const std::string text = serializeLock(lock);
    auto file = io::AtomicFile::create(path, text.size());
    if (!file) return file.error();
    QF_TRY(file->write(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size())));
    return file->commit();
}

namespace {

struct LockReader {
    const std::string& fileName;
    Error bad(std::string_view what) const {
        return makeError("{} is not a Quantforge lock file: {}", fileName, what);
    }
    Result<std::string> str(const JsonValue& obj, std::string_view key) const {
        const JsonValue* v = obj.find(key);
        if (!v || !v->asString()) return bad(fmt::format("'{}' is missing or not a string", key));
        return *v->asString();
    }
    Result<uint64_t> num(const JsonValue& obj, std::string_view key) const {
        const JsonValue* v = obj.find(key);
        if (!v || !v->asUInt()) return bad(fmt::format("'{}' is missing or not a whole number", key));
        return *v->asUInt();
    }
    Result<bool> flag(const JsonValue& obj, std::string_view key) const {
        const JsonValue* v = obj.find(key);
        if (!v || !v->asBool()) return bad(fmt::format("'{}' is missing or not true/false", key));
        return *v->asBool();
    }
    Result<std::vector<std::string>> strings(const JsonValue& obj, std::string_view key) const {
        const JsonValue* v = obj.find(key);
        if (!v || !v->asArray()) return bad(fmt::format("'{}' is missing or not a list", key));
        std::vector<std::string> out;
        for (const auto& item : *v->asArray()) {
            if (!item.asString()) return bad(fmt::format("'{}' holds something that is not a string", key));
            out.push_back(*item.asString());
        }
        return out;
    }
    Result<std::vector<LockedFile>> files(const JsonValue& obj, std::string_view key) const {
        const JsonValue* v = obj.find(key);
        if (!v || !v->asArray()) return bad(fmt::format("'{}' is missing or not a list", key));
        std::vector<LockedFile> out;
        for (const auto& item : *v->asArray()) {
            LockedFile f;
            auto name = str(item, "name");
            auto bytes = num(item, "bytes");
            auto sha = str(item, "sha256");
            if (!name || !bytes || !sha) return bad(fmt::format("an entry of '{}' lacks name, bytes or sha256", key));
            out.push_back({*name, *bytes, *sha});
        }
        return out;
    }
};

#define QF_LOCK_GET(var, expr)                                                                               \
    auto var = (expr);                                                                                       \
    if (!var) return var.error()

} // namespace

Result<QuantLock> parseLock(std::string_view text, const std::string& fileName) {
    auto doc = parseJson(text);
    if (!doc) return rewordError(doc.error(), "{}: {}", fileName, doc.error().message);
    LockReader r{fileName};
    if (!doc->isObject()) return r.bad("not a JSON object");
    QF_LOCK_GET(format, r.str(*doc, "format"));
    if (*format != "quantforge.lock") return r.bad("its format is '" + *format + "'");
    QF_LOCK_GET(version, r.num(*doc, "version"));
    if (*version != QuantLock::kFormatVersion)
        return makeError("{} is a lock of format version {}; this Quantforge reads version {}", fileName, *version,
                         QuantLock::kFormatVersion);
    QuantLock lock;
    QF_LOCK_GET(tool, r.str(*doc, "tool"));
    lock.tool = *tool;
    const JsonValue* source = doc->find("source");
    if (!source || !source->isObject()) return r.bad("'source' is missing");
    QF_LOCK_GET(sourcePath, r.str(*source, "path"));
    QF_LOCK_GET(kind, r.str(*source, "kind"));
    QF_LOCK_GET(sourceSha, r.str(*source, "sha256"));
    QF_LOCK_GET(sourceFiles, r.files(*source, "files"));
    lock.sourcePath = *sourcePath;
    lock.sourceIsHfFolder = *kind == "hf-folder";
    lock.source = {*sourceFiles, *sourceSha};
    QF_LOCK_GET(preset, r.str(*doc, "preset"));
    lock.preset = *preset;
    const JsonValue* options = doc->find("options");
    if (!options || !options->isObject()) return r.bad("'options' is missing");
    QF_LOCK_GET(leave, r.flag(*options, "leave_output_tensor"));
    QF_LOCK_GET(pure, r.flag(*options, "pure"));
    QF_LOCK_GET(requant, r.flag(*options, "allow_requantize"));
    QF_LOCK_GET(outType, r.str(*options, "output_tensor_type"));
    QF_LOCK_GET(embType, r.str(*options, "token_embedding_type"));
    QF_LOCK_GET(include, r.strings(*options, "include_weights"));
    QF_LOCK_GET(provenance, r.flag(*options, "provenance_keys"));
    QF_LOCK_GET(digests, r.flag(*options, "digests_in_file"));
    lock.provenanceKeys = *provenance;
    lock.digestsInFile = *digests;
    QF_LOCK_GET(exclude, r.strings(*options, "exclude_weights"));
    lock.leaveOutputTensor = *leave;
    lock.pure = *pure;
    lock.allowRequantize = *requant;
    lock.outputTensorType = *outType;
    lock.tokenEmbeddingType = *embType;
    lock.includeWeights = *include;
    lock.excludeWeights = *exclude;
    const JsonValue* rules = options->find("tensor_type");
    if (!rules || !rules->asArray()) return r.bad("'tensor_type' is missing");
    for (const auto& rule : *rules->asArray()) {
        QF_LOCK_GET(pattern, r.str(rule, "pattern"));
        QF_LOCK_GET(type, r.str(rule, "type"));
        lock.tensorTypeRules.emplace_back(*pattern, *type);
    }
    const JsonValue* im = doc->find("imatrix");
    if (!im) return r.bad("'imatrix' is missing");
    if (im->isObject()) {
        QuantLock::ImatrixRecord rec;
        QF_LOCK_GET(path, r.str(*im, "path"));
        QF_LOCK_GET(label, r.str(*im, "label"));
        QF_LOCK_GET(bytes, r.num(*im, "bytes"));
        QF_LOCK_GET(sha, r.str(*im, "sha256"));
        QF_LOCK_GET(chunks, r.num(*im, "chunks"));
        QF_LOCK_GET(datasets, r.strings(*im, "datasets"));
        rec.path = *path;
        rec.label = *label;
        rec.file = {fs::path(*path).filename().string(), *bytes, *sha};
        rec.chunks = uint32_t(std::min<uint64_t>(*chunks, UINT32_MAX));
        rec.datasets = *datasets;
        lock.imatrix = std::move(rec);
    }
    const JsonValue* split = doc->find("split");
    if (!split || !split->isObject()) return r.bad("'split' is missing");
    QF_LOCK_GET(maxBytes, r.num(*split, "max_bytes"));
    QF_LOCK_GET(maxTensors, r.num(*split, "max_tensors"));
    if (*maxTensors > UINT32_MAX) return r.bad("'max_tensors' is too large");
    lock.split = {*maxBytes, uint32_t(*maxTensors)};
    const JsonValue* tensors = doc->find("tensors");
    if (!tensors || !tensors->asArray()) return r.bad("'tensors' is missing");
    for (const auto& t : *tensors->asArray()) {
        QF_LOCK_GET(name, r.str(t, "name"));
        QF_LOCK_GET(type, r.str(t, "type"));
        lock.tensorTypes.emplace_back(*name, *type);
    }
    QF_LOCK_GET(outputs, r.files(*doc, "outputs"));
    if (outputs->empty()) return r.bad("it lists no output file");
    lock.outputs = *outputs;
    return lock;
}

Result<QuantLock> loadLock(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot read the lock file {}", path.string());
    std::ostringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    if (s.size() > (64u << 20)) return makeError("{} is too large for a lock file", path.string());
    return parseLock(s, path.string());
}

PlanOptions lockedPlanOptions(const QuantLock& lock) {
    PlanOptions o;
    o.leaveOutputTensor = lock.leaveOutputTensor;
    o.pure = lock.pure;
    o.allowRequantize = lock.allowRequantize;
    if (!lock.outputTensorType.empty()) o.outputTensorType = ggmlTypeFromName(lock.outputTensorType);
    if (!lock.tokenEmbeddingType.empty()) o.tokenEmbeddingType = ggmlTypeFromName(lock.tokenEmbeddingType);
    for (const auto& [pattern, type] : lock.tensorTypeRules)
        if (auto t = ggmlTypeFromName(type)) o.tensorTypes.push_back({pattern, *t});
    o.includeWeights = lock.includeWeights;
    o.excludeWeights = lock.excludeWeights;
    o.writeProvenance = lock.provenanceKeys;
    if (lock.digestsInFile) o.sourceSha256 = lock.source.sha256;
    if (lock.imatrix) {
        if (lock.digestsInFile) o.imatrixSha256 = lock.imatrix->file.sha256;
        o.imatrixFileLabel = lock.imatrix->label;
    }
    return o;
}

} // namespace qf::quant
