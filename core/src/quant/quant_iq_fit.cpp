// The scalar reference of the codebook quantizers' trial-scale loop (IqTrialsFn, iq_kernels.h), as ggml's
// quantize_row_iq2_*_impl and quantize_row_iq3_*_impl run it. Float expressions follow ggml's evaluation
// order on purpose; the SIMD versions (simd_iq_search.h) repeat them lane by lane.
#include <algorithm>
#include <cstring>

#include "iq_search.h"

namespace qf::quant::detail {
namespace {

template <int Dim, int Bits, int MaxQ>
int trialsRef(const IqFitTables& grid, int n, const float* xval, const float* weight, const float* waux,
              const float* ids, int count, float* scale, int8_t* levels, bool* onGrid) {
    int8_t aux[32];
    bool onGridAux[32 / Dim];
    float best = 0;
    int kept = -1;
    for (int t = 0; t < count; ++t) {
        const float id = ids[t];
        const float thisScale = 1 / id;
        for (int k = 0; k < n / Dim; ++k) {
            for (int i = 0; i < Dim; ++i) {
                const int l = nearestInt(0.5f * (id * xval[Dim * k + i] - 1));
                aux[Dim * k + i] = int8_t(std::max(0, std::min(MaxQ - 1, l)));
            }
            const int32_t index = grid.map[iqKey(aux + Dim * k, Dim, Bits)];
            onGridAux[k] = index >= 0;
            if (index < 0) {
                const int b = iqNeighbourRef(grid.neighbours, index, xval + Dim * k, waux + Dim * k, thisScale);
                const int8_t* pg = grid.neighbours.points + Dim * b;
                for (int i = 0; i < Dim; ++i)
                    aux[Dim * k + i] = int8_t((pg[i] - 1) / 2);
            }
        }
        float sumqx = 0, sumq2 = 0;
        for (int i = 0; i < n; ++i) {
            const float w = weight[i];
            const float q = float(2 * aux[i] + 1);
            sumqx += w * xval[i] * q;
            sumq2 += w * q * q;
        }
        if (sumq2 > 0 && sumqx * sumqx > best * sumq2) {
            *scale = sumqx / sumq2;
            best = *scale * sumqx;
            std::memcpy(levels, aux, size_t(n));
            std::copy(onGridAux, onGridAux + n / Dim, onGrid);
            kept = t;
        }
    }
    return kept;
}

} // namespace

int iqTrials8Ref(const IqFitTables& grid, int n, const float* xval, const float* weight, const float* waux,
                 const float* ids, int count, float* scale, int8_t* levels, bool* onGrid) {
    return trialsRef<8, 2, 3>(grid, n, xval, weight, waux, ids, count, scale, levels, onGrid);
}

int iqTrials4Ref(const IqFitTables& grid, int n, const float* xval, const float* weight, const float* waux,
                 const float* ids, int count, float* scale, int8_t* levels, bool* onGrid) {
    return trialsRef<4, 3, 8>(grid, n, xval, weight, waux, ids, count, scale, levels, onGrid);
}

} // namespace qf::quant::detail
