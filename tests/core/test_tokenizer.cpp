// The SentencePiece ("llama") tokenizer against llama.cpp: the token counts of the shared texts that
// llama.cpp reports, and the expected ids of llama.cpp's own tokenizer tests for the Llama-2 vocabulary
// (tests/test-tokenizer-0 with ggml-vocab-llama-spm), which the shared model uses.
#include <QTest>

#include <fstream>
#include <sstream>
#include <vector>

#include "qf/eval/tokenizer.h"
#include "qf/gguf/gguf_file.h"
#include "test_support.h"

using namespace qf;
using namespace qf::eval;

Q_DECLARE_METATYPE(std::vector<int32_t>)

namespace {

std::string readText(const std::string& relative) {
    std::ifstream in(test::sharedPath(relative), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A small vocabulary: bytes, a few merges and one token of each special type.
gguf::Metadata tinyVocabulary(bool addSpacePrefix = true) {
    std::vector<std::string> tokens = {"<unk>", "<s>", "</s>"};
    std::vector<float> scores = {0, 0, 0};
    std::vector<int32_t> types = {2, 3, 3};
    for (int b = 0; b < 256; ++b) {
        char name[8];
        std::snprintf(name, sizeof name, "<0x%02X>", b);
        tokens.push_back(name);
        scores.push_back(0);
        types.push_back(6);
    }
    auto add = [&](const std::string& text, float score, int32_t type) {
        tokens.push_back(text);
        scores.push_back(score);
        types.push_back(type);
    };
    add("\xe2\x96\x81", -1, 1); // 259 "▁"
    add("a", -2, 1);            // 260
    add("b", -3, 1);            // 261
    add("\xe2\x96\x81"
        "a",
        -4, 1);       // 262 "▁a"
    add("ab", -5, 1); // 263
    add("\xe2\x96\x81"
        "ab",
        -6, 1);            // 264 "▁ab"
    add("<|user|>", 0, 4); // 265 user-defined
    add("<|ctl|>", 0, 3);  // 266 control
    gguf::Metadata md;
    md.set("tokenizer.ggml.model", gguf::Value::string("llama"));
    md.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings(tokens)));
    md.set("tokenizer.ggml.scores", gguf::Value::array(gguf::Array::of(gguf::ValueType::Float32, scores)));
    md.set("tokenizer.ggml.token_type", gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, types)));
    md.set("tokenizer.ggml.bos_token_id", gguf::Value::u32(1));
    md.set("tokenizer.ggml.eos_token_id", gguf::Value::u32(2));
    md.set("tokenizer.ggml.add_space_prefix", gguf::Value::boolean(addSpacePrefix));
    return md;
}

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

    std::unique_ptr<gguf::GgufFile> m_file;
    std::unique_ptr<Tokenizer> m_tokenizer;

private slots:
    void initTestCase() {
        auto f = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(f.ok());
        m_file = std::make_unique<gguf::GgufFile>(std::move(*f));
        auto t = Tokenizer::fromMetadata(m_file->metadata());
        QVERIFY2(t.ok(), t ? "" : t.error().message.c_str());
        m_tokenizer = std::make_unique<Tokenizer>(std::move(*t));
        QCOMPARE(m_tokenizer->size(), size_t(32000));
        QCOMPARE(m_tokenizer->bos(), 1);
        QCOMPARE(m_tokenizer->eos(), 2);
        QVERIFY(m_tokenizer->addsBos());
        QVERIFY(!m_tokenizer->addsEos());
    }

    // ../shared/reference/tokens.txt: llama.cpp's counts, BOS included.
    void referenceTokenCounts_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("count");
        QTest::newRow("books-eval") << "data/books-eval.txt" << 77270;
        QTest::newRow("books-calibration") << "data/books-calibration.txt" << 31887;
    }
    void referenceTokenCounts() {
        QFETCH(QString, file);
        QFETCH(int, count);
        const std::string text = readText(file.toStdString());
        QVERIFY(!text.empty());
        const auto tokens = m_tokenizer->tokenize(text, true);
        QCOMPARE(int(tokens.size()), count);
        QCOMPARE(tokens.front(), 1);
        // Plain text round-trips: the pieces give back the text behind the space prefix.
        QVERIFY(m_tokenizer->detokenize(std::span(tokens).subspan(1)) == " " + text);
    }

    void llamaCppTokenizations_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<std::vector<int32_t>>("expected");
        QTest::newRow("empty") << QByteArray("") << std::vector<int32_t>{};
        QTest::newRow("space") << QByteArray(" ") << std::vector<int32_t>{259};
        QTest::newRow("two spaces") << QByteArray("  ") << std::vector<int32_t>{1678};
        QTest::newRow("three spaces") << QByteArray("   ") << std::vector<int32_t>{268};
        QTest::newRow("tab") << QByteArray("\t") << std::vector<int32_t>{29871, 12};
        QTest::newRow("newline") << QByteArray("\n") << std::vector<int32_t>{29871, 13};
        QTest::newRow("newlines") << QByteArray("\n\n\n") << std::vector<int32_t>{29871, 13, 13, 13};
        QTest::newRow("tab newline") << QByteArray("\t\n") << std::vector<int32_t>{29871, 12, 13};
        QTest::newRow("Hello world") << QByteArray("Hello world") << std::vector<int32_t>{15043, 3186};
        QTest::newRow("leading space")
            << QByteArray(" Hello world") << std::vector<int32_t>{29871, 15043, 3186};
        QTest::newRow("Hello World!")
            << QByteArray(" Hello World!") << std::vector<int32_t>{29871, 15043, 2787, 29991};
        QTest::newRow("punctuation") << QByteArray("Hello, world!")
                                     << std::vector<int32_t>{15043, 29892, 3186, 29991};
        QTest::newRow("emoji byte fallback")
            << QByteArray(" this is 🦙.cpp")
            << std::vector<int32_t>{29871, 445, 338, 29871, 243, 162, 169, 156, 29889, 8223};
        QTest::newRow("digit") << QByteArray("3") << std::vector<int32_t>{29871, 29941};
        QTest::newRow("digits") << QByteArray("333") << std::vector<int32_t>{29871, 29941, 29941, 29941};
        QTest::newRow("mixed") << QByteArray("w048 7tuijk dsdfhu")
                               << std::vector<int32_t>{281,  29900, 29946, 29947, 29871, 29955,
                                                       9161, 13535, 18031, 2176,  6905};
        QTest::newRow("cyrillic") << QByteArray("нещо на Български")
                                  << std::vector<int32_t>{1538, 4851, 665, 1386, 29713, 1305};
        QTest::newRow("khmer") << QByteArray("កាន់តែពិសេសអាចខលចេញ")
                               << std::vector<int32_t>{
                                      29871, 31849, 31324, 31934, 228, 162, 142, 228,   161, 146, 228, 162,
                                      133,   228,   161,   153,   228, 161, 186, 31708, 228, 162, 132, 31708,
                                      228,   161,   165,   31324, 228, 161, 136, 228,   161, 132, 228, 161,
                                      158,   228,   161,   136,   228, 162, 132, 228,   161, 140};
        // Control-token text is plain text when special tokens are not parsed (llama-perplexity's mode).
        QTest::newRow("control text")
            << QByteArray("<s>hi</s>") << std::vector<int32_t>{529, 29879, 29958, 2918, 829, 29879, 29958};
    }
    void llamaCppTokenizations() {
        QFETCH(QByteArray, text);
        QFETCH(std::vector<int32_t>, expected);
        const auto tokens = m_tokenizer->tokenize(text.toStdString(), false);
        QCOMPARE(tokens, expected);
        // With special tokens, BOS comes first and nothing else changes.
        auto withBos = expected;
        withBos.insert(withBos.begin(), 1);
        QCOMPARE(m_tokenizer->tokenize(text.toStdString(), true), withBos);
    }

    void piecesAndBytes() {
        QCOMPARE(m_tokenizer->tokenToPiece(15043), std::string(" Hello"));
        QCOMPARE(m_tokenizer->tokenToPiece(13), std::string("\n")); // <0x0A>
        QCOMPARE(m_tokenizer->tokenToPiece(243), std::string("\xf0"));
        QCOMPARE(m_tokenizer->tokenToPiece(1), std::string("<s>"));
        QCOMPARE(m_tokenizer->tokenToPiece(-1), std::string());
        QCOMPARE(m_tokenizer->tokenToPiece(32000), std::string());
        QCOMPARE(m_tokenizer->tokenType(3), TokenType::Byte);
        // Valid UTF-8 round-trips, multi-byte characters included.
        for (const char* s :
             {"Emoji 🦙🚀 and 中文, tabs\tand\nnewlines", "  two  spaces  ", "1234567890"}) {
            const auto tokens = m_tokenizer->tokenize(s, false);
            QCOMPARE(m_tokenizer->detokenize(tokens), std::string(" ") + s);
        }
        // Invalid UTF-8 still tokenizes, byte by byte where nothing matches.
        const auto broken = m_tokenizer->tokenize("\xff\xfe", false);
        QCOMPARE(broken, (std::vector<int32_t>{29871, 258, 257}));
    }

    // Merges go by score, highest first; ties go to the leftmost pair.
    void mergeOrderAndSpecialTokens() {
        auto t = Tokenizer::fromMetadata(tinyVocabulary());
        QVERIFY(t.ok());
        // "▁ab": "▁a" (-4) outranks "ab" (-5) and merges first; then "▁a" + "b" gives "▁ab" (264).
        QCOMPARE(t->tokenize("ab", false), (std::vector<int32_t>{264}));
        QCOMPARE(t->tokenize("ba", false), (std::vector<int32_t>{259, 261, 260}));
        // An unknown character falls back to its bytes.
        QCOMPARE(t->tokenize("é", false), (std::vector<int32_t>{259, 3 + 0xC3, 3 + 0xA9}));
        // User-defined tokens are split out first and the text after them gets the space prefix again;
        // control tokens are not recognised in text.
        QCOMPARE(t->tokenize("a<|user|>a", true), (std::vector<int32_t>{1, 262, 265, 262}));
        const auto control = t->tokenize("<|ctl|>", false);
        QVERIFY(std::find(control.begin(), control.end(), 266) == control.end());
        // add_space_prefix = false: no leading '▁'.
        auto plain = Tokenizer::fromMetadata(tinyVocabulary(false));
        QVERIFY(plain.ok());
        QCOMPARE(plain->tokenize("ab", false), (std::vector<int32_t>{263}));
        QCOMPARE(plain->tokenize("", true), (std::vector<int32_t>{1}));
    }

    void rejectsOtherVocabularies() {
        gguf::Metadata md = tinyVocabulary();
        md.set("tokenizer.ggml.model", gguf::Value::string("bert")); // gpt2 is test_bpe_tokenizer's
        auto t = Tokenizer::fromMetadata(md);
        QVERIFY(!t.ok());
        QVERIFY(t.error().message.find("bert") != std::string::npos);
        gguf::Metadata none;
        QVERIFY(!Tokenizer::fromMetadata(none).ok());
        gguf::Metadata badBos = tinyVocabulary();
        badBos.set("tokenizer.ggml.bos_token_id", gguf::Value::u32(100000));
        auto b = Tokenizer::fromMetadata(badBos);
        QVERIFY(!b.ok());
        QVERIFY(b.error().message.find("bos_token_id") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
