#pragma once
// The one kernel dispatch of the quantization core and the forward pass. Two records:
//  - TypeKernels, one per ggml type (typeKernels(type)): the scalar reference of everything a type has
//    (quantizer, dequantizer, importance requirement, ggml's vec_dot activation type), written once in
//    type_table.cpp. The reference defines the bytes and the values.
//  - PathKernels, one per kernel path (kernels(path)): everything an instruction set replaces, as tables
//    indexed by type plus its path-wide functions. Each path file lists its own entries in an add*()
//    function below; kernels() starts from the reference entries and lays the path's over them, once per
//    process, so that "no SIMD entry: the reference one" is resolved here and nowhere else.
// Callers look a path up once per call (or per batch) and index its tables; no other per-type switch exists.
#include <array>
#include <cstddef>

#include "qf/ggml_type.h"
#include "qf/quant/kernels.h"
#include "quant_reference.h"
#include "../eval/kernels/matmul_kernels.h"

namespace qf::dispatch {

using quant::KernelPath;
using quant::detail::DequantizeRowFn;
using quant::detail::QuantizeRowsFn;
using eval::detail::PrepareRowFn;
using eval::detail::QuantizedDotFn;

// One slot per ggml type id (0 .. Q2_0).
inline constexpr size_t kTypeSlots = size_t(GgmlType::Q2_0) + 1;
template <class Fn> using ByType = std::array<Fn, kTypeSlots>;
// The slot of a type, or kTypeSlots for an id outside the table (a type read from a file).
constexpr size_t typeSlot(GgmlType type) {
    return size_t(type) < kTypeSlots ? size_t(type) : kTypeSlots;
}

struct TypeKernels {
    QuantizeRowsFn quantize = nullptr;     // nullptr: cannot be quantized
    DequantizeRowFn dequantize = nullptr;  // nullptr: cannot be read back
    bool requiresImportance = false;       // ggml refuses to quantize it without importance weights
    GgmlType activationType = GgmlType::F32; // the type's vec_dot_type in ggml-cpu.c (F32: none)
    QuantizedDotFn dot = nullptr;          // the scalar integer dot with the quantized activations
    PrepareRowFn prepareRow = nullptr;     // the scalar row preparer of the integer GEMM
};

// The reference record of a type (an empty one for a type without kernels).
const TypeKernels& typeKernels(GgmlType type);

struct PathKernels {
    KernelPath path = KernelPath::Reference;
    // The quantizer of each type on this path: the path's own where it has one, else the reference's.
    ByType<QuantizeRowsFn> quantize{};
    // The integer products a path runs, exactly as it lists them: nullptr means the F32 product of the
    // rounded activations (other summation order, so no implicit reference entry here).
    ByType<QuantizedDotFn> dot{};
    ByType<PrepareRowFn> prepareRow{};
    // The F32 row unpacking of the products: the path's own where it has one, else the reference dequantizer.
    ByType<DequantizeRowFn> unpack{};

    // Path-wide: the F32 products' micro-kernels (matmul_kernels.h), matrix-vector row
    // kernel, the integer GEMM kernels (nullptr: none) and the element-wise helpers.
    int mr = 0;
    int nr = 0;
    eval::detail::MicroKernelFn kernel = nullptr;
    eval::detail::SmallKernelFn smallKernel = nullptr;
    eval::detail::MatVecRowFn matvecRow = nullptr;
    eval::detail::QuantizedGemmFn quantizedGemm = nullptr;
    eval::detail::QuantizedGemmFn quantizedGemmPair = nullptr;
    eval::VectorOps vector;

    QuantizeRowsFn quantizer(GgmlType type) const {
        const size_t s = typeSlot(type);
        return s < kTypeSlots ? quantize[s] : nullptr;
    }
    QuantizedDotFn quantizedDot(GgmlType type) const {
        const size_t s = typeSlot(type);
        return s < kTypeSlots ? dot[s] : nullptr;
    }
    DequantizeRowFn unpacker(GgmlType type) const {
        const size_t s = typeSlot(type);
        return s < kTypeSlots ? unpack[s] : nullptr;
    }
    PrepareRowFn rowPreparer(GgmlType type) const {
        const size_t s = typeSlot(type);
        return s < kTypeSlots ? prepareRow[s] : nullptr;
    }
};

// Whether this build and CPU can run a path's kernels.
bool pathUsable(KernelPath path);
// The record of a path (the reference record when the path is not usable here); the active path's.
const PathKernels& kernels(KernelPath path);
const PathKernels& kernels();

// The reference entries of the products, written next to their code and gathered into TypeKernels.
void addReferenceQuantizedDots(ByType<QuantizedDotFn>& table); // eval/kernels/quantized_dot.cpp
void addReferenceCodebookDots(ByType<QuantizedDotFn>& table);  // eval/kernels/quantized_dot_codebook.cpp
void addReferencePreparers(ByType<PrepareRowFn>& table);       // eval/kernels/quantized_gemm.cpp
void addCodebookPreparers(ByType<PrepareRowFn>& table);        // eval/kernels/quantized_gemm_codebook.cpp
// The reference path's path-wide functions (eval/kernels/matmul.cpp, vector_ops.cpp).
void addReferenceProducts(PathKernels& k);
void addReferenceVectorOps(eval::VectorOps& ops);

// Each path's own entries, written next to its kernels; they only store function pointers, so the tests
// may call them on any CPU (to check every entry has a reference).
#if defined(QF_HAVE_X86_KERNELS)
void addAvx2Quantizers(ByType<QuantizeRowsFn>& table);   // quant_avx2.cpp
void addAvx512Quantizers(ByType<QuantizeRowsFn>& table); // quant_avx512.cpp
void addAvx2Products(PathKernels& k);                     // eval/kernels/matmul_avx2.cpp
void addAvx512Products(PathKernels& k);                   // eval/kernels/matmul_avx512.cpp
void addAvx2Unpackers(ByType<DequantizeRowFn>& table);     // eval/kernels/dequantize_avx2.cpp
void addAvx512Unpackers(ByType<DequantizeRowFn>& table);   // eval/kernels/dequantize_avx512.cpp
void addAvx2QuantizedDots(ByType<QuantizedDotFn>& table);  // eval/kernels/quantized_dot_avx2.cpp
void addAvx2CodebookDots(ByType<QuantizedDotFn>& table);   // eval/kernels/quantized_dot_codebook_avx2.cpp
// The AVX-512 path's: the AVX2 ones, its own Q4_K/Q6_K kernels over them, the VNNI variants over those
// when the CPU has VNNI (every result has the AVX2 kernel's bits). The two variants of its own, for the tests.
void addAvx512QuantizedDots(ByType<QuantizedDotFn>& table); // eval/kernels/quantized_dot_avx512.cpp
void addAvx512OwnQuantizedDots(ByType<QuantizedDotFn>& table);
void addAvx512VnniQuantizedDots(ByType<QuantizedDotFn>& table); // quantized_dot_avx512vnni.cpp
void addAvx512Preparers(ByType<PrepareRowFn>& table);           // eval/kernels/quantized_gemm_avx512.cpp
void addAvx2VectorOps(eval::VectorOps& ops);                     // eval/kernels/vector_ops_avx2.cpp
void addAvx512VectorOps(eval::VectorOps& ops);                   // eval/kernels/vector_ops_avx512.cpp
#endif
#if defined(QF_HAVE_NEON_KERNELS)
void addNeonQuantizers(ByType<QuantizeRowsFn>& table); // quant_neon.cpp
void addNeonProducts(PathKernels& k);                  // eval/kernels/matmul_neon.cpp
void addNeonUnpackers(ByType<DequantizeRowFn>& table); // eval/kernels/dequantize_neon.cpp
#endif

} // namespace qf::dispatch
