// The evaluation sidecar: round trip through the file, keys that keep stale results out, and hostile
// input (malformed JSON, wrong format, deep nesting, bad fields) that must fail or be skipped, never crash.
#include <filesystem>
#include <fstream>

#include <QTemporaryDir>
#include <QTest>

#include "qf/eval/results_sidecar.h"
#include "qf/gguf/gguf_file.h"

using namespace qf::eval;

namespace {

StoredEvaluation sampleEvaluation() {
    StoredEvaluation e;
    e.key = {textSha256Hex("some evaluation text"), 256, 4};
    e.textName = "books-eval.txt";
    e.fileBytes = 14841312;
    e.chunks = 4;
    e.perplexity = 12.345678901234567;
    e.perplexityError = 0.4321;
    e.tokensPerSecond = 3012.5;
    e.generationTokensPerSecond = 251.25;
    e.baseFile = "qf-books-22m-f16.gguf";
    e.meanKld = 0.0123456789;
    e.meanKldError = 0.000321;
    e.sameTop = 0.9375;
    e.sameTopError = 0.0042;
    e.measuredAt = "2026-11-24T07:30:00Z";
    return e;
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

class TestResultsSidecar : public QObject {
    Q_OBJECT

private slots:
    void pathIsBesideTheFile() {
        QCOMPARE(sidecarPath("/a/b/model-Q4_K_M.gguf").string(),
                 std::string("/a/b/model-Q4_K_M.gguf.quantforge.json"));
    }

    void textDigestIsSha256() {
        QCOMPARE(textSha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void roundTripThroughFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path model = std::filesystem::path(dir.path().toStdString()) / "m.gguf";
        writeText(model, "not really a model");

        auto empty = readSidecar(model);
        QVERIFY(empty.ok());
        QVERIFY(empty->evaluations.empty());

        const StoredEvaluation e = sampleEvaluation();
        QVERIFY(storeEvaluation(model, e).ok());
        StoredEvaluation base;
        base.key = {e.key.textSha256, 512, -1};
        base.perplexity = 11.5;
        base.perplexityError = 0.25;
        base.chunks = 300;
        QVERIFY(storeEvaluation(model, base).ok());
        QVERIFY(std::filesystem::exists(sidecarPath(model)));

        auto read = readSidecar(model);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QCOMPARE(read->evaluations.size(), size_t(2));
        const StoredEvaluation* got = read->find(e.key);
        QVERIFY(got);
        QCOMPARE(got->textName, e.textName);
        QCOMPARE(got->fileBytes, e.fileBytes);
        QCOMPARE(got->chunks, e.chunks);
        QCOMPARE(got->perplexity, e.perplexity); // shortest round-trip formatting keeps every bit
        QCOMPARE(got->perplexityError, e.perplexityError);
        QCOMPARE(got->tokensPerSecond, e.tokensPerSecond);
        QCOMPARE(*got->generationTokensPerSecond, *e.generationTokensPerSecond);
        QCOMPARE(got->baseFile, e.baseFile);
        QCOMPARE(*got->meanKld, *e.meanKld);
        QCOMPARE(*got->meanKldError, *e.meanKldError);
        QCOMPARE(*got->sameTop, *e.sameTop);
        QCOMPARE(*got->sameTopError, *e.sameTopError);
        QCOMPARE(got->measuredAt, e.measuredAt);

        const StoredEvaluation* gotBase = read->find(base.key);
        QVERIFY(gotBase);
        QVERIFY(!gotBase->meanKld);
        QVERIFY(!gotBase->sameTop);
        QVERIFY(!gotBase->generationTokensPerSecond); // absent stays absent
        QCOMPARE(gotBase->key.chunkLimit, -1);

        // Other text or context: not found (stale results stay hidden).
        QVERIFY(!read->find({textSha256Hex("another text"), 256, 4}));
        QVERIFY(!read->find({e.key.textSha256, 128, 4}));
        QVERIFY(!read->find({e.key.textSha256, 256, 8}));

        // Storing the same key again replaces it.
        StoredEvaluation again = e;
        again.perplexity = 13.0;
        QVERIFY(storeEvaluation(model, again).ok());
        read = readSidecar(model);
        QCOMPARE(read->evaluations.size(), size_t(2));
        QCOMPARE(read->find(e.key)->perplexity, 13.0);
    }

    void escapedStringsSurvive() {
        ResultsSidecar sidecar;
        StoredEvaluation e = sampleEvaluation();
        e.textName = "a \"quoted\"\\ name\twith ünïcödé \xF0\x9F\x98\x80";
        sidecar.upsert(e);
        auto back = sidecarFromJson(sidecarToJson(sidecar));
        QVERIFY(back.ok());
        QCOMPARE(back->evaluations.front().textName, e.textName);
        auto escaped =
            sidecarFromJson("{\"format\":\"quantforge-evaluation\",\"version\":1,\"evaluations\":["
                            "{\"text\":\"\\u00e9\\ud83d\\ude00\",\"text_sha256\":\"" +
                            e.key.textSha256 + "\",\"context\":256,\"chunk_limit\":-1,\"perplexity\":2.5}]}");
        QVERIFY(escaped.ok());
        QCOMPARE(escaped->evaluations.front().textName, std::string("\xC3\xA9\xF0\x9F\x98\x80"));
    }

    void hostileInput_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("not json") << QByteArray("GGUF\x03\x00");
        QTest::newRow("truncated") << QByteArray(
            "{\"format\":\"quantforge-evaluation\",\"version\":1,\"evaluations\":[");
        QTest::newRow("wrong format")
            << QByteArray("{\"format\":\"something-else\",\"version\":1,\"evaluations\":[]}");
        QTest::newRow("future version")
            << QByteArray("{\"format\":\"quantforge-evaluation\",\"version\":2,\"evaluations\":[]}");
        QTest::newRow("no list") << QByteArray("{\"format\":\"quantforge-evaluation\",\"version\":1}");
        QTest::newRow("trailing text")
            << QByteArray("{\"format\":\"quantforge-evaluation\",\"version\":1,\"evaluations\":[]} x");
        QTest::newRow("bad escape") << QByteArray(
            "{\"format\":\"quantforge\\q\",\"version\":1,\"evaluations\":[]}");
        QTest::newRow("lone surrogate")
            << QByteArray("{\"format\":\"\\ud800\",\"version\":1,\"evaluations\":[]}");
        QTest::newRow("bad number") << QByteArray(
            "{\"format\":\"quantforge-evaluation\",\"version\":-,\"evaluations\":[]}");
        QTest::newRow("huge number") << QByteArray(
            "{\"format\":\"quantforge-evaluation\",\"version\":1e999,\"evaluations\":[]}");
        QTest::newRow("deep nesting") << QByteArray(std::string(100000, '[').c_str());
        QTest::newRow("control char") << QByteArray("{\"format\":\"a\nb\"}");
    }
    void hostileInput() {
        QFETCH(QByteArray, json);
        auto parsed = sidecarFromJson(std::string_view(json.constData(), size_t(json.size())));
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.error().message.empty());
    }

    void malformedEntriesAreSkipped() {
        const std::string sha = textSha256Hex("t");
        const std::string json =
            "{\"format\":\"quantforge-evaluation\",\"version\":1,\"evaluations\":["
            "42, {\"text_sha256\":\"short\",\"context\":256,\"chunk_limit\":-1,\"perplexity\":2},"
            "{\"text_sha256\":\"" +
            sha +
            "\",\"context\":-5,\"chunk_limit\":-1,\"perplexity\":2},"
            "{\"text_sha256\":\"" +
            sha +
            "\",\"context\":256,\"chunk_limit\":-1},"
            "{\"text_sha256\":\"" +
            sha +
            "\",\"context\":256,\"chunk_limit\":-1,\"perplexity\":3,"
            "\"mean_kld\":\"not a number\",\"file_bytes\":-7}]}";
        auto parsed = sidecarFromJson(json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->evaluations.size(), size_t(1));
        const StoredEvaluation& e = parsed->evaluations.front();
        QCOMPARE(e.perplexity, 3.0);
        QVERIFY(!e.meanKld);
        QCOMPARE(e.fileBytes, uint64_t(0));
    }

    // Issue 13: results belong to the file's content. A copy shows them (the sidecar stays behind, the
    // content store finds them); the same file changed in place, at the same size, does not.
    void resultsFollowTheContent() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("XDG_CACHE_HOME", dir.filePath(QStringLiteral("cache")).toUtf8());
        const std::filesystem::path root = dir.path().toStdString();
        std::filesystem::create_directories(root / "a");
        std::filesystem::create_directories(root / "b");
        const std::filesystem::path model = root / "a" / "qf-books-22m-f16.gguf";
        std::filesystem::copy_file(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf", model);
        auto digest = fileContentDigest(model);
        QVERIFY2(digest.ok(), digest.ok() ? "" : digest.error().message.c_str());
        QCOMPARE(digest->size(), size_t(64));

        StoredEvaluation e = sampleEvaluation();
        e.fileBytes = std::filesystem::file_size(model);
        QVERIFY(storeEvaluation(model, e).ok());
        auto read = readSidecar(model);
        QVERIFY(read.ok() && read->find(e.key));
        QCOMPARE(read->find(e.key)->fileDigest, *digest);

        // A copy under another name, in another folder, without its sidecar: the same results.
        const std::filesystem::path copy = root / "b" / "renamed.gguf";
        std::filesystem::copy_file(model, copy);
        QVERIFY(!std::filesystem::exists(sidecarPath(copy)));
        QCOMPARE(*fileContentDigest(copy), *digest);
        auto copied = readSidecar(copy);
        QVERIFY(copied.ok());
        QVERIFY2(copied->find(e.key), "the copy's results were not found by content");
        QCOMPARE(copied->find(e.key)->perplexity, e.perplexity);

        // One byte of the first tensor changed in place: same size, other content, no results.
        std::string bytes;
        {
            std::ifstream in(model, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        size_t at = std::string::npos;
        {
            auto file = qf::gguf::GgufFile::open(model);
            QVERIFY(file.ok());
            const auto data = file->tensorData(file->tensors().front());
            at = bytes.find(std::string(reinterpret_cast<const char*>(data.data()), 64));
        }
        QVERIFY(at != std::string::npos);
        bytes[at] = char(bytes[at] ^ 0x5a);
        std::ofstream(model, std::ios::binary | std::ios::trunc) << bytes;
        QCOMPARE(std::filesystem::file_size(model), uintmax_t(e.fileBytes));
        QVERIFY(*fileContentDigest(model) != *digest);
        read = readSidecar(model);
        QVERIFY(read.ok());
        QVERIFY2(!read->find(e.key), "stale results of the old content were shown");
        // The untouched copy keeps them.
        QVERIFY(readSidecar(copy)->find(e.key));
        qunsetenv("XDG_CACHE_HOME");
    }

    void malformedFileIsReportedAndReplaced() {
        QTemporaryDir dir;
        const std::filesystem::path model = std::filesystem::path(dir.path().toStdString()) / "m.gguf";
        writeText(sidecarPath(model), "{ broken");
        auto read = readSidecar(model);
        QVERIFY(!read.ok());
        QVERIFY(read.error().message.find("m.gguf.quantforge.json") != std::string::npos);
        QVERIFY(storeEvaluation(model, sampleEvaluation()).ok());
        read = readSidecar(model);
        QVERIFY(read.ok());
        QCOMPARE(read->evaluations.size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestResultsSidecar)
#include "test_results_sidecar.moc"
