// The full llama-imatrix run on the shared model (-c 256 -b 256, all 124 chunks of books-calibration)
// against the reference legacy file made by llama.cpp build 4748: same entries, same call counts, every
// value within 1% relative; and the perplexity it prints. Slow (whole calibration text).
#include <QTest>

#include <cmath>

#include "qf/eval/imatrix_compute.h"
#include "qf/quant/imatrix.h"
#include "test_support.h"

using namespace qf;
using namespace qf::eval;
using namespace qf::test;

class TestImatrixComputeReference : public QObject {
    Q_OBJECT
private slots:
    void matchesLlamaImatrix() {
        auto model = LlamaModel::open(sharedModel());
        QVERIFY(model.ok());
        auto text = readCalibrationText(sharedPath("data/books-calibration.txt"));
        QVERIFY(text.ok());
        ImatrixParams p;
        p.context = 256;
        p.batch = 256;
        auto r = computeImatrix(**model, *text, p);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->chunks, 124);
        QVERIFY2(std::abs(r->perplexity - 89.1950) / 89.1950 < 0.005, std::to_string(r->perplexity).c_str());

        auto ours = r->toImatrix(quant::ImatrixFormat::Legacy, "books-calibration.txt");
        QVERIFY(ours.ok());
        auto ref = quant::loadImatrix(sharedPath("reference/imatrix-books-calibration.dat"));
        QVERIFY(ref.ok());
        QCOMPARE(ours->entries().size(), ref->entries().size());
        QCOMPARE(ours->chunkCount, ref->chunkCount);
        double worst = 0.0;
        std::string worstName;
        for (const auto& e : ref->entries()) {
            const auto* o = ours->find(e.name);
            QVERIFY2(o, e.name.c_str());
            QCOMPARE(o->counts, e.counts);
            QCOMPARE(o->sumSquares.size(), e.sumSquares.size());
            for (size_t c = 0; c < e.sumSquares.size(); ++c) {
                const double rel = std::abs(double(o->sumSquares[c]) - e.sumSquares[c]) /
                                   std::max(std::abs(double(e.sumSquares[c])), 1e-30);
                if (rel > worst) {
                    worst = rel;
                    worstName = e.name + "[" + std::to_string(c) + "]";
                }
            }
        }
        qInfo("ppl %.4f; worst relative difference %.3g%% at %s; %.1f tokens/s", r->perplexity, worst * 100,
              worstName.c_str(), r->tokensPerSecond);
        QVERIFY(worst < 0.01);
    }
};

QTEST_GUILESS_MAIN(TestImatrixComputeReference)
#include "test_imatrix_compute_reference.moc"
