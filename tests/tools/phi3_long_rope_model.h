#pragma once
// A Phi-3 long-context (longrope) GGUF for the evaluation parity test test_phi3_long_rope: the generator's
// small phi3 model (qf/model/synthetic_architecture.h, decisive weights) with what convert_hf_to_gguf.py
// adds for a Phi-3-mini-128k folder: rope_factors_long/short.weight (one divisor per rotated pair, long
// ones up to ~40 as the real ones) and phi3.rope.scaling.attn_factor = sqrt(1 + ln(scale) / ln(original))
// for scale = context_length / original context. Plain C++ (no Qt): qf_make_hf_folder writes the same file
// for the reference run with llama-perplexity (tests/data/phi3_long_rope/README.md).
#include <cmath>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/model/synthetic_architecture.h"

namespace qf::test::phi3 {

// The factors of `pairs` rotated pairs: long (ramping to ~40 for the slowest pairs) or short (near 1).
inline std::vector<float> longRopeFactors(uint32_t pairs, bool longFactors) {
    std::vector<float> f(pairs);
    for (uint32_t i = 0; i < pairs; ++i) {
        const double x = pairs > 1 ? double(i) / double(pairs - 1) : 0.0;
        f[i] = float(longFactors ? 1.0 + 39.0 * x * x * x : 1.0 + 0.25 * x * x);
    }
    return f;
}

// Writes `output`: the synthetic phi3 model with long-context rope factors and an original context of
// `originalContext` tokens (its context_length stays the generator's).
inline Status writeLongRopeModel(const std::filesystem::path& output, uint32_t originalContext) {
    const std::filesystem::path base = output.string() + ".base.gguf";
    QF_TRY(model::writeSyntheticArchitecture("phi3", base));
    auto file = gguf::GgufFile::open(base);
    if (!file) return file.error();
    gguf::WriteParams params;
    params.output = output;
    params.metadata = file->metadata();
    const auto context = params.metadata.getUInt("phi3.context_length");
    const auto ropeDims = params.metadata.getUInt("phi3.rope.dimension_count");
    if (!context || !ropeDims || originalContext == 0 || *context <= originalContext)
        return makeError("the synthetic phi3 model has no context_length above {}", originalContext);
    const double scale = double(*context) / double(originalContext);
    params.metadata.set("phi3.rope.scaling.original_context_length", gguf::Value::u32(originalContext));
    params.metadata.set(
        "phi3.rope.scaling.attn_factor",
        gguf::Value::f32(float(std::sqrt(1.0 + std::log(scale) / std::log(double(originalContext))))));
    const uint32_t pairs = uint32_t(*ropeDims / 2);
    const std::vector<float> factors[2] = {longRopeFactors(pairs, true), longRopeFactors(pairs, false)};
    params.tensors.push_back({"rope_factors_long.weight", {pairs}, GgmlType::F32});
    params.tensors.push_back({"rope_factors_short.weight", {pairs}, GgmlType::F32});
    for (const auto& t : file->tensors())
        params.tensors.push_back({t.name, t.shape, t.type});
    const Status written = gguf::writeGguf(params, [&](size_t index, std::span<uint8_t> out) -> Status {
        if (index < 2) {
            std::memcpy(out.data(), factors[index].data(), out.size());
            return {};
        }
        const auto bytes = file->tensorData(file->tensors()[index - 2]);
        if (bytes.size() != out.size()) return makeError("tensor size mismatch");
        std::memcpy(out.data(), bytes.data(), out.size());
        return {};
    });
    std::error_code ec;
    std::filesystem::remove(base, ec);
    return written;
}

} // namespace qf::test::phi3
