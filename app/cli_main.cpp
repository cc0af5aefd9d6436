// quantforge-cli: every action of the app, headless. Links core only.
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "qf/io/temporary_files.h"

namespace {

struct Command {
    std::function<int(const std::vector<std::string>&)> run;
    const char* summary;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"hardware", {qf::cli::runHardware, "show this machine's RAM, CPU and GPUs as the recommender sees them"}},
        {"recommend", {qf::cli::runRecommend, "which preset to make for a machine and context, and why"}},
        {"kld", {qf::cli::runKld, "KL divergence of a model against its base model (llama-perplexity --kl-divergence)"}},
        {"perplexity", {qf::cli::runPerplexity, "perplexity over a text, computed as llama-perplexity computes it"}},
        {"tokenize", {qf::cli::runTokenize, "show the tokens llama.cpp makes of a text with a model's vocabulary"}},
        {"convert", {qf::cli::runConvert, "convert a Hugging Face model folder (safetensors) to F16/BF16/F32 GGUF"}},
        {"merge", {qf::cli::runMerge, "merge a LoRA adapter into its base model (optionally straight into a preset)"}},
        {"imatrix", {qf::cli::runImatrix, "importance matrix over calibration text, computed as llama-imatrix computes it"}},
        {"generate", {qf::cli::runGenerate, "continue a prompt, streaming tokens (greedy or temperature/top-p sampling)"}},
        {"export", {qf::cli::runExport, "write an Ollama Modelfile (and create the model) or copy into LM Studio"}},
        {"inspect", {qf::cli::runInspect, "show the model card and tensor table of a GGUF file"}},
        {"mix", {qf::cli::runMix, "the best mix of standard types for a byte budget, from measured sensitivity"}},
        {"plan", {qf::cli::runPlan, "show the exact per-tensor types and sizes a preset would give"}},
        {"quantize", {qf::cli::runQuantize, "produce GGUF quants (one or more presets in one pass)"}},
        {"verify-lock", {qf::cli::runVerifyLock, "quantize again from a quant's .lock file and check the bytes are the same"}},
        {"synth", {qf::cli::runSynth, "write a llama-shaped model with random weights, for benchmarks"}},
    };
    return table;
}

void printUsage() {
    fmt::print("quantforge-cli {} - choose and produce quantized LLM files\n\nusage: quantforge-cli COMMAND [ARGS]\n\n"
               "commands:\n", QF_VERSION);
    for (const auto& [name, cmd] : commands()) fmt::print("  {:<12} {}\n", name, cmd.summary);
    fmt::print("\n'quantforge-cli COMMAND --help' describes a command.\n");
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        printUsage();
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        fmt::print("quantforge-cli {}\n", QF_VERSION);
        return 0;
    }
    const auto it = commands().find(argv[1]);
    if (it == commands().end()) {
        fmt::print(stderr, "quantforge-cli: unknown command '{}'\n\n", argv[1]);
        printUsage();
        return 2;
    }
    // Before any thread starts: Ctrl-C / SIGTERM / SIGHUP remove the temporary files of writes in progress.
    qf::io::installInterruptCleanup();
    // Errors are values in core; anything thrown (an allocation failure the checks did not foresee) still
    // ends with a message and exit code 1, never with an abort.
    try {
        return it->second.run(std::vector<std::string>(argv + 2, argv + argc));
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "error: out of memory (a size in the input is larger than this machine can hold)\n");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "error: an unexpected internal failure\n");
    }
    return 1;
}
