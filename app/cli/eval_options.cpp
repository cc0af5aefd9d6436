#include "cli/eval_options.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "qf/quant/kernels.h"

namespace qf::cli {
namespace fs = std::filesystem;

namespace {

Result<uint64_t> wholeNumber(const Args& args, const char* option, uint64_t fallback, uint64_t max) {
    const auto v = args.value(option);
    if (!v) return fallback;
    try {
        size_t used = 0;
        const unsigned long long n = std::stoull(*v, &used);
        if (used == v->size() && n <= max) return uint64_t(n);
    } catch (...) {
    }
    return makeError("{} needs a whole number up to {}, not '{}'", option, max, *v);
}

// The evaluation text installed beside the program (share/quantforge/data), when we can find it.
fs::path bundledEvalText() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path candidate = exe.parent_path() / "../share/quantforge/data/books-eval.txt";
    return fs::is_regular_file(candidate, ec) ? candidate.lexically_normal() : fs::path();
}

} // namespace

const char* const kEvalOptionsHelp =
    "  -f, --file FILE     the text (default: the bundled books-eval.txt)\n"
    "  -c, --ctx-size N    context size of each chunk (default 512, as llama-perplexity)\n"
    "  --chunks N          evaluate only the first N chunks\n"
    "  -t, --threads N     threads (default: all)\n"
    "  --reference-kernels use the portable scalar kernels\n"
    "  --no-llamacpp-rounding  keep activations in F32 instead of rounding them as llama.cpp's CPU backend\n"
    "                      does (numbers then differ slightly from llama-perplexity's)\n";

void addEvalOptions(ArgSpec& spec) {
    spec.valued.insert({"--file", "--ctx-size", "--chunks", "--threads"});
    spec.flags.insert({"--reference-kernels", "--no-llamacpp-rounding"});
    spec.aliases.insert({{"-f", "--file"}, {"-c", "--ctx-size"}, {"-t", "--threads"}});
}

Result<EvalRequest> evalRequestFrom(const Args& args) {
    EvalRequest r;
    auto context = wholeNumber(args, "--ctx-size", 512, 1u << 20);
    if (!context) return context.error();
    auto chunks = wholeNumber(args, "--chunks", uint64_t(-1) >> 1, uint64_t(-1) >> 1);
    if (!chunks) return chunks.error();
    auto threads = wholeNumber(args, "--threads", 0, 1024);
    if (!threads) return threads.error();
    r.context = uint32_t(*context);
    r.chunks = args.value("--chunks") ? int(std::min<uint64_t>(*chunks, 1u << 30)) : -1;
    r.threads = unsigned(*threads);
    r.llamaCppRounding = !args.has("--no-llamacpp-rounding");
    if (args.has("--reference-kernels")) quant::forceReferencePath(true);

    if (const auto file = args.value("--file"))
        r.textPath = *file;
    else
        r.textPath = bundledEvalText();
    if (r.textPath.empty()) return makeError("no text: give one with -f FILE");
    std::ifstream in(r.textPath, std::ios::binary);
    if (!in) return makeError("cannot read {}", r.textPath.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    r.text = ss.str();
    // llama.cpp's -f drops one trailing newline; so do we, so that both see the same tokens.
    if (!r.text.empty() && r.text.back() == '\n') r.text.pop_back();
    return r;
}

} // namespace qf::cli
