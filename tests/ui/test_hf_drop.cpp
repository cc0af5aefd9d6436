// Dropping a Hugging Face folder (or its config.json) works like dropping a GGUF: the path maps to the
// folder, and loading it gives a model read through an on-the-fly conversion (headers only: no F16 file is
// written). The window-level behaviour is in test_hf_one_step.cpp.
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "hf_cache.h"
#include "jobs/model_load_job.h"
#include "model_paths.h"

using namespace qf::ui;

class TestHfDrop : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void configJsonMapsToItsFolder() {
        const QString folder = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-hf");
        const QString canonical = canonicalModelPath(folder);
        QCOMPARE(canonicalModelPath(folder + QStringLiteral("/config.json")), canonical);
        QCOMPARE(canonicalModelPath(folder + QStringLiteral("/model.safetensors")), canonical);
        QVERIFY(canonical.endsWith(QLatin1String("qf-books-22m-hf")));
        QCOMPARE(canonicalModelPaths({folder, folder + QStringLiteral("/config.json")}).size(), 1);
        // A GGUF is still itself.
        const QString gguf = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
        QVERIFY(canonicalModelPath(gguf).endsWith(QLatin1String(".gguf")));
    }

    void loadingAFolderGivesAModel() {
        const QString folder = canonicalModelPath(QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-hf"));
        QFile::remove(convertedModelPath(folder)); // left by earlier versions, which converted on load
        auto f16 = qf::gguf::GgufFile::open(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
        QVERIFY(f16);
        const qf::ModelSummary f16Summary = qf::summarize(*f16);
        for (int pass = 0; pass < 2; ++pass) {
            auto* job = new ModelLoadJob(7, folder);
            QSignalSpy finished(job, &ModelLoadJob::finished);
            QSignalSpy failed(job, &ModelLoadJob::failed);
            job->run();
            QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
            QCOMPARE(finished.size(), 1);
            const auto model = finished.first().at(1).value<LoadedModelPtr>();
            QVERIFY(model && model->isHfFolder() && !model->file);
            QCOMPARE(model->tensors().size(), size_t(57));
            QCOMPARE(model->summary.tensorCount, uint64_t(57));
            QCOMPARE(model->summary.architecture, std::string("llama"));
            QCOMPARE(model->summary.ggufVersion, 0u);
            QCOMPARE(model->summary.fileTypeName, f16Summary.fileTypeName);
            QCOMPARE(model->summary.parameterCount, f16Summary.parameterCount);
            QCOMPARE(model->summary.tensorBytes, f16Summary.tensorBytes);
            QCOMPARE(model->summary.vocabularySize, f16Summary.vocabularySize);
            QVERIFY(model->summary.fileBytes > model->summary.tensorBytes / 2);
            QCOMPARE(model->displayPath(), folder);
            QVERIFY(!QFile::exists(convertedModelPath(folder)));
        }
    }
};

QTEST_MAIN(TestHfDrop)
#include "test_hf_drop.moc"
