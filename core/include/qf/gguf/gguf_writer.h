#pragma once
// Writing GGUF files in ggml's canonical layout: header, metadata, tensor infos, padding to the
// alignment, then each tensor's bytes followed by zero padding to the alignment. The file is written to a
// temporary file beside the target and renamed into place only when complete.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/gguf/value.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::gguf {

struct TensorSpec {
    std::string name;
    std::vector<uint64_t> shape; // row length first
    GgmlType type = GgmlType::F32;
};

struct WriteParams {
    std::filesystem::path output;
    uint32_t version = 3;
    // Taken from metadata's general.alignment when present; this value is used otherwise.
    uint32_t alignment = 32;
    Metadata metadata;
    std::vector<TensorSpec> tensors;
    // Files that must not be overwritten (the sources being read).
    std::vector<std::filesystem::path> protectedInputs;
    bool overwrite = true;
    // Wait for the bytes to reach the disk before renaming into place (see io::AtomicFile::commit).
    bool durable = false;
    // Metadata keys with string values known only once the tensors are written (a digest computed while the
    // source is read): the metadata holds a placeholder of the final length, GgufStreamWriter::fillString
    // replaces it before finish(). Ignored by writeGguf.
    std::vector<std::string> deferredStrings;
};

// Fills `out` (exactly the tensor's byte size) with tensor `index`'s data. Called once per tensor, in order.
using TensorDataFn = std::function<Status(size_t index, std::span<uint8_t> out)>;

// Bytes the file will have, computed from the spec alone (no writing). Errors for invalid shapes/types.
Result<uint64_t> plannedFileSize(const WriteParams& params);
Result<uint64_t> tensorByteSize(const TensorSpec& spec);

Status writeGguf(const WriteParams& params, const TensorDataFn& data, const ProgressFn& progress = {},
                 std::stop_token stop = {});

// The same, driven by the caller one tensor at a time, so that one pass over a source can feed several
// output files. Nothing appears at params.output until finish() succeeds; destroying the writer before
// that (error, cancel) removes the temporary file.
class GgufStreamWriter {
public:
    static Result<GgufStreamWriter> create(const WriteParams& params);
    GgufStreamWriter(GgufStreamWriter&&) noexcept;
    GgufStreamWriter& operator=(GgufStreamWriter&&) = delete;
    ~GgufStreamWriter();

    size_t nextTensor() const { return m_next; }
    uint64_t tensorBytes(size_t index) const { return m_sizes[index]; }
    // Writes the next tensor's bytes (exactly tensorBytes(nextTensor())) and its alignment padding.
    Status writeTensor(std::span<const uint8_t> bytes);
    // Writes the next part of the next tensor's bytes; the tensor (and its padding) is complete when its parts
    // add up to tensorBytes(nextTensor()). Lets a large tensor be produced a slab of rows at a time.
    Status writeTensorPart(std::span<const uint8_t> bytes);
    // Replaces the placeholder of a deferred string (WriteParams::deferredStrings) with `value`, which must
    // have the placeholder's length (the header's size, and so every offset, is already fixed).
    Status fillString(std::string_view key, std::string_view value);
    // Fails while a deferred string is still unfilled, so that a placeholder never reaches a finished file.
    Status finish();
    uint64_t plannedBytes() const { return m_planned; }

    // Where a deferred string's characters are in the header.
    struct DeferredSlot {
        std::string key;
        uint64_t offset = 0;
        uint64_t size = 0;
        bool filled = false;
    };

private:
    GgufStreamWriter() = default;
    struct State;
    std::unique_ptr<State> m_state;
    std::vector<uint64_t> m_sizes;
    size_t m_next = 0;
    uint64_t m_partWritten = 0; // bytes of tensor m_next written so far by writeTensorPart
    uint64_t m_planned = 0;
    uint32_t m_alignment = 32;
    bool m_durable = false;
    std::vector<DeferredSlot> m_deferred;
};

// Serialises just the header part (magic .. tensor infos .. alignment padding) of a file; for tests & fuzz.
Result<std::vector<uint8_t>> serializeHeader(const WriteParams& params);

} // namespace qf::gguf
