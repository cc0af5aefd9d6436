#include "cli/eval_options.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "qf/io/bounded_read.h"
#include "qf/quant/kernels.h"

namespace qf::cli {
namespace fs = std::filesystem;

const char* const kEvalOptionsHelp =
    "  -f, --file FILE     the text (default: the bundled books-eval.txt)\n"
    "  -c, --ctx-size N    context size of each chunk (default 512, as llama-perplexity, or the model's\n"
    "                      trained context when that is smaller)\n"
    "  --chunks N          evaluate only the first N chunks\n"
    "  -t, --threads N     threads (default: all)\n"
    "  --reference-kernels use the portable scalar kernels\n"
    "  --no-llamacpp-rounding  keep activations in F32 instead of rounding them as llama.cpp's CPU backend\n"
    "                      does (numbers then differ slightly from llama-perplexity's)\n"
    "  --flash-attn        attention as llama.cpp computes it with flash attention on (llama-perplexity's\n"
    "                      default -fa auto on a CPU); without it, as with -fa off\n";

void addEvalOptions(ArgSpec& spec) {
    spec.valued.insert({"--file", "--ctx-size", "--chunks", "--threads"});
    spec.flags.insert({"--reference-kernels", "--no-llamacpp-rounding", "--flash-attn"});
    spec.aliases.insert({{"-f", "--file"}, {"-c", "--ctx-size"}, {"-t", "--threads"}});
}

uint32_t contextFor(const EvalRequest& request, uint32_t trainedContext, const char* command) {
    if (request.contextGiven || trainedContext == 0 || trainedContext >= request.context) return request.context;
    fmt::print(stderr, "note: the model was trained with a context of {} tokens; {} uses -c {} (give -c to choose)\n",
               trainedContext, command, trainedContext);
    return trainedContext;
}

Result<EvalRequest> evalRequestFrom(const Args& args) {
    EvalRequest r;
    auto context = wholeNumberOption(args, "--ctx-size", 512, 1u << 20);
    if (!context) return context.error();
    auto chunks = wholeNumberOption(args, "--chunks", uint64_t(-1) >> 1, uint64_t(-1) >> 1);
    if (!chunks) return chunks.error();
    auto threads = wholeNumberOption(args, "--threads", 0, 1024);
    if (!threads) return threads.error();
    r.context = uint32_t(*context);
    r.contextGiven = args.value("--ctx-size").has_value();
    if (r.context < 2) return makeError("--ctx-size needs at least 2 tokens, not {}", r.context);
    r.chunks = args.value("--chunks") ? int(std::min<uint64_t>(*chunks, 1u << 30)) : -1;
    r.threads = unsigned(*threads);
    r.llamaCppRounding = !args.has("--no-llamacpp-rounding");
    r.flashAttention = args.has("--flash-attn");
    if (args.has("--reference-kernels")) quant::forceReferencePath(true);

    if (const auto file = args.value("--file"))
        r.textPath = *file;
    else
        r.textPath = bundledDataFile("books-eval.txt");
    if (r.textPath.empty()) return makeError("no text: give one with -f FILE");
    auto bytes = io::readBoundedFile(r.textPath);
    if (!bytes) return bytes.error();
    r.text.assign(bytes->begin(), bytes->end());
    // llama.cpp's -f drops one trailing newline; so do we, so that both see the same tokens.
    if (!r.text.empty() && r.text.back() == '\n') r.text.pop_back();
    return r;
}

} // namespace qf::cli
