// Writes a Llama-3-8B-shaped synthetic Hugging Face folder (BF16, ~16 GB) for the memory and time benchmark of
// the one-step conversion (quantize straight from a folder): hidden 4096, 32 layers, 32 heads / 8 KV heads
// (head_dim 128), intermediate 14336, vocabulary 128256, untied output, sharded like a real upload (shards of at
// most 5 GB, model-0000i-of-0000n.safetensors + model.safetensors.index.json).
//
// The weights are those of hf_synthetic_folder.h (splitmix seeded by the tensor name, the same bytes on every
// machine) and the config is its llama-rope config (Llama 3.1's keys). The tokenizer is the small one given
// (e.g. tests/data/hf_convert/qwen3-tokenizer, 1050 tokens); vocab_size and the embedding rows say 128256, so
// converters pad the vocabulary with [PADi] tokens, as for a real model whose matrix is larger than its
// tokenizer. The folder is written streaming: a few MB of memory whatever the model's size.
//
//   qf_make_big_hf_folder OUT_DIR TOKENIZER_DIR [--layers N] [--vocab N] [--shard-bytes N]
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "hf_synthetic_folder.h"

namespace {

using namespace qf::test::hf;
using namespace qf::test::hf::detail;

uint64_t elementsOf(const Tensor& t) {
    uint64_t n = 1;
    for (uint64_t d : t.shape)
        n *= d;
    return n;
}

// The BF16 values blobsOf() gives `t`, written to `out` in chunks.
bool streamTensor(const Tensor& t, std::FILE* out) {
    constexpr uint64_t kChunk = 1u << 20;
    std::vector<uint16_t> buffer(kChunk);
    uint64_t state = seedOf(t.name);
    const uint64_t n = elementsOf(t);
    for (uint64_t done = 0; done < n;) {
        const uint64_t count = std::min(kChunk, n - done);
        for (uint64_t i = 0; i < count; ++i) {
            const double u = double(splitmix(state) >> 11) / double(1ull << 53) * 2.0 - 1.0; // [-1, 1)
            const float v = t.norm ? float(1.0 + 0.25 * u) : float(0.08 * u);
            buffer[i] = qf::fp32ToBf16(v);
        }
        if (std::fwrite(buffer.data(), 2, count, out) != count) return false;
        done += count;
    }
    return true;
}

bool writeShard(const std::filesystem::path& file, const std::vector<Tensor>& tensors) {
    std::string header = "{\"__metadata__\":{\"format\":\"pt\"}";
    uint64_t offset = 0;
    for (const Tensor& t : tensors) {
        std::string shape;
        for (size_t i = 0; i < t.shape.size(); ++i)
            shape += fmt::format("{}{}", i ? "," : "", t.shape[i]);
        const uint64_t bytes = elementsOf(t) * 2;
        header += fmt::format(",\"{}\":{{\"dtype\":\"BF16\",\"shape\":[{}],\"data_offsets\":[{},{}]}}", t.name,
                              shape, offset, offset + bytes);
        offset += bytes;
    }
    header += "}";
    while (header.size() % 8)
        header += ' ';
    std::FILE* out = std::fopen(file.string().c_str(), "wb");
    if (!out) return false;
    const uint64_t len = header.size();
    bool ok = std::fwrite(&len, 8, 1, out) == 1 && std::fwrite(header.data(), 1, header.size(), out) == header.size();
    for (const Tensor& t : tensors) {
        if (!ok) break;
        ok = streamTensor(t, out);
        std::fprintf(stderr, "\r%s: %s          ", file.filename().string().c_str(), t.name.c_str());
    }
    std::fprintf(stderr, "\n");
    return std::fclose(out) == 0 && ok;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUT_DIR TOKENIZER_DIR [--layers N] [--vocab N] [--shard-bytes N]\n",
                     argv[0]);
        return 2;
    }
    const std::filesystem::path out = argv[1], tokenizer = argv[2];
    Shape s;
    s.layers = 32, s.embd = 4096, s.heads = 32, s.headsKv = 8, s.headDim = 128, s.ff = 14336, s.vocab = 128256;
    uint64_t shardBytes = 5'000'000'000ull;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const uint64_t value = std::stoull(argv[i + 1]);
        if (key == "--layers") s.layers = uint32_t(value);
        else if (key == "--vocab") s.vocab = uint32_t(value);
        else if (key == "--shard-bytes") shardBytes = value;
        else {
            std::fprintf(stderr, "unknown option %s\n", key.c_str());
            return 2;
        }
    }
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    {
        std::ofstream config(out / "config.json", std::ios::binary);
        config << configOf("llama-rope", s, false, WeightDtype::BF16);
        if (!config) return 1;
    }
    // Tensors in order, a new shard when the next one would pass shardBytes (as transformers' save_pretrained).
    std::vector<std::vector<Tensor>> shards(1);
    uint64_t used = 0;
    for (const Tensor& t : tensorsOf("llama-rope", s, false)) {
        const uint64_t bytes = elementsOf(t) * 2;
        if (used > 0 && used + bytes > shardBytes) shards.emplace_back(), used = 0;
        shards.back().push_back(t);
        used += bytes;
    }
    std::string index = "{\n  \"metadata\": {},\n  \"weight_map\": {";
    bool first = true;
    for (size_t k = 0; k < shards.size(); ++k) {
        const std::string file = fmt::format("model-{:05}-of-{:05}.safetensors", k + 1, shards.size());
        if (!writeShard(out / file, shards[k])) {
            std::fprintf(stderr, "cannot write %s\n", (out / file).string().c_str());
            return 1;
        }
        for (const Tensor& t : shards[k]) {
            index += fmt::format("{}\n    \"{}\": \"{}\"", first ? "" : ",", t.name, file);
            first = false;
        }
    }
    index += "\n  }\n}\n";
    std::ofstream(out / "model.safetensors.index.json", std::ios::binary) << index;
    if (!copyFile(tokenizer / "tokenizer.json", out / "tokenizer.json") ||
        !copyFile(tokenizer / "tokenizer_config.json", out / "tokenizer_config.json")) {
        std::fprintf(stderr, "cannot copy the tokenizer from %s\n", tokenizer.string().c_str());
        return 1;
    }
    return 0;
}
