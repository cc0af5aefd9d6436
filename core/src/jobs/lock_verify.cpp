// verifyLock: quantize again from a lock's recorded inputs and compare the bytes with the recorded digests.
#include <algorithm>
#include <chrono>
#include <optional>
#include <random>

#include <fmt/format.h>

#include "qf/hf/hf_tensor_source.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/quant_lock.h"
#include "qf/quant/quantize_job.h"

namespace qf::quant {
namespace fs = std::filesystem;
namespace {

fs::path resolve(const fs::path& lockDir, const std::string& recorded) {
    const fs::path p(recorded);
    return p.is_absolute() ? p : lockDir / p;
}

// An error naming every input file that is missing, new or different.
Status compareInputs(const FileDigest& recorded, const FileDigest& now, std::string_view what) {
    std::vector<std::string> changes;
    for (const auto& r : recorded.files) {
        auto it = std::find_if(now.files.begin(), now.files.end(), [&](const LockedFile& f) { return f.name == r.name; });
        if (it == now.files.end())
            changes.push_back(fmt::format("{} is gone", r.name));
        else if (it->sha256 != r.sha256)
            changes.push_back(fmt::format("{} has sha256 {} ({} bytes), the lock recorded {} ({} bytes)", r.name,
                                          it->sha256, it->bytes, r.sha256, r.bytes));
    }
    for (const auto& f : now.files)
        if (std::none_of(recorded.files.begin(), recorded.files.end(),
                         [&](const LockedFile& r) { return r.name == f.name; }))
            changes.push_back(fmt::format("{} is new", f.name));
    if (changes.empty()) return {};
    std::string list;
    for (const auto& c : changes) list += "\n  " + c;
    return makeError("the {} changed since the lock was written, so the same bytes cannot be expected:{}", what, list);
}

// Removes the re-run's files whatever happens.
struct RemoveOnExit {
    std::vector<fs::path> paths;
    ~RemoveOnExit() {
        std::error_code ec;
        for (const auto& p : paths) fs::remove(p, ec);
    }
};

} // namespace

Result<LockVerification> verifyLock(const fs::path& lockPath, unsigned threads, const ProgressFn& progress,
                                    std::stop_token stop) {
    const auto started = std::chrono::steady_clock::now();
    auto lock = loadLock(lockPath);
    if (!lock) return lock.error();
    const fs::path lockDir = lockPath.parent_path().empty() ? fs::path(".") : lockPath.parent_path();
    const fs::path sourcePath = resolve(lockDir, lock->sourcePath);
    std::error_code ec;
    if (!fs::exists(sourcePath, ec))
        return makeError("the source {} that the lock names is missing; the lock records it relative to {}",
                         sourcePath.string(), lockDir.string());
    auto files = sourceFilesOf(sourcePath);
    if (!files) return files.error();
    auto sourceNow = digestFiles(files->files, files->root, progress, stop);
    if (!sourceNow) return sourceNow.error();
    QF_TRY(compareInputs(lock->source, *sourceNow, "source " + sourcePath.string()));

    std::optional<Imatrix> imatrix;
    if (lock->imatrix) {
        const fs::path imPath = resolve(lockDir, lock->imatrix->path);
        if (!fs::exists(imPath, ec))
            return makeError("the importance matrix {} that the lock names is missing", imPath.string());
        auto imNow = digestFiles({imPath}, imPath.parent_path(), progress, stop);
        if (!imNow) return imNow.error();
        if (imNow->files.front().sha256 != lock->imatrix->file.sha256)
            return makeError("the importance matrix {} changed since the lock was written (sha256 {}, the lock "
                             "recorded {}), so the same bytes cannot be expected",
                             imPath.string(), imNow->files.front().sha256, lock->imatrix->file.sha256);
        auto loaded = loadImatrix(imPath);
        if (!loaded) return loaded.error();
        imatrix = std::move(*loaded);
    }

    const Preset* preset = findPreset(lock->preset);
    if (!preset) return makeError("the lock's preset {} is unknown to this Quantforge ({})", lock->preset, QF_VERSION);
    PlanOptions options = lockedPlanOptions(*lock);
    if (imatrix) options.imatrix = &*imatrix;

    std::optional<gguf::GgufFile> file;
    std::optional<hf::HfConversion> conversion;
    std::optional<hf::HfTensorSource> hfSource;
    QuantizeParams params;
    params.threads = threads;
    params.overwrite = false;
    if (lock->sourceIsHfFolder) {
        auto opened = hf::HfConversion::open(sourcePath);
        if (!opened) return opened.error();
        conversion.emplace(std::move(*opened));
        hfSource.emplace(*conversion);
        params.tensorSource = &*hfSource;
    } else {
        auto opened = gguf::GgufFile::open(sourcePath);
        if (!opened) return opened.error();
        file.emplace(std::move(*opened));
        params.source = &*file;
    }
    std::optional<GgufTensorSource> fileSource;
    if (file) fileSource.emplace(*file);
    const TensorSource& source = hfSource ? static_cast<const TensorSource&>(*hfSource) : *fileSource;
    auto plan = makeQuantPlan(source.metadata(), source.tensors(), *preset, options);
    if (!plan) return plan.error();

    LockVerification result;
    const std::string thisTool = fmt::format("quantforge {}", QF_VERSION);
    for (size_t i = 0; i < std::max(plan->tensors.size(), lock->tensorTypes.size()); ++i) {
        const std::string now = i < plan->tensors.size()
                                    ? plan->tensors[i].name + " " + std::string(ggmlTypeName(plan->tensors[i].type))
                                    : "(none)";
        const std::string then = i < lock->tensorTypes.size()
                                     ? lock->tensorTypes[i].first + " " + lock->tensorTypes[i].second
                                     : "(none)";
        if (now != then && result.differences.size() < 8)
            result.differences.push_back(fmt::format("tensor {}: {} plans {}, the lock ({}) has {}", i, thisTool, now,
                                                     lock->tool, then));
    }
    if (!result.differences.empty()) {
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    }

    std::random_device random;
    const fs::path firstOutput(lock->outputs.front().name);
    const fs::path rerun = lockDir / fmt::format(".{}.verify-{:08x}.gguf", firstOutput.stem().string(), random());
    RemoveOnExit cleanup;
    const int shards = int(lock->outputs.size());
    for (int i = 0; i < shards; ++i)
        cleanup.paths.push_back(lock->split.enabled() ? gguf::splitShardPath(rerun, i, shards) : rerun);
    params.outputs.push_back({std::move(*plan), rerun, lock->split});
    auto written = quantize(params, progress, stop);
    if (!written) return written.error();
    const auto& shardsWritten = written->files.front().shards;
    cleanup.paths.insert(cleanup.paths.end(), shardsWritten.begin(), shardsWritten.end());
    auto digest = digestFiles(shardsWritten, lockDir, progress, stop);
    if (!digest) return digest.error();
    if (digest->files.size() != lock->outputs.size())
        result.differences.push_back(fmt::format("the re-run wrote {} files, the lock records {}",
                                                 digest->files.size(), lock->outputs.size()));
    for (size_t i = 0; i < std::min(digest->files.size(), lock->outputs.size()); ++i) {
        const auto& now = digest->files[i];
        const auto& then = lock->outputs[i];
        result.bytesCompared += now.bytes;
        if (now.sha256 != then.sha256 || now.bytes != then.bytes)
            result.differences.push_back(fmt::format("{}: the re-run gives sha256 {} ({} bytes), the lock recorded {} "
                                                     "({} bytes, written by {})",
                                                     then.name, now.sha256, now.bytes, then.sha256, then.bytes,
                                                     lock->tool));
    }
    result.identical = result.differences.empty();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace qf::quant
