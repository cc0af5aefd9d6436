#pragma once
// A Hugging Face folder, converted on the fly, as a source for the quantization job: each tensor is
// converted (permuted, cast to F16/BF16/F32) into one reusable buffer when the job asks for it.
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
    std::vector<std::filesystem::path> inputPaths() const override {
        return m_conversion.inputPaths();
    }

private:
    const HfConversion& m_conversion;
    std::vector<gguf::TensorInfo> m_tensors;
    std::vector<uint8_t> m_buffer;
};

} // namespace qf::hf
