#include "qf/eval/evaluation_campaign.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>

#include "qf/eval/generation.h"
#include "qf/eval/kld.h"
#include "qf/eval/perplexity.h"

namespace qf::eval {

namespace {

// Generation speed: this many tokens, one at a time, after a prompt from the start of the text; short, so
// it adds seconds, not minutes, to a large model's run.
constexpr uint32_t kGenerationTokens = 32;
constexpr size_t kPromptBytes = 400;

std::string utcNow() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

size_t characterBoundary(std::string_view text, size_t n) {
    n = std::min(n, text.size());
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return n;
}

size_t promptTokenCount(const LlamaModel& model, std::string_view prompt) {
    const Tokenizer& vocab = model.tokenizer();
    return vocab.tokenize(prompt, false).size() + (vocab.addsBos() ? 1 : 0);
}

bool folderIsWritable(const std::filesystem::path& file) {
    std::filesystem::path folder = file.parent_path();
    if (folder.empty()) folder = ".";
    return ::access(folder.c_str(), W_OK) == 0;
}

// Adds what an earlier measurement of the same file under the same key knew and this one did not (a CLI
// perplexity run keeps the KL divergence the app measured), then stores.
Status storeMerged(const std::filesystem::path& file, StoredEvaluation e) {
    // Perplexity and KL divergence come from separate runs: keep what this one did not measure.
    if (auto sidecar = readSidecar(file)) {
        if (const StoredEvaluation* old = sidecar->find(e.key); old && old->fileBytes == e.fileBytes) {
            if (!e.generationTokensPerSecond) e.generationTokensPerSecond = old->generationTokensPerSecond;
            if (!e.meanKld && (e.baseFile.empty() || old->baseFile == e.baseFile)) {
                e.meanKld = old->meanKld;
                e.meanKldError = old->meanKldError;
                e.sameTop = old->sameTop;
                e.sameTopError = old->sameTopError;
            }
            if (e.baseFile.empty()) e.baseFile = old->baseFile;
        }
    }
    return storeEvaluation(file, e);
}

class Campaign {
public:
    Campaign(const CampaignParams& params, const CampaignEvents& events, std::stop_token stop)
        : m_params(params), m_events(events), m_stop(std::move(stop)), m_key(campaignKey(params)) {
        const int quants = int(params.quants.size());
        m_steps = (params.convertSource ? 1 : 0) + (params.measureSourcePerplexity ? 2 : 0) +
                  (quants > 0 ? 1 : 0) + 3 * quants;
        m_steps = std::max(m_steps, 1);
    }

    Status run() {
        const std::string sourceName = m_params.source.filename().string();
        std::filesystem::path sourceModel = m_params.source;
        if (m_params.convertSource) {
            auto converted = m_params.convertSource(progressFor(CampaignStage::ConvertSource, sourceName),
                                                    m_stop);
            if (!converted) return failure(sourceName, converted.error());
            sourceModel = *converted;
            ++m_step;
        }
        auto source = LlamaModel::open(sourceModel);
        if (!source) return failure(sourceName, source.error());

        if (m_params.measureSourcePerplexity) {
            auto measured = measure(**source, m_params.source);
            if (!measured) return measured.error();
            store(m_params.source, *measured);
        }
        if (m_params.quants.empty()) return {};

        KldParams kldParams;
        kldParams.context = m_params.context;
        kldParams.maxChunks = m_params.chunkLimit;
        kldParams.threads = m_params.threads;
        if (!folderIsWritable(m_params.source) && !m_params.fallbackCacheFolder.empty()) {
            std::error_code ec;
            std::filesystem::create_directories(m_params.fallbackCacheFolder, ec);
            kldParams.cacheFolder = m_params.fallbackCacheFolder;
        }
        auto cache = prepareBaseCache(**source, m_params.text, kldParams,
                                      progressFor(CampaignStage::ReferenceOutputs, sourceName), m_stop);
        if (!cache) return failure(sourceName, cache.error());
        ++m_step;

        for (const std::filesystem::path& path : m_params.quants) {
            const std::string name = path.filename().string();
            auto quant = LlamaModel::open(path);
            if (!quant) return failure(name, quant.error());
            auto measured = measure(**quant, path);
            if (!measured) return measured.error();
            auto kld = computeKld(**quant, **source, m_params.text, kldParams,
                                  progressFor(CampaignStage::KlDivergence, name), m_stop);
            if (!kld) return failure(name, kld.error());
            ++m_step;
            measured->baseFile = sourceName;
            measured->meanKld = kld->summary.meanKld.value;
            measured->meanKldError = kld->summary.meanKld.error;
            measured->sameTop = kld->summary.sameTop.value;
            measured->sameTopError = kld->summary.sameTop.error;
            store(path, *measured);
        }
        return {};
    }

private:
    // Perplexity and generation speed of one file (two steps).
    Result<StoredEvaluation> measure(const LlamaModel& model, const std::filesystem::path& path) {
        const std::string name = path.filename().string();
        PerplexityParams pplParams;
        pplParams.context = m_params.context;
        pplParams.maxChunks = m_params.chunkLimit;
        pplParams.threads = m_params.threads;
        auto ppl = computePerplexity(model, m_params.text, pplParams,
                                     progressFor(CampaignStage::Perplexity, name), m_stop);
        if (!ppl) return failure(name, ppl.error());
        ++m_step;
        StoredEvaluation e;
        e.key = m_key;
        e.textName = m_params.textName;
        std::error_code ec;
        const auto bytes = std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, ec) : 0;
        e.fileBytes = ec ? 0 : uint64_t(bytes);
        e.chunks = ppl->chunks;
        e.perplexity = ppl->perplexity;
        e.perplexityError = ppl->error;
        e.tokensPerSecond = ppl->tokensPerSecond;
        e.measuredAt = utcNow();
        if (m_params.measureGenerationSpeed) {
            report({CampaignStage::GenerationSpeed, name, 0, 0, double(m_step) / double(m_steps)});
            auto speed = generationSpeed(model);
            if (!speed) return failure(name, speed.error());
            e.generationTokensPerSecond = *speed;
        }
        ++m_step;
        return e;
    }

    Result<std::optional<double>> generationSpeed(const LlamaModel& model) {
        // Room for the generated tokens, and for at least as many prompt tokens, in the context.
        const uint32_t tokens = std::min(kGenerationTokens, m_params.context / 2);
        if (tokens == 0) return std::optional<double>();
        const std::string_view prompt =
            promptThatFits(model, m_params.text, m_params.context, tokens + 1, kPromptBytes);
        if (prompt.empty()) return std::optional<double>();
        GenerationParams params;
        params.maxTokens = int(tokens);
        params.context = m_params.context;
        params.threads = m_params.threads;
        auto generated = generate(model, prompt, params, {}, m_stop);
        if (!generated) return generated.error();
        if (generated->tokens.empty()) return std::optional<double>(); // ended at once: nothing to time
        return std::optional<double>(generated->generationTokensPerSecond);
    }

    ProgressFn progressFor(CampaignStage stage, const std::string& name) {
        return [this, stage, name](const Progress& p) {
            report({stage, name, p.done, p.total, (double(m_step) + p.fraction()) / double(m_steps)});
        };
    }

    void report(const CampaignProgress& progress) {
        if (m_events.onProgress) m_events.onProgress(progress);
    }

    void store(const std::filesystem::path& path, const StoredEvaluation& e) {
        const Status stored = storeMerged(path, e);
        if (m_events.onFileEvaluated) m_events.onFileEvaluated(path, e, stored);
    }

    static Error failure(const std::string& name, const Error& error) {
        if (isCancelled(error)) return error; // "cancelled", not one file's failure
        return rewordError(error, "{}: {}", name, error.message);
    }

    const CampaignParams& m_params;
    const CampaignEvents& m_events;
    std::stop_token m_stop;
    const EvaluationKey m_key;
    int m_steps = 1;
    int m_step = 0;
};

} // namespace

EvaluationKey campaignKey(const CampaignParams& params) {
    return EvaluationKey{textSha256Hex(params.text), params.context,
                         params.chunkLimit > 0 ? params.chunkLimit : -1};
}

std::string_view promptThatFits(const LlamaModel& model, std::string_view text, uint32_t context,
                                uint32_t reserveTokens, size_t maxBytes) {
    if (reserveTokens >= context) return {};
    const size_t budget = context - reserveTokens;
    size_t length = characterBoundary(text, maxBytes);
    // Shrink in proportion to the overshoot until the prompt fits; a few rounds at most.
    while (length > 0) {
        const size_t count = promptTokenCount(model, text.substr(0, length));
        if (count <= budget) return text.substr(0, length);
        const size_t shorter = std::min(length - 1, length * budget / count);
        length = characterBoundary(text, shorter);
    }
    return {};
}

namespace {

StoredEvaluation storedFor(const std::filesystem::path& file, std::string_view text, const std::string& textName,
                           uint32_t context, int chunkLimit) {
    StoredEvaluation e;
    e.key = EvaluationKey{textSha256Hex(text), context, chunkLimit > 0 ? chunkLimit : -1};
    e.textName = textName;
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(file, ec);
    e.fileBytes = ec ? 0 : uint64_t(bytes);
    e.measuredAt = utcNow();
    return e;
}

} // namespace

Status storePerplexityResult(const std::filesystem::path& file, std::string_view text,
                             const std::string& textName, int chunkLimit, const PerplexityResult& result) {
    StoredEvaluation e = storedFor(file, text, textName, result.context, chunkLimit);
    e.chunks = result.chunks;
    e.perplexity = result.perplexity;
    e.perplexityError = result.error;
    e.tokensPerSecond = result.tokensPerSecond;
    return storeMerged(file, std::move(e));
}

Status storeKldResult(const std::filesystem::path& file, const std::filesystem::path& base, std::string_view text,
                      const std::string& textName, int chunkLimit, const KldResult& result) {
    StoredEvaluation e = storedFor(file, text, textName, result.context, chunkLimit);
    const KldSummary& s = result.summary;
    e.chunks = result.chunks;
    e.perplexity = s.perplexity.value;
    e.perplexityError = s.perplexity.error;
    e.baseFile = base.filename().string();
    e.meanKld = s.meanKld.value;
    e.meanKldError = s.meanKld.error;
    e.sameTop = s.sameTop.value;
    e.sameTopError = s.sameTop.error;
    // The base's perplexity from the same pass is the app's baseline, unless a real perplexity run of the
    // base is stored already (the pass's comes from rounded log-probabilities).
    StoredEvaluation b = storedFor(base, text, textName, result.context, chunkLimit);
    b.chunks = result.chunks;
    b.perplexity = s.basePerplexity.value;
    b.perplexityError = s.basePerplexity.error;
    Status baseStored;
    auto baseSidecar = readSidecar(base);
    const StoredEvaluation* known = baseSidecar ? baseSidecar->find(b.key) : nullptr;
    if (!known || known->fileBytes != b.fileBytes) baseStored = storeMerged(base, std::move(b));
    const Status stored = storeMerged(file, std::move(e));
    return stored ? baseStored : stored;
}

Status runEvaluationCampaign(const CampaignParams& params, const CampaignEvents& events,
                             std::stop_token stop) {
    if (params.text.empty()) return makeError("the evaluation text is empty");
    try {
        return Campaign(params, events, std::move(stop)).run();
    } catch (const std::exception& e) {
        return makeError("unexpected error while evaluating: {}", e.what());
    }
}

} // namespace qf::eval
