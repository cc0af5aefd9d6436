#include "hf_rope.h"

#include <cmath>
#include <numbers>

namespace qf::hf::detail {

Result<std::vector<float>> llama3RopeFactors(const JsonValue& scaling, const JsonValue& config,
                                             uint32_t headDim) {
    auto number = [](const JsonValue* v, double fallback) {
        return v && v->asDouble() ? *v->asDouble() : fallback;
    };
    const double base = number(config.find("rope_theta"), 10000.0);
    const double factor = number(scaling.find("factor"), 8.0);
    const double lowFactor = number(scaling.find("low_freq_factor"), 1.0);
    const double highFactor = number(scaling.find("high_freq_factor"), 4.0);
    const double oldContext = number(scaling.find("original_max_position_embeddings"),
                                     number(config.find("original_max_position_embeddings"), 8192.0));
    if (headDim == 0 || headDim % 2 || !(factor > 0) || !(oldContext > 0) || lowFactor == highFactor)
        return makeError("llama3 rope scaling: factor {}, low_freq_factor {}, high_freq_factor {}, "
                         "original_max_position_embeddings {} (head size {}) are not usable",
                         factor, lowFactor, highFactor, oldContext, headDim);
    // Python computes these two in double, then compares them against f32 tensors.
    const float lowWavelen = float(oldContext / lowFactor);
    const float highWavelen = float(oldContext / highFactor);

    std::vector<float> factors;
    factors.reserve(headDim / 2);
    for (uint32_t i = 0; i < headDim; i += 2) {
        // freqs = 1.0 / (base ** (arange(0, dim, 2, f32) / dim)); `s / t` is reciprocal(t) * s in PyTorch.
        const float freq = 1.0f / std::pow(float(base), float(i) / float(headDim));
        const float wavelen = (1.0f / freq) * float(2.0 * std::numbers::pi);
        if (wavelen < highWavelen) {
            factors.push_back(1.0f);
        } else if (wavelen > lowWavelen) {
            factors.push_back(float(factor));
        } else {
            const float smooth =
                ((1.0f / wavelen) * float(oldContext) - float(lowFactor)) / float(highFactor - lowFactor);
            factors.push_back(1.0f / ((1.0f - smooth) / float(factor) + smooth));
        }
    }
    return factors;
}

} // namespace qf::hf::detail
