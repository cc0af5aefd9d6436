// The KL-divergence jobs: the base pass that fills the cache, and the comparison pass.
#include "qf/eval/kld.h"

#include "model/decoder_blocks.h"

#include <chrono>

#include "qf/eval/inference_session.h"
#include "qf/eval/logprob_cache.h"
#include "qf/eval/perplexity.h"
#include "qf/parallel.h"

namespace qf::eval {
namespace {

struct Prepared {
    std::vector<Token> tokens;
    ChunkPlan plan;
    BaseCacheHeader header;
    std::filesystem::path path;
};

Result<Prepared> prepare(const LlamaModel& base, std::string_view text, const KldParams& params) {
    Prepared p;
    p.tokens = base.tokenizer().tokenize(text, true);
    auto plan = planChunks(p.tokens.size(), params.context, params.maxChunks);
    if (!plan) return plan.error();
    p.plan = *plan;
    p.header.context = plan->context;
    p.header.chunks = uint32_t(plan->chunks);
    p.header.scoredPerChunk = plan->scoredPerChunk;
    p.header.embedding = base.params().embedding;
    p.header.vocabulary = base.params().vocabulary;
    p.header.textTokens = p.tokens.size();
    p.header.textDigest = textDigest(text);
    p.header.modelDigest = baseModelDigest(base);
    p.header.flags = (params.llamaCppRounding ? BaseCacheHeader::kLlamaCppRounding : 0) |
                     (params.llamaCppRounding && params.flashAttention ? BaseCacheHeader::kFlashAttention : 0);
    p.path = baseCachePath(base.file().path(), plan->context, p.header.textDigest, params.cacheFolder);
    return p;
}

Result<std::filesystem::path> buildCache(const LlamaModel& base, const Prepared& p, const KldParams& params,
                                         const ProgressFn& progress, std::stop_token stop, bool* reused) {
    if (const auto existing = BaseCacheReader::peek(p.path); existing && existing->covers(p.header)) {
        if (reused) *reused = true;
        return p.path;
    }
    if (reused) *reused = false;
    auto writer = BaseCacheWriter::create(p.path, p.header);
    if (!writer) return writer.error();
    InferenceSession session(base, {p.plan.context, params.threads, params.llamaCppRounding, params.flashAttention});
    std::vector<float> hidden;
    const size_t rowValues = size_t(p.plan.scoredPerChunk) * base.params().embedding;
    for (int c = 0; c < p.plan.chunks; ++c) {
        if (stop.stop_requested()) return cancelledError();
        if (progress) progress({"base model", uint64_t(c), uint64_t(p.plan.chunks), "chunks"});
        session.reset();
        QF_TRY(session.decode(chunkTokens(base, p.tokens, p.plan, c), p.plan.firstScored, hidden, stop,
                              DecodeOutput::Hidden));
        QF_TRY(writer->appendChunk({hidden.data(), rowValues}));
    }
    QF_TRY(writer->commit());
    return p.path;
}

} // namespace

Result<std::filesystem::path> prepareBaseCache(const LlamaModel& base, std::string_view text,
                                               const KldParams& params, const ProgressFn& progress,
                                               std::stop_token stop, bool* reused) {
    auto prepared = prepare(base, text, params);
    if (!prepared) return prepared.error();
    return buildCache(base, *prepared, params, progress, stop, reused);
}

Result<KldResult> computeKld(const LlamaModel& model, const LlamaModel& base, std::string_view text,
                             const KldParams& params, const ProgressFn& progress, std::stop_token stop) {
    const uint32_t vocab = model.params().vocabulary;
    if (vocab != base.params().vocabulary)
        return makeError("the model has {} tokens in its vocabulary, the base model {}", vocab,
                         base.params().vocabulary);
    auto prepared = prepare(base, text, params);
    if (!prepared) return prepared.error();
    const Prepared& p = *prepared;
    KldResult result;
    auto path = buildCache(base, p, params, progress, stop, &result.cacheReused);
    if (!path) return path.error();
    auto reader = BaseCacheReader::open(*path);
    if (!reader) return reader.error();
    if (!reader->header().covers(p.header)) return makeError("{} does not match this run", path->string());

    const unsigned threads = params.threads ? params.threads : hardwareThreads();
    InferenceSession session(model, {p.plan.context, threads, params.llamaCppRounding, params.flashAttention});
    KldAccumulator accumulator;
    std::vector<float> logits, hidden, baseLogits, rounded;
    std::vector<KldToken> rows(p.plan.scoredPerChunk);
    const auto started = std::chrono::steady_clock::now();
    for (int c = 0; c < p.plan.chunks; ++c) {
        if (stop.stop_requested()) return cancelledError();
        if (progress) progress({"kl divergence", uint64_t(c), uint64_t(p.plan.chunks), "chunks"});
        session.reset();
        QF_TRY(session.decode(chunkTokens(model, p.tokens, p.plan, c), p.plan.firstScored, logits, stop));
        QF_TRY(reader->readChunk(hidden));
        baseLogits.resize(size_t(p.plan.scoredPerChunk) * vocab);
        // The base logits exactly as the base pass would have produced them.
        if (params.llamaCppRounding)
            ggmlMatmul(base.output(), hidden.data(), base.params().embedding, p.plan.scoredPerChunk,
                       baseLogits.data(), vocab, threads, rounded);
        else
            matmul(base.output(), hidden.data(), base.params().embedding, p.plan.scoredPerChunk,
                   baseLogits.data(), vocab, threads);
        if (const float cap = base.params().finalLogitSoftcap; cap > 0)
            model::softcap(baseLogits.data(), int64_t(baseLogits.size()), cap);
        const size_t chunkStart = size_t(c) * p.plan.context;
        parallelFor(p.plan.scoredPerChunk, threads, [&](int64_t j) {
            const Token next = p.tokens[chunkStart + p.plan.firstScored + size_t(j) + 1];
            rows[size_t(j)] = compareRow({logits.data() + size_t(j) * vocab, vocab},
                                         {baseLogits.data() + size_t(j) * vocab, vocab}, next);
        });
        for (const KldToken& t : rows)
            accumulator.add(t);
        if (params.onChunk) params.onChunk(c + 1, accumulator.summary(false));
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.summary = accumulator.summary(true);
    result.chunks = p.plan.chunks;
    result.context = p.plan.context;
    result.cachePath = *path;
    if (progress) progress({"kl divergence", uint64_t(p.plan.chunks), uint64_t(p.plan.chunks), "chunks"});
    return result;
}

} // namespace qf::eval
