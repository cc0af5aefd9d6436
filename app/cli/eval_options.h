#pragma once
// Options shared by the evaluation commands (`perplexity`, `kld`, `tokenize`): the text to read, the
// context size, chunk count and threads, spelled as llama-perplexity spells them (-f, -c, --chunks, -t).
#include <filesystem>
#include <string>

#include "cli/cli_args.h"
#include "qf/result.h"

namespace qf::cli {

// Adds -f/--file, -c/--ctx-size, --chunks, -t/--threads, --reference-kernels, --no-llamacpp-rounding.
void addEvalOptions(ArgSpec& spec);

struct EvalRequest {
    std::filesystem::path textPath;
    std::string text;
    uint32_t context = 512;
    bool contextGiven = false; // -c was on the command line
    int chunks = -1;
    unsigned threads = 0;
    bool llamaCppRounding = true;
    bool flashAttention = false;
};

// Reads the options and the text (-f, or the bundled books-eval.txt when -f is absent; one trailing
// newline dropped, as llama.cpp's -f does); applies --reference-kernels.
Result<EvalRequest> evalRequestFrom(const Args& args);

// Without -c: 512 (llama-perplexity's default), or the model's trained context when that is smaller, with
// a note on stderr saying so; `command` names the caller in the note.
uint32_t contextFor(const EvalRequest& request, uint32_t trainedContext, const char* command);

extern const char* const kEvalOptionsHelp;

} // namespace qf::cli
