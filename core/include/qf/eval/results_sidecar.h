#pragma once
// Evaluation results stored beside the evaluated file ("<file>.quantforge.json"), so that reopening a
// model shows its measurements without running them again.
//
// One sidecar holds any number of evaluations of its file, each keyed by what decides the numbers: the
// file's content (fileContentDigest), the SHA-256 of the evaluation text, the context size and the chunk
// limit. readSidecar() returns only the results of the file's current content, so stale numbers (another
// text, a replaced file of the same size) never appear. Every result is also kept in the user's cache under
// the content digest, so a copied or moved file shows its results too (issue 13).
//
// Reading treats the file as hostile: the strict JSON reader (depth and size limits) reads it, and
// entries with missing or malformed fields are skipped rather than trusted.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qf/result.h"

namespace qf::eval {

struct EvaluationKey {
    std::string textSha256; // lowercase hex of the evaluation text's SHA-256
    uint32_t context = 0;
    int chunkLimit = -1; // the requested --chunks; < 0: all chunks of the text

    bool operator==(const EvaluationKey&) const = default;
};

struct StoredEvaluation {
    EvaluationKey key;
    std::string textName;   // the text's file name, for people
    uint64_t fileBytes = 0; // size of the evaluated file when it was measured
    std::string fileDigest; // fileContentDigest() of the evaluated file when it was measured
    int chunks = 0;         // chunks actually evaluated
    double perplexity = 0.0;
    double perplexityError = 0.0;
    double tokensPerSecond = 0.0;                    // prompt processing, from the perplexity run
    std::optional<double> generationTokensPerSecond; // one token at a time, after a short prompt
    // Against the base model (absent for the base itself).
    std::string baseFile; // file name of the base
    std::optional<double> meanKld;
    std::optional<double> meanKldError;
    std::optional<double> sameTop; // fraction 0..1 of scored tokens whose top token agrees with the base
    std::optional<double> sameTopError;
    std::string measuredAt; // ISO 8601 UTC, for people
};

struct ResultsSidecar {
    std::vector<StoredEvaluation> evaluations;

    // The evaluation with this key, or nullptr.
    const StoredEvaluation* find(const EvaluationKey& key) const;
    // Replaces the evaluation with the same key, or appends it.
    void upsert(StoredEvaluation evaluation);
};

// "<file>.quantforge.json" beside the file; in the user's cache folder when the file's folder is not
// writable (an installed sample), never inside an installation (io::derivedFilePath).
std::filesystem::path sidecarPath(const std::filesystem::path& evaluatedFile);

// The sidecar as JSON text, and back. parse fails on malformed JSON or an unknown format version;
// individual malformed entries are skipped.
std::string sidecarToJson(const ResultsSidecar& sidecar);
Result<ResultsSidecar> sidecarFromJson(std::string_view json);

// The identity of a GGUF file's content, hex: its size, its tensor table (names, types, shapes) and three
// 4 KiB samples of each tensor's data (all of a small tensor's). Reads a few kilobytes per tensor, so it is
// quick on any model; a replaced file, or a re-quantized one, gets another digest. Errors: not a GGUF file.
Result<std::string> fileContentDigest(const std::filesystem::path& file);

// The results store by content: <user cache>/results/by-content/<digest>.quantforge.json.
std::filesystem::path contentResultsPath(const std::string& digest);

// Reads the results of `evaluatedFile`'s current content: those of its sidecar that were measured on this
// content (or, written before digests, on a file of this size), and those stored under its content digest
// (a copy of it was measured elsewhere). An empty sidecar when there are none.
Result<ResultsSidecar> readSidecar(const std::filesystem::path& evaluatedFile);
// Adds or replaces `evaluation` in the sidecar of `evaluatedFile` (a malformed existing sidecar is
// replaced) and in the content store; fills evaluation.fileDigest when empty. Written to temporary files
// and renamed into place.
Status storeEvaluation(const std::filesystem::path& evaluatedFile, const StoredEvaluation& evaluation);

// Lowercase hex SHA-256 of a text, for EvaluationKey::textSha256.
std::string textSha256Hex(std::string_view text);

} // namespace qf::eval
