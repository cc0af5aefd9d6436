#pragma once
// What the quantization job reads: a tensor table, its metadata and each tensor's bytes on demand. A
// GGUF file is one such source (its bytes are the mapping); a model converted on the fly (a Hugging Face
// folder) is another, whose bytes are produced tensor by tensor, so that "HF folder -> Q4_K_M" never
// writes an intermediate F16 file.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/value.h"
#include "qf/result.h"

namespace qf::quant {

class TensorSource {
public:
    virtual ~TensorSource() = default;
    virtual const gguf::Metadata& metadata() const = 0;
    // In GGUF terms (shape row length first, ggml type, byteSize); offsets are meaningless for virtual
    // sources.
    virtual const std::vector<gguf::TensorInfo>& tensors() const = 0;
    // The bytes of tensor `index`; valid until the next tensorBytes() or releaseTensor() call.
    virtual Result<std::span<const uint8_t>> tensorBytes(size_t index) = 0;
    // Done with tensor `index`: free or un-map what holds its bytes.
    virtual void releaseTensor(size_t index) = 0;
    // Reading a tensor a slab of rows at a time (bounded memory for large tensors, e.g. a 128k-token
    // embedding): 0 when tensor `index` can only be read whole, else slabs must start at and hold a
    // multiple of this many rows (GGUF rows: shape[0] elements each).
    virtual uint64_t rowGranularity(size_t /*index*/) const { return 0; }
    // The bytes of rows [firstRow, firstRow + rowCount) of tensor `index` (rowGranularity() > 0); valid
    // until the next call.
    virtual Result<std::span<const uint8_t>> tensorRows(size_t index, uint64_t firstRow, uint64_t rowCount) {
        return makeError("internal error: rows {}..{} of tensor {} asked of a source that reads tensors whole",
                         firstRow, firstRow + rowCount, index);
    }
    // Done with those rows: drops what holds them (their source pages) from memory.
    virtual void releaseRows(size_t /*index*/, uint64_t /*firstRow*/, uint64_t /*rowCount*/) {}
    // Files the source reads, which an output must never overwrite.
    virtual std::vector<std::filesystem::path> inputPaths() const = 0;
    // An error when the bytes handed out so far cannot be trusted (a mapped file shrank meanwhile).
    virtual Status checkIntact() const { return {}; }
};

// A memory-mapped GGUF file as a source (no copies).
class GgufTensorSource final : public TensorSource {
public:
    explicit GgufTensorSource(const gguf::GgufFile& file) : m_file(file) {}
    const gguf::Metadata& metadata() const override { return m_file.metadata(); }
    const std::vector<gguf::TensorInfo>& tensors() const override { return m_file.tensors(); }
    Result<std::span<const uint8_t>> tensorBytes(size_t index) override {
        return m_file.tensorData(m_file.tensors()[index]);
    }
    void releaseTensor(size_t index) override { m_file.releaseTensorData(m_file.tensors()[index]); }
    std::vector<std::filesystem::path> inputPaths() const override { return m_file.shardPaths(); }
    Status checkIntact() const override { return m_file.checkIntact(); }

private:
    const gguf::GgufFile& m_file;
};

} // namespace qf::quant
