// The blocked matrix-product driver: cache blocking, operand packing, edge tiles and threads. The
// arithmetic happens in the micro-kernels of matmul_kernels.h.
#include "qf/eval/matmul.h"

#include <algorithm>
#include <cstring>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "quantized_dot.h"
#include "qf/parallel.h"

#if defined(__SSE2__)
#include <xmmintrin.h>
#endif

namespace qf::eval {
namespace {

using dispatch::PathKernels;

// Depth of one packed block. A multiple of 256 so that a block of any quantized row starts on a block
// boundary of its type (K-quants hold 256 values per block).
constexpr int64_t kDepthBlock = 512;

int64_t roundUp(int64_t v, int64_t m) {
    return (v + m - 1) / m * m;
}

// Interleaves MR rows at a time: panel p holds rows [p*MR, p*MR + MR), ap[p*K*MR + k*MR + i]; missing rows
// of the last panel are zero.
void packActivations(const float* x, int64_t ldx, int64_t rows, int64_t depth, int mr, float* ap) {
    for (int64_t p = 0; p * mr < rows; ++p) {
        float* panel = ap + p * depth * mr;
        for (int i = 0; i < mr; ++i) {
            const int64_t row = p * mr + i;
            if (row < rows) {
                const float* src = x + row * ldx;
                for (int64_t k = 0; k < depth; ++k)
                    panel[k * mr + i] = src[k];
            } else {
                for (int64_t k = 0; k < depth; ++k)
                    panel[k * mr + i] = 0.0f;
            }
        }
    }
}

// panel[k * nr + j] = rows[j * kc + k] for j < nr, k < kc: rows side by side, 4 x 4 blocks at a time.
void interleaveRows(const float* rows, int nr, int64_t kc, float* panel) {
    int64_t k = 0;
#if defined(__SSE2__)
    for (; k + 4 <= kc; k += 4) {
        for (int j = 0; j + 4 <= nr; j += 4) {
            __m128 r0 = _mm_loadu_ps(rows + (j + 0) * kc + k), r1 = _mm_loadu_ps(rows + (j + 1) * kc + k);
            __m128 r2 = _mm_loadu_ps(rows + (j + 2) * kc + k), r3 = _mm_loadu_ps(rows + (j + 3) * kc + k);
            _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
            _mm_storeu_ps(panel + (k + 0) * nr + j, r0);
            _mm_storeu_ps(panel + (k + 1) * nr + j, r1);
            _mm_storeu_ps(panel + (k + 2) * nr + j, r2);
            _mm_storeu_ps(panel + (k + 3) * nr + j, r3);
        }
    }
#endif
    for (; k < kc; ++k)
        for (int j = 0; j < nr; ++j)
            panel[k * nr + j] = rows[j * kc + k];
}

// Unpacks w rows [row0, row0 + count) at depth [k0, k0 + kc) into NR-interleaved panels of kc x NR.
void packWeights(const PathKernels& ks, const RowMatrix& w, int64_t row0, int64_t count, int64_t k0,
                 int64_t kc, float* bp, float* rows) {
    const uint64_t byteOffset = ggmlRowBytes(w.type, uint64_t(k0));
    const int nr = ks.nr;
    const detail::UnpackRowFn unpack = ks.unpacker(w.type);
    for (int64_t q = 0; q * nr < count; ++q) {
        for (int j = 0; j < nr; ++j) {
            const int64_t r = q * nr + j;
            float* dst = rows + j * kc;
            if (r >= count) {
                std::fill(dst, dst + kc, 0.0f);
                continue;
            }
            const uint8_t* src = w.data + uint64_t(row0 + r) * w.rowBytes + byteOffset;
            unpack(src, dst, kc);
        }
        interleaveRows(rows, nr, kc, bp + q * kc * nr);
    }
}

template <class T> T* grow(std::vector<T>& buffer, size_t n) {
    if (buffer.size() < n) buffer.resize(n);
    return buffer.data();
}

} // namespace

std::vector<KernelPath> matmulPaths() {
    std::vector<KernelPath> paths{KernelPath::Reference};
    for (KernelPath p : {KernelPath::Neon, KernelPath::Avx2, KernelPath::Avx512})
        if (dispatch::pathUsable(p)) paths.push_back(p);
    return paths;
}

KernelPath activeMatmulPath() {
    static const KernelPath best = matmulPaths().back();
    return quant::activePath() == KernelPath::Reference ? KernelPath::Reference : best;
}

void gemm(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
          int64_t ldy, unsigned threads) {
    const PathKernels& ks = dispatch::kernels(path);
    if (tokens <= 0 || w.rows <= 0 || !ks.unpacker(w.type)) return;
    const int mr = ks.mr;
    const int nr = ks.nr;
    const int64_t depth = w.cols;
    // A few tokens (generation, the end of a chunk) skip the activation panels: the small kernel reads
    // them in place and computes no padding rows. Its outputs have the full kernel's bits.
    const bool few = tokens <= detail::kSmallKernelTokens;
    const int64_t panelsA = few ? 1 : (tokens + mr - 1) / mr;
    const int64_t panelRows = few ? tokens : mr;

    thread_local std::vector<float> packedA;
    float* ap = nullptr;
    if (!few) {
        ap = grow(packedA, size_t(panelsA * mr * depth));
        packActivations(x, ldx, tokens, depth, mr, ap);
    }

    // Output rows per work item: small enough to give every thread several items, large enough that the
    // activations streamed once per item are reused over many weight rows.
    if (threads == 0) threads = hardwareThreads();
    // Starting threads costs tens of microseconds; a product smaller than this (one token through a small
    // matrix, as in generation) is done sooner by the calling thread alone. Results do not depend on it.
    // Unpacking the weights costs about as much as four tokens' multiply-adds, hence the floor.
    constexpr int64_t kMinMultiplyAddsPerThread = int64_t(1) << 21;
    const int64_t work = w.rows * depth * std::max<int64_t>(tokens, 4);
    threads = unsigned(std::clamp<int64_t>(work / kMinMultiplyAddsPerThread, 1, threads));
    const int64_t perItem =
        std::clamp<int64_t>(roundUp((w.rows + 4 * threads - 1) / (4 * threads), nr), nr, 4 * nr);
    const int64_t items = (w.rows + perItem - 1) / perItem;

    parallelFor(items, threads, [&](int64_t item) {
        thread_local std::vector<float> packedB, scratch;
        const int64_t row0 = item * perItem;
        const int64_t count = std::min(perItem, w.rows - row0);
        const int64_t panelsB = (count + nr - 1) / nr;
        float* bp = grow(packedB, size_t(panelsB * nr * std::min(depth, kDepthBlock)));
        float* tmp = grow(scratch, size_t(nr * std::min(depth, kDepthBlock)));
        float tile[16 * 64]; // edge tiles (MR <= 16, NR <= 64)
        for (int64_t k0 = 0; k0 < depth; k0 += kDepthBlock) {
            const int64_t kc = std::min(kDepthBlock, depth - k0);
            const bool accumulate = k0 > 0;
            packWeights(ks, w, row0, count, k0, kc, bp, tmp);
            for (int64_t p = 0; p < panelsA; ++p) {
                const float* a = few ? x + k0 : ap + p * depth * mr + k0 * mr;
                const int64_t t0 = p * mr;
                const int64_t rowsHere = std::min<int64_t>(panelRows, tokens - t0);
                auto run = [&](const float* b, float* c, int64_t ldc) {
                    if (few)
                        ks.smallKernel(kc, tokens, a, ldx, b, c, ldc, accumulate);
                    else
                        ks.kernel(kc, a, b, c, ldc, accumulate);
                };
                for (int64_t q = 0; q < panelsB; ++q) {
                    const float* b = bp + q * kc * nr;
                    const int64_t n0 = row0 + q * nr;
                    const int64_t colsHere = std::min<int64_t>(nr, row0 + count - n0);
                    float* c = y + t0 * ldy + n0;
                    if (rowsHere == panelRows && colsHere == nr) {
                        run(b, c, ldy);
                        continue;
                    }
                    if (accumulate)
                        for (int64_t i = 0; i < rowsHere; ++i)
                            std::memcpy(tile + i * nr, c + i * ldy, size_t(colsHere) * sizeof(float));
                    run(b, tile, nr);
                    for (int64_t i = 0; i < rowsHere; ++i)
                        std::memcpy(c + i * ldy, tile + i * nr, size_t(colsHere) * sizeof(float));
                }
            }
        }
    });
}

void matvec(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
            int64_t ldy, unsigned threads) {
    const PathKernels& ks = dispatch::kernels(path);
    const detail::MatVecRowFn rowFn = ks.matvecRow;
    const detail::UnpackRowFn unpack = ks.unpacker(w.type);
    if (tokens <= 0 || w.rows <= 0 || !unpack) return;
    const uint64_t chunkBytes = ggmlRowBytes(w.type, uint64_t(detail::kMatVecChunk));
    if (threads == 0) threads = hardwareThreads();
    // Unpacking dominates here (every weight is unpacked once per kMatVecTokens tokens), so the work is
    // counted in weights; below this a thread costs more to start than it saves.
    constexpr int64_t kMinWeightsPerThread = int64_t(1) << 19;
    threads = unsigned(std::clamp<int64_t>(w.rows * w.cols / kMinWeightsPerThread, 1, threads));
    const int64_t perItem = std::max<int64_t>(16, (w.rows + 8 * threads - 1) / (8 * threads));
    const int64_t items = (w.rows + perItem - 1) / perItem;
    parallelFor(items, threads, [&](int64_t item) {
        const int64_t end = std::min(w.rows, (item + 1) * perItem);
        for (int64_t r = item * perItem; r < end; ++r)
            rowFn(w.type, unpack, w.data + uint64_t(r) * w.rowBytes, chunkBytes, w.cols, x, ldx, tokens, y + r, ldy);
    });
}

void matmul(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
            int64_t ldy, unsigned threads) {
    if (tokens <= kMatVecMaxTokens)
        matvec(path, w, x, ldx, tokens, y, ldy, threads);
    else
        gemm(path, w, x, ldx, tokens, y, ldy, threads);
}

namespace detail {

namespace {

constexpr int kRefMr = 4;
constexpr int kRefNr = 8;

void referenceKernel(int64_t kc, const float* ap, const float* bp, float* c, int64_t ldc, bool accumulate) {
    float acc[kRefMr][kRefNr] = {};
    for (int64_t k = 0; k < kc; ++k)
        for (int i = 0; i < kRefMr; ++i)
            for (int j = 0; j < kRefNr; ++j)
                acc[i][j] += ap[k * kRefMr + i] * bp[k * kRefNr + j];
    for (int i = 0; i < kRefMr; ++i)
        for (int j = 0; j < kRefNr; ++j)
            c[i * ldc + j] = (accumulate ? c[i * ldc + j] : 0.0f) + acc[i][j];
}

// The reference kernel's operations for a few tokens.
struct ReferenceSmallKernelOps {
    static constexpr int N = 1;
    static constexpr int NR = kRefNr;
    using F = float;
    static F zero() { return 0.0f; }
    static F loadu(const float* p) { return *p; }
    static F set1(float v) { return v; }
    static F madd(F a, F b, F acc) { return acc + a * b; }
    static void finish(float* c, F acc, bool accumulate) { *c = (accumulate ? *c : 0.0f) + acc; }
};

#include "small_kernel_lanes.h"

// One lane, plain multiply then add: the scalar reference of the matrix-vector path.
struct ReferenceMatVecOps {
    static constexpr int N = 1;
    using F = float;
    static F zero() { return 0.0f; }
    static F load(const float* p) { return *p; }
    static F loadu(const float* p) { return *p; }
    static F madd(F a, F b, F acc) { return acc + a * b; }
    static F add(F a, F b) { return a + b; }
    static float sum(F v) { return v; }
};

#include "matvec_lanes.h"

} // namespace

} // namespace detail
} // namespace qf::eval

namespace qf::dispatch {

void addReferenceProducts(PathKernels& k) {
    using namespace eval::detail;
    k.mr = kRefMr;
    k.nr = kRefNr;
    k.kernel = referenceKernel;
    k.smallKernel = SmallKernelLanes<ReferenceSmallKernelOps>::kernel;
    k.matvecRow = MatVecLanes<ReferenceMatVecOps>::row;
    k.quantizedGemm = referenceQuantizedGemm;
}

} // namespace qf::dispatch
