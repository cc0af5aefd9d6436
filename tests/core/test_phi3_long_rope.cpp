// Phi-3's long-context rope (longrope, as Phi-3-mini-128k and Phi-3.5 ship it) evaluated as llama.cpp does:
// rope_factors_long.weight for a context past the original one, rope_factors_short.weight otherwise
// (llama_model::get_rope_factors, with llama.cpp's context rounded up to a multiple of 256), and
// rope.scaling.attn_factor scaling the rotation. tests/data/phi3_long_rope/<set>.kld is what
// `llama-perplexity -m <set>.gguf -f books-eval.txt -c 128 --chunks 3 -t 2 -fa off --kl-divergence-base
// <set>.kld` wrote for the model of tests/tools/phi3_long_rope_model.h with an original context of 256
// ("short": a 128-token context, 256 for llama.cpp, is not past it) or 128 ("long").
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "qf/eval/llama_logits_file.h"
#include "qf/eval/llama_model.h"
#include "tools/phi3_long_rope_model.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(QF_SOURCE_DIR) / "tests/data/phi3_long_rope";

double llamaCppPerplexity(const std::string& set) {
    std::ifstream in(kData / "perplexity.txt");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string key;
        double value = 0;
        if (fields >> key >> value && key == set) return value;
    }
    return 0;
}

} // namespace

class TestPhi3LongRope : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    fs::path model(uint32_t originalContext) {
        const fs::path path =
            fs::path(m_dir.path().toStdString()) / fmt::format("longrope-{}.gguf", originalContext);
        if (!fs::exists(path)) {
            const Status s = test::phi3::writeLongRopeModel(path, originalContext);
            if (!s) qWarning("%s", s.error().message.c_str());
        }
        return path;
    }

private slots:
    void factorsFollowTheContext() {
        auto m = eval::LlamaModel::open(model(256));
        QVERIFY2(m.ok(), m ? "" : m.error().message.c_str());
        const eval::LlamaModel& phi3 = **m;
        const uint32_t pairs = phi3.params().ropeDims / 2;
        const auto longFactors = test::phi3::longRopeFactors(pairs, true);
        const auto shortFactors = test::phi3::longRopeFactors(pairs, false);
        QCOMPARE(phi3.params().ropeOriginalContext, 256u);
        // llama.cpp's context is a multiple of 256: 128 and 256 tokens are both 256, not past the original.
        QCOMPARE(phi3.ropeFrequencyFactors(128), shortFactors);
        QCOMPARE(phi3.ropeFrequencyFactors(256), shortFactors);
        QCOMPARE(phi3.ropeFrequencyFactors(257), longFactors);
        QCOMPARE(phi3.ropeFrequencyFactors(4096), longFactors);
        // sqrt(1 + ln(4096 / 256) / ln(256)) = sqrt(1.5), as the converter stores it.
        QCOMPARE(phi3.params().yarnAttnFactor, float(std::sqrt(1.5)));
    }

    void matchesLlamaCpp_data() {
        QTest::addColumn<int>("originalContext");
        QTest::newRow("short") << 256;
        QTest::newRow("long") << 128;
    }

    // As test_architecture_parity's decisive models: mean KLD of our logits from llama.cpp's <= 1e-4, the
    // same top token for >= 99.5 % of tokens, the perplexity within 0.05 % of llama-perplexity's.
    void matchesLlamaCpp() {
        QFETCH(int, originalContext);
        const std::string set = QTest::currentDataTag();
        auto m = eval::LlamaModel::open(model(uint32_t(originalContext)));
        QVERIFY2(m.ok(), m ? "" : m.error().message.c_str());
        eval::KldParams params;
        params.threads = 2;
        auto result = eval::computeKldAgainstLlamaLogits(**m, kData / (set + ".kld"), params);
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        const eval::KldSummary& s = result->summary;
        QCOMPARE(result->chunks, 3);
        const double reference = llamaCppPerplexity(set);
        QVERIFY2(reference > 0, "no llama.cpp perplexity in perplexity.txt");
        const QByteArray report = QStringLiteral("%1: KLD mean %2 max %3, same top %4%, PPL %5 vs %6")
                                      .arg(QString::fromStdString(set))
                                      .arg(s.meanKld.value)
                                      .arg(s.maxKld)
                                      .arg(100 * s.sameTop.value)
                                      .arg(s.perplexity.value, 0, 'f', 4)
                                      .arg(reference, 0, 'f', 4)
                                      .toUtf8();
        qInfo("%s", report.constData());
        QVERIFY2(s.meanKld.value <= 1e-4, report.constData());
        QVERIFY2(s.sameTop.value >= 0.995, report.constData());
        QVERIFY2(std::abs(s.perplexity.value / reference - 1) <= 5e-4, report.constData());
    }
};

QTEST_GUILESS_MAIN(TestPhi3LongRope)
#include "test_phi3_long_rope.moc"
