#pragma once
// A Hugging Face folder, converted on the fly, as a source for the quantization job: each tensor is
// converted (permuted, cast to F16/BF16/F32) into one reusable buffer when the job asks for it, whole or (plain
// 2-D weights) a slab of rows at a time.
#include <vector>

#include "qf/hf/hf_convert.h"
#include "qf/quant/tensor_source.h"

namespace qf::hf {

class HfTensorSource final : public quant::TensorSource {
public:
    // `conversion` must outlive this source.
    explicit HfTensorSource(const HfConversion& conversion);

    const gguf::Metadata& metadata() const override { return m_conversion.metadata(); }
    const std::vector<gguf::TensorInfo>& tensors() const override { return m_tensors; }
    Result<std::span<const uint8_t>> tensorBytes(size_t index) override;
    void releaseTensor(size_t index) override;
    uint64_t rowGranularity(size_t index) const override { return m_conversion.rowGranularity(index); }
    Result<std::span<const uint8_t>> tensorRows(size_t index, uint64_t firstRow, uint64_t rowCount) override;
    void releaseRows(size_t index, uint64_t firstRow, uint64_t rowCount) override {
        m_conversion.releaseRows(index, firstRow, rowCount);
    }
    std::vector<std::filesystem::path> inputPaths() const override {
        return m_conversion.inputPaths();
    }

private:
    const HfConversion& m_conversion;
    std::vector<gguf::TensorInfo> m_tensors;
    std::vector<uint8_t> m_buffer;
};

} // namespace qf::hf
