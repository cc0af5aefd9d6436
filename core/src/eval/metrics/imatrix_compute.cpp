#include "qf/eval/imatrix_compute.h"

#include "qf/io/bounded_read.h"
#include "qf/io/data_location.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>

#include <fmt/format.h>
#include <zstd.h>

#include "qf/eval/inference_session.h"
#include "qf/eval/logprob_cache.h"
#include "qf/eval/perplexity.h"
#include "qf/sha256.h"

namespace qf::eval {
namespace {

// llama-imatrix skips products over fewer rows: quantized inference never multiplies such small batches
// by these weights through the paths the imatrix is meant for.
constexpr int64_t kMinCollectedRows = 16;
constexpr char kCacheMagic[8] = {'Q', 'F', 'I', 'M', 'A', 'T', '0', '3'};
constexpr int kImatrixZstdLevel = 3;

std::vector<std::string> weightOrder(const LlamaModel& model, bool includeOutput) {
    std::vector<std::string> names;
    for (const LayerWeights& l : model.layers()) {
        for (const WeightMatrix* w : {&l.attnQ, &l.attnK, &l.attnV, &l.attnQkv, &l.attnOutput, &l.ffnGateInp,
                                      &l.ffnGate, &l.ffnUp, &l.ffnDown})
            if (w->data) names.push_back(w->name);
        for (const ExpertWeights* e : {&l.ffnGateExps, &l.ffnUpExps, &l.ffnDownExps})
            if (!e->empty()) names.push_back(e->name);
    }
    if (includeOutput) names.push_back(model.output().name);
    return names;
}

void collect(const MatmulInput& in, std::map<std::string, ImatrixStats>& stats) {
    ImatrixStats& s = stats[in.weight->name];
    // Experts of a 3-D tensor: one run of `width` sums per expert, side by side (llama-imatrix's layout for
    // mul_mat_id); rows and calls count the tokens of all experts together.
    const size_t offset = in.expert >= 0 ? size_t(in.expert) * size_t(in.width) : 0;
    if (s.sumSquares.empty()) s.sumSquares.assign(size_t(std::max(in.expertCount, 1)) * size_t(in.width), 0.0);
    if (in.expert <= 0) ++s.calls;
    if (in.expert >= 0) {
        if (s.expertRows.size() < size_t(in.expertCount)) s.expertRows.resize(size_t(in.expertCount), 0);
        s.expertRows[size_t(in.expert)] += uint64_t(in.tokens);
    }
    s.rows += uint64_t(in.tokens);
    double* sums = s.sumSquares.data() + offset;
    for (int64_t t = 0; t < in.tokens; ++t) {
        const float* x = in.activations + t * in.stride;
        for (int64_t c = 0; c < in.width; ++c)
            sums[c] += double(x[c]) * double(x[c]);
    }
}

// --- cache serialization: little-endian, zstd-compressed -----------------------------------------

struct Writer {
    std::vector<uint8_t> bytes;
    template <typename T> void put(T v) {
        const auto* p = reinterpret_cast<const uint8_t*>(&v);
        bytes.insert(bytes.end(), p, p + sizeof(T));
    }
    void putBytes(const void* data, size_t n) {
        const auto* p = static_cast<const uint8_t*>(data);
        bytes.insert(bytes.end(), p, p + n);
    }
};

struct Reader {
    std::span<const uint8_t> bytes;
    size_t at = 0;
    bool ok = true;
    template <typename T> T get() {
        T v{};
        if (bytes.size() - at < sizeof(T)) {
            ok = false;
            return v;
        }
        std::memcpy(&v, bytes.data() + at, sizeof(T));
        at += sizeof(T);
        return v;
    }
    bool getBytes(void* out, size_t n) {
        if (bytes.size() - at < n) return ok = false;
        if (n == 0) return true; // an empty vector's data() may be null, which memcpy must not get
        std::memcpy(out, bytes.data() + at, n);
        at += n;
        return true;
    }
};

std::vector<uint8_t> serializeResult(const ImatrixResult& r) {
    Writer w;
    w.putBytes(kCacheMagic, sizeof kCacheMagic);
    w.put<uint32_t>(r.context);
    w.put<int32_t>(r.chunks);
    w.put<uint64_t>(r.textTokens);
    w.put<double>(r.perplexity);
    w.put<double>(r.perplexityError);
    w.put<double>(r.seconds);
    w.put<double>(r.tokensPerSecond);
    w.put<uint32_t>(uint32_t(r.order.size()));
    for (const std::string& name : r.order) {
        const ImatrixStats& s = r.stats.at(name);
        w.put<uint32_t>(uint32_t(name.size()));
        w.putBytes(name.data(), name.size());
        w.put<uint32_t>(s.calls);
        w.put<uint64_t>(s.rows);
        w.put<uint32_t>(uint32_t(s.sumSquares.size()));
        w.putBytes(s.sumSquares.data(), s.sumSquares.size() * sizeof(double));
        w.put<uint32_t>(uint32_t(s.expertRows.size()));
        w.putBytes(s.expertRows.data(), s.expertRows.size() * sizeof(uint64_t));
    }
    return w.bytes;
}

std::optional<ImatrixResult> parseResult(std::span<const uint8_t> bytes) {
    Reader in{bytes};
    char magic[8];
    if (!in.getBytes(magic, 8) || std::memcmp(magic, kCacheMagic, 8) != 0) return std::nullopt;
    ImatrixResult r;
    r.context = in.get<uint32_t>();
    r.chunks = in.get<int32_t>();
    r.textTokens = in.get<uint64_t>();
    r.perplexity = in.get<double>();
    r.perplexityError = in.get<double>();
    r.seconds = in.get<double>();
    r.tokensPerSecond = in.get<double>();
    const uint32_t count = in.get<uint32_t>();
    for (uint32_t i = 0; in.ok && i < count; ++i) {
        const uint32_t len = in.get<uint32_t>();
        if (!in.ok || len > in.bytes.size() - in.at) return std::nullopt;
        std::string name(len, '\0');
        in.getBytes(name.data(), len);
        ImatrixStats s;
        s.calls = in.get<uint32_t>();
        s.rows = in.get<uint64_t>();
        const uint32_t cols = in.get<uint32_t>();
        if (!in.ok || uint64_t(cols) * sizeof(double) > in.bytes.size() - in.at) return std::nullopt;
        s.sumSquares.resize(cols);
        in.getBytes(s.sumSquares.data(), cols * sizeof(double));
        const uint32_t experts = in.get<uint32_t>();
        if (!in.ok || uint64_t(experts) * sizeof(uint64_t) > in.bytes.size() - in.at) return std::nullopt;
        s.expertRows.resize(experts);
        in.getBytes(s.expertRows.data(), experts * sizeof(uint64_t));
        r.order.push_back(name);
        r.stats.emplace(std::move(name), std::move(s));
    }
    if (!in.ok || in.at != bytes.size()) return std::nullopt;
    return r;
}

Result<std::vector<uint8_t>> readFileBytes(const std::filesystem::path& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return makeError("cannot open {}", path.string());
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (f.bad()) return makeError("cannot read {}", path.string());
    return bytes;
}

Result<std::vector<uint8_t>> zstdDecompress(std::span<const uint8_t> in) {
    std::vector<uint8_t> out;
    ZSTD_DStream* stream = ZSTD_createDStream();
    if (!stream) return makeError("zstd: out of memory");
    ZSTD_inBuffer input{in.data(), in.size(), 0};
    std::vector<uint8_t> chunk(ZSTD_DStreamOutSize());
    size_t ret = 1;
    while (input.pos < input.size) {
        ZSTD_outBuffer output{chunk.data(), chunk.size(), 0};
        ret = ZSTD_decompressStream(stream, &output, &input);
        if (ZSTD_isError(ret)) {
            ZSTD_freeDStream(stream);
            return makeError("zstd: {}", ZSTD_getErrorName(ret));
        }
        out.insert(out.end(), chunk.begin(), chunk.begin() + ptrdiff_t(output.pos));
        if (out.size() > io::kMaxTextBytes) {
            ZSTD_freeDStream(stream);
            return makeError("zstd: the text unpacks to more than {} bytes", io::kMaxTextBytes);
        }
    }
    ZSTD_freeDStream(stream);
    if (ret != 0) return makeError("zstd: truncated frame");
    return out;
}

} // namespace

Result<quant::Imatrix> ImatrixResult::toImatrix(quant::ImatrixFormat format,
                                                const std::string& datasetName) const {
    quant::Imatrix m;
    m.format = format;
    if (!datasetName.empty()) m.datasets.push_back(datasetName);
    m.chunkCount = uint32_t(chunks);
    m.chunkSize = context;
    for (const std::string& name : order) {
        auto it = stats.find(name);
        if (it == stats.end() || it->second.rows == 0) continue; // never collected: llama-imatrix omits it
        const ImatrixStats& s = it->second;
        quant::ImatrixEntry e;
        e.name = name;
        e.sumSquares.resize(s.sumSquares.size());
        if (format == quant::ImatrixFormat::Gguf) {
            for (size_t c = 0; c < s.sumSquares.size(); ++c)
                e.sumSquares[c] = float(s.sumSquares[c]);
            e.counts = {double(s.rows)};
            if (!s.expertRows.empty()) e.counts.assign(s.expertRows.begin(), s.expertRows.end());
        } else {
            // Legacy stores the mean square times ncall (llama-quantize divides by ncall again).
            for (size_t c = 0; c < s.sumSquares.size(); ++c)
                e.sumSquares[c] = float(s.sumSquares[c] / double(s.rows) * double(s.calls));
            e.counts = {double(s.calls)};
        }
        QF_TRY(m.add(std::move(e)));
    }
    return m;
}

Result<ImatrixResult> computeImatrix(const LlamaModel& model, std::string_view text,
                                     const ImatrixParams& params, const ProgressFn& progress,
                                     std::stop_token stop) {
    if (params.context == 0) return makeError("the context size must be positive");
    const uint32_t batch = params.batch ? std::min(params.batch, params.context) : params.context;
    const std::vector<Token> tokens = model.tokenizer().tokenize(text, true);
    if (tokens.size() < 2 * size_t(params.context))
        return makeError("the text tokenizes to only {} tokens; a context of {} needs at least {}",
                         tokens.size(), params.context, 2 * size_t(params.context));
    auto planned = planChunks(tokens.size(), params.context, params.maxChunks);
    if (!planned) return planned.error();
    const ChunkPlan plan = *planned;

    ImatrixResult result;
    result.context = params.context;
    result.chunks = plan.chunks;
    result.textTokens = tokens.size();
    result.order = weightOrder(model, params.includeOutput);

    SessionOptions options;
    options.contextLength = params.context;
    options.threads = params.threads;
    options.llamaCppRounding = params.llamaCppRounding;
    InferenceSession session(model, options);
    session.setMatmulHook([&](const MatmulInput& in) {
        // An expert sees only the tokens routed to it: the threshold applies to the batch (the router's).
        if (in.expert < 0 && in.tokens < kMinCollectedRows) return;
        if (in.layer < 0 && !params.includeOutput) return;
        collect(in, result.stats);
    });

    NllAccumulator nll;
    std::vector<float> logits;
    const auto start = std::chrono::steady_clock::now();
    const size_t vocab = model.params().vocabulary;
    for (int c = 0; c < plan.chunks; ++c) {
        if (stop.stop_requested()) return cancelledError();
        const std::vector<Token> chunk = chunkTokens(model, tokens, plan, c);
        session.reset();
        for (uint32_t b = 0; b < params.context; b += batch) {
            const uint32_t n = std::min(batch, params.context - b);
            // Only the batch holding the scored half needs logits; earlier rows are skipped.
            const uint32_t firstOut = b + n > plan.firstScored ? std::max(plan.firstScored, b) - b : n;
            QF_TRY(session.decode(std::span(chunk).subspan(b, n), firstOut, logits, stop));
            for (uint32_t i = firstOut; i < n; ++i) {
                const uint32_t pos = b + i;
                if (pos + 1 >= params.context) break;
                nll.add(negativeLogLikelihood(std::span(logits).subspan(size_t(i - firstOut) * vocab, vocab),
                                              chunk[pos + 1]));
            }
        }
        if (params.onChunk) params.onChunk(c + 1, nll.perplexity());
        if (progress)
            progress({"computing importance matrix", uint64_t(c + 1) * params.context,
                      uint64_t(plan.chunks) * params.context, "tokens"});
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.tokensPerSecond = result.seconds > 0 ? double(plan.chunks) * params.context / result.seconds : 0.0;
    result.perplexity = nll.perplexity();
    result.perplexityError = nll.perplexityError();
    return result;
}

Result<std::string> readCalibrationText(const std::filesystem::path& path) {
    auto bytes = io::readBoundedFile(path);
    if (!bytes) return bytes.error();
    std::string text;
    if (path.extension() == ".zst") {
        auto plain = zstdDecompress(*bytes);
        if (!plain) return plain.error();
        text.assign(plain->begin(), plain->end());
    } else {
        text.assign(bytes->begin(), bytes->end());
    }
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

std::filesystem::path imatrixCachePath(const LlamaModel& model, const std::filesystem::path& modelPath,
                                       std::string_view text, const ImatrixParams& params,
                                       const std::filesystem::path& cacheFolder) {
    Sha256 h;
    h.update(text.data(), text.size());
    const Digest modelDigest = baseModelDigest(model);
    h.update(modelDigest.data(), modelDigest.size());
    const std::string key =
        fmt::format("{}|{}|{}|{}", params.batch ? params.batch : params.context, params.maxChunks,
                    int(params.llamaCppRounding), int(params.includeOutput));
    h.update(key.data(), key.size());
    const std::string name = fmt::format("{}.imatrix-c{}-{}.qfim", modelPath.filename().string(),
                                         params.context, Sha256::toHex(h.finish()).substr(0, 12));
    return cacheFolder.empty() ? io::derivedFilePath(modelPath, name, "imatrix") : cacheFolder / name;
}

Result<ImatrixResult> computeImatrixCached(const LlamaModel& model, const std::filesystem::path& modelPath,
                                           std::string_view text, const ImatrixParams& params,
                                           const std::filesystem::path& cacheFolder,
                                           const ProgressFn& progress, std::stop_token stop) {
    const std::filesystem::path cache = imatrixCachePath(model, modelPath, text, params, cacheFolder);
    if (auto bytes = readFileBytes(cache)) {
        if (auto plain = zstdDecompress(*bytes)) {
            if (auto cached = parseResult(*plain)) {
                cached->fromCache = true;
                return std::move(*cached);
            }
        }
    }
    auto result = computeImatrix(model, text, params, progress, stop);
    if (!result) return result;
    const std::vector<uint8_t> plain = serializeResult(*result);
    std::vector<uint8_t> packed(ZSTD_compressBound(plain.size()));
    const size_t n = ZSTD_compress(packed.data(), packed.size(), plain.data(), plain.size(), kImatrixZstdLevel);
    if (!ZSTD_isError(n)) {
        // Write beside and rename, so that a reader never sees half a cache.
        const std::filesystem::path temp = cache.string() + ".part";
        std::ofstream f(temp, std::ios::binary);
        if (f.write(reinterpret_cast<const char*>(packed.data()), std::streamsize(n)) &&
            (f.close(), !f.fail())) {
            std::error_code ec;
            std::filesystem::rename(temp, cache, ec);
            if (ec) std::filesystem::remove(temp, ec);
        } else {
            std::error_code ec;
            std::filesystem::remove(temp, ec);
        }
    }
    return result;
}

} // namespace qf::eval
