// The sensitivity measurement: base pass once, then one tensor at a time quantized in memory and the
// layers it affects re-run (see qf/mix/sensitivity.h).
#include "qf/mix/sensitivity.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "qf/eval/inference_session.h"
#include "qf/eval/llama_model.h"
#include "qf/eval/logprob_cache.h"
#include "qf/eval/perplexity.h"
#include "qf/io/atomic_file.h"
#include "qf/io/data_location.h"
#include "qf/parallel.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "qf/sha256.h"

namespace qf::mix {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::string_view kFormatVersion = "qf-mix-sensitivity 2";

// What the base model produced for one sampled chunk.
struct BaseChunk {
    std::vector<eval::Token> tokens;
    std::vector<std::vector<float>> residuals; // entering each layer, and leaving the last
    std::vector<float> logProbs;               // scored rows x vocabulary
    std::vector<float> probs;
};

// Rows a tensor's quantization error is measured on: evenly spread, at least kSampleElements values
// (every row of a smaller tensor). The error is a mean over hundreds of thousands of values either way,
// and the I-quants that are not run through the model cost only these rows.
constexpr int64_t kSampleElements = int64_t(1) << 19;

std::vector<int64_t> sampledRows(int64_t rows, int64_t cols) {
    const int64_t count = std::min(rows, std::max<int64_t>(1, (kSampleElements + cols - 1) / cols));
    std::vector<int64_t> out(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i)
        out[size_t(i)] = i * rows / count;
    return out;
}

int layerOf(const std::string& name) {
    unsigned layer = 0;
    if (std::sscanf(name.c_str(), "blk.%u.", &layer) == 1) return int(layer);
    return -1;
}

// Exact KL divergence of one row of logits against the base's log-probabilities.
double rowKld(const float* logits, const float* baseLogProbs, const float* baseProbs, size_t vocab) {
    float maxLogit = logits[0];
    for (size_t i = 1; i < vocab; ++i)
        maxLogit = std::max(maxLogit, logits[i]);
    double sum = 0.0;
    for (size_t i = 0; i < vocab; ++i)
        sum += std::exp(double(logits[i] - maxLogit));
    const double logSum = double(maxLogit) + std::log(sum);
    double kld = 0.0;
    for (size_t i = 0; i < vocab; ++i)
        if (baseProbs[i] > 0.0f) kld += double(baseProbs[i]) * (double(baseLogProbs[i]) - (double(logits[i]) - logSum));
    return std::max(kld, 0.0);
}

void toLogProbs(const float* logits, size_t vocab, float* logProbs, float* probs) {
    float maxLogit = logits[0];
    for (size_t i = 1; i < vocab; ++i)
        maxLogit = std::max(maxLogit, logits[i]);
    double sum = 0.0;
    for (size_t i = 0; i < vocab; ++i)
        sum += std::exp(double(logits[i] - maxLogit));
    const double logSum = double(maxLogit) + std::log(sum);
    for (size_t i = 0; i < vocab; ++i) {
        logProbs[i] = float(double(logits[i]) - logSum);
        probs[i] = float(std::exp(double(logProbs[i])));
    }
}

// Unmeasured types from the measured ones of the same tensor, by weighted error: between two measured
// types, log KLD is interpolated linearly in log error; beyond them, KLD is proportional to the error of
// the nearest (the second-order picture of a small change).
void scaleUnmeasured(TensorSensitivity& ts) {
    std::vector<std::pair<double, double>> points; // (log error, log kld), sorted by error
    for (size_t k = 0; k < ts.kld.size(); ++k)
        if (ts.measured[k] && ts.kld[k] > 0 && ts.weightedError[k] > 0)
            points.emplace_back(std::log(ts.weightedError[k]), std::log(ts.kld[k]));
    std::sort(points.begin(), points.end());
    for (size_t k = 0; k < ts.kld.size(); ++k) {
        if (ts.measured[k] || ts.weightedError[k] < 0) continue;
        if (points.empty() || ts.weightedError[k] == 0) {
            ts.kld[k] = 0.0;
            continue;
        }
        const double x = std::log(ts.weightedError[k]);
        auto above = std::lower_bound(points.begin(), points.end(), std::pair{x, -1e300});
        double y;
        if (above == points.begin()) y = above->second + (x - above->first);
        else if (above == points.end()) y = points.back().second + (x - points.back().first);
        else {
            const auto below = above - 1;
            const double span = above->first - below->first;
            const double f = span > 0 ? (x - below->first) / span : 0.0;
            y = below->second + f * (above->second - below->second);
        }
        ts.kld[k] = std::exp(y);
    }
}

std::string digestKey(eval::LlamaModel& model, std::string_view text, const SensitivityParams& p,
                      const std::vector<GgmlType>& candidates, const std::vector<GgmlType>& probes) {
    Sha256 h;
    h.update(kFormatVersion.data(), kFormatVersion.size());
    const eval::Digest m = eval::baseModelDigest(model);
    const eval::Digest t = eval::textDigest(text);
    h.update(m.data(), m.size());
    h.update(t.data(), t.size());
    const std::string settings = fmt::format("c{} n{} r{}", p.context, p.chunks, p.llamaCppRounding ? 1 : 0);
    h.update(settings.data(), settings.size());
    for (GgmlType c : candidates) h.update(ggmlTypeName(c).data(), ggmlTypeName(c).size()), h.update("|", 1);
    h.update("probes", 6);
    for (GgmlType c : probes) h.update(ggmlTypeName(c).data(), ggmlTypeName(c).size()), h.update("|", 1);
    if (p.imatrix) {
        h.update("imatrix", 7);
        for (const auto& e : p.imatrix->entries()) {
            h.update(e.name.data(), e.name.size());
            const std::vector<float> importance = p.imatrix->importance(e);
            h.update(importance.data(), importance.size() * sizeof(float));
        }
    }
    return Sha256::toHex(h.finish());
}

std::filesystem::path cachePathFor(const eval::LlamaModel& model, const SensitivityParams& p,
                                   const std::string& key) {
    const std::filesystem::path modelPath = model.file().path();
    const std::string name = fmt::format("{}.mix-{}.qfsens", modelPath.stem().string(), key.substr(0, 16));
    if (!p.cacheFolder.empty()) return p.cacheFolder / name;
    return io::derivedFilePath(modelPath, name, "mix");
}

std::optional<SensitivityTable> readCache(const std::filesystem::path& path, const std::string& key) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream s;
    s << in.rdbuf();
    auto table = parseSensitivity(s.str());
    if (!table || table->key != key) return std::nullopt;
    table->fromCache = true;
    return std::move(*table);
}

} // namespace

bool isNotCached(const Error& error) {
    return error.kind == ErrorKind::NotCached;
}

std::vector<GgmlType> defaultCandidateTypes() {
    using T = GgmlType;
    return {T::IQ2_XXS, T::IQ2_XS, T::Q2_K, T::IQ2_S, T::IQ3_XXS, T::Q3_K, T::IQ3_S,
            T::IQ4_XS,  T::Q4_K,   T::Q5_K, T::Q6_K,  T::Q8_0};
}

int SensitivityTable::candidateIndex(GgmlType type) const {
    auto it = std::find(candidates.begin(), candidates.end(), type);
    return it == candidates.end() ? -1 : int(it - candidates.begin());
}

const TensorSensitivity* SensitivityTable::find(std::string_view name) const {
    for (const auto& t : tensors)
        if (t.name == name) return &t;
    return nullptr;
}

Result<SensitivityTable> measureSensitivity(eval::LlamaModel& model, std::string_view text,
                                            const SensitivityParams& params, const ProgressFn& progress,
                                            std::stop_token stop) {
    const auto started = Clock::now();
    std::vector<GgmlType> candidates = params.candidates.empty() ? defaultCandidateTypes() : params.candidates;
    for (GgmlType c : candidates)
        if (!quant::canQuantize(c) || !ggmlTypeTraits(c).quantized)
            return makeError("{} cannot be a mix candidate: it is not a quantized type we can make",
                             ggmlTypeName(c));
    std::vector<GgmlType> probes = params.probeTypes.empty() ? candidates : params.probeTypes;
    for (GgmlType p : probes)
        if (std::find(candidates.begin(), candidates.end(), p) == candidates.end())
            return makeError("probe type {} is not among the candidates", ggmlTypeName(p));
    if (params.context < 8) return makeError("the sensitivity context must be at least 8 tokens");
    if (params.chunks < 1) return makeError("the sensitivity pass needs at least one chunk");

    const std::string key = digestKey(model, text, params, candidates, probes);
    const std::filesystem::path cachePath = cachePathFor(model, params, key);
    if (params.useCache || params.cacheOnly)
        if (auto cached = readCache(cachePath, key)) return std::move(*cached);
    if (params.cacheOnly)
        return makeError(ErrorKind::NotCached,
                         "the sensitivity of this model to this text is not measured yet");

    const eval::LlamaHyperParams& hp = model.params();
    const size_t vocab = hp.vocabulary;
    const unsigned threads = params.threads ? params.threads : hardwareThreads();

    // The tensors a preset would quantize: what the mix chooses types for.
    quant::PlanOptions planOptions;
    planOptions.pure = true;
    planOptions.assumeImatrix = true;
    auto plan = quant::makeQuantPlan(model.file().metadata(), model.file().tensors(),
                                     *quant::findPreset("Q8_0"), planOptions);
    if (!plan) return plan.error();

    const std::vector<eval::Token> tokens = model.tokenizer().tokenize(text, true);
    auto chunkPlan = eval::planChunks(tokens.size(), params.context, -1);
    if (!chunkPlan) return rewordError(chunkPlan.error(), "calibration text: {}", chunkPlan.error().message);
    const int sampled = std::min(params.chunks, chunkPlan->chunks);
    const size_t scored = chunkPlan->scoredPerChunk;
    const size_t firstScored = chunkPlan->firstScored;

    // Base pass: log-probabilities, residual streams, and the mean squared activation of every weight's
    // input columns (the same statistic as an importance matrix, used to weigh quantization errors).
    eval::InferenceSession session(model, {chunkPlan->context, threads, params.llamaCppRounding});
    std::map<std::string, std::vector<double>, std::less<>> activations;
    session.setMatmulHook([&](const eval::MatmulInput& in) {
        if (!in.weight || in.expert >= 0) return;
        auto& sums = activations[in.weight->name];
        sums.resize(size_t(in.width), 0.0);
        for (int64_t t = 0; t < in.tokens; ++t)
            for (int64_t c = 0; c < in.width; ++c) {
                const double v = in.activations[t * in.stride + c];
                sums[size_t(c)] += v * v;
            }
    });
    std::vector<BaseChunk> base(static_cast<size_t>(sampled));
    std::vector<float> logits;
    for (int j = 0; j < sampled; ++j) {
        if (stop.stop_requested()) return cancelledError();
        if (progress) progress({"base model", uint64_t(j), uint64_t(sampled), "chunks"});
        const int index = int(int64_t(j) * chunkPlan->chunks / sampled);
        BaseChunk& b = base[size_t(j)];
        b.tokens = eval::chunkTokens(model, tokens, *chunkPlan, index);
        session.reset();
        session.setResidualCapture(&b.residuals);
        QF_TRY(session.decode(b.tokens, firstScored, logits, stop));
        b.logProbs.resize(scored * vocab);
        b.probs.resize(scored * vocab);
        parallelFor(int64_t(scored), threads, [&](int64_t r) {
            toLogProbs(logits.data() + size_t(r) * vocab, vocab, b.logProbs.data() + size_t(r) * vocab,
                       b.probs.data() + size_t(r) * vocab);
        });
    }
    session.setResidualCapture(nullptr);
    session.setMatmulHook({});

    SensitivityTable table;
    table.candidates = candidates;
    table.key = key;
    table.usedImatrix = params.imatrix != nullptr;
    table.chunks = sampled;
    table.context = chunkPlan->context;
    table.scoredTokens = int64_t(sampled) * int64_t(scored);

    std::vector<const quant::TensorPlan*> targets;
    for (const auto& t : plan->tensors)
        if (t.action == quant::TensorAction::Quantize && t.shape.size() == 2 &&
            !model.weightViews(t.name).empty())
            targets.push_back(&t);
    const uint64_t totalSteps = targets.size() * candidates.size();
    uint64_t step = 0;

    std::vector<float> source, sampleSource;
    std::vector<uint8_t> quantized, sampleQuantized;
    for (const quant::TensorPlan* target : targets) {
        const gguf::TensorInfo& info = model.file().tensors()[target->sourceIndex];
        const int64_t cols = int64_t(info.shape[0]);
        const int64_t rows = int64_t(info.elementCount() / uint64_t(cols));
        const std::span<const uint8_t> bytes = model.file().tensorData(info);
        source.resize(size_t(rows * cols));
        parallelFor(rows, threads, [&](int64_t r) {
            quant::dequantizeRow(info.type, bytes.data() + uint64_t(r) * ggmlRowBytes(info.type, uint64_t(cols)),
                                 source.data() + r * cols, cols);
        });
        // The rows the errors are measured on, evenly spread (all of a small tensor); gathered so that a
        // type that is not run through the model is quantized on these rows only.
        const std::vector<int64_t> sampleRows = sampledRows(rows, cols);
        const int64_t sampleCount = int64_t(sampleRows.size());
        sampleSource.resize(size_t(sampleCount * cols));
        for (int64_t i = 0; i < sampleCount; ++i)
            std::copy_n(source.data() + sampleRows[size_t(i)] * cols, cols, sampleSource.data() + i * cols);

        std::vector<float> importance;
        if (params.imatrix)
            if (const quant::ImatrixEntry* e = params.imatrix->find(target->name))
                if (e->sumSquares.size() == size_t(cols)) importance = params.imatrix->importance(*e);
        // Column weights for the error: the activations seen in the base pass (uniform when the tensor
        // is not a product input, e.g. the token embedding).
        std::vector<double> columnWeight(size_t(cols), 1.0);
        if (auto it = activations.find(target->name); it != activations.end() && it->second.size() == size_t(cols)) {
            double total = 0.0;
            for (double v : it->second) total += v;
            if (total > 0)
                for (int64_t c = 0; c < cols; ++c)
                    columnWeight[size_t(c)] = it->second[size_t(c)] / total * double(cols);
        }

        TensorSensitivity ts;
        ts.name = target->name;
        ts.elements = target->elementCount();
        ts.layer = layerOf(target->name);
        ts.kld.assign(candidates.size(), -1.0);
        ts.weightedError.assign(candidates.size(), -1.0);
        ts.measured.assign(candidates.size(), 0);
        const bool isEmbedding = target->name == "token_embd.weight";
        const bool isOutput = target->name == "output.weight";
        const std::vector<eval::WeightMatrix*> views = model.weightViews(target->name);
        const bool tiedBoth = views.size() > 1;

        for (size_t k = 0; k < candidates.size(); ++k) {
            if (stop.stop_requested()) return cancelledError();
            if (progress)
                progress({fmt::format("{} {}", target->name, ggmlTypeName(candidates[k])), step, totalSteps,
                          "measurements"});
            ++step;
            const GgmlType type = candidates[k];
            if (cols % int64_t(ggmlTypeTraits(type).blockSize) != 0) continue;
            if (quant::requiresImportance(type) && importance.empty()) continue;
            const uint64_t rowBytes = ggmlRowBytes(type, uint64_t(cols));
            const bool probe = std::find(probes.begin(), probes.end(), type) != probes.end();
            const float* weights = importance.empty() ? nullptr : importance.data();
            constexpr int64_t kRowsPerTask = 16;
            // A probe runs through the model: the whole tensor is quantized, and its error read on the
            // sampled rows like every other type's (rows are quantized independently, so the bytes of a
            // sampled row are the same either way).
            if (probe) {
                quantized.assign(size_t(rowBytes * uint64_t(rows)), 0);
                parallelFor((rows + kRowsPerTask - 1) / kRowsPerTask, threads, [&](int64_t task) {
                    const int64_t r0 = task * kRowsPerTask, n = std::min(kRowsPerTask, rows - r0);
                    quant::quantizeRows(type, source.data() + r0 * cols, quantized.data() + uint64_t(r0) * rowBytes,
                                        n, cols, weights);
                });
            } else {
                sampleQuantized.assign(size_t(rowBytes * uint64_t(sampleCount)), 0);
            }
            const int64_t tasks = (sampleCount + kRowsPerTask - 1) / kRowsPerTask;
            std::vector<double> errors(size_t(tasks), 0.0);
            parallelFor(tasks, threads, [&](int64_t task) {
                const int64_t i0 = task * kRowsPerTask, n = std::min(kRowsPerTask, sampleCount - i0);
                if (!probe)
                    quant::quantizeRows(type, sampleSource.data() + i0 * cols,
                                        sampleQuantized.data() + uint64_t(i0) * rowBytes, n, cols, weights);
                thread_local std::vector<float> restored;
                restored.resize(size_t(cols));
                double err = 0.0;
                for (int64_t i = i0; i < i0 + n; ++i) {
                    const uint8_t* row = probe ? quantized.data() + uint64_t(sampleRows[size_t(i)]) * rowBytes
                                               : sampleQuantized.data() + uint64_t(i) * rowBytes;
                    quant::dequantizeRow(type, row, restored.data(), cols);
                    const float* original = sampleSource.data() + i * cols;
                    for (int64_t c = 0; c < cols; ++c) {
                        const double d = double(original[c]) - restored[size_t(c)];
                        err += columnWeight[size_t(c)] * d * d;
                    }
                }
                errors[size_t(task)] = err;
            });
            double err = 0.0;
            for (double e : errors) err += e;
            ts.weightedError[k] = err / double(sampleCount * cols);
            if (!probe) continue;

            // Run the model with this tensor quantized.
            std::vector<eval::WeightMatrix> saved;
            for (eval::WeightMatrix* v : views) {
                saved.push_back(*v);
                v->type = type;
                v->data = quantized.data();
                v->rowBytes = rowBytes;
            }
            const uint32_t firstLayer = isEmbedding || tiedBoth || ts.layer < 0 ? (isOutput ? hp.layers : 0)
                                                                               : uint32_t(ts.layer);
            double sum = 0.0;
            Status status;
            for (const BaseChunk& b : base) {
                session.reset();
                status = (isEmbedding || tiedBoth)
                             ? session.decode(b.tokens, firstScored, logits, stop)
                             : session.decodeFrom(firstLayer, b.residuals[firstLayer], b.tokens.size(), firstScored,
                                                  logits, stop);
                if (!status) break;
                std::vector<double> rowKlds(scored);
                parallelFor(int64_t(scored), threads, [&](int64_t r) {
                    rowKlds[size_t(r)] = rowKld(logits.data() + size_t(r) * vocab, b.logProbs.data() + size_t(r) * vocab,
                                                b.probs.data() + size_t(r) * vocab, vocab);
                });
                for (double v : rowKlds) sum += v;
            }
            for (size_t v = 0; v < views.size(); ++v)
                *views[v] = saved[v];
            if (!status) return status.error();
            ts.kld[k] = sum / double(table.scoredTokens);
            ts.measured[k] = 1;
        }
        scaleUnmeasured(ts);
        table.tensors.push_back(std::move(ts));
    }
    if (progress) progress({"done", totalSteps, totalSteps, "measurements"});
    table.seconds = std::chrono::duration<double>(Clock::now() - started).count();

    if (params.useCache) {
        // A cache that cannot be written only costs time next run; the table is still good.
        std::error_code ec;
        std::filesystem::create_directories(cachePath.parent_path(), ec);
        const std::string body = serializeSensitivity(table);
        if (auto file = io::AtomicFile::create(cachePath, body.size())) {
            if (file->write({reinterpret_cast<const uint8_t*>(body.data()), body.size()})) (void)file->commit();
        }
    }
    return table;
}

} // namespace qf::mix
