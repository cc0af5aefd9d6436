// llama.cpp's own vocabulary test suites (tests/test-tokenizer-0 over models/ggml-vocab-NAME.gguf with its
// .inp/.out pairs): every family we claim tokenizes every test text to exactly llama.cpp's tokens (no BOS,
// special-token text not parsed). The vocabularies are compact extracts in tests/data/vocab (see
// tests/tools/vocab_extract.h, written by qf_make_vocab_extract); with QF_LLAMA_VOCAB_DIR set to a
// llama.cpp models/ folder the full vocabulary files run too.
#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "qf/eval/tokenizer.h"
#include "qf/gguf/gguf_file.h"
#include "test_support.h"
#include "vocab_extract.h"

using namespace qf;

namespace fs = std::filesystem;

namespace {

const fs::path kDataDir = fs::path(QF_SOURCE_DIR) / "tests/data/vocab";

// The families of issue 15's "done when", with their tokenizer model and pre-tokenizer.
const char* const kClaimed[] = {"llama-spm", "llama-bpe",    "qwen2",          "qwen35", "gemma-4",
                                "phi-3",     "deepseek-llm", "deepseek-coder", "gpt-2",  "starcoder",
                                "falcon",    "command-r",    "refact",         "mpt"};

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Tokenizes every case; returns the number that match, and the first mismatch in `firstFailure`.
size_t runSuite(const eval::Tokenizer& tokenizer, const std::vector<test::VocabCase>& cases,
                std::string& firstFailure) {
    size_t passed = 0;
    for (const auto& c : cases) {
        const auto got = tokenizer.tokenize(c.text, /*addSpecial=*/false, /*parseSpecial=*/false);
        if (got == c.expected) {
            ++passed;
            continue;
        }
        if (!firstFailure.empty()) continue;
        std::string ids;
        for (auto t : got)
            ids += std::to_string(t) + ' ';
        std::string want;
        for (auto t : c.expected)
            want += std::to_string(t) + ' ';
        firstFailure = "\"" + c.text.substr(0, 60) + "\": got " + ids + "expected " + want;
    }
    return passed;
}

} // namespace

class TestVocabSuites : public QObject {
    Q_OBJECT

private slots:
    void extracts_data() {
        QTest::addColumn<QString>("family");
        for (const char* family : kClaimed)
            QTest::newRow(family) << QString::fromUtf8(family);
    }

    void extracts() {
        QFETCH(QString, family);
        const fs::path base = kDataDir / family.toStdString();
        auto cases =
            test::parseVocabSuite(readFile(base.string() + ".inp"), readFile(base.string() + ".out"));
        QVERIFY2(cases.ok(), cases.ok() ? "" : cases.error().message.c_str());
        QVERIFY(cases->size() >= 40);
        auto file = gguf::GgufFile::open(base.string() + ".gguf");
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        auto metadata = test::expandVocabExtract(file->metadata());
        QVERIFY2(metadata.ok(), metadata.ok() ? "" : metadata.error().message.c_str());
        auto tokenizer = eval::Tokenizer::fromMetadata(*metadata);
        QVERIFY2(tokenizer.ok(), tokenizer.ok() ? "" : tokenizer.error().message.c_str());
        std::string failure;
        const size_t passed = runSuite(*tokenizer, *cases, failure);
        QVERIFY2(passed == cases->size(), qPrintable(QStringLiteral("%1 of %2 pass; first failure: %3")
                                                         .arg(passed)
                                                         .arg(cases->size())
                                                         .arg(QString::fromStdString(failure))));
    }

    // The full vocabulary files of a llama.cpp checkout, when QF_LLAMA_VOCAB_DIR names its models/ folder.
    void fullVocabularies_data() {
        QTest::addColumn<QString>("family");
        for (const char* family : kClaimed)
            QTest::newRow(family) << QString::fromUtf8(family);
    }

    void fullVocabularies() {
        QFETCH(QString, family);
        const QByteArray dir = qgetenv("QF_LLAMA_VOCAB_DIR");
        if (dir.isEmpty()) QSKIP("QF_LLAMA_VOCAB_DIR is not set");
        const fs::path base = fs::path(dir.toStdString()) / ("ggml-vocab-" + family.toStdString() + ".gguf");
        auto cases =
            test::parseVocabSuite(readFile(base.string() + ".inp"), readFile(base.string() + ".out"));
        QVERIFY2(cases.ok(), cases.ok() ? "" : cases.error().message.c_str());
        auto file = gguf::GgufFile::open(base);
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        auto tokenizer = eval::Tokenizer::fromMetadata(file->metadata());
        QVERIFY2(tokenizer.ok(), tokenizer.ok() ? "" : tokenizer.error().message.c_str());
        std::string failure;
        const size_t passed = runSuite(*tokenizer, *cases, failure);
        QVERIFY2(passed == cases->size(), qPrintable(QStringLiteral("%1 of %2 pass; first failure: %3")
                                                         .arg(passed)
                                                         .arg(cases->size())
                                                         .arg(QString::fromStdString(failure))));
    }
};

QTEST_APPLESS_MAIN(TestVocabSuites)
#include "test_vocab_suites.moc"
