#include "qf/eval/llama_logits_file.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

#include "qf/eval/inference_session.h"
#include "quant/kernel_table.h"
#include "qf/parallel.h"

namespace qf::eval {

Result<LlamaLogitsFile> LlamaLogitsFile::open(const std::filesystem::path& path) {
    LlamaLogitsFile f;
    f.m_path = path;
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) return makeError("{}: cannot read: {}", path.string(), ec.message());
    f.m_in.open(path, std::ios::binary);
    if (!f.m_in) return makeError("{}: cannot open", path.string());
    char magic[8] = {};
    uint32_t context = 0;
    int32_t vocabulary = 0, chunks = 0;
    f.m_in.read(magic, 8);
    f.m_in.read(reinterpret_cast<char*>(&context), 4);
    f.m_in.read(reinterpret_cast<char*>(&vocabulary), 4);
    f.m_in.read(reinterpret_cast<char*>(&chunks), 4);
    if (!f.m_in || std::memcmp(magic, "_logits_", 8) != 0)
        return makeError("{}: not a llama-perplexity --kl-divergence-base file (no _logits_ header)",
                         path.string());
    if (context < 4 || context > (1u << 24) || vocabulary <= 0 || chunks <= 0)
        return makeError("{}: implausible header (context {}, vocabulary {}, chunks {})", path.string(), context,
                         vocabulary, chunks);
    f.m_context = context;
    f.m_vocabulary = uint32_t(vocabulary);
    f.m_chunks = chunks;
    const uint64_t tokenBytes = uint64_t(context) * uint64_t(chunks) * 4;
    const uint64_t chunkBytes = uint64_t(f.rowsPerChunk()) * f.rowValues() * 2;
    const uint64_t expected = 20 + tokenBytes + chunkBytes * uint64_t(chunks);
    if (size != expected)
        return makeError("{}: {} bytes, but a file of {} chunks of {} tokens over {} tokens has {}", path.string(),
                         size, chunks, context, vocabulary, expected);
    f.m_tokens.resize(size_t(context) * size_t(chunks));
    f.m_in.read(reinterpret_cast<char*>(f.m_tokens.data()), std::streamsize(tokenBytes));
    if (!f.m_in) return makeError("{}: cannot read the tokens", path.string());
    for (Token t : f.m_tokens)
        if (t < 0 || uint32_t(t) >= f.m_vocabulary)
            return makeError("{}: token id {} is outside its vocabulary of {}", path.string(), t, vocabulary);
    f.m_dataOffset = 20 + tokenBytes;
    return f;
}

Status LlamaLogitsFile::readChunk(int index, std::vector<uint16_t>& out) {
    if (index < 0 || index >= m_chunks) return makeError("{}: no chunk {}", m_path.string(), index);
    out.resize(size_t(rowsPerChunk()) * rowValues());
    const uint64_t bytes = out.size() * 2;
    m_in.clear();
    m_in.seekg(std::streamoff(m_dataOffset + uint64_t(index) * bytes));
    m_in.read(reinterpret_cast<char*>(out.data()), std::streamsize(bytes));
    if (!m_in) return makeError("{}: cannot read chunk {}", m_path.string(), index + 1);
    return {};
}

KldToken compareStoredRow(std::span<const float> logits, const uint16_t* storedRow, Token next) {
    const int64_t n = int64_t(logits.size());
    const VectorOps& ops = dispatch::kernels().vector;
    float scale = 0, minLogProb = 0;
    std::memcpy(&scale, storedRow, 4);
    std::memcpy(&minLogProb, storedRow + 2, 4);
    const uint16_t* q = storedRow + 4;
    thread_local std::vector<float> scratch;
    scratch.resize(size_t(n));

    KldToken out;
    const float maxLogit = ops.maxOf(logits.data(), n);
    const size_t top = size_t(std::find(logits.begin(), logits.end(), maxLogit) - logits.begin());
    const double sumExp = ops.expShifted(logits.data(), maxLogit, scratch.data(), n);
    const float logSumExp = float(std::log(sumExp));
    const float logNorm = maxLogit + logSumExp;
    out.nll = logNorm - logits[size_t(next)];
    out.nllBase = -(scale * float(q[next]) + minLogProb);
    double sum = 0.0, exact = 0.0;
    size_t topBase = 0;
    float topBaseLogProb = 0.0f;
    for (int64_t i = 0; i < n; ++i) {
        const float logProb = scale * float(q[i]) + minLogProb;
        if (i == 0 || logProb > topBaseLogProb) {
            topBaseLogProb = logProb;
            topBase = size_t(i);
        }
        const float p = std::exp(logProb);
        const double term = double(p) * double(logProb - logits[size_t(i)] + logNorm);
        if (logProb > -16.0f) sum += term;
        exact += term;
    }
    out.kld = sum;
    out.exactKld = exact;
    out.sameTop = top == topBase;
    out.pDiff = std::exp(-out.nll) - std::exp(-out.nllBase);
    return out;
}

Result<KldResult> computeKldAgainstLlamaLogits(const LlamaModel& model, const std::filesystem::path& file,
                                               const KldParams& params, const ProgressFn& progress,
                                               std::stop_token stop) {
    auto base = LlamaLogitsFile::open(file);
    if (!base) return base.error();
    const uint32_t vocab = model.params().vocabulary;
    if (base->vocabulary() != vocab)
        return makeError("{} holds logits over {} tokens; the model has {}", file.string(), base->vocabulary(),
                         vocab);
    const uint32_t context = base->context();
    int chunks = base->chunks();
    if (params.maxChunks >= 0) chunks = std::min(chunks, params.maxChunks);
    const uint32_t firstScored = context / 2, scored = base->rowsPerChunk();

    const unsigned threads = params.threads ? params.threads : hardwareThreads();
    InferenceSession session(model, {context, threads, params.llamaCppRounding, params.flashAttention});
    KldAccumulator accumulator;
    std::vector<float> logits;
    std::vector<uint16_t> stored;
    std::vector<KldToken> rows(scored);
    KldResult result;
    const auto started = std::chrono::steady_clock::now();
    for (int c = 0; c < chunks; ++c) {
        if (stop.stop_requested()) return cancelledError();
        if (progress) progress({"kl divergence", uint64_t(c), uint64_t(chunks), "chunks"});
        const auto begin = base->tokens().begin() + ptrdiff_t(size_t(c) * context);
        std::vector<Token> chunk(begin, begin + context);
        if (model.tokenizer().addsBos()) chunk[0] = model.tokenizer().bos();
        session.reset();
        QF_TRY(session.decode(chunk, firstScored, logits, stop));
        QF_TRY(base->readChunk(c, stored));
        parallelFor(scored, threads, [&](int64_t j) {
            const Token next = *(begin + ptrdiff_t(firstScored + uint32_t(j) + 1));
            rows[size_t(j)] = compareStoredRow({logits.data() + size_t(j) * vocab, vocab},
                                               stored.data() + size_t(j) * base->rowValues(), next);
        });
        for (const KldToken& t : rows)
            accumulator.add(t);
        if (params.onChunk) params.onChunk(c + 1, accumulator.summary(false));
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.summary = accumulator.summary(true);
    result.chunks = chunks;
    result.context = context;
    result.cachePath = file;
    result.cacheReused = true;
    if (progress) progress({"kl divergence", uint64_t(chunks), uint64_t(chunks), "chunks"});
    return result;
}

} // namespace qf::eval
