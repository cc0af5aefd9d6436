#include "qf/eval/results_sidecar.h"

#include <cmath>
#include <fstream>
#include <iterator>

#include "qf/gguf/gguf_file.h"
#include "qf/io/atomic_file.h"
#include "qf/io/data_location.h"
#include "qf/json_reader.h"
#include "qf/json_writer.h"
#include "qf/sha256.h"

namespace qf::eval {

namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kFormatName = "quantforge-evaluation";
// A sidecar holds a handful of evaluations; anything far larger is not ours.
constexpr uintmax_t kMaxSidecarBytes = 4u << 20;
constexpr uint32_t kMaxDepth = 16;

std::optional<StoredEvaluation> evaluationFromJson(const JsonValue& item) {
    StoredEvaluation e;
    const JsonValue* sha = item.find("text_sha256");
    // Plain doubles (NaN when absent): GCC 12 misreads optionals here as maybe-uninitialized.
    auto field = [&](const char* name) {
        const JsonValue* v = item.find(name);
        return v ? v->asDouble().value_or(std::nan("")) : std::nan("");
    };
    const double context = field("context");
    const double limit = field("chunk_limit");
    const double ppl = field("perplexity");
    if (!sha || !sha->asString() || sha->asString()->size() != 64 || !std::isfinite(context) ||
        !std::isfinite(limit) || !std::isfinite(ppl))
        return std::nullopt;
    if (context < 1 || context > 1e7 || limit < -1 || limit > 1e9) return std::nullopt;
    e.key = {*sha->asString(), uint32_t(context), int(limit)};
    e.perplexity = ppl;
    auto number = [&](const char* name) -> std::optional<double> {
        const JsonValue* v = item.find(name);
        const auto d = v ? v->asDouble() : std::nullopt;
        return d && std::isfinite(*d) ? d : std::nullopt;
    };
    auto text = [&](const char* name) -> std::string {
        const JsonValue* v = item.find(name);
        return v && v->asString() ? *v->asString() : std::string();
    };
    e.perplexityError = number("perplexity_error").value_or(0.0);
    e.tokensPerSecond = number("tokens_per_second").value_or(0.0);
    e.generationTokensPerSecond = number("generation_tokens_per_second");
    const double bytes = number("file_bytes").value_or(0.0);
    e.fileBytes = bytes > 0 && bytes < 1e18 ? uint64_t(bytes) : 0;
    const double chunks = number("chunks").value_or(0.0);
    e.chunks = chunks > 0 && chunks < 1e9 ? int(chunks) : 0;
    e.textName = text("text");
    e.fileDigest = text("file_digest");
    e.baseFile = text("base");
    e.measuredAt = text("measured_at");
    e.meanKld = number("mean_kld");
    e.meanKldError = number("mean_kld_error");
    e.sameTop = number("same_top");
    e.sameTopError = number("same_top_error");
    return e;
}

} // namespace

const StoredEvaluation* ResultsSidecar::find(const EvaluationKey& key) const {
    for (const StoredEvaluation& e : evaluations) {
        if (e.key == key) return &e;
    }
    return nullptr;
}

void ResultsSidecar::upsert(StoredEvaluation evaluation) {
    for (StoredEvaluation& e : evaluations) {
        if (e.key == evaluation.key) {
            e = std::move(evaluation);
            return;
        }
    }
    evaluations.push_back(std::move(evaluation));
}

std::filesystem::path sidecarPath(const std::filesystem::path& evaluatedFile) {
    return io::derivedFilePath(evaluatedFile, evaluatedFile.filename().string() + ".quantforge.json", "results");
}

std::string sidecarToJson(const ResultsSidecar& sidecar) {
    JsonWriter w;
    w.beginObject();
    w.field("format", kFormatName);
    w.field("version", kFormatVersion);
    w.key("evaluations").beginArray();
    for (const StoredEvaluation& e : sidecar.evaluations) {
        w.beginObject();
        w.field("text", e.textName);
        w.field("text_sha256", e.key.textSha256);
        w.field("context", e.key.context);
        w.field("chunk_limit", e.key.chunkLimit);
        w.field("chunks", e.chunks);
        w.field("file_bytes", e.fileBytes);
        if (!e.fileDigest.empty()) w.field("file_digest", e.fileDigest);
        w.field("perplexity", e.perplexity);
        w.field("perplexity_error", e.perplexityError);
        w.field("tokens_per_second", e.tokensPerSecond);
        if (e.generationTokensPerSecond)
            w.field("generation_tokens_per_second", *e.generationTokensPerSecond);
        if (!e.baseFile.empty()) w.field("base", e.baseFile);
        if (e.meanKld) w.field("mean_kld", *e.meanKld);
        if (e.meanKldError) w.field("mean_kld_error", *e.meanKldError);
        if (e.sameTop) w.field("same_top", *e.sameTop);
        if (e.sameTopError) w.field("same_top_error", *e.sameTopError);
        if (!e.measuredAt.empty()) w.field("measured_at", e.measuredAt);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.str() + "\n";
}

Result<ResultsSidecar> sidecarFromJson(std::string_view json) {
    JsonLimits limits;
    limits.maxDepth = kMaxDepth;
    limits.maxBytes = kMaxSidecarBytes;
    auto parsed = parseJson(json, limits);
    if (!parsed) return parsed.error();
    const JsonValue& root = *parsed;
    const JsonValue* format = root.find("format");
    if (!format || !format->asString() || *format->asString() != kFormatName)
        return makeError("not a Quantforge evaluation file (format is not \"{}\")", kFormatName);
    const JsonValue* version = root.find("version");
    if (!version || version->asDouble() != double(kFormatVersion))
        return makeError("unsupported evaluation file version (expected {})", kFormatVersion);
    ResultsSidecar sidecar;
    const JsonValue* list = root.find("evaluations");
    if (!list || !list->asArray()) return makeError("evaluation file without an \"evaluations\" array");
    for (const JsonValue& item : *list->asArray()) {
        if (auto e = evaluationFromJson(item)) sidecar.upsert(std::move(*e));
    }
    return sidecar;
}

namespace {

// A sidecar file as it is on disk; an empty one when none exists.
Result<ResultsSidecar> readSidecarFile(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return ResultsSidecar{};
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return makeError("{}: {}", path.string(), ec.message());
    if (size > kMaxSidecarBytes)
        return makeError("{}: {} bytes, more than an evaluation file can hold", path.string(), size);
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("{}: cannot open", path.string());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto sidecar = sidecarFromJson(text);
    if (!sidecar) return rewordError(sidecar.error(), "{}: {}", path.string(), sidecar.error().message);
    return sidecar;
}

Status writeSidecarFile(const std::filesystem::path& path, const ResultsSidecar& sidecar) {
    const std::string json = sidecarToJson(sidecar);
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    auto file = io::AtomicFile::create(path, json.size());
    if (!file) return rewordError(file.error(), "{}: {}", path.string(), file.error().message);
    QF_TRY(file->write({reinterpret_cast<const uint8_t*>(json.data()), json.size()}));
    QF_TRY(file->commit());
    return {};
}

// Whether `e` was measured on the content `digest` of a file of `bytes` bytes. Entries written before
// digests only have the size to go by.
bool measuredOn(const StoredEvaluation& e, const std::string& digest, uint64_t bytes) {
    if (!e.fileDigest.empty() && !digest.empty()) return e.fileDigest == digest;
    return e.fileBytes == 0 || e.fileBytes == bytes;
}

} // namespace

Result<std::string> fileContentDigest(const std::filesystem::path& path) {
    auto file = gguf::GgufFile::open(path);
    if (!file) return file.error();
    Sha256 sha;
    const uint64_t size = file->totalFileBytes();
    sha.update(&size, sizeof size);
    for (const gguf::TensorInfo& t : file->tensors()) {
        const uint64_t length = t.name.size();
        sha.update(&length, sizeof length);
        sha.update(t.name.data(), t.name.size());
        const uint32_t type = uint32_t(t.type);
        sha.update(&type, sizeof type);
        for (uint64_t d : t.shape)
            sha.update(&d, sizeof d);
        const std::span<const uint8_t> bytes = file->tensorData(t);
        constexpr size_t kSample = 4096;
        if (bytes.size() <= 3 * kSample) {
            sha.update(bytes);
        } else {
            sha.update(bytes.first(kSample));
            sha.update(bytes.subspan(bytes.size() / 2 - kSample / 2, kSample));
            sha.update(bytes.last(kSample));
        }
    }
    return Sha256::toHex(sha.finish());
}

std::filesystem::path contentResultsPath(const std::string& digest) {
    return io::userCacheFolder() / "results" / "by-content" / (digest + ".quantforge.json");
}

Result<ResultsSidecar> readSidecar(const std::filesystem::path& evaluatedFile) {
    auto beside = readSidecarFile(sidecarPath(evaluatedFile));
    if (!beside) return beside.error();
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(evaluatedFile, ec);
    const uint64_t bytes = ec ? 0 : uint64_t(size);
    auto digest = fileContentDigest(evaluatedFile);
    const std::string contentDigest = digest ? *digest : std::string();
    ResultsSidecar current;
    for (StoredEvaluation& e : beside->evaluations)
        // Not a readable GGUF file (nothing to judge by): as stored.
        if (ec || contentDigest.empty() || measuredOn(e, contentDigest, bytes)) current.upsert(std::move(e));
    if (!contentDigest.empty()) {
        // A copy measured elsewhere; what the sidecar beside the file has for the same key wins.
        if (auto byContent = readSidecarFile(contentResultsPath(contentDigest)))
            for (StoredEvaluation& e : byContent->evaluations)
                if (!current.find(e.key) && e.fileDigest == contentDigest) current.upsert(std::move(e));
    }
    return current;
}

Status storeEvaluation(const std::filesystem::path& evaluatedFile, const StoredEvaluation& stored) {
    StoredEvaluation evaluation = stored;
    if (evaluation.fileDigest.empty())
        if (auto digest = fileContentDigest(evaluatedFile)) evaluation.fileDigest = *digest;
    // Read the file as it is, stale entries included: they are replaced by key, not dropped silently.
    auto existing = readSidecarFile(sidecarPath(evaluatedFile));
    ResultsSidecar sidecar = existing ? std::move(existing).value() : ResultsSidecar{};
    sidecar.upsert(evaluation);
    QF_TRY(writeSidecarFile(sidecarPath(evaluatedFile), sidecar));
    if (!evaluation.fileDigest.empty()) {
        // Best effort: the sidecar beside the file is the record; the content store only finds copies.
        const std::filesystem::path byContent = contentResultsPath(evaluation.fileDigest);
        auto known = readSidecarFile(byContent);
        ResultsSidecar content = known ? std::move(known).value() : ResultsSidecar{};
        content.upsert(evaluation);
        (void)writeSidecarFile(byContent, content);
    }
    return {};
}

std::string textSha256Hex(std::string_view text) {
    Sha256 sha;
    sha.update(text.data(), text.size());
    return Sha256::toHex(sha.finish());
}

} // namespace qf::eval
