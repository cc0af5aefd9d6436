// The integer GEMM of many tokens (a perplexity chunk, a prompt): activations quantized once per product to
// Q8_K, weight rows unpacked once per call into PreparedBlockK blocks (quantized_dot.h), then tiles of one
// row by up to kGemmTokens tokens, each unpacked block reused by all of them. This file holds the driver,
// the scalar preparers and the scalar kernel (the reference path).
#include <algorithm>
#include <cstring>
#include <type_traits>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "qf/eval/matmul.h"
#include "qf/fp16.h"
#include "qf/parallel.h"
#include "quant/quant_blocks.h"
#include "quantized_dot.h"

namespace qf::eval::detail {
namespace {

using namespace quant::detail;

// The 4-bit codes of a Q4_K block, or Q5_K's with their fifth bit from qh, in natural order into
// `natural`, then put in lane order. The two formats share the scales and the low nibbles.
template <typename Block>
void prepareK4(const uint8_t* row, int64_t n, PreparedBlockK* out) {
    constexpr bool kFifthBit = std::is_same_v<Block, BlockQ5K>;
    const auto* x = reinterpret_cast<const Block*>(row);
    alignas(64) uint8_t natural[256];
    for (int64_t b = 0; b < n / 256; ++b, ++x, ++out) {
        const float d = fp16ToFp32(x->d), dmin = fp16ToFp32(x->dmin);
        for (int j = 0; j < 8; ++j) {
            uint8_t sc, m;
            unpackScaleMinK4(j, x->scales, &sc, &m);
            out->dscales[2 * j] = out->dscales[2 * j + 1] = d * float(sc);
            out->mins[2 * j] = out->mins[2 * j + 1] = dmin * float(m);
            const uint8_t* q = x->qs + 32 * (j / 2);
            for (int l = 0; l < 32; ++l) {
                uint8_t code = uint8_t((q[l] >> (4 * (j % 2))) & 0xF);
                if constexpr (kFifthBit) code |= uint8_t(((x->qh[l] >> j) & 1) << 4);
                natural[32 * j + l] = code;
            }
        }
        toLaneOrder(natural, out->q);
    }
}

void prepareQ6K(const uint8_t* row, int64_t n, PreparedBlockK* out) {
    const auto* x = reinterpret_cast<const BlockQ6K*>(row);
    alignas(64) uint8_t natural[256];
    for (int64_t b = 0; b < n / 256; ++b, ++x, ++out) {
        const float d = fp16ToFp32(x->d);
        for (int g = 0; g < 16; ++g) {
            out->dscales[g] = d * float(x->scales[g]);
            out->mins[g] = 32.0f * d * float(x->scales[g]);
        }
        for (int part = 0; part < 2; ++part) {
            const uint8_t* ql = x->ql + 64 * part;
            const uint8_t* qh = x->qh + 32 * part;
            for (int j = 0; j < 4; ++j)
                for (int l = 0; l < 32; ++l) {
                    const int low = j < 2 ? ql[l + 32 * (j % 2)] & 0xF : ql[l + 32 * (j % 2)] >> 4;
                    natural[128 * part + 32 * j + l] = uint8_t(low | (((qh[l] >> (2 * j)) & 3) << 4));
                }
        }
        toLaneOrder(natural, out->q);
    }
}

} // namespace

void referenceQuantizedGemm(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, int64_t tokens,
                            float* y, int64_t ldy) {
    for (int64_t t = 0; t < tokens; ++t) {
        const GemmActivationQ8K* a = act + t * blocks;
        float sum = 0.0f;
        for (int64_t b = 0; b < blocks; ++b)
            for (int g = 0; g < 16; ++g) {
                int32_t dot = 0; // lane g of the four steps
                for (int i = 0; i < 4; ++i)
                    for (int j = 0; j < 4; ++j)
                        dot += w[b].q[64 * i + 4 * g + j] * a[b].qs[64 * i + 4 * g + j];
                sum += w[b].dscales[g] * a[b].d * float(dot) - w[b].mins[g] * a[b].groupSums[g];
            }
        y[t * ldy] = sum;
    }
}

void toLaneOrder(const uint8_t* natural, uint8_t* out) {
    for (int i = 0; i < 4; ++i)
        for (int lane = 0; lane < 16; ++lane)
            std::memcpy(out + 64 * i + 4 * lane, natural + 16 * lane + 4 * i, 4);
}

void quantizeGemmActivationsQ8K(const float* x, GemmActivationQ8K* out, int64_t n) {
    ActivationQ8K block;
    for (int64_t b = 0; b < n / 256; ++b, x += 256, ++out) {
        quantizeActivationsQ8K(x, &block, 256);
        toLaneOrder(reinterpret_cast<const uint8_t*>(block.qs), reinterpret_cast<uint8_t*>(out->qs));
        for (int g = 0; g < 16; ++g)
            out->groupSums[g] = block.d * float(block.bsums[g]);
        out->d = block.d;
    }
}

} // namespace qf::eval::detail

namespace qf::eval {

bool hasQuantizedGemm(KernelPath path, GgmlType type) {
    const dispatch::PathKernels& ks = dispatch::kernels(path);
    return ks.quantizedGemm && ks.rowPreparer(type);
}

bool quantizedGemm(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
                   int64_t ldy, unsigned threads) {
    using namespace detail;
    const dispatch::PathKernels& ks = dispatch::kernels(path);
    if (!ks.quantizedGemm || w.cols % 256 != 0) return false;
    const PrepareRowFn prepare = ks.rowPreparer(w.type);
    if (!prepare) return false;
    if (tokens <= 0 || w.rows <= 0) return true;
    const int64_t blocks = w.cols / 256;
    if (threads == 0) threads = hardwareThreads();

    thread_local std::vector<GemmActivationQ8K> activations;
    if (activations.size() < size_t(tokens * blocks)) activations.resize(size_t(tokens * blocks));
    GemmActivationQ8K* act = activations.data();
    parallelFor(tokens, std::min<unsigned>(threads, unsigned(std::max<int64_t>(1, tokens / 8))), [&](int64_t t) {
        quantizeGemmActivationsQ8K(x + t * ldx, act + t * blocks, w.cols);
    });

    // Rows per work item: their prepared blocks stay in L2 while every token group passes over them.
    constexpr int64_t kRowsPerItem = 16;
    const int64_t items = (w.rows + kRowsPerItem - 1) / kRowsPerItem;
    const QuantizedGemmFn kernel = ks.quantizedGemm, pairKernel = ks.quantizedGemmPair;
    parallelFor(items, threads, [&](int64_t item) {
        thread_local std::vector<PreparedBlockK> prepared;
        const int64_t row0 = item * kRowsPerItem;
        const int64_t count = std::min(kRowsPerItem, w.rows - row0);
        if (prepared.size() < size_t(count * blocks)) prepared.resize(size_t(count * blocks));
        for (int64_t r = 0; r < count; ++r)
            prepare(w.data + uint64_t(row0 + r) * w.rowBytes, w.cols, prepared.data() + r * blocks);
        for (int64_t t0 = 0; t0 < tokens; t0 += kGemmTokens) {
            const int64_t here = std::min<int64_t>(kGemmTokens, tokens - t0);
            int64_t r = 0;
            for (; pairKernel && r + 2 <= count; r += 2)
                pairKernel(prepared.data() + r * blocks, blocks, act + t0 * blocks, here, y + t0 * ldy + row0 + r,
                           ldy);
            for (; r < count; ++r)
                kernel(prepared.data() + r * blocks, blocks, act + t0 * blocks, here, y + t0 * ldy + row0 + r, ldy);
        }
    });
    return true;
}

} // namespace qf::eval

namespace qf::dispatch {

// The scalar preparers of the K-quants (TypeKernels::prepareRow); the codebook types' are in
// quantized_gemm_codebook.cpp.
void addReferencePreparers(ByType<PrepareRowFn>& table) {
    using namespace eval::detail;
    table[typeSlot(GgmlType::Q4_K)] = prepareK4<quant::detail::BlockQ4K>;
    table[typeSlot(GgmlType::Q5_K)] = prepareK4<quant::detail::BlockQ5K>;
    table[typeSlot(GgmlType::Q6_K)] = prepareQ6K;
}

} // namespace qf::dispatch
