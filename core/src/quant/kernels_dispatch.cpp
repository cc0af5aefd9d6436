// The public kernel API: picks the reference or a SIMD quantizer per type and path.
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "qf/cpu_features.h"
#include "qf/quant/kernels.h"
#include "quant_mxfp4.h"
#include "quant_reference.h"
#include "simd_kernels.h"

namespace qf::quant {
namespace {

using detail::DequantizeRowFn;
using detail::QuantizeRowsFn;

QuantizeRowsFn referenceQuantizer(GgmlType type) {
    switch (type) {
    case GgmlType::F32:
        return detail::quantizeF32Ref;
    case GgmlType::F16:
        return detail::quantizeF16Ref;
    case GgmlType::BF16:
        return detail::quantizeBF16Ref;
    case GgmlType::Q4_0:
        return detail::quantizeQ4_0Ref;
    case GgmlType::Q4_1:
        return detail::quantizeQ4_1Ref;
    case GgmlType::Q5_0:
        return detail::quantizeQ5_0Ref;
    case GgmlType::Q5_1:
        return detail::quantizeQ5_1Ref;
    case GgmlType::Q8_0:
        return detail::quantizeQ8_0Ref;
    case GgmlType::Q2_K:
        return detail::quantizeQ2KRef;
    case GgmlType::Q3_K:
        return detail::quantizeQ3KRef;
    case GgmlType::Q4_K:
        return detail::quantizeQ4KRef;
    case GgmlType::Q5_K:
        return detail::quantizeQ5KRef;
    case GgmlType::Q6_K:
        return detail::quantizeQ6KRef;
    case GgmlType::IQ4_NL:
        return detail::quantizeIq4NlRef;
    case GgmlType::IQ4_XS:
        return detail::quantizeIq4XsRef;
    case GgmlType::MXFP4:
        return detail::quantizeMxfp4Ref;
    case GgmlType::IQ2_XXS:
        return detail::quantizeIq2XxsRef;
    case GgmlType::IQ2_XS:
        return detail::quantizeIq2XsRef;
    case GgmlType::IQ2_S:
        return detail::quantizeIq2SRef;
    case GgmlType::IQ3_XXS:
        return detail::quantizeIq3XxsRef;
    case GgmlType::IQ3_S:
        return detail::quantizeIq3SRef;
    case GgmlType::IQ1_S:
        return detail::quantizeIq1SRef;
    case GgmlType::IQ1_M:
        return detail::quantizeIq1MRef;
    case GgmlType::TQ1_0:
        return detail::quantizeTq1_0Ref;
    case GgmlType::TQ2_0:
        return detail::quantizeTq2_0Ref;
    case GgmlType::Q1_0:
        return detail::quantizeQ1_0Ref;
    case GgmlType::Q2_0:
        return detail::quantizeQ2_0Ref;
    default:
        return nullptr;
    }
}

DequantizeRowFn dequantizer(GgmlType type) {
    switch (type) {
    case GgmlType::F32:
        return detail::dequantizeF32;
    case GgmlType::F16:
        return detail::dequantizeF16;
    case GgmlType::BF16:
        return detail::dequantizeBF16;
    case GgmlType::Q4_0:
        return detail::dequantizeQ4_0;
    case GgmlType::Q4_1:
        return detail::dequantizeQ4_1;
    case GgmlType::Q5_0:
        return detail::dequantizeQ5_0;
    case GgmlType::Q5_1:
        return detail::dequantizeQ5_1;
    case GgmlType::Q8_0:
        return detail::dequantizeQ8_0;
    case GgmlType::Q2_K:
        return detail::dequantizeQ2K;
    case GgmlType::Q3_K:
        return detail::dequantizeQ3K;
    case GgmlType::Q4_K:
        return detail::dequantizeQ4K;
    case GgmlType::Q5_K:
        return detail::dequantizeQ5K;
    case GgmlType::Q6_K:
        return detail::dequantizeQ6K;
    case GgmlType::IQ4_NL:
        return detail::dequantizeIq4Nl;
    case GgmlType::IQ4_XS:
        return detail::dequantizeIq4Xs;
    case GgmlType::MXFP4:
        return detail::dequantizeMxfp4;
    case GgmlType::IQ2_XXS:
        return detail::dequantizeIq2Xxs;
    case GgmlType::IQ2_XS:
        return detail::dequantizeIq2Xs;
    case GgmlType::IQ2_S:
        return detail::dequantizeIq2S;
    case GgmlType::IQ3_XXS:
        return detail::dequantizeIq3Xxs;
    case GgmlType::IQ3_S:
        return detail::dequantizeIq3S;
    case GgmlType::IQ1_S:
        return detail::dequantizeIq1S;
    case GgmlType::IQ1_M:
        return detail::dequantizeIq1M;
    case GgmlType::TQ1_0:
        return detail::dequantizeTq1_0;
    case GgmlType::TQ2_0:
        return detail::dequantizeTq2_0;
    case GgmlType::Q1_0:
        return detail::dequantizeQ1_0;
    case GgmlType::Q2_0:
        return detail::dequantizeQ2_0;
    default:
        return nullptr;
    }
}

bool pathSupported(KernelPath path) {
    const CpuFeatures& cpu = cpuFeatures();
    switch (path) {
    case KernelPath::Reference:
        return true;
#if defined(QF_HAVE_X86_KERNELS)
    case KernelPath::Avx2:
        return cpu.hasAvx2Kernels();
    case KernelPath::Avx512:
        return cpu.hasAvx512Kernels();
#endif
#if defined(QF_HAVE_NEON_KERNELS)
    case KernelPath::Neon:
        return cpu.neon;
#endif
    default:
        return false;
    }
}

QuantizeRowsFn simdQuantizer(KernelPath path, GgmlType type) {
    switch (path) {
#if defined(QF_HAVE_X86_KERNELS)
    case KernelPath::Avx2:
        return detail::avx2QuantizeKernel(type);
    case KernelPath::Avx512:
        return detail::avx512QuantizeKernel(type);
#endif
#if defined(QF_HAVE_NEON_KERNELS)
    case KernelPath::Neon:
        return detail::neonQuantizeKernel(type);
#endif
    default:
        return nullptr;
    }
}

// QF_FORCE_REFERENCE=1 (any value but empty or "0") forces the reference for the whole process.
bool forcedByEnvironment() {
    static const bool forced = [] {
        const char* value = std::getenv("QF_FORCE_REFERENCE");
        return value && std::strcmp(value, "") != 0 && std::strcmp(value, "0") != 0;
    }();
    return forced;
}

std::atomic<bool> g_forcedReference{false};

KernelPath bestPath() {
    static const KernelPath best = availablePaths().back();
    return best;
}

} // namespace

std::string_view kernelPathName(KernelPath path) {
    switch (path) {
    case KernelPath::Reference:
        return "reference";
    case KernelPath::Avx2:
        return "avx2";
    case KernelPath::Avx512:
        return "avx512";
    case KernelPath::Neon:
        return "neon";
    }
    return "unknown";
}

bool canQuantize(GgmlType type) {
    return referenceQuantizer(type) != nullptr;
}

bool requiresImportance(GgmlType type) {
    return type == GgmlType::IQ2_XXS || type == GgmlType::IQ2_XS || type == GgmlType::IQ1_S;
}

bool canDequantize(GgmlType type) {
    return dequantizer(type) != nullptr;
}

size_t quantizeRows(KernelPath path, GgmlType type, const float* src, void* dst, int64_t nrows,
                    int64_t rowLen, const float* importance) {
    QuantizeRowsFn fn = referenceQuantizer(type);
    if (!fn || nrows < 0 || rowLen <= 0 || rowLen % ggmlTypeTraits(type).blockSize != 0) return 0;
    if (!importance && requiresImportance(type)) return 0;
    if (path != KernelPath::Reference && pathSupported(path)) {
        if (QuantizeRowsFn simd = simdQuantizer(path, type)) fn = simd;
    }
    if (nrows > 0) fn(src, dst, nrows, rowLen, importance);
    return size_t(ggmlRowBytes(type, uint64_t(rowLen)) * uint64_t(nrows));
}

size_t quantizeRows(GgmlType type, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                    const float* importance) {
    return quantizeRows(activePath(), type, src, dst, nrows, rowLen, importance);
}

void dequantizeRow(GgmlType type, const void* src, float* dst, int64_t n) {
    if (DequantizeRowFn fn = dequantizer(type)) fn(src, dst, n);
}

std::vector<KernelPath> availablePaths() {
    std::vector<KernelPath> paths{KernelPath::Reference};
    for (KernelPath path : {KernelPath::Neon, KernelPath::Avx2, KernelPath::Avx512})
        if (pathSupported(path)) paths.push_back(path);
    return paths;
}

KernelPath activePath() {
    const bool forced = g_forcedReference.load(std::memory_order_relaxed) || forcedByEnvironment();
    return forced ? KernelPath::Reference : bestPath();
}

void forceReferencePath(bool force) {
    g_forcedReference.store(force, std::memory_order_relaxed);
}

} // namespace qf::quant
