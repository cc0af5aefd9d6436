#pragma once
// Internal to the Hugging Face converter: reading a safetensors float and writing a GGUF one.
#include <cstdint>
#include <cstring>

#include "qf/fp16.h"
#include "qf/ggml_type.h"
#include "qf/hf/safetensors.h"

namespace qf::hf::detail {

// F32, F16 or BF16 (any other dtype reads as BF16: callers check isFloatDtype first).
inline float loadFloat(StDtype dtype, const uint8_t* p) {
    switch (dtype) {
    case StDtype::F32: {
        float f;
        std::memcpy(&f, p, 4);
        return f;
    }
    case StDtype::F16: {
        uint16_t h;
        std::memcpy(&h, p, 2);
        return fp16ToFp32(h);
    }
    default: {
        uint16_t h;
        std::memcpy(&h, p, 2);
        return bf16ToFp32(h);
    }
    }
}

inline void storeFloat(GgmlType type, float f, uint8_t* p) {
    if (type == GgmlType::F32) {
        std::memcpy(p, &f, 4);
    } else {
        const uint16_t h = type == GgmlType::F16 ? fp32ToFp16(f) : fp32ToBf16(f);
        std::memcpy(p, &h, 2);
    }
}

} // namespace qf::hf::detail
