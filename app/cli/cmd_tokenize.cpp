#include <cstdio>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "qf/io/bounded_read.h"
#include "cli/commands.h"
#include "qf/eval/tokenizer.h"
#include "qf/gguf/gguf_file.h"
#include "qf/json_writer.h"

namespace qf::cli {
namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli tokenize MODEL (-p TEXT | -f FILE) [--no-bos] [--count] [--json]\n"
    "  Tokenizes text with the model's vocabulary exactly as llama.cpp does (BOS added when the vocabulary\n"
    "  asks for it; special-token text is not parsed). Prints one token per line: id and piece.\n"
    "  -p, --prompt TEXT   the text        -f, --file FILE   read the text from a file (as is)\n"
    "  --no-bos            do not add BOS  --count           print only the number of tokens\n";

// The piece with control characters made visible, for one line of output.
std::string visible(const std::string& piece) {
    std::string out;
    for (unsigned char c : piece) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7f)
            out += fmt::format("\\x{:02x}", c);
        else
            out += char(c);
    }
    return out;
}

} // namespace

int runTokenize(const std::vector<std::string>& argv) {
    auto args = Args::parse(argv, {.flags = {"--json", "--no-bos", "--count", "--help"},
                                   .valued = {"--prompt", "--file"},
                                   .aliases = {{"-p", "--prompt"}, {"-f", "--file"}}});
    const bool haveText = args && (args->value("--prompt").has_value() != args->value("--file").has_value());
    if (!args || args->has("--help") || args->positional().size() != 1 || !haveText) {
        if (!args) fmt::print(stderr, "quantforge-cli tokenize: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    std::string text;
    if (auto p = args->value("--prompt")) {
        text = *p;
    } else {
        auto bytes = io::readBoundedFile(*args->value("--file"));
        if (!bytes) {
            fmt::print(stderr, "error: {}\n", bytes.error().message);
            return 1;
        }
        text.assign(bytes->begin(), bytes->end());
    }
    auto file = gguf::GgufFile::open(args->positional()[0]);
    if (!file) {
        fmt::print(stderr, "error: {}\n", file.error().message);
        return 1;
    }
    auto tokenizer = eval::Tokenizer::fromMetadata(file->metadata());
    if (!tokenizer) {
        fmt::print(stderr, "error: {}: {}\n", args->positional()[0], tokenizer.error().message);
        return 1;
    }
    const std::vector<eval::Token> tokens = tokenizer->tokenize(text, !args->has("--no-bos"));
    if (args->has("--json")) {
        JsonWriter j;
        j.beginObject().field("count", uint64_t(tokens.size()));
        if (!args->has("--count")) {
            j.key("tokens").beginArray();
            for (eval::Token t : tokens) {
                const std::string piece = tokenizer->tokenToPiece(t);
                j.beginObject().field("id", int64_t(t)).field("piece", piece);
                // A byte token is a fragment of a character: "piece" shows U+FFFD (JSON is UTF-8), "bytes"
                // keeps the exact value as hex.
                if (tokenizer->tokenType(t) == eval::TokenType::Byte) {
                    std::string hex;
                    for (unsigned char c : piece) hex += fmt::format("{:02x}", c);
                    j.field("bytes", hex);
                }
                j.endObject();
            }
            j.endArray();
        }
        j.endObject();
        fmt::print("{}\n", j.str());
    } else if (args->has("--count")) {
        fmt::print("{}\n", tokens.size());
    } else {
        for (eval::Token t : tokens) {
            // A byte token alone is usually part of a character: show it as <0xF0>, not as broken UTF-8.
            const bool byte = tokenizer->tokenType(t) == eval::TokenType::Byte;
            fmt::print("{:6} '{}'\n", t,
                       byte ? tokenizer->tokenText(t) : visible(tokenizer->tokenToPiece(t)));
        }
    }
    return 0;
}

} // namespace qf::cli
