// Slow (minutes on 2 cores): on the synthetic 1.1B llama (the performance anchors' shape), the file size the
// recommendation shows for every preset is the size the quantizer writes, to the byte. The model is
// generated here (2.2 GB, deterministic); set QF_SYNTHETIC_1B_F16 to an existing copy to skip that.
// Presets are produced a few at a time so that the disk holds at most a few outputs at once.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <set>

#include <cstdlib>
#include <filesystem>

#include "qf/gguf/gguf_file.h"
#include "qf/quant/quantize_job.h"
#include "qf/recommend/recommendation.h"
#include "qf/synthetic_model.h"

using namespace qf;
namespace fs = std::filesystem;

class TestRecommendSizes1B : public QObject {
    Q_OBJECT

private slots:
    void predictedSizeEqualsProducedSize() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path work = dir.path().toStdString();
        fs::path source;
        if (const char* given = std::getenv("QF_SYNTHETIC_1B_F16"); given && fs::exists(given)) {
            source = given;
        } else {
            source = work / "synthetic-1.1b-f16.gguf";
            auto params = SyntheticLlamaParams::tinyLlama1B();
            params.threads = 2;
            QVERIFY(writeSyntheticLlama(params, source).ok());
        }
        auto file = gguf::GgufFile::open(source);
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        QCOMPARE(file->tensors().size(), size_t(3 + 22 * 9));

        auto planned = recommend::planModel(file->metadata(), file->tensors());
        QVERIFY(planned.ok());
        recommend::RecommendRequest request;
        request.context = 2048;
        request.machine = recommend::machineProfiles().front().machine;
        auto table = recommend::makeRecommendation(*planned, request);
        QVERIFY(table.ok());

        // The 1-3-bit, ternary and 1/2-bit presets have scalar search kernels only: at this size they take
        // minutes each, so their plan size == file size is checked on the shared model instead
        // (test_presets_plans, test_quant_reference); the imatrix-only presets cannot be made without one.
        const std::set<GgmlType> scalarOnly = {GgmlType::IQ1_S, GgmlType::IQ1_M, GgmlType::IQ2_XXS, GgmlType::IQ2_XS,
                                               GgmlType::IQ2_S, GgmlType::IQ3_XXS, GgmlType::IQ3_S, GgmlType::TQ1_0,
                                               GgmlType::TQ2_0, GgmlType::Q1_0, GgmlType::Q2_0};
        std::vector<size_t> chosen;
        for (size_t i = 0; i < planned->presets.size(); ++i) {
            const auto& entry = planned->presets[i];
            if (entry.needsImatrix || scalarOnly.count(entry.preset->baseType)) continue;
            QVERIFY2(entry.available, entry.error.c_str());
            chosen.push_back(i);
        }
        QVERIFY(chosen.size() >= 20);

        constexpr size_t kBatch = 4;
        for (size_t first = 0; first < chosen.size(); first += kBatch) {
            quant::QuantizeParams params;
            params.source = &*file;
            params.threads = 2;
            std::vector<size_t> rows;
            for (size_t c = first; c < std::min(first + kBatch, chosen.size()); ++c) {
                const size_t i = chosen[c];
                const auto& entry = planned->presets[i];
                auto plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *entry.preset);
                QVERIFY(plan.ok());
                params.outputs.push_back(
                    {std::move(*plan), work / (std::string(entry.preset->name) + ".gguf")});
                rows.push_back(i);
            }
            QElapsedTimer timer;
            timer.start();
            auto produced = quant::quantize(params);
            QVERIFY2(produced.ok(), produced.ok() ? "" : produced.error().message.c_str());
            for (size_t k = 0; k < rows.size(); ++k) {
                const auto& row = table->presets[rows[k]];
                const std::string name(row.preset->name);
                const uint64_t onDisk = fs::file_size(produced->files[k].path);
                qInfo("%-7s predicted %12llu produced %12llu", name.c_str(),
                      (unsigned long long)row.fileBytes, (unsigned long long)onDisk);
                QVERIFY2(onDisk == row.fileBytes, name.c_str());
                fs::remove(produced->files[k].path);
            }
            qInfo("batch of %zu in %.1f s", rows.size(), double(timer.elapsed()) / 1000.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestRecommendSizes1B)
#include "test_recommend_sizes_1b.moc"
