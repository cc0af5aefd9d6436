#pragma once
// The reproducibility record of a quant (a "lock" file, like dlm's dlm.lock): everything that decides the
// output's bytes — the source's content (sha256 of each file read), the preset and options, the importance
// matrix (sha256, the calibration texts it names), the per-tensor types and the tool version — and the
// sha256 of every file written. It is JSON, "<output>.lock" beside the output. verifyLock() quantizes again
// from the recorded inputs into a temporary file and checks that the bytes are the same, or says which input
// changed. The source and imatrix digests are also written into the GGUF (quantforge.source.sha256,
// quantforge.imatrix.sha256) when the plan's options carry them (the CLI does; the app writes the lock only,
// so that the sizes it shows before hashing stay exact); the lock records which.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "qf/gguf/gguf_split_writer.h"
#include "qf/job.h"
#include "qf/quant/plan.h"
#include "qf/result.h"

namespace qf::quant {

struct LockedFile {
    std::string name; // relative to the source root (inputs) or the lock's folder (outputs), '/'-separated
    uint64_t bytes = 0;
    std::string sha256;
};

// Files hashed one by one; `sha256` names the whole set: the one file's own sha256 (what sha256sum prints),
// or for several files the digest of their sha256sum listing ("<hex>  <name>\n" per file, in order).
struct FileDigest {
    std::vector<LockedFile> files;
    std::string sha256;
};

// Hashes `files` (names taken relative to `root`). Progress counts bytes; a stop returns cancelledError().
Result<FileDigest> digestFiles(const std::vector<std::filesystem::path>& files, const std::filesystem::path& root,
                               const ProgressFn& progress = {}, std::stop_token stop = {});

// What a source's digest covers: a GGUF file (all its shards), or a Hugging Face folder's weights and the
// small files that steer the conversion (config, tokenizer, chat template: *.json, *.model, *.txt, *.jinja,
// *.tiktoken), not READMEs or other checkpoints that happen to be there. Sorted by name; root is set.
struct SourceFiles {
    std::filesystem::path root;
    std::vector<std::filesystem::path> files;
};
Result<SourceFiles> sourceFilesOf(const std::filesystem::path& source);

struct QuantLock {
    static constexpr uint32_t kFormatVersion = 1;
    std::string tool;       // "quantforge 0.1.0"
    std::string sourcePath; // relative to the lock's folder when it can be, '/'-separated
    bool sourceIsHfFolder = false;
    FileDigest source;
    std::string preset;
    // The plan options that change bytes (PlanOptions without the imatrix pointer).
    bool leaveOutputTensor = false, pure = false, allowRequantize = false;
    std::string outputTensorType, tokenEmbeddingType; // empty: default
    std::vector<std::pair<std::string, std::string>> tensorTypeRules; // --tensor-type REGEX=TYPE
    std::vector<std::string> includeWeights, excludeWeights;
    // What the output's metadata carries: the quantforge.* keys, and the inputs' digests among them.
    bool provenanceKeys = true;
    bool digestsInFile = true;
    struct ImatrixRecord {
        std::string path; // as sourcePath
        std::string label; // quantize.imatrix.file
        LockedFile file;
        std::vector<std::string> datasets; // the calibration texts the imatrix names
        uint32_t chunks = 0;
    };
    std::optional<ImatrixRecord> imatrix;
    gguf::SplitOptions split;
    std::vector<std::pair<std::string, std::string>> tensorTypes; // tensor name -> type name, in file order
    std::vector<LockedFile> outputs;                              // every file written (shards in order)
};

std::filesystem::path lockPathFor(const std::filesystem::path& output); // "<output>.lock"

// The lock of a finished run: `written` are its files (QuantizeResult::File::shards).
Result<QuantLock> makeLock(const QuantPlan& plan, const std::filesystem::path& lockPath,
                           const std::filesystem::path& sourcePath, const FileDigest& source,
                           const std::optional<FileDigest>& imatrix, const gguf::SplitOptions& split,
                           const std::vector<std::filesystem::path>& written, const ProgressFn& progress = {},
                           std::stop_token stop = {});
std::string serializeLock(const QuantLock& lock);
Status saveLock(const QuantLock& lock, const std::filesystem::path& path);
Result<QuantLock> parseLock(std::string_view text, const std::string& fileName);
Result<QuantLock> loadLock(const std::filesystem::path& path);

// The plan options a lock records (imatrix left null: the caller loads it).
PlanOptions lockedPlanOptions(const QuantLock& lock);

struct LockVerification {
    bool identical = false;
    std::vector<std::string> differences; // what differs, for people; empty when identical
    uint64_t bytesCompared = 0;
    double seconds = 0.0;
};

// Re-runs the recorded quantization into a temporary file beside the lock (removed afterwards) and compares
// its bytes with the recorded digests. An error (not a difference) when an input is missing or changed: the
// message names the file and both digests, since then the same bytes cannot be expected.
Result<LockVerification> verifyLock(const std::filesystem::path& lockPath, unsigned threads = 0,
                                    const ProgressFn& progress = {}, std::stop_token stop = {});

} // namespace qf::quant
