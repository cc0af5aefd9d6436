#include "qf/hf/hf_tensor_source.h"

#include "qf/ggml_type.h"

namespace qf::hf {

HfTensorSource::HfTensorSource(const HfConversion& conversion) : m_conversion(conversion) {
    uint64_t offset = 0;
    for (size_t i = 0; i < conversion.tensors().size(); ++i) {
        const auto& spec = conversion.tensors()[i];
        gguf::TensorInfo info;
        info.name = spec.name;
        info.shape = spec.shape;
        info.type = spec.type;
        info.byteSize = conversion.tensorByteSize(i);
        info.offset = offset; // where a written F16 file would put it (before alignment padding)
        offset += info.byteSize;
        m_tensors.push_back(std::move(info));
    }
}

Result<std::span<const uint8_t>> HfTensorSource::tensorBytes(size_t index) {
    if (index >= m_tensors.size()) return makeError("tensor index {} out of range", index);
    m_buffer.resize(size_t(m_tensors[index].byteSize));
    QF_TRY(m_conversion.tensorData(index, m_buffer));
    return std::span<const uint8_t>(m_buffer);
}

Result<std::span<const uint8_t>> HfTensorSource::tensorRows(size_t index, uint64_t firstRow, uint64_t rowCount) {
    if (index >= m_tensors.size()) return makeError("tensor index {} out of range", index);
    m_buffer.resize(size_t(rowCount * ggmlRowBytes(m_tensors[index].type, m_tensors[index].rowLength())));
    QF_TRY(m_conversion.tensorRows(index, firstRow, rowCount, m_buffer));
    return std::span<const uint8_t>(m_buffer);
}

void HfTensorSource::releaseTensor(size_t index) {
    m_conversion.releaseTensor(index);
}

} // namespace qf::hf
