// Quants are found beside their source by content (qf/eval/quant_lineage.h): a Q8_0 and a Q4_K_M written by
// the quantize job are found; a plain copy of the source, a model of another shape and a broken file are not.
#include <filesystem>

#include <QTemporaryDir>
#include <QTest>

#include "qf/eval/quant_lineage.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "qf/synthetic_model.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

class TestQuantLineage : public QObject {
    Q_OBJECT

private slots:
    void findsQuantsBesideTheSource() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path folder = dir.path().toStdString();
        const fs::path source = folder / "model-f16.gguf";
        QVERIFY(test::writeAll(source, test::readAll(test::sharedModel())));
        QVERIFY(test::writeAll(folder / "copy-of-source.gguf", test::readAll(test::sharedModel())));
        QVERIFY(test::writeAll(folder / "broken.gguf", QByteArray("GGUF\x03\x00\x00\x00 broken", 15)));

        auto file = gguf::GgufFile::open(source);
        QVERIFY(file);
        quant::QuantizeParams params;
        params.source = &*file;
        for (const char* preset : {"Q8_0", "Q4_K_M"}) {
            auto plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *quant::findPreset(preset), {});
            QVERIFY(plan);
            params.outputs.push_back({std::move(plan).value(), folder / (std::string("model-") + preset + ".gguf")});
        }
        auto produced = quant::quantize(params);
        QVERIFY2(produced, produced ? "" : produced.error().message.c_str());

        // Another model (other shapes) quantized beside it is not one of its quants.
        const fs::path other = folder / "other-Q8_0.gguf";
        {
            SyntheticLlamaParams synth;
            synth.embedding = 256;
            synth.layers = 2;
            synth.feedForward = 512;
            synth.heads = 4;
            synth.headsKv = 2;
            synth.vocabulary = 512;
            auto written = writeSyntheticLlama(synth, folder / "other-f16.gguf");
            QVERIFY2(written, written ? "" : written.error().message.c_str());
            auto otherFile = gguf::GgufFile::open(folder / "other-f16.gguf");
            QVERIFY(otherFile);
            quant::QuantizeParams otherParams;
            otherParams.source = &*otherFile;
            auto plan = quant::makeQuantPlan(otherFile->metadata(), otherFile->tensors(),
                                             *quant::findPreset("Q8_0"), {});
            QVERIFY(plan);
            otherParams.outputs.push_back({std::move(plan).value(), other});
            QVERIFY(quant::quantize(otherParams));
        }

        const auto quants =
            eval::findQuantsIn(folder, {file->metadata(), file->tensors()}, source);
        QCOMPARE(quants.size(), size_t(2));
        QCOMPARE(quants[0].filename().string(), std::string("model-Q4_K_M.gguf"));
        QCOMPARE(quants[1].filename().string(), std::string("model-Q8_0.gguf"));

        auto q8 = gguf::GgufFile::open(quants[1]);
        QVERIFY(q8);
        QVERIFY(eval::isQuantOf({q8->metadata(), q8->tensors()}, {file->metadata(), file->tensors()}));
        QVERIFY(eval::findQuantsIn(folder / "missing", {file->metadata(), file->tensors()}, source).empty());
    }
};

QTEST_GUILESS_MAIN(TestQuantLineage)
#include "test_quant_lineage.moc"
