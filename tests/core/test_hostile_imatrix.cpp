// Issue #14 item 6 (imatrix files) and the probe's 47 imatrix files: values that cannot be an importance
// matrix (all zero, negative, NaN, infinite) are refused with a message; cut and corrupted files never
// crash; entries that name no tensor are reported and not counted in quantize.imatrix.entries_count.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "cli_runner.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace qf;
using namespace qf::quant;

namespace {

Imatrix imatrixWith(float value, const std::vector<std::string>& names = {"blk.0.attn_q.weight", "blk.0.attn_k.weight"}) {
    Imatrix im;
    im.format = ImatrixFormat::Legacy;
    im.chunkCount = 4;
    im.chunkSize = 512;
    im.datasets = {"calibration.txt"};
    for (size_t n = 0; n < names.size(); ++n) {
        ImatrixEntry e;
        e.name = names[n];
        e.sumSquares.assign(256, value);
        e.counts = {4};
        (void)im.add(std::move(e));
    }
    return im;
}

std::vector<uint8_t> legacyBytes(const Imatrix& im) { return *serializeLegacyImatrix(im); }

std::vector<uint8_t> ggufBytes(const Imatrix& im, const fs::path& scratch) {
    const fs::path path = scratch / "tmp-imatrix.gguf";
    if (!saveGgufImatrix(im, path, io::OutputPolicy{true, {}})) return {};
    const QByteArray b = test::readAll(path);
    return std::vector<uint8_t>(b.begin(), b.end());
}

} // namespace

class TestHostileImatrix : public QObject {
    Q_OBJECT

    int m_files = 0;

private slots:
    void valuesThatCannotBeImportance() {
        QTemporaryDir dir;
        const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
        for (float value : {0.0f, -1.0f, -1e-30f, nan, inf, -inf}) {
            for (int format = 0; format < 2; ++format) {
                const Imatrix im = imatrixWith(value);
                const auto bytes = format == 0 ? legacyBytes(im) : ggufBytes(im, dir.path().toStdString());
                QVERIFY(!bytes.empty() || format == 1); // a NaN may be refused already when writing GGUF
                auto parsed = parseImatrix(bytes, "hostile");
                QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("value %1 accepted (format %2)").arg(value).arg(format)));
                ++m_files;
            }
        }
        // A healthy matrix passes, and one negative value among good ones is still refused.
        QVERIFY(parseImatrix(legacyBytes(imatrixWith(2.0f)), "good").ok());
        Imatrix mixed = imatrixWith(2.0f);
        auto bytes = legacyBytes(mixed);
        const float negative = -3.0f;
        std::memcpy(bytes.data() + bytes.size() - 8 - 15 - 4 * 10, &negative, 4); // a value of the last entry
        QVERIFY(!parseImatrix(bytes, "mixed").ok());
        ++m_files;
    }

    void cutAndCorruptedFiles() {
        QTemporaryDir dir;
        const auto legacy = legacyBytes(imatrixWith(2.0f));
        const size_t entriesEnd = legacy.size() - 8 - std::string("calibration.txt").size();
        std::mt19937 rng(47);
        for (int i = 0; i < 9; ++i) {
            const size_t cut = 1 + rng() % (entriesEnd - 1);
            QVERIFY2(!parseImatrix({legacy.data(), cut}, "cut.dat").ok(), qPrintable(QString::number(cut)));
            ++m_files;
        }
        // Count and length fields set to hostile values.
        for (auto [offset, value] : std::vector<std::pair<size_t, int32_t>>{
                 {0, INT32_MAX}, {0, -1}, {4, INT32_MAX}, {4, -5}, {4 + 4 + 19, -1}, {4 + 4 + 19 + 4, INT32_MAX}}) {
            auto bytes = legacy;
            std::memcpy(bytes.data() + offset, &value, 4);
            QVERIFY2(!parseImatrix(bytes, "fields.dat").ok(), qPrintable(QString::number(offset)));
            ++m_files;
        }
        const auto gguf = ggufBytes(imatrixWith(2.0f), dir.path().toStdString());
        QVERIFY(!gguf.empty());
        for (int i = 0; i < 15; ++i) {
            auto bytes = gguf;
            for (int f = 0; f < 3; ++f) bytes[rng() % std::min<size_t>(bytes.size(), 600)] ^= uint8_t(1u << (rng() % 8));
            (void)parseImatrix(bytes, "flipped.gguf"); // refused or read; never a crash
            ++m_files;
        }
    }

    // Entries naming no tensor of the model: reported in the plan, not used, not counted.
    void entriesNamingNoTensor() {
        auto model = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(model.ok());
        for (const auto& names : {std::vector<std::string>{"blk.0.attn_q.weight", "blk.99.attn_q.weight", "no.such.tensor"},
                                  std::vector<std::string>{"blk.77.ffn_up.weight", "token_embd.weight.x"}}) {
            Imatrix im = imatrixWith(2.0f, names);
            PlanOptions options;
            options.imatrix = &im;
            auto plan = makeQuantPlan(model->metadata(), model->tensors(), *findPreset("Q4_K_M"), options);
            QVERIFY(plan.ok());
            const uint32_t matching = names.front() == "blk.0.attn_q.weight" ? 1 : 0;
            QCOMPARE(plan->imatrixEntries, matching);
            bool reported = false;
            for (const auto& w : plan->warnings) reported |= w.find("name no tensor") != std::string::npos;
            QVERIFY(reported);
            ++m_files;
        }
    }

    // Through quantize: an all-negative imatrix (the probe: IQ4_XS PPL 45,836) is refused, nothing written.
    void quantizeRefusesUselessImatrix() {
        QTemporaryDir dir;
        for (float value : {-1.0f, 0.0f}) {
            const fs::path path = fs::path(dir.path().toStdString()) / "bad.dat";
            QVERIFY(saveLegacyImatrix(imatrixWith(value), path, io::OutputPolicy{true, {}}).ok());
            const auto r = test::runCli({QStringLiteral("quantize"), QString::fromStdString(test::sharedModel().string()),
                                         QStringLiteral("--types"), QStringLiteral("IQ4_XS"), QStringLiteral("--imatrix"),
                                         QString::fromStdString(path.string()), QStringLiteral("--out-dir"), dir.path()});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("negative") || r.err.contains("zero"), r.err.constData());
            QVERIFY(test::filesIn(dir.path().toStdString(), ".gguf").empty());
            ++m_files;
        }
        QCOMPARE(m_files, 47);
    }
};

QTEST_GUILESS_MAIN(TestHostileImatrix)
#include "test_hostile_imatrix.moc"
