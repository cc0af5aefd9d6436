#include "qf/quant/quantize_job.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <numeric>
#include <optional>
#include <stop_token>
#include <thread>

#include <fmt/format.h>

#include "qf/parallel.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"

namespace qf::quant {
namespace fs = std::filesystem;
namespace {

// Rows per work item: enough work to amortise the hand-out, small enough to balance and to cancel fast.
int64_t rowsPerItem(int64_t rowLength) { return std::max<int64_t>(1, (1 << 16) / std::max<int64_t>(1, rowLength)); }

Status checkPlansAgree(const QuantizeParams& params, const TensorSource& source) {
    if (params.outputs.empty()) return makeError("nothing to produce: choose at least one preset");
    const auto& first = params.outputs.front().plan.tensors;
    for (const auto& out : params.outputs) {
        const auto& tensors = out.plan.tensors;
        if (tensors.size() != first.size())
            return makeError("the plans for {} and {} list different tensors; plan them from the same source",
                             params.outputs.front().plan.preset.name, out.plan.preset.name);
        for (size_t i = 0; i < tensors.size(); ++i) {
            if (tensors[i].sourceIndex != first[i].sourceIndex || tensors[i].sourceIndex >= source.tensors().size())
                return makeError("the plan for {} does not match the source's tensor table", out.plan.preset.name);
        }
    }
    for (size_t i = 0; i < params.outputs.size(); ++i)
        for (size_t j = i + 1; j < params.outputs.size(); ++j)
            if (params.outputs[i].path == params.outputs[j].path)
                return makeError("two outputs would be written to {}", params.outputs[i].path.string());
    return {};
}

// Importance weights for one tensor, one row of weights per matrix (3-D expert tensors have several).
struct Importance {
    std::vector<float> values;
    int64_t matrices = 0;
    const float* forRow(int64_t row, int64_t rowsPerMatrix, int64_t rowLength) const {
        if (values.empty()) return nullptr;
        const int64_t m = matrices > 1 ? std::min(row / rowsPerMatrix, matrices - 1) : 0;
        return values.data() + m * rowLength;
    }
};

Result<Importance> importanceFor(const QuantPlan& plan, const TensorPlan& tensor) {
    Importance imp;
    if (!tensor.usesImatrix || !plan.options.imatrix) return imp;
    const ImatrixEntry* entry = plan.options.imatrix->find(tensor.name);
    if (!entry) return imp;
    // Split by the tensor's row length, not the entry's own matrix count: legacy files record one count
    // for all experts of a 3-D tensor.
    const uint64_t rowLength = tensor.shape[0];
    imp.values = plan.options.imatrix->importance(*entry);
    const uint64_t matrices = tensor.shape.size() > 2 ? tensor.shape[2] : 1;
    if (imp.values.size() != rowLength * matrices)
        return makeError("the importance matrix entry for {} has {} values but the tensor needs {} ({} per row{}); "
                         "was the imatrix made for another model?",
                         tensor.name, imp.values.size(), rowLength * matrices, rowLength,
                         matrices > 1 ? fmt::format(" x {} experts", matrices) : "");
    imp.matrices = int64_t(matrices);
    return imp;
}

// The widened values of one slab. Unlike a std::vector it does not zero what it allocates: dequantizeRow
// writes every value before anything reads it, and zeroing the ~64 MB of a slab cost a pass over it.
class UninitFloats {
public:
    float* data() { return m_values.get(); }
    void resize(size_t n) {
        if (n <= m_capacity) return;
        m_values.reset(); // free before allocating: peak memory stays one slab
        m_values = std::make_unique_for_overwrite<float[]>(n);
        m_capacity = n;
    }

private:
    std::unique_ptr<float[]> m_values;
    size_t m_capacity = 0;
};

} // namespace

fs::path defaultOutputPath(const fs::path& source, std::string_view presetName, const fs::path& outDir) {
    std::string stem = source.stem().string();
    // A split model's first part: drop "-00001-of-00003".
    if (stem.size() > 15 && stem.compare(stem.size() - 15, 6, "-00001") == 0) stem.resize(stem.size() - 15);
    for (const char* suffix : {"-f16", "-F16", "-bf16", "-BF16", "-f32", "-F32", ".f16", ".F16"}) {
        const std::string s = suffix;
        if (stem.size() > s.size() && stem.compare(stem.size() - s.size(), s.size(), s) == 0) {
            stem.resize(stem.size() - s.size());
            break;
        }
    }
    const fs::path dir = outDir.empty() ? source.parent_path() : outDir;
    return dir / fmt::format("{}-{}.gguf", stem, presetName);
}

Result<QuantizeResult> quantize(const QuantizeParams& params, const ProgressFn& progress, std::stop_token stop) {
    if (!params.source && !params.tensorSource) return makeError("no source model");
    std::optional<GgufTensorSource> fileSource;
    if (!params.tensorSource) fileSource.emplace(*params.source);
    TensorSource& source = params.tensorSource ? *params.tensorSource : *fileSource;
    QF_TRY(checkPlansAgree(params, source));
    for (const auto& out : params.outputs)
        if (out.plan.options.assumeImatrix && !out.plan.options.imatrix)
            return makeError("the plan for {} assumes an importance matrix but has none: plan it again with one",
                             out.plan.preset.name);
    const auto started = std::chrono::steady_clock::now();

    // The source's digest, on a thread of its own while the tensors are read (declared before the thread,
    // which any return stops and joins first).
    std::optional<Result<FileDigest>> hashed;
    std::jthread hasher;
    if (params.hashSource)
        hasher = std::jthread([&hashed, &files = *params.hashSource](std::stop_token hashStop) {
            hashed = digestFiles(files.files, files.root, {}, hashStop);
        });
    std::stop_callback stopHashing(stop, [&hasher] { hasher.request_stop(); });

    std::vector<gguf::SplitStreamWriter> writers;
    std::vector<bool> digestPending;
    for (const auto& out : params.outputs) {
        auto wp = out.plan.writeParams(out.path);
        const gguf::Value* digestValue = wp.metadata.find(kSourceSha256Key);
        const auto* digestText = digestValue ? std::get_if<std::string>(&digestValue->data) : nullptr;
        digestPending.push_back(digestText && *digestText == kPendingSha256);
        if (digestPending.back()) {
            if (!params.hashSource)
                return makeError("internal error: the plan for {} waits for the source's digest, but the source "
                                 "is not hashed", out.plan.preset.name);
            wp.deferredStrings.emplace_back(kSourceSha256Key);
        }
        wp.protectedInputs = source.inputPaths();
        if (out.plan.options.imatrix && !out.plan.options.imatrix->sourcePath.empty())
            wp.protectedInputs.push_back(out.plan.options.imatrix->sourcePath);
        wp.overwrite = params.overwrite;
        wp.durable = params.durable;
        auto writer = gguf::SplitStreamWriter::create(wp, out.split);
        if (!writer) return writer.error();
        writers.push_back(std::move(*writer));
    }

    const auto& order = params.outputs.front().plan.tensors;
    uint64_t totalBytes = 0;
    for (const auto& t : order) totalBytes += source.tensors()[t.sourceIndex].byteSize;

    Progress report{"", 0, totalBytes, "bytes"};
    UninitFloats floats;
    std::vector<uint8_t> out;
    std::atomic<bool> stopped{false};
    auto keepGoing = [&] { return !(stopped = stopped || stop.stop_requested()); };

    for (size_t k = 0; k < order.size(); ++k) {
        const gguf::TensorInfo& src = source.tensors()[order[k].sourceIndex];
        const uint64_t doneBefore = report.done;
        const int64_t rowLength = int64_t(src.rowLength());
        const int64_t rows = int64_t(src.rowCount());
        const int64_t chunk = rowsPerItem(rowLength);
        if (progress) {
            report.stage = fmt::format("{} ({}/{})", src.name, k + 1, order.size());
            progress(report);
        }
        const bool needFloats = std::any_of(params.outputs.begin(), params.outputs.end(), [&](const QuantizeOutput& o) {
            return o.plan.tensors[k].action != TensorAction::Copy;
        });
        if (needFloats && !canDequantize(src.type))
            return makeError("tensor {} is stored as {}, which Quantforge cannot read back to convert", src.name,
                             ggmlTypeName(src.type));
        // A 2-D tensor the source can hand out by rows goes through in slabs of about slabElements values,
        // so memory stays bounded whatever the tensor's size (rows are quantized independently: the bytes
        // are the same). Anything else is one slab.
        const uint64_t granularity = src.shape.size() <= 2 ? source.rowGranularity(order[k].sourceIndex) : 0;
        int64_t slabRows = rows;
        if (granularity > 0) {
            const int64_t step = int64_t(std::lcm(uint64_t(chunk), granularity));
            const int64_t wanted = int64_t(std::max<uint64_t>(1, params.slabElements / uint64_t(std::max<int64_t>(1, rowLength))));
            slabRows = std::min(rows, std::max<int64_t>(1, wanted / step) * step);
        }
        uint64_t nonFinite = 0;
        for (int64_t s0 = 0; s0 < rows || (rows == 0 && s0 == 0); s0 += std::max<int64_t>(1, slabRows)) {
            const int64_t s1 = std::min(rows, s0 + slabRows), n = s1 - s0;
            auto bytes = granularity > 0 ? source.tensorRows(order[k].sourceIndex, uint64_t(s0), uint64_t(n))
                                         : source.tensorBytes(order[k].sourceIndex);
            if (!bytes) return bytes.error();
            const std::span<const uint8_t> data = *bytes;
            const int64_t items = (n + chunk - 1) / chunk;
            if (needFloats) {
                floats.resize(size_t(n * rowLength));
                const uint64_t srcRowBytes = ggmlRowBytes(src.type, uint64_t(rowLength));
                std::atomic<uint64_t> bad{0};
                parallelFor(items, params.threads, [&](int64_t item) {
                    const int64_t r0 = item * chunk, r1 = std::min(n, r0 + chunk);
                    float* f = floats.data() + r0 * rowLength;
                    dequantizeRow(src.type, data.data() + r0 * int64_t(srcRowBytes), f, (r1 - r0) * rowLength);
                    uint64_t count = 0;
                    for (int64_t i = 0; i < (r1 - r0) * rowLength; ++i) count += !std::isfinite(f[i]);
                    if (count) bad += count;
                }, keepGoing);
                if (stopped) return cancelledError();
                QF_TRY(source.checkIntact());
                nonFinite += bad.load();
            }
            // A NaN or infinity poisons a whole block's scale: the quant would look fine and answer nonsense.
            // (Earlier slabs are only in the outputs' temporary files, which the error removes.)
            if (nonFinite)
                return makeError("tensor {} holds {} values that are NaN or infinite; the source model is damaged, "
                                 "so nothing was written", src.name, nonFinite);

            for (size_t o = 0; o < params.outputs.size(); ++o) {
                const QuantPlan& plan = params.outputs[o].plan;
                const TensorPlan& tp = plan.tensors[k];
                if (tp.action == TensorAction::Copy) {
                    QF_TRY(writers[o].writeTensorPart(data));
                    continue;
                }
                if (!canQuantize(tp.type))
                    return makeError("tensor {}: Quantforge cannot write type {}", tp.name, ggmlTypeName(tp.type));
                auto importance = importanceFor(plan, tp);
                if (!importance) return importance.error();
                if (!importance->forRow(0, rows, rowLength) && requiresImportance(tp.type))
                    return makeError("tensor {} would be {}, which cannot be made without an importance matrix: "
                                     "compute one with `quantforge-cli imatrix MODEL --text FILE` or pass --imatrix",
                                     tp.name, ggmlTypeName(tp.type));
                const int64_t rowsPerMatrix = importance->matrices > 1 ? rows / importance->matrices : rows;
                const uint64_t rowBytes = ggmlRowBytes(tp.type, uint64_t(rowLength));
                out.resize(size_t(uint64_t(n) * rowBytes));
                // Work items never straddle two expert matrices, whose importance rows differ (a tensor with
                // several is always one slab: s0 == 0).
                const int64_t matrices = std::max<int64_t>(1, importance->matrices);
                const int64_t itemsPerMatrix = (std::min(n, rowsPerMatrix) + chunk - 1) / chunk;
                parallelFor(matrices * itemsPerMatrix, params.threads, [&](int64_t item) {
                    const int64_t m = item / itemsPerMatrix;
                    const int64_t r0 = s0 + m * rowsPerMatrix + (item % itemsPerMatrix) * chunk;
                    const int64_t r1 = std::min({s1, (m + 1) * rowsPerMatrix, r0 + chunk});
                    if (r1 <= r0) return;
                    quantizeRows(tp.type, floats.data() + (r0 - s0) * rowLength,
                                 out.data() + (r0 - s0) * int64_t(rowBytes), r1 - r0, rowLength,
                                 importance->forRow(r0, rowsPerMatrix, rowLength));
                }, keepGoing);
                if (stopped) return cancelledError();
                QF_TRY(writers[o].writeTensorPart(out));
                // Report after every output of a slab, so that several presets of a large tensor still move.
                if (progress && (params.outputs.size() > 1 || slabRows < rows)) {
                    const uint64_t part = src.byteSize * uint64_t(s0) / uint64_t(std::max<int64_t>(1, rows)) +
                                          src.byteSize * uint64_t(n) / uint64_t(std::max<int64_t>(1, rows)) *
                                              (o + 1) / params.outputs.size();
                    report.done = doneBefore + part;
                    progress(report);
                }
            }
            if (granularity > 0) source.releaseRows(order[k].sourceIndex, uint64_t(s0), uint64_t(n));
        }
        source.releaseTensor(order[k].sourceIndex);
        report.done = doneBefore + src.byteSize;
    }
    if (stop.stop_requested()) return cancelledError();
    QF_TRY(source.checkIntact()); // also covers tensors copied without being widened

    QuantizeResult result;
    if (hasher.joinable()) {
        if (progress) {
            report.stage = std::string(kHashingSourceStage);
            progress(report);
        }
        hasher.join();
        if (stop.stop_requested()) return cancelledError();
        if (!*hashed) return hashed->error();
        for (size_t o = 0; o < writers.size(); ++o)
            if (digestPending[o]) QF_TRY(writers[o].fillString(kSourceSha256Key, (*hashed)->sha256));
        result.sourceDigest = std::move(**hashed);
    }
    for (size_t o = 0; o < writers.size(); ++o) {
        QF_TRY(writers[o].finish());
        result.files.push_back({writers[o].paths().front(), writers[o].plannedBytes(), writers[o].paths()});
    }
    result.sourceBytesRead = totalBytes;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.stage = "done";
    if (progress) progress(report);
    return result;
}

} // namespace qf::quant
