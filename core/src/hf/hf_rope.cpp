#include "hf_rope.h"

#include <cmath>
#include <numbers>
#include <string_view>

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

Status addRopeScaling(const JsonValue& config, const std::string& ggufArch, uint32_t headDim,
                      const std::filesystem::path& configPath, gguf::Metadata& md,
                      std::vector<GeneratedTensor>& generated) {
    auto key = [&ggufArch](std::string_view k) { return ggufArch + "." + std::string(k); };
    if (const auto* scaling = config.find("rope_scaling"); scaling && scaling->isObject()) {
        const auto* typeValue =
            scaling->find("rope_type") ? scaling->find("rope_type") : scaling->find("type");
        const std::string type = typeValue && typeValue->asString() ? *typeValue->asString() : std::string();
        const auto* factor = scaling->find("factor");
        if (type == "linear" && factor && factor->asDouble()) {
            md.set(key("rope.scaling.type"), gguf::Value::string("linear"));
            md.set(key("rope.scaling.factor"), gguf::Value::f32(float(*factor->asDouble())));
        } else if (type == "yarn" && factor && factor->asDouble()) {
            const auto* original = scaling->find("original_max_position_embeddings");
            if (!original || !original->asUInt() || *original->asUInt() > (1u << 30))
                return makeError("{}: yarn rope scaling needs \"original_max_position_embeddings\"",
                                 configPath.string());
            md.set(key("rope.scaling.type"), gguf::Value::string("yarn"));
            md.set(key("rope.scaling.factor"), gguf::Value::f32(float(*factor->asDouble())));
            md.set(key("rope.scaling.original_context_length"), gguf::Value::u32(uint32_t(*original->asUInt())));
            struct YarnKey {
                const char* gguf;
                const char* name;
                const char* alias;
            };
            const YarnKey optional[] = {
                {"rope.scaling.yarn_ext_factor", "extrapolation_factor", nullptr},
                {"rope.scaling.yarn_attn_factor", "attention_factor", "attn_factor"},
                {"rope.scaling.yarn_beta_fast", "beta_fast", nullptr},
                {"rope.scaling.yarn_beta_slow", "beta_slow", nullptr},
            };
            for (const YarnKey& k : optional) {
                const JsonValue* v = scaling->find(k.name);
                if ((!v || v->isNull()) && k.alias) v = scaling->find(k.alias);
                if (!v || v->isNull()) continue;
                if (!v->asDouble() || !std::isfinite(*v->asDouble()))
                    return makeError("{}: rope_scaling.{} is not a number", configPath.string(), k.name);
                md.set(key(k.gguf), gguf::Value::f32(float(*v->asDouble())));
            }
        } else if (type == "llama3") {
            // No metadata: llama.cpp's converter writes the divisors as the tensor rope_freqs.weight.
            auto factors = llama3RopeFactors(*scaling, config, headDim);
            if (!factors)
                return rewordError(factors.error(), "{}: {}", configPath.string(), factors.error().message);
            generated.insert(generated.begin(), {"rope_freqs.weight", std::move(*factors)});
        } else if (!type.empty() && type != "default") {
            return makeError("{}: rope scaling \"{}\" is not supported yet", configPath.string(), type);
        }
    }
    return {};
}

} // namespace qf::hf::detail
