// Activation quantizers (the values of activation_rounding.cpp, kept as integers and a scale) and the
// scalar reference of the integer dot products: ggml's scalar vec_dot formulas, block by block.
#include "quantized_dot.h"
#include "quant/kernel_table.h"
#include "quantized_dot_loop.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "matmul_kernels.h"
#include "qf/eval/matmul.h"
#include "qf/fp16.h"
#include "qf/parallel.h"
#include "quant/quant_blocks.h"
#include "quant/quant_mxfp4.h"

namespace qf::eval::detail {
namespace {

using namespace quant::detail;

// Q4_K and Q5_K (whose codes take a fifth bit from qh) share the scales, the mins and the low nibbles.
template <typename Block> float dotK4(const uint8_t* row, const void* act, int64_t n) {
    constexpr bool kFifthBit = std::is_same_v<Block, BlockQ5K>;
    return blockLoop<Block, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [](const Block& x, const ActivationQ8K* y, ScalarSum& acc) {
            int32_t sumi = 0, mins = 0;
            for (int j = 0; j < 8; ++j) {
                uint8_t sc, m;
                unpackScaleMinK4(j, x.scales, &sc, &m);
                const uint8_t* q = x.qs + 32 * (j / 2);
                const int shift = 4 * (j % 2);
                int32_t s = 0;
                for (int l = 0; l < 32; ++l) {
                    int v = (q[l] >> shift) & 0xF;
                    if constexpr (kFifthBit) v |= ((x.qh[l] >> j) & 1) << 4;
                    s += v * y->qs[32 * j + l];
                }
                sumi += int32_t(sc) * s;
                mins += int32_t(m) * (y->bsums[2 * j] + y->bsums[2 * j + 1]);
            }
            acc.sum += y->d * fp16ToFp32(x.d) * float(sumi) - y->d * fp16ToFp32(x.dmin) * float(mins);
        });
}

float dotQ6K(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockQ6K, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [](const BlockQ6K& x, const ActivationQ8K* y, ScalarSum& acc) {
            int32_t sumi = 0;
            for (int part = 0; part < 2; ++part) {
                const uint8_t* ql = x.ql + 64 * part;
                const uint8_t* qh = x.qh + 32 * part;
                const int8_t* sc = x.scales + 8 * part;
                const int8_t* q8 = y->qs + 128 * part;
                for (int j = 0; j < 4; ++j)
                    for (int half = 0; half < 2; ++half) {
                        int32_t s = 0;
                        for (int l = 16 * half; l < 16 * half + 16; ++l) {
                            const int low = j < 2 ? ql[l + 32 * (j % 2)] & 0xF : ql[l + 32 * (j % 2)] >> 4;
                            const int v = (low | (((qh[l] >> (2 * j)) & 3) << 4)) - 32;
                            s += v * q8[32 * j + l];
                        }
                        sumi += int32_t(sc[half + 2 * j]) * s;
                    }
            }
            acc.sum += y->d * fp16ToFp32(x.d) * float(sumi);
        });
}

// Q2_K: 16 groups of 16 two-bit codes, a 4-bit scale and a 4-bit min each. Group g reads bits 2 (g % 8 / 2)
// of qs[32 (g / 8) + 16 (g % 2) ..].
float dotQ2K(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockQ2K, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [](const BlockQ2K& x, const ActivationQ8K* y, ScalarSum& acc) {
            int32_t sumi = 0, mins = 0;
            for (int g = 0; g < 16; ++g) {
                const uint8_t* q = x.qs + 32 * (g / 8) + 16 * (g % 2);
                const int shift = 2 * (g % 8 / 2);
                int32_t s = 0;
                for (int l = 0; l < 16; ++l)
                    s += ((q[l] >> shift) & 3) * y->qs[16 * g + l];
                sumi += int32_t(x.scales[g] & 0xF) * s;
                mins += int32_t(x.scales[g] >> 4) * y->bsums[g];
            }
            acc.sum += y->d * fp16ToFp32(x.d) * float(sumi) - y->d * fp16ToFp32(x.dmin) * float(mins);
        });
}

// Q3_K: two code bits as Q2_K's plus a third from hmask (bit 4 (g / 8) + g % 8 / 2 of hmask[16 (g % 2) ..]);
// a clear bit subtracts 4. Sixteen 6-bit scales (unpackScaleQ3K), offset by 32.
float dotQ3K(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockQ3K, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [](const BlockQ3K& x, const ActivationQ8K* y, ScalarSum& acc) {
            int32_t sumi = 0;
            for (int g = 0; g < 16; ++g) {
                const uint8_t* q = x.qs + 32 * (g / 8) + 16 * (g % 2);
                const uint8_t* hm = x.hmask + 16 * (g % 2);
                const int shift = 2 * (g % 8 / 2), bit = 4 * (g / 8) + g % 8 / 2;
                int32_t s = 0;
                for (int l = 0; l < 16; ++l)
                    s += (((q[l] >> shift) & 3) - ((hm[l] >> bit) & 1 ? 0 : 4)) * y->qs[16 * g + l];
                sumi += (unpackScaleQ3K(g, x.scales) - 32) * s;
            }
            acc.sum += y->d * fp16ToFp32(x.d) * float(sumi);
        });
}

float dotQ8_0(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockQ8_0, ActivationQ8_0, 32, ScalarSum>(
        row, act, n, [](const BlockQ8_0& x, const ActivationQ8_0* y, ScalarSum& acc) {
            int32_t s = 0;
            for (int l = 0; l < 32; ++l)
                s += int32_t(x.qs[l]) * y->qs[l];
            acc.sum += float(s) * (fp16ToFp32(x.d) * y->d);
        });
}

// The 32-value blocks of 4-bit codes into a table (Q4_0: code - 8, IQ4_NL, MXFP4): value j in the low
// nibble of qs[j], value j + 16 in the high nibble.
inline constexpr int8_t kQ4_0Values[16] = {-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7};

float scaleOf(const BlockQ4_0& b) {
    return fp16ToFp32(b.d);
}
float scaleOf(const BlockIq4Nl& b) {
    return fp16ToFp32(b.d);
}
float scaleOf(const BlockMxfp4& b) {
    return mxfp4HalfScale(b.e);
}

template <class Block, const int8_t* Values>
float dotNibbles(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<Block, ActivationQ8_0, 32, ScalarSum>(
        row, act, n, [](const Block& x, const ActivationQ8_0* y, ScalarSum& acc) {
            int32_t s = 0;
            for (int j = 0; j < 16; ++j)
                s += Values[x.qs[j] & 0xF] * y->qs[j] + Values[x.qs[j] >> 4] * y->qs[j + 16];
            acc.sum += float(s) * (scaleOf(x) * y->d);
        });
}

// IQ4_XS: eight 32-value sub-blocks of IQ4_NL's table values, each with a 6-bit scale offset by 32.
float dotIq4Xs(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockIq4Xs, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [](const BlockIq4Xs& x, const ActivationQ8K* y, ScalarSum& acc) {
            int32_t sumi = 0;
            for (int ib = 0; ib < 8; ++ib) {
                const int ls = ((x.scalesL[ib / 2] >> 4 * (ib % 2)) & 0xf) | (((x.scalesH >> 2 * ib) & 3) << 4);
                const uint8_t* qs = x.qs + 16 * ib;
                const int8_t* q8 = y->qs + 32 * ib;
                int32_t s = 0;
                for (int j = 0; j < 16; ++j)
                    s += kIq4Values[qs[j] & 0xF] * q8[j] + kIq4Values[qs[j] >> 4] * q8[j + 16];
                sumi += (ls - 32) * s;
            }
            acc.sum += y->d * fp16ToFp32(x.d) * float(sumi);
        });
}

float dotTq2_0(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockTq2_0, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [](const BlockTq2_0& x, const ActivationQ8K* y, ScalarSum& acc) {
            int32_t s = 0;
            for (int j = 0; j < 64; j += 32)
                for (int l = 0; l < 4; ++l)
                    for (int k = 0; k < 32; ++k)
                        s += y->qs[4 * j + 32 * l + k] * (((x.qs[j + k] >> (2 * l)) & 3) - 1);
            acc.sum += float(s) * (y->d * fp16ToFp32(x.d));
        });
}

// Q1_0 (128 signs) and Q2_0 (64 values of -1..2) span several 32-value activation blocks.
float dotQ1_0(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockQ1_0, ActivationQ8_0, 128, ScalarSum>(
        row, act, n, [](const BlockQ1_0& x, const ActivationQ8_0* y, ScalarSum& acc) {
            const float d = fp16ToFp32(x.d);
            for (int a = 0; a < 4; ++a, ++y) {
                int32_t s = 0;
                for (int j = 0; j < 32; ++j)
                    s += (x.qs[4 * a + j / 8] >> (j % 8)) & 1 ? y->qs[j] : -y->qs[j];
                acc.sum += float(s) * (d * y->d);
            }
        });
}

float dotQ2_0(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockQ2_0, ActivationQ8_0, 64, ScalarSum>(
        row, act, n, [](const BlockQ2_0& x, const ActivationQ8_0* y, ScalarSum& acc) {
            const float d = fp16ToFp32(x.d);
            for (int a = 0; a < 2; ++a, ++y) {
                int32_t s = 0;
                for (int j = 0; j < 32; ++j) {
                    const int k = 32 * a + j;
                    s += (((x.qs[k / 4] >> (k % 4) * 2) & 3) - 1) * y->qs[j];
                }
                acc.sum += float(s) * (d * y->d);
            }
        });
}

} // namespace

void referenceQuantizeActivationsQ8K(const float* x, ActivationQ8K* out, int64_t n) {
    for (int64_t b = 0; b < n / 256; ++b, x += 256, ++out) {
        float maxAbs = 0.0f, max = 0.0f;
        for (int j = 0; j < 256; ++j) {
            const float a = std::fabs(x[j]);
            if (a > maxAbs) {
                maxAbs = a;
                max = x[j];
            }
        }
        if (maxAbs == 0.0f) {
            std::memset(out, 0, sizeof *out);
            continue;
        }
        const float iscale = -127.0f / max;
        out->d = 1 / iscale;
        for (int j = 0; j < 256; ++j)
            out->qs[j] = int8_t(std::min(127, nearestInt(iscale * x[j])));
        for (int g = 0; g < 16; ++g) {
            int sum = 0;
            for (int j = 0; j < 16; ++j)
                sum += out->qs[16 * g + j];
            out->bsums[g] = int16_t(sum);
        }
    }
}

void quantizeActivationsQ8K(const float* x, ActivationQ8K* out, int64_t n) {
#if defined(QF_HAVE_X86_KERNELS)
    // The same bytes either way; the scalar one when the portable kernels are forced.
    static const bool avx512 = dispatch::pathUsable(quant::KernelPath::Avx512);
    if (avx512 && quant::activePath() != quant::KernelPath::Reference)
        return avx512QuantizeActivationsQ8K(x, out, n);
#endif
    referenceQuantizeActivationsQ8K(x, out, n);
}

void quantizeActivationsQ8_0(const float* x, ActivationQ8_0* out, int64_t n) {
    for (int64_t b = 0; b < n / 32; ++b, x += 32, ++out) {
        float maxAbs = 0.0f;
        for (int j = 0; j < 32; ++j)
            maxAbs = std::max(maxAbs, std::fabs(x[j]));
        out->d = fp16ToFp32(fp32ToFp16(maxAbs / 127.0f));
        const float id = maxAbs != 0.0f ? 127.0f / maxAbs : 0.0f;
        for (int j = 0; j < 32; ++j)
            out->qs[j] = int8_t(std::nearbyint(x[j] * id));
    }
}

} // namespace qf::eval::detail

namespace qf::dispatch {

// The scalar integer dot products (TypeKernels::dot): ggml's vec_dot_<type>_<vec_dot_type>.
void addReferenceQuantizedDots(ByType<QuantizedDotFn>& table) {
    using namespace eval::detail;
    table[typeSlot(GgmlType::Q2_K)] = dotQ2K;
    table[typeSlot(GgmlType::Q3_K)] = dotQ3K;
    table[typeSlot(GgmlType::Q4_K)] = dotK4<BlockQ4K>;
    table[typeSlot(GgmlType::Q5_K)] = dotK4<BlockQ5K>;
    table[typeSlot(GgmlType::Q6_K)] = dotQ6K;
    table[typeSlot(GgmlType::Q8_0)] = dotQ8_0;
    table[typeSlot(GgmlType::Q4_0)] = dotNibbles<BlockQ4_0, kQ4_0Values>;
    table[typeSlot(GgmlType::IQ4_NL)] = dotNibbles<BlockIq4Nl, kIq4Values>;
    table[typeSlot(GgmlType::IQ4_XS)] = dotIq4Xs;
    table[typeSlot(GgmlType::MXFP4)] = dotNibbles<BlockMxfp4, kMxfp4Values>;
    table[typeSlot(GgmlType::TQ2_0)] = dotTq2_0;
    table[typeSlot(GgmlType::Q1_0)] = dotQ1_0;
    table[typeSlot(GgmlType::Q2_0)] = dotQ2_0;
}

} // namespace qf::dispatch

namespace qf::eval {

bool hasQuantizedDot(quant::KernelPath path, GgmlType type) {
    return dispatch::kernels(path).quantizedDot(type) != nullptr;
}

bool quantizedMatvec(quant::KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens,
                     float* y, int64_t ldy, unsigned threads, std::vector<float>& scratch) {
    using namespace detail;
    const GgmlType actType = dispatch::typeKernels(w.type).activationType;
    const int64_t blockValues = actType == GgmlType::Q8_K ? 256 : 32;
    if ((actType != GgmlType::Q8_K && actType != GgmlType::Q8_0) || w.cols % blockValues != 0) return false;
    const QuantizedDotFn dot = dispatch::kernels(path).quantizedDot(w.type);
    if (!dot) return false;
    if (tokens <= 0 || w.rows <= 0) return true;
    const int64_t rowBytes = actType == GgmlType::Q8_K ? int64_t(sizeof(ActivationQ8K)) * (w.cols / 256)
                                                       : int64_t(sizeof(ActivationQ8_0)) * (w.cols / 32);
    scratch.resize(size_t((rowBytes * tokens + 3) / 4));
    auto* act = reinterpret_cast<uint8_t*>(scratch.data());
    for (int64_t t = 0; t < tokens; ++t) {
        if (actType == GgmlType::Q8_K)
            quantizeActivationsQ8K(x + t * ldx, reinterpret_cast<ActivationQ8K*>(act + t * rowBytes), w.cols);
        else
            quantizeActivationsQ8_0(x + t * ldx, reinterpret_cast<ActivationQ8_0*>(act + t * rowBytes),
                                    w.cols);
    }
    if (threads == 0) threads = hardwareThreads();
    // Below this many weights a thread costs more to wake than it saves.
    constexpr int64_t kMinWeightsPerThread = int64_t(1) << 18;
    threads = unsigned(std::clamp<int64_t>(w.rows * w.cols / kMinWeightsPerThread, 1, threads));
    const int64_t perItem = std::max<int64_t>(16, (w.rows + 8 * threads - 1) / (8 * threads));
    const int64_t items = (w.rows + perItem - 1) / perItem;
    parallelFor(items, threads, [&](int64_t item) {
        const int64_t end = std::min(w.rows, (item + 1) * perItem);
        for (int64_t r = item * perItem; r < end; ++r) {
            const uint8_t* row = w.data + uint64_t(r) * w.rowBytes;
            for (int64_t t = 0; t < tokens; ++t)
                y[t * ldy + r] = dot(row, act + t * rowBytes, w.cols);
        }
    });
    return true;
}

bool quantizedMatvecs(quant::KernelPath path, std::span<const MatvecJob> jobs, unsigned threads,
                      std::vector<float>& scratch) {
    using namespace detail;
    struct Prepared {
        QuantizedDotFn dot;
        GgmlType actType;
        int64_t rowBytes; // of one token's activation blocks
        int64_t offset;   // of the job's activations in the scratch bytes
        bool owner;       // the first job reading them quantizes them
    };
    std::vector<Prepared> prepared(jobs.size());
    const dispatch::PathKernels& kernels = dispatch::kernels(path);
    int64_t bytes = 0, weights = 0;
    for (size_t j = 0; j < jobs.size(); ++j) {
        const RowMatrix& w = *jobs[j].w;
        const GgmlType actType = dispatch::typeKernels(w.type).activationType;
        const int64_t blockValues = actType == GgmlType::Q8_K ? 256 : 32;
        if ((actType != GgmlType::Q8_K && actType != GgmlType::Q8_0) || w.cols % blockValues != 0)
            return false;
        Prepared& p = prepared[j];
        p.dot = kernels.quantizedDot(w.type);
        if (!p.dot) return false;
        p.actType = actType;
        p.rowBytes = actType == GgmlType::Q8_K ? int64_t(sizeof(ActivationQ8K)) * (w.cols / 256)
                                               : int64_t(sizeof(ActivationQ8_0)) * (w.cols / 32);
        p.offset = -1;
        for (size_t k = 0; k < j && p.offset < 0; ++k)
            if (jobs[k].x == jobs[j].x && jobs[k].ldx == jobs[j].ldx && jobs[k].tokens == jobs[j].tokens &&
                jobs[k].w->cols == w.cols && prepared[k].actType == actType)
                p.offset = prepared[k].offset;
        p.owner = p.offset < 0;
        if (p.owner) {
            p.offset = bytes;
            bytes += p.rowBytes * std::max<int64_t>(jobs[j].tokens, 0);
        }
        weights += w.rows * w.cols;
    }
    scratch.resize(size_t((bytes + 3) / 4));
    auto* act = reinterpret_cast<uint8_t*>(scratch.data());
    for (size_t j = 0; j < jobs.size(); ++j) {
        const Prepared& p = prepared[j];
        if (!p.owner) continue;
        for (int64_t t = 0; t < jobs[j].tokens; ++t) {
            const float* x = jobs[j].x + t * jobs[j].ldx;
            uint8_t* out = act + p.offset + t * p.rowBytes;
            if (p.actType == GgmlType::Q8_K)
                quantizeActivationsQ8K(x, reinterpret_cast<ActivationQ8K*>(out), jobs[j].w->cols);
            else
                quantizeActivationsQ8_0(x, reinterpret_cast<ActivationQ8_0*>(out), jobs[j].w->cols);
        }
    }
    if (threads == 0) threads = hardwareThreads();
    constexpr int64_t kMinWeightsPerThread = int64_t(1) << 18; // as quantizedMatvec()
    threads = unsigned(std::clamp<int64_t>(weights / kMinWeightsPerThread, 1, threads));
    struct Item {
        size_t job;
        int64_t begin, end;
    };
    // Items are cut by bytes over the whole batch (about 8 per thread), not per job: a mixture's experts are
    // many small matrices, and cutting each into 8 pieces per thread left runs too short for the hardware
    // prefetcher (the experts' products ran ~25 % slower per byte than a dense layer's).
    int64_t totalBytes = 0;
    for (const MatvecJob& job : jobs) totalBytes += job.w->rows * int64_t(job.w->rowBytes);
    const int64_t itemBytes = std::max<int64_t>(1, totalBytes / (8 * int64_t(threads)));
    std::vector<Item> items;
    for (size_t j = 0; j < jobs.size(); ++j) {
        const int64_t rows = jobs[j].w->rows;
        const int64_t pieces = std::max<int64_t>(1, (rows * int64_t(jobs[j].w->rowBytes) + itemBytes / 2) / itemBytes);
        const int64_t perItem = std::max<int64_t>(16, (rows + pieces - 1) / pieces);
        for (int64_t r = 0; r < rows; r += perItem)
            items.push_back({j, r, std::min(rows, r + perItem)});
    }
    parallelFor(int64_t(items.size()), threads, [&](int64_t i) {
        const Item& item = items[size_t(i)];
        const MatvecJob& job = jobs[item.job];
        const Prepared& p = prepared[item.job];
        for (int64_t r = item.begin; r < item.end; ++r) {
            const uint8_t* row = job.w->data + uint64_t(r) * job.w->rowBytes;
            for (int64_t t = 0; t < job.tokens; ++t)
                job.y[t * job.ldy + r] = p.dot(row, act + p.offset + t * p.rowBytes, job.w->cols);
        }
    });
    return true;
}

} // namespace qf::eval
