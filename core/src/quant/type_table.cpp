// The reference record of every type (kernel_table.h): one row per type, in one place, so that the whole
// set of what the project can do with a type reads at a glance and a new type is one row here.
#include "kernel_table.h"
#include "quant_mxfp4.h"

namespace qf::quant::detail {
namespace {

using dispatch::TypeKernels;

struct TypeRow {
    GgmlType type;
    TypeKernels kernels;
};

// type, {reference quantizer, dequantizer, requires importance, activation (vec_dot) type}; the integer
// dot and GEMM preparer are added from the evaluation kernels below.
constexpr TypeRow kTypeRows[] = {
    {GgmlType::F32, {quantizeF32Ref, dequantizeF32, false, GgmlType::F32}},
    {GgmlType::F16, {quantizeF16Ref, dequantizeF16, false, GgmlType::F16}},
    {GgmlType::BF16, {quantizeBF16Ref, dequantizeBF16, false, GgmlType::BF16}},
    {GgmlType::Q4_0, {quantizeQ4_0Ref, dequantizeQ4_0, false, GgmlType::Q8_0}},
    {GgmlType::Q4_1, {quantizeQ4_1Ref, dequantizeQ4_1, false, GgmlType::Q8_1}},
    {GgmlType::Q5_0, {quantizeQ5_0Ref, dequantizeQ5_0, false, GgmlType::Q8_0}},
    {GgmlType::Q5_1, {quantizeQ5_1Ref, dequantizeQ5_1, false, GgmlType::Q8_1}},
    {GgmlType::Q8_0, {quantizeQ8_0Ref, dequantizeQ8_0, false, GgmlType::Q8_0}},
    {GgmlType::Q2_K, {quantizeQ2KRef, dequantizeQ2K, false, GgmlType::Q8_K}},
    {GgmlType::Q3_K, {quantizeQ3KRef, dequantizeQ3K, false, GgmlType::Q8_K}},
    {GgmlType::Q4_K, {quantizeQ4KRef, dequantizeQ4K, false, GgmlType::Q8_K}},
    {GgmlType::Q5_K, {quantizeQ5KRef, dequantizeQ5K, false, GgmlType::Q8_K}},
    {GgmlType::Q6_K, {quantizeQ6KRef, dequantizeQ6K, false, GgmlType::Q8_K}},
    {GgmlType::IQ4_NL, {quantizeIq4NlRef, dequantizeIq4Nl, false, GgmlType::Q8_0}},
    {GgmlType::IQ4_XS, {quantizeIq4XsRef, dequantizeIq4Xs, false, GgmlType::Q8_K}},
    {GgmlType::MXFP4, {quantizeMxfp4Ref, dequantizeMxfp4, false, GgmlType::Q8_0}}, // ggml_vec_dot_mxfp4_q8_0
    {GgmlType::IQ2_XXS, {quantizeIq2XxsRef, dequantizeIq2Xxs, true, GgmlType::Q8_K}},
    {GgmlType::IQ2_XS, {quantizeIq2XsRef, dequantizeIq2Xs, true, GgmlType::Q8_K}},
    {GgmlType::IQ2_S, {quantizeIq2SRef, dequantizeIq2S, false, GgmlType::Q8_K}},
    {GgmlType::IQ3_XXS, {quantizeIq3XxsRef, dequantizeIq3Xxs, false, GgmlType::Q8_K}},
    {GgmlType::IQ3_S, {quantizeIq3SRef, dequantizeIq3S, false, GgmlType::Q8_K}},
    {GgmlType::IQ1_S, {quantizeIq1SRef, dequantizeIq1S, true, GgmlType::Q8_K}},
    {GgmlType::IQ1_M, {quantizeIq1MRef, dequantizeIq1M, false, GgmlType::Q8_K}},
    {GgmlType::TQ1_0, {quantizeTq1_0Ref, dequantizeTq1_0, false, GgmlType::Q8_K}},
    {GgmlType::TQ2_0, {quantizeTq2_0Ref, dequantizeTq2_0, false, GgmlType::Q8_K}},
    {GgmlType::Q1_0, {quantizeQ1_0Ref, dequantizeQ1_0, false, GgmlType::Q8_0}},
    {GgmlType::Q2_0, {quantizeQ2_0Ref, dequantizeQ2_0, false, GgmlType::Q8_0}},
};

} // namespace
} // namespace qf::quant::detail

namespace qf::dispatch {
namespace {

// The rows above, with the scalar integer products that the evaluation kernels list next to their code.
ByType<TypeKernels> buildTypeTable() {
    ByType<TypeKernels> table{};
    for (const auto& row : quant::detail::kTypeRows)
        table[typeSlot(row.type)] = row.kernels;
    ByType<QuantizedDotFn> dots{};
    addReferenceQuantizedDots(dots);
    addReferenceCodebookDots(dots);
    ByType<PrepareRowFn> preparers{};
    addReferencePreparers(preparers);
    addCodebookPreparers(preparers);
    for (size_t s = 0; s < kTypeSlots; ++s) {
        table[s].dot = dots[s];
        table[s].prepareRow = preparers[s];
    }
    return table;
}

constexpr TypeKernels kNoKernels{};

} // namespace

const TypeKernels& typeKernels(GgmlType type) {
    static const ByType<TypeKernels> table = buildTypeTable();
    const size_t s = typeSlot(type);
    return s < kTypeSlots ? table[s] : kNoKernels;
}

} // namespace qf::dispatch
