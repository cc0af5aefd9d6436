// libFuzzer entry point for the Hugging Face config.json -> GGUF metadata path (HfConversion::open): the
// input is the config of a folder whose weights are a one-layer llama written once at start-up (hidden
// size 8, 2 heads, 1 KV head) and whose vocabulary is the shared model's tokenizer.model. Any config
// must give a conversion or an error - never a crash, a hang, or an allocation sized by a config value -
// and an accepted config must agree with the weights (block count, query rows).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "qf/hf/hf_convert.h"

namespace fs = std::filesystem;

namespace {

// A safetensors file with F16 zeros of the given shapes.
void writeTinyLlama(const fs::path& path) {
    const std::vector<std::pair<std::string, std::vector<uint64_t>>> tensors{
        {"model.embed_tokens.weight", {32000, 8}},
        {"model.layers.0.input_layernorm.weight", {8}},
        {"model.layers.0.self_attn.q_proj.weight", {8, 8}},
        {"model.layers.0.self_attn.k_proj.weight", {4, 8}},
        {"model.layers.0.self_attn.v_proj.weight", {4, 8}},
        {"model.layers.0.self_attn.o_proj.weight", {8, 8}},
        {"model.layers.0.post_attention_layernorm.weight", {8}},
        {"model.layers.0.mlp.gate_proj.weight", {16, 8}},
        {"model.layers.0.mlp.up_proj.weight", {16, 8}},
        {"model.layers.0.mlp.down_proj.weight", {8, 16}},
        {"model.norm.weight", {8}},
        {"lm_head.weight", {32000, 8}},
    };
    std::string json = "{";
    uint64_t offset = 0;
    for (const auto& [name, shape] : tensors) {
        uint64_t n = 2;
        std::string dims;
        for (uint64_t d : shape) {
            n *= d;
            dims += (dims.empty() ? "" : ",") + std::to_string(d);
        }
        if (json.size() > 1) json += ",";
        json += "\"" + name + "\":{\"dtype\":\"F16\",\"shape\":[" + dims + "],\"data_offsets\":[" +
                std::to_string(offset) + "," + std::to_string(offset + n) + "]}";
        offset += n;
    }
    json += "}";
    std::ofstream out(path, std::ios::binary);
    const uint64_t length = json.size();
    out.write(reinterpret_cast<const char*>(&length), 8);
    out << json;
    const std::string zeros(size_t(offset), '\0');
    out.write(zeros.data(), std::streamsize(zeros.size()));
}

const fs::path& folder() {
    static const fs::path dir = [] {
        const fs::path d = fs::temp_directory_path() / ("qf-fuzz-hf-" + std::to_string(::getpid()));
        fs::create_directories(d);
        writeTinyLlama(d / "model.safetensors");
        fs::copy_file(QF_SHARED_DIR "/models/qf-books-22m-hf/tokenizer.model", d / "tokenizer.model",
                      fs::copy_options::overwrite_existing);
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(fs::temp_directory_path() / ("qf-fuzz-hf-" + std::to_string(::getpid())), ec);
        });
        return d;
    }();
    return dir;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    {
        std::ofstream config(folder() / "config.json", std::ios::binary | std::ios::trunc);
        config.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    auto conversion = qf::hf::HfConversion::open(folder());
    if (!conversion) return 0;
    // The block count sits under the architecture the config names (a Qwen3 config over these llama-shaped
    // weights is accepted as qwen3).
    const auto arch = conversion->metadata().getString("general.architecture");
    const auto layers = conversion->metadata().getUInt((arch ? *arch : std::string()) + ".block_count");
    if (!layers || *layers != 1) {
        std::fprintf(stderr, "accepted a config whose block count disagrees with the weights\n");
        std::abort();
    }
    return 0;
}
