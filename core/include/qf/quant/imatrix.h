#pragma once
// Importance matrices (llama-imatrix's output): per weight matrix, how strongly each input column is
// activated on calibration text. The quantizers weight their rounding error by it.
//
// Two file formats are read and written:
//  - legacy ".dat": int32 entry count; per entry int32 name length, name bytes, int32 ncall, int32 nval,
//    nval float32 values (the mean squared activation times ncall); then optionally int32 chunk count,
//    int32 dataset name length and the dataset name.
//  - GGUF (general.type "imatrix"): per entry the F32 tensors "<name>.in_sum2" (sum of squared
//    activations, [columns, matrices]) and "<name>.counts" (activation rows seen, [1, matrices]), and
//    optionally "<name>.in_sum"; metadata imatrix.datasets, imatrix.chunk_count, imatrix.chunk_size.
// Every length and count is checked against the bytes that remain: files are treated as hostile.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "qf/io/output_policy.h"
#include "qf/result.h"

namespace qf::quant {

enum class ImatrixFormat : uint8_t { Legacy, Gguf };

struct ImatrixEntry {
    std::string name; // the weight's tensor name, e.g. "blk.0.attn_q.weight"
    // Per input column, matrix after matrix (several for 3-D expert tensors).
    // GGUF: the sum of squared activations. Legacy: the stored value (mean square × ncall).
    std::vector<float> sumSquares;
    std::vector<float> sums; // sum of activations ("in_sum"); only in newer GGUF files, else empty
    // One per matrix. GGUF: activation rows seen. Legacy: a single value, the entry's ncall.
    std::vector<double> counts;

    // GGUF entries record their matrices. Legacy entries do not: they have one count (ncall), and an
    // expert tensor's entry holds columns × experts values, so split those by the tensor's row length,
    // as llama-quantize does (imatrix + expert * row length).
    size_t matrixCount() const { return counts.size(); }
    size_t columns() const { return counts.empty() ? 0 : sumSquares.size() / counts.size(); }
};

class Imatrix {
public:
    ImatrixFormat format = ImatrixFormat::Gguf; // how the numbers are stored (see ImatrixEntry)
    std::vector<std::string> datasets;          // calibration file names
    uint32_t chunkCount = 0;                    // chunks of calibration text processed (0: unknown)
    uint32_t chunkSize = 0;                     // tokens per chunk; GGUF only (0: unknown)
    std::filesystem::path sourcePath;           // the file it was loaded from, if any

    // Adds an entry; refuses duplicates, empty entries and inconsistent sizes.
    Status add(ImatrixEntry entry);
    const std::vector<ImatrixEntry>& entries() const { return m_entries; }
    const ImatrixEntry* find(std::string_view name) const;

    // The values llama-quantize hands the quantizers (its load_imatrix): mean squared activation per
    // column. GGUF: sumSquares / count per matrix (1.0 for matrices never activated); legacy:
    // value / ncall (the value itself when ncall is 0).
    std::vector<float> importance(const ImatrixEntry& entry) const;

private:
    std::vector<ImatrixEntry> m_entries;
    std::unordered_map<std::string, size_t> m_index;
};

// Reads either format (GGUF when the file starts with "GGUF").
Result<Imatrix> loadImatrix(const std::filesystem::path& path);
Result<Imatrix> parseImatrix(std::span<const uint8_t> bytes, const std::string& fileName);
Result<Imatrix> parseLegacyImatrix(std::span<const uint8_t> bytes, const std::string& fileName);
Result<Imatrix> parseGgufImatrix(std::span<const uint8_t> bytes, const std::string& fileName);

// Writers. Converting between formats needs the chunk size (tokens per chunk), as llama-imatrix does:
// set Imatrix::chunkSize when writing a legacy matrix as GGUF or the reverse. Same-format writes are
// byte-identical to what was read (for GGUF: given the same metadata order, which llama-imatrix fixes).
Result<std::vector<uint8_t>> serializeLegacyImatrix(const Imatrix& imatrix);
// `policy`: whether an existing file may be replaced and which files (the model, the text) never may.
Status saveLegacyImatrix(const Imatrix& imatrix, const std::filesystem::path& path, const io::OutputPolicy& policy = {});
Status saveGgufImatrix(const Imatrix& imatrix, const std::filesystem::path& path, const io::OutputPolicy& policy = {});

} // namespace qf::quant
