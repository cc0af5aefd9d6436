// The one kernel dispatch (kernel_table.h): the path records, and the public kernel API over them.
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include "qf/cpu_features.h"
#include "qf/quant/kernels.h"
#include "kernel_table.h"

namespace qf::dispatch {
namespace {

PathKernels buildPathKernels(KernelPath path) {
    PathKernels k;
    k.path = path;
    ByType<QuantizeRowsFn> ownQuantize{};
    ByType<QuantizedDotFn> ownDot{};
    ByType<PrepareRowFn> ownPrepare{};
    addReferenceVectorOps(k.vector);
    const auto referenceProducts = [&] {
        for (size_t s = 0; s < kTypeSlots; ++s) {
            ownDot[s] = typeKernels(GgmlType(s)).dot;
            ownPrepare[s] = typeKernels(GgmlType(s)).prepareRow;
        }
    };
    switch (path) {
    case KernelPath::Reference:
        addReferenceProducts(k);
        referenceProducts();
        break;
#if defined(QF_HAVE_X86_KERNELS)
    case KernelPath::Avx2:
        addAvx2Quantizers(ownQuantize);
        addAvx2Products(k);
        addAvx2QuantizedDots(ownDot);
        addAvx2VectorOps(k.vector);
        break;
    case KernelPath::Avx512:
        addAvx512Quantizers(ownQuantize);
        addAvx512Products(k);
        addAvx512QuantizedDots(ownDot);
        addAvx512Preparers(ownPrepare);
        addAvx512VectorOps(k.vector);
        break;
#endif
#if defined(QF_HAVE_NEON_KERNELS)
    case KernelPath::Neon:
        addNeonQuantizers(ownQuantize);
        addNeonProducts(k);
        // No integer products of its own yet: the scalar ones (faster than the F32 product there).
        for (size_t s = 0; s < kTypeSlots; ++s)
            ownDot[s] = typeKernels(GgmlType(s)).dot;
        break;
#endif
    default:
        break;
    }
    // The one place where a path's entries meet the reference: a quantizer or unpacker the path lacks
    // is the reference's; an entry for a type the reference does not know is dropped (test_kernel_table fails on it).
    for (size_t s = 0; s < kTypeSlots; ++s) {
        const TypeKernels& ref = typeKernels(GgmlType(s));
        k.quantize[s] = ownQuantize[s] && ref.quantize ? ownQuantize[s] : ref.quantize;
        k.unpack[s] = k.unpack[s] && ref.dequantize ? k.unpack[s] : ref.dequantize;
        k.dot[s] = ref.dot ? ownDot[s] : nullptr;
        k.prepareRow[s] = ref.prepareRow && k.quantizedGemm ? ownPrepare[s] : nullptr;
    }
    return k;
}

} // namespace

bool pathUsable(KernelPath path) {
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

const PathKernels& kernels(KernelPath path) {
    static const std::array<PathKernels, 4> all = [] {
        std::array<PathKernels, 4> paths;
        for (KernelPath p : {KernelPath::Reference, KernelPath::Avx2, KernelPath::Avx512, KernelPath::Neon})
            paths[size_t(p)] = buildPathKernels(pathUsable(p) ? p : KernelPath::Reference);
        return paths;
    }();
    return all[size_t(path) < all.size() ? size_t(path) : 0];
}

const PathKernels& kernels() {
    return kernels(quant::activePath());
}

} // namespace qf::dispatch

namespace qf::quant {
namespace {

using dispatch::pathUsable;
using dispatch::typeKernels;

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
    return typeKernels(type).quantize != nullptr;
}

bool requiresImportance(GgmlType type) {
    return typeKernels(type).requiresImportance;
}

bool canDequantize(GgmlType type) {
    return typeKernels(type).dequantize != nullptr;
}

size_t quantizeRows(KernelPath path, GgmlType type, const float* src, void* dst, int64_t nrows,
                    int64_t rowLen, const float* importance) {
    const detail::QuantizeRowsFn fn = dispatch::kernels(path).quantizer(type);
    if (!fn || nrows < 0 || rowLen <= 0 || rowLen % ggmlTypeTraits(type).blockSize != 0) return 0;
    if (!importance && requiresImportance(type)) return 0;
    if (nrows > 0) fn(src, dst, nrows, rowLen, importance);
    return size_t(ggmlRowBytes(type, uint64_t(rowLen)) * uint64_t(nrows));
}

size_t quantizeRows(GgmlType type, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                    const float* importance) {
    return quantizeRows(activePath(), type, src, dst, nrows, rowLen, importance);
}

void dequantizeRow(GgmlType type, const void* src, float* dst, int64_t n) {
    if (detail::DequantizeRowFn fn = typeKernels(type).dequantize) fn(src, dst, n);
}

std::vector<KernelPath> availablePaths() {
    std::vector<KernelPath> paths{KernelPath::Reference};
    for (KernelPath path : {KernelPath::Neon, KernelPath::Avx2, KernelPath::Avx512})
        if (pathUsable(path)) paths.push_back(path);
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
