#pragma once
// The tensor types of the GGUF format, with the ids, block sizes and block byte sizes that ggml defines.
// Ids are part of the file format and never change; ids that ggml removed are simply absent.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace qf {

enum class GgmlType : uint32_t {
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q4_1 = 3,
    Q5_0 = 6,
    Q5_1 = 7,
    Q8_0 = 8,
    Q8_1 = 9,
    Q2_K = 10,
    Q3_K = 11,
    Q4_K = 12,
    Q5_K = 13,
    Q6_K = 14,
    Q8_K = 15,
    IQ2_XXS = 16,
    IQ2_XS = 17,
    IQ3_XXS = 18,
    IQ1_S = 19,
    IQ4_NL = 20,
    IQ3_S = 21,
    IQ2_S = 22,
    IQ4_XS = 23,
    I8 = 24,
    I16 = 25,
    I32 = 26,
    I64 = 27,
    F64 = 28,
    IQ1_M = 29,
    BF16 = 30,
    TQ1_0 = 34,
    TQ2_0 = 35,
    MXFP4 = 39,
    Q1_0 = 41,
    Q2_0 = 42,
};

struct GgmlTypeTraits {
    GgmlType type;
    std::string_view name;  // as ggml spells it: "Q4_K", "BF16"
    uint32_t blockSize;     // elements per block
    uint32_t blockBytes;    // bytes per block
    bool quantized;         // block-quantized (not a plain float/int type)
};

// Traits of a type id read from a file; nullptr for an id ggml does not define.
const GgmlTypeTraits* ggmlTypeTraits(uint32_t id);
const GgmlTypeTraits& ggmlTypeTraits(GgmlType type);
std::string_view ggmlTypeName(GgmlType type);
std::optional<GgmlType> ggmlTypeFromName(std::string_view name); // case-insensitive
std::span<const GgmlTypeTraits> allGgmlTypes();

// Bytes of a row of `elements` values; the caller has checked divisibility by the block size.
inline uint64_t ggmlRowBytes(GgmlType type, uint64_t elements) {
    const auto& t = ggmlTypeTraits(type);
    return elements / t.blockSize * t.blockBytes;
}

} // namespace qf
