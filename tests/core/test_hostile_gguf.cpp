// Issue #14 item 3 (and the probe's 183 mutated GGUFs and 20 tokenizers): one metadata value, a flipped
// byte or a cut file must never crash, hang or allocate gigabytes; values that disagree with the tensors
// are refused with a message. Models that open are run (a perplexity chunk, a few generated tokens) to
// show they work within bounds. Through the CLI too: no uncaught exception ends a command.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <random>
#include <set>

#include "cli_runner.h"
#include "hostile_gguf.h"
#include "qf/eval/generation.h"
#include "qf/eval/llama_model.h"
#include "qf/eval/perplexity.h"
#include "qf/eval/tokenizer.h"

namespace fs = std::filesystem;
using namespace qf;

namespace {

struct Outcome {
    bool opened = false;
    std::string error;
};

// Opens and, when that works, runs the model briefly. Exceptions are failures of the test.
Outcome exercise(const fs::path& path) {
    Outcome o;
    try {
        auto model = eval::LlamaModel::open(path);
        if (!model) {
            o.error = model.error().message;
            return o;
        }
        o.opened = true;
        eval::PerplexityParams pp;
        pp.context = 16;
        pp.maxChunks = 1;
        pp.threads = 1;
        (void)eval::computePerplexity(**model, "the quick brown fox jumps over the lazy dog again and again", pp);
        eval::GenerationParams gp;
        gp.maxTokens = 3;
        gp.threads = 1;
        (void)eval::generate(**model, "hello", gp, {});
    } catch (const std::exception& e) {
        o.error = std::string("EXCEPTION: ") + e.what();
        o.opened = false;
        QTest::qFail(("exception escaped for " + path.string() + ": " + e.what()).c_str(), __FILE__, __LINE__);
    }
    return o;
}

} // namespace

class TestHostileGguf : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path m_base;
    int m_files = 0;

    fs::path next() { return fs::path(m_dir.path().toStdString()) / ("m" + std::to_string(m_files++) + ".gguf"); }

private slots:
    void initTestCase() {
        m_base = fs::path(m_dir.path().toStdString()) / "base.gguf";
        QVERIFY(test::writeSmallLlama(m_base).ok());
        QVERIFY(exercise(m_base).opened);
    }

    // Values that disagree with the tensors or with sane bounds: every one refused, none allocates.
    void inconsistentMetadataIsRefused() {
        struct Case {
            const char* key;
            uint64_t value;
        };
        const std::vector<Case> cases{
            {"llama.block_count", 0}, {"llama.block_count", 1}, {"llama.block_count", 3},
            {"llama.block_count", 1u << 22}, {"llama.block_count", 1u << 30}, {"llama.block_count", 0xFFFFFFFFu},
            {"llama.embedding_length", 0}, {"llama.embedding_length", 32}, {"llama.embedding_length", 65},
            {"llama.embedding_length", 1u << 30}, {"llama.embedding_length", 0xFFFFFFFFu},
            {"llama.attention.head_count", 0}, {"llama.attention.head_count", 3},
            {"llama.attention.head_count", 128}, {"llama.attention.head_count", 1u << 30},
            {"llama.attention.head_count_kv", 0}, {"llama.attention.head_count_kv", 3},
            {"llama.attention.head_count_kv", 2}, {"llama.attention.head_count_kv", 1u << 30},
            {"llama.feed_forward_length", 0}, {"llama.feed_forward_length", 127},
            {"llama.feed_forward_length", 1u << 30}, {"llama.attention.key_length", 0},
            {"llama.attention.key_length", 3}, {"llama.attention.key_length", 1u << 20},
            {"llama.attention.value_length", 16}, {"llama.rope.dimension_count", 3},
            {"llama.rope.dimension_count", 1000}, {"llama.expert_count", 8},
        };
        int refused = 0;
        for (const auto& c : cases) {
            const fs::path out = next();
            QVERIFY(test::rewriteGguf(m_base, out, [&](gguf::Metadata& m) {
                m.set(c.key, gguf::Value::u32(uint32_t(c.value)));
            }).ok());
            QElapsedTimer t;
            t.start();
            const Outcome o = exercise(out);
            QVERIFY2(!o.opened, qPrintable(QStringLiteral("%1 = %2 was accepted").arg(QLatin1String(c.key)).arg(c.value)));
            QVERIFY2(!o.error.empty(), c.key);
            QVERIFY2(t.elapsed() < 5000, c.key);
            ++refused;
        }
        // Missing keys and wrong value types.
        for (const char* key : {"llama.block_count", "llama.embedding_length", "llama.attention.head_count",
                                "llama.feed_forward_length", "general.architecture"}) {
            for (int variant = 0; variant < 2; ++variant) {
                const fs::path out = next();
                QVERIFY(test::rewriteGguf(m_base, out, [&](gguf::Metadata& m) {
                    if (variant == 0) m.remove(key);
                    else m.set(key, gguf::Value::string("many"));
                }).ok());
                QVERIFY2(!exercise(out).opened, key);
                ++refused;
            }
        }
        QCOMPARE(refused, int(cases.size()) + 10);
    }

    // Plausible but huge values that the tensors cannot contradict: the model runs, and nothing is sized
    // from them (the probe: context_length 2^32-1 aborted, 2^24 took 4.5 GB).
    void hugeContextIsNotAllocated() {
        for (uint64_t ctx : {uint64_t(0xFFFFFFFFu), uint64_t(1) << 24, uint64_t(0), uint64_t(1)}) {
            const fs::path out = next();
            QVERIFY(test::rewriteGguf(m_base, out, [&](gguf::Metadata& m) {
                m.set("llama.context_length", gguf::Value::u32(uint32_t(ctx)));
            }).ok());
            QElapsedTimer t;
            t.start();
            (void)exercise(out);
            QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(ctx)));
        }
    }

    // Cut files and flipped header bytes: never a crash; a cut file is always refused.
    void bytesCutAndFlipped() {
        std::ifstream in(m_base, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto header = gguf::GgufFile::open(m_base);
        QVERIFY(header.ok());
        const size_t headerBytes = size_t(fs::file_size(m_base) - header->tensorDataBytes());
        std::mt19937 rng(3);
        int cut = 0, flipped = 0;
        for (int i = 0; i < 40; ++i) {
            const size_t length = i < 20 ? size_t(rng() % headerBytes) : headerBytes + size_t(rng() % (bytes.size() - headerBytes));
            const fs::path out = next();
            std::ofstream(out, std::ios::binary).write(bytes.data(), std::streamsize(length));
            QVERIFY2(!exercise(out).opened, qPrintable(QStringLiteral("cut at %1 accepted").arg(length)));
            ++cut;
        }
        for (int i = 0; i < 98; ++i) {
            std::string mutated = bytes;
            const int flips = 1 + int(rng() % 4);
            for (int f = 0; f < flips; ++f) mutated[rng() % headerBytes] ^= char(1u << (rng() % 8));
            const fs::path out = next();
            std::ofstream(out, std::ios::binary).write(mutated.data(), std::streamsize(mutated.size()));
            (void)exercise(out); // opened or refused, never a crash, an exception or a hang
            ++flipped;
        }
        QCOMPARE(cut + flipped, 138);
    }

    // 20 broken vocabularies: refused by the tokenizer (and so by the model), never a crash.
    void hostileTokenizers() {
        auto base = gguf::GgufFile::open(m_base);
        QVERIFY(base.ok());
        const gguf::Array* tokens = base->metadata().getArray("tokenizer.ggml.tokens");
        QVERIFY(tokens);
        const uint32_t n = uint32_t(tokens->size());
        std::vector<std::function<void(gguf::Metadata&)>> mutations{
            [](auto& m) { m.remove("tokenizer.ggml.tokens"); },
            [](auto& m) { m.remove("tokenizer.ggml.model"); },
            [](auto& m) { m.set("tokenizer.ggml.model", gguf::Value::string("no-such-model")); },
            [](auto& m) { m.set("tokenizer.ggml.tokens", gguf::Value::u32(3)); },
            [](auto& m) { m.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings({}))); },
            [](auto& m) { m.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings({"a", "b"}))); },
            [](auto& m) { m.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, std::vector<int32_t>(300, 1)))); },
            [](auto& m) { m.set("tokenizer.ggml.scores", gguf::Value::array(gguf::Array::of(gguf::ValueType::Float32, std::vector<float>(5, 0.f)))); },
            [](auto& m) { m.set("tokenizer.ggml.token_type", gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, std::vector<int32_t>(7, 1)))); },
            [n](auto& m) { m.set("tokenizer.ggml.bos_token_id", gguf::Value::u32(n)); },
            [](auto& m) { m.set("tokenizer.ggml.bos_token_id", gguf::Value::u32(0xFFFFFFFFu)); },
            [n](auto& m) { m.set("tokenizer.ggml.eos_token_id", gguf::Value::u32(n + 7)); },
            [](auto& m) { m.set("tokenizer.ggml.unknown_token_id", gguf::Value::u32(1u << 31)); },
            [](auto& m) { m.set("tokenizer.ggml.padding_token_id", gguf::Value::u32(0xFFFFFFFEu)); },
            [](auto& m) { m.set("tokenizer.ggml.model", gguf::Value::string("gpt2")); }, // no merges
            [](auto& m) { m.set("tokenizer.ggml.model", gguf::Value::string("gpt2"));
                          m.set("tokenizer.ggml.merges", gguf::Value::array(gguf::Array::ofStrings({"a", "no-space", " "}))); },
            [](auto& m) { m.set("tokenizer.ggml.token_type", gguf::Value::string("x")); },
            [](auto& m) { m.set("tokenizer.ggml.scores", gguf::Value::array(gguf::Array::ofStrings(std::vector<std::string>(300, "s")))); },
            [](auto& m) { m.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings(std::vector<std::string>(300, "")))); },
            [](auto& m) { m.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings(std::vector<std::string>(301, "x")))); },
        };
        QCOMPARE(int(mutations.size()), 20);
        // Usable as llama.cpp reads them: merges without a space are skipped; empty texts are tokens.
        const std::set<size_t> usable{15, 18};
        for (size_t i = 0; i < mutations.size(); ++i) {
            const fs::path out = next();
            QVERIFY(test::rewriteGguf(m_base, out, mutations[i]).ok());
            const Outcome o = exercise(out);
            QVERIFY2(o.opened == usable.count(i) > 0, qPrintable(QStringLiteral("tokenizer mutation %1: %2")
                                                                 .arg(i).arg(QString::fromStdString(o.error))));
        }
    }

    // The probe's commands on the probe's files: a message and exit code 1, no abort, no hang.
    void commandsNeverAbort() {
        const fs::path bigBlocks = next(), bigContext = next();
        QVERIFY(test::rewriteGguf(m_base, bigBlocks, [](auto& m) { m.set("llama.block_count", gguf::Value::u32(1u << 30)); }).ok());
        QVERIFY(test::rewriteGguf(m_base, bigContext, [](auto& m) { m.set("llama.context_length", gguf::Value::u32(1u << 24)); }).ok());
        const QString bb = QString::fromStdString(bigBlocks.string());
        const QString text = m_dir.filePath(QStringLiteral("t.txt"));
        std::ofstream(text.toStdString()) << std::string(4000, 'a');
        for (const QStringList& args :
             {QStringList{QStringLiteral("perplexity"), bb, QStringLiteral("-f"), text},
              QStringList{QStringLiteral("kld"), bb, QStringLiteral("--base"), bb, QStringLiteral("-f"), text},
              QStringList{QStringLiteral("imatrix"), bb, QStringLiteral("--text"), text, QStringLiteral("-o"),
                          m_dir.filePath(QStringLiteral("i.gguf"))},
              QStringList{QStringLiteral("generate"), bb, QStringLiteral("-p"), QStringLiteral("hi")}}) {
            const auto r = test::runCli(args, 30000);
            QVERIFY2(r.finished && !r.crashed, qPrintable(args.join(QLatin1Char(' '))));
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("block_count"), r.err.constData());
        }
        QElapsedTimer t;
        t.start();
        const auto g = test::runCli({QStringLiteral("generate"), QString::fromStdString(bigContext.string()),
                                     QStringLiteral("-p"), QStringLiteral("hi"), QStringLiteral("-n"), QStringLiteral("4")},
                                    30000);
        QCOMPARE(g.exitCode, 0);
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
    }

    void cleanupTestCase() { qInfo("%d hostile GGUF files generated and exercised", m_files); }
};

QTEST_GUILESS_MAIN(TestHostileGguf)
#include "test_hostile_gguf.moc"
