#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/progress_line.h"
#include "cli/commands.h"
#include "qf/model/synthetic_architecture.h"
#include "qf/synthetic_model.h"

namespace qf::cli {

namespace {
constexpr const char* kUsage =
    "usage: quantforge-cli synth OUT.gguf [--overwrite] [options]\n"
    "  Writes a llama-shaped model with random heavy-tailed weights, for benchmarks. Default shape: the\n"
    "  1.1B TinyLlama shape (n_embd 2048, 22 layers, n_ff 5632, 32 heads, 4 KV heads, vocab 32000).\n"
    "  --embd N --layers N --ff N --heads N --kv-heads N --vocab N --ctx N   override the shape\n"
    "  --type f16|bf16|f32   weight type (default f16)      --tied   no separate output.weight\n"
    "  --seed N              random seed (default 1)        --threads N\n"
    "  --tokenizer FILE      copy the vocabulary from this GGUF when its size matches\n"
    "  --arch NAME           instead: a tiny model of an architecture (llama, mixtral, qwen2, qwen3, qwen3moe,\n"
    "                        gemma2, gemma3, phi3, gpt-oss, gpt-oss-mxfp4, deepseek2) with a 259-token byte\n"
    "                        vocabulary, as the parity tests make; --zoo-weights draws them as the zoo does\n"
    "                        with ZOO_STD=0.06 (undecided routers, 8 experts);\n"
    "                        --embd --layers --ff --heads --kv-heads --head-dim --experts --experts-used\n"
    "                        --expert-ff resize it (e.g. a Qwen3-MoE of ~1B active parameters to benchmark)\n"
    "  --overwrite           replace OUT.gguf if it exists\n";

// Shapes up to 2^20 per dimension (threads up to 1024): beyond that the file could not be written anyway.
Result<uint64_t> number(const Args& args, const char* option, uint64_t fallback) {
    const bool threads = std::string_view(option) == "--threads", seed = std::string_view(option) == "--seed";
    return wholeNumberOption(args, option, fallback, threads ? 1024 : seed ? UINT64_MAX : (1u << 20));
}
} // namespace

int runSynth(const std::vector<std::string>& argv) {
    auto args = Args::parse(argv, {.flags = {"--tied", "--overwrite", "--help", "--zoo-weights"},
                                   .valued = {"--embd", "--layers", "--ff", "--heads", "--kv-heads", "--vocab",
                                              "--ctx", "--type", "--seed", "--threads", "--tokenizer", "--arch",
                                              "--head-dim", "--experts", "--experts-used", "--expert-ff"}});
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli synth: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    if (auto arch = args->value("--arch")) {
        auto seed = number(*args, "--seed", 1);
        model::SyntheticSizes sizes;
        for (auto [option, target] :
             {std::pair{"--embd", &sizes.embedding}, {"--layers", &sizes.layers}, {"--ff", &sizes.feedForward},
              {"--heads", &sizes.heads}, {"--kv-heads", &sizes.headsKv}, {"--head-dim", &sizes.headDim},
              {"--experts", &sizes.experts}, {"--experts-used", &sizes.expertsUsed},
              {"--expert-ff", &sizes.expertFeedForward}}) {
            auto v = number(*args, option, 0);
            if (!v) {
                fmt::print(stderr, "quantforge-cli synth: {}\n", v.error().message);
                return 2;
            }
            *target = uint32_t(*v);
        }
        auto done = seed ? model::writeSyntheticArchitecture(*arch, args->positional()[0], *seed,
                                                             args->has("--overwrite"), sizes,
                                                             args->has("--zoo-weights") ? model::SyntheticWeights::Zoo
                                                                                        : model::SyntheticWeights::Decisive)
                         : Status(seed.error());
        if (!done) {
            fmt::print(stderr, "error: {}\n", done.error().message);
            return 1;
        }
        return 0;
    }
    SyntheticLlamaParams p = SyntheticLlamaParams::tinyLlama1B();
    struct Field {
        const char* option;
        uint64_t* target;
    };
    uint64_t threads = 0;
    for (const Field f : {Field{"--embd", &p.embedding}, Field{"--layers", &p.layers}, Field{"--ff", &p.feedForward},
                          Field{"--heads", &p.heads}, Field{"--kv-heads", &p.headsKv}, Field{"--vocab", &p.vocabulary},
                          Field{"--ctx", &p.context}, Field{"--seed", &p.seed}, Field{"--threads", &threads}}) {
        auto v = number(*args, f.option, *f.target);
        if (!v) {
            fmt::print(stderr, "quantforge-cli synth: {}\n", v.error().message);
            return 2;
        }
        *f.target = *v;
    }
    p.threads = unsigned(threads);
    p.tiedEmbeddings = args->has("--tied");
    p.overwrite = args->has("--overwrite");
    if (auto t = args->value("--type")) {
        const auto type = ggmlTypeFromName(*t);
        if (!type || (*type != GgmlType::F16 && *type != GgmlType::BF16 && *type != GgmlType::F32)) {
            fmt::print(stderr, "quantforge-cli synth: --type must be f16, bf16 or f32\n");
            return 2;
        }
        p.weightType = *type;
    }
    if (auto t = args->value("--tokenizer")) p.tokenizerFrom = *t;
    fmt::print(stderr, "writing a {:.2f}B-parameter synthetic llama model to {}\n", double(p.parameterCount()) / 1e9,
               args->positional()[0]);
    announceRemovedTemporaries(args->positional()[0]);
    ProgressLine line;
    auto done = writeSyntheticLlama(p, args->positional()[0], [&](const Progress& pr) {
        line.show(fmt::format("  tensor {}/{}", pr.done, pr.total));
    });
    line.clear();
    if (!done) {
        fmt::print(stderr, "error: {}\n", done.error().message);
        return 1;
    }
    return 0;
}

} // namespace qf::cli
