#include "quant_search.h"

#include <algorithm>
#include <cmath>

#include "quant_blocks.h"
#include "quant_reference.h"

namespace qf::quant::detail {

float makeQxQuants(int n, int nmax, const float* x, int8_t* levels, const float* weights) {
    float max = 0;
    float amax = 0;
    for (int i = 0; i < n; ++i) {
        const float ax = std::fabs(x[i]);
        if (ax > amax) {
            amax = ax;
            max = x[i];
        }
    }
    if (amax < kGroupMaxEps) {
        std::fill(levels, levels + n, int8_t(0));
        return 0.f;
    }
    float iscale = float(-nmax) / max;
    float sumlx = 0;
    float suml2 = 0;
    for (int i = 0; i < n; ++i) {
        const int l = std::clamp(nearestInt(iscale * x[i]), -nmax, nmax - 1);
        levels[i] = int8_t(l + nmax);
        const float w = weights ? weights[i] : x[i] * x[i];
        sumlx += w * x[i] * float(l);
        suml2 += w * float(l) * float(l);
    }
    float scale = suml2 != 0.f ? sumlx / suml2 : 0.0f;
    float best = scale * sumlx;
    for (int step = -9; step <= 9; ++step) {
        if (step == 0) continue;
        iscale = -(float(nmax) + 0.1f * float(step)) / max;
        sumlx = 0;
        suml2 = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::clamp(nearestInt(iscale * x[i]), -nmax, nmax - 1);
            const float w = weights ? weights[i] : x[i] * x[i];
            sumlx += w * x[i] * float(l);
            suml2 += w * float(l) * float(l);
        }
        if (suml2 > 0 && sumlx * sumlx > best * suml2) {
            for (int i = 0; i < n; ++i)
                levels[i] = int8_t(nmax + std::clamp(nearestInt(iscale * x[i]), -nmax, nmax - 1));
            scale = sumlx / suml2;
            best = scale * sumlx;
        }
    }
    return scale;
}

float makeQ3Quants(int n, int nmax, const float* x, int8_t* levels) {
    float max = 0;
    float amax = 0;
    for (int i = 0; i < n; ++i) {
        const float ax = std::fabs(x[i]);
        if (ax > amax) {
            amax = ax;
            max = x[i];
        }
    }
    if (amax < kGroupMaxEps) {
        std::fill(levels, levels + n, int8_t(0));
        return 0.f;
    }
    const float iscale = float(-nmax) / max;
    float sumlx = 0;
    float suml2 = 0;
    for (int i = 0; i < n; ++i) {
        const int l = std::clamp(nearestInt(iscale * x[i]), -nmax, nmax - 1);
        levels[i] = int8_t(l);
        const float w = x[i] * x[i];
        sumlx += w * x[i] * float(l);
        suml2 += w * float(l) * float(l);
    }
    for (int pass = 0; pass < 5; ++pass) {
        int changed = 0;
        for (int i = 0; i < n; ++i) {
            const float w = x[i] * x[i];
            float slx = sumlx - w * x[i] * float(levels[i]);
            if (slx > 0) {
                float sl2 = suml2 - w * float(levels[i]) * float(levels[i]);
                const int l = std::clamp(nearestInt(x[i] * sl2 / slx), -nmax, nmax - 1);
                if (l != levels[i]) {
                    slx += w * x[i] * float(l);
                    sl2 += w * float(l) * float(l);
                    if (sl2 > 0 && slx * slx * suml2 > sumlx * sumlx * sl2) {
                        levels[i] = int8_t(l);
                        sumlx = slx;
                        suml2 = sl2;
                        ++changed;
                    }
                }
            }
        }
        if (!changed) break;
    }
    for (int i = 0; i < n; ++i)
        levels[i] = int8_t(levels[i] + nmax);
    return suml2 > 0.0f ? sumlx / suml2 : 0.0f;
}

float makeQkxQuants(int n, int nmax, const float* x, const float* weights, uint8_t* levels, float* minOut,
                    uint8_t* scratch, float rmin, float rdelta, int nstep, bool useMad) {
    float min = x[0];
    float max = x[0];
    float sumW = weights[0];
    float sumX = sumW * x[0];
    for (int i = 1; i < n; ++i) {
        if (x[i] < min) min = x[i];
        if (x[i] > max) max = x[i];
        const float w = weights[i];
        sumW += w;
        sumX += w * x[i];
    }
    if (min > 0) min = 0;
    if (max == min) {
        std::fill(levels, levels + n, uint8_t(0));
        *minOut = -min;
        return 0.f;
    }
    float iscale = float(nmax) / (max - min);
    float scale = 1 / iscale;
    float bestError = 0;
    for (int i = 0; i < n; ++i) {
        const int l = nearestInt(iscale * (x[i] - min));
        levels[i] = uint8_t(std::clamp(l, 0, nmax));
        float diff = scale * float(levels[i]) + min - x[i];
        diff = useMad ? std::fabs(diff) : diff * diff;
        bestError += weights[i] * diff;
    }
    if (nstep < 1) {
        *minOut = -min;
        return scale;
    }
    for (int step = 0; step <= nstep; ++step) {
        iscale = (rmin + rdelta * float(step) + float(nmax)) / (max - min);
        float sumL = 0, sumL2 = 0, sumXL = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::clamp(nearestInt(iscale * (x[i] - min)), 0, nmax);
            scratch[i] = uint8_t(l);
            const float w = weights[i];
            sumL += w * float(l);
            sumL2 += w * float(l) * float(l);
            sumXL += w * float(l) * x[i];
        }
        const float det = sumW * sumL2 - sumL * sumL;
        if (det > 0) {
            float thisScale = (sumW * sumXL - sumX * sumL) / det;
            float thisMin = (sumL2 * sumX - sumL * sumXL) / det;
            if (thisMin > 0) {
                thisMin = 0;
                thisScale = sumXL / sumL2;
            }
            float error = 0;
            for (int i = 0; i < n; ++i) {
                float diff = thisScale * float(scratch[i]) + thisMin - x[i];
                diff = useMad ? std::fabs(diff) : diff * diff;
                error += weights[i] * diff;
            }
            if (error < bestError) {
                std::copy(scratch, scratch + n, levels);
                bestError = error;
                scale = thisScale;
                min = thisMin;
            }
        }
    }
    *minOut = -min;
    return scale;
}

float makeQpQuants(int n, int nmax, const float* x, uint8_t* levels, const float* weights) {
    float max = 0;
    for (int i = 0; i < n; ++i)
        max = max > x[i] ? max : x[i];
    if (max == 0.f) {
        std::fill(levels, levels + n, uint8_t(0));
        return 0.f;
    }
    float iscale = float(nmax) / max;
    // Levels are bytes: like ggml, a negative input wraps here and is used wrapped below.
    for (int i = 0; i < n; ++i)
        levels[i] = uint8_t(nearestInt(iscale * x[i]));
    const float scale = 1 / iscale;
    float bestError = 0;
    for (int i = 0; i < n; ++i) {
        const float diff = x[i] - scale * float(levels[i]);
        bestError += weights[i] * diff * diff;
    }
    for (int step = -4; step <= 4; ++step) {
        if (step == 0) continue;
        const float iscaleStep = (0.1f * float(step) + float(nmax)) / max;
        const float scaleStep = 1 / iscaleStep;
        float error = 0;
        for (int i = 0; i < n; ++i) {
            const int l = std::min(nmax, nearestInt(iscaleStep * x[i]));
            const float diff = x[i] - scaleStep * float(l);
            error += weights[i] * diff * diff;
        }
        if (error < bestError) {
            bestError = error;
            iscale = iscaleStep;
        }
    }
    float sumlx = 0;
    float suml2 = 0;
    for (int i = 0; i < n; ++i) {
        const int l = std::min(nmax, nearestInt(iscale * x[i]));
        levels[i] = uint8_t(l);
        const float w = weights[i];
        sumlx += w * x[i] * float(l);
        suml2 += w * float(l) * float(l);
    }
    for (int pass = 0; pass < 5; ++pass) {
        int changed = 0;
        for (int i = 0; i < n; ++i) {
            const float w = weights[i];
            float slx = sumlx - w * x[i] * float(levels[i]);
            float sl2 = suml2 - w * float(levels[i]) * float(levels[i]);
            if (slx > 0 && sl2 > 0) {
                const int l = std::min(nmax, nearestInt(x[i] * sl2 / slx));
                if (l != levels[i]) {
                    slx += w * x[i] * float(l);
                    sl2 += w * float(l) * float(l);
                    if (slx * slx * suml2 > sumlx * sumlx * sl2) {
                        levels[i] = uint8_t(l);
                        sumlx = slx;
                        suml2 = sl2;
                        ++changed;
                    }
                }
            }
        }
        if (!changed) break;
    }
    // ggml (Feb 2025) divides unguarded; 0/0 there gives a NaN scale that llama.cpp's own validation then
    // rejects, so returning 0 changes no file llama.cpp can produce (later ggml does the same).
    return suml2 > 0.0f ? sumlx / suml2 : 0.0f;
}

int bestIq4Index(const int8_t* values, float x) {
    if (x <= values[0]) return 0;
    if (x >= values[15]) return 15;
    int lo = 0, hi = 15;
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        if (x < values[mid])
            hi = mid;
        else
            lo = mid;
    }
    return x - float(values[hi - 1]) < float(values[hi]) - x ? hi - 1 : hi;
}

float searchIq4Scale(int n, const float* x, const float* weights, int ntry) {
    float amax = 0, max = 0;
    for (int j = 0; j < n; ++j) {
        const float ax = std::fabs(x[j]);
        if (ax > amax) {
            amax = ax;
            max = x[j];
        }
    }
    if (amax < kGroupMaxEps) return 0;
    const int8_t* values = kIq4Values;
    float d = ntry > 0 ? -max / float(values[0]) : max / float(values[0]);
    float id = 1 / d;
    float sumqx = 0, sumq2 = 0;
    for (int j = 0; j < n; ++j) {
        const float q = values[bestIq4Index(values, id * x[j])];
        const float w = weights[j];
        sumqx += w * q * x[j];
        sumq2 += w * q * q;
    }
    // Guarded like later ggml: Feb 2025 ggml stores a NaN scale here, which its validation rejects.
    d = sumq2 > 0 ? sumqx / sumq2 : 0.f;
    float best = d * sumqx;
    for (int step = -ntry; step <= ntry; ++step) {
        id = float(step + values[0]) / max;
        sumqx = 0;
        sumq2 = 0;
        for (int j = 0; j < n; ++j) {
            const float q = values[bestIq4Index(values, id * x[j])];
            const float w = weights[j];
            sumqx += w * q * x[j];
            sumq2 += w * q * q;
        }
        if (sumq2 > 0 && sumqx * sumqx > best * sumq2) {
            d = sumqx / sumq2;
            best = d * sumqx;
        }
    }
    return d;
}

void requantizeRef(const float* x, const RequantPlan& plan, uint8_t* levels) {
    for (int j = 0; j < plan.subBlocks; ++j, x += plan.subSize, levels += plan.subSize) {
        const float d = plan.d[j];
        if (plan.kind == RequantPlan::Kind::Iq4) {
            for (int i = 0; i < plan.subSize; ++i)
                levels[i] = uint8_t(bestIq4Index(kIq4Values, d * x[i]));
            continue;
        }
        if (d == 0.f) continue;
        for (int i = 0; i < plan.subSize; ++i) {
            const float v = plan.useAdd ? (x[i] + plan.add[j]) / d : x[i] / d;
            levels[i] = uint8_t(std::clamp(nearestInt(v), plan.lo, plan.hi) + plan.offset);
        }
    }
}

} // namespace qf::quant::detail
