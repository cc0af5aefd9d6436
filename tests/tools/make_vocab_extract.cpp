// Writes the compact vocabulary extract of one of llama.cpp's vocabulary test files (see vocab_extract.h)
// and copies its test texts beside it, for test_vocab_suites (dev-side only):
//
//     qf_make_vocab_extract DIR/ggml-vocab-NAME.gguf tests/data/vocab
//
// writes tests/data/vocab/NAME.gguf, NAME.inp and NAME.out, after checking that our tokenizer gives the
// same tokens for every test text with the extract as with the full vocabulary.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "qf/eval/tokenizer.h"
#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "vocab_extract.h"

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int fail(const std::string& message) {
    fmt::print(stderr, "qf_make_vocab_extract: {}\n", message);
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) return fail("usage: qf_make_vocab_extract ggml-vocab-NAME.gguf OUTDIR");
    const fs::path vocabPath = argv[1];
    const fs::path outDir = argv[2];
    std::string name = vocabPath.stem().string();
    if (name.starts_with("ggml-vocab-")) name = name.substr(11);

    const std::string inp = readFile(vocabPath.string() + ".inp");
    const std::string out = readFile(vocabPath.string() + ".out");
    auto cases = qf::test::parseVocabSuite(inp, out);
    if (!cases) return fail(cases.error().message);
    auto file = qf::gguf::GgufFile::open(vocabPath);
    if (!file) return fail(file.error().message);
    std::vector<std::vector<int32_t>> expected;
    for (const auto& c : *cases)
        expected.push_back(c.expected);
    auto extract = qf::test::makeVocabExtract(file->metadata(), expected);
    if (!extract) return fail(extract.error().message);

    // The extract must behave as the full vocabulary for every test text, right or wrong.
    auto expanded = qf::test::expandVocabExtract(*extract);
    if (!expanded) return fail(expanded.error().message);
    auto fullTokenizer = qf::eval::Tokenizer::fromMetadata(file->metadata());
    auto smallTokenizer = qf::eval::Tokenizer::fromMetadata(*expanded);
    if (fullTokenizer && smallTokenizer) {
        for (const auto& c : *cases)
            if (fullTokenizer->tokenize(c.text, false) != smallTokenizer->tokenize(c.text, false))
                return fail(fmt::format("the extract tokenizes \"{}\" differently", c.text));
    } else {
        fmt::print(stderr, "warning: {}: not checked, the tokenizer cannot read it ({})\n", name,
                   (fullTokenizer ? smallTokenizer : fullTokenizer).error().message);
    }

    fs::create_directories(outDir);
    qf::gguf::WriteParams params;
    params.output = outDir / (name + ".gguf");
    params.metadata = std::move(*extract);
    if (auto s = qf::gguf::writeGguf(params, {}); !s) return fail(s.error().message);
    std::ofstream(outDir / (name + ".inp"), std::ios::binary) << inp;
    std::ofstream(outDir / (name + ".out"), std::ios::binary) << out;
    fmt::print("{}: {} tests, {} bytes\n", name, cases->size(), fs::file_size(params.output));
    return 0;
}
