// Fallbacks said out loud (qf/quant/plan_fallbacks.h): on a model whose rows are multiples of 32 but not
// of 256, K-quant presets fall back to 32-block types and several presets write the same tensors (issue
// 13: five presets gave one 277 kB file, and only a tooltip said so). The planner's fallbacks are grouped
// and described, collapsed presets are found, and the recommender's plans carry both.
#include <filesystem>

#include <QTemporaryDir>
#include <QTest>

#include "qf/gguf/gguf_file.h"
#include "qf/quant/plan_fallbacks.h"
#include "qf/recommend/recommendation.h"
#include "qf/synthetic_model.h"
#include "test_support.h"

using namespace qf;

namespace {

Result<gguf::GgufFile> oddRowsModel(const std::filesystem::path& path) {
    SyntheticLlamaParams p;
    p.embedding = 96; // rows of 96: 32-blocks fit, 256-blocks do not
    p.layers = 2;
    p.feedForward = 160;
    p.heads = 4;
    p.headsKv = 2;
    p.vocabulary = 320;
    p.context = 128;
    if (auto s = writeSyntheticLlama(p, path); !s) return s.error();
    return gguf::GgufFile::open(path);
}

} // namespace

class TestPlanFallbacks : public QObject {
    Q_OBJECT

private slots:
    void oddRowsCollapsePresets() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto model = oddRowsModel(std::filesystem::path(dir.path().toStdString()) / "odd.gguf");
        QVERIFY2(model, model ? "" : model.error().message.c_str());

        std::vector<quant::QuantPlan> plans;
        std::vector<const quant::QuantPlan*> pointers;
        for (const quant::Preset& preset : quant::allPresets()) {
            auto plan = quant::makeQuantPlan(model->metadata(), model->tensors(), preset);
            plans.push_back(plan ? std::move(*plan) : quant::QuantPlan{});
            pointers.push_back(plan ? &plans.back() : nullptr);
        }
        // pointers into `plans` were taken while it grew: take them again.
        for (size_t i = 0; i < plans.size(); ++i)
            if (pointers[i]) pointers[i] = &plans[i];

        const quant::QuantPlan& q4km = plans[size_t(quant::findPreset("Q4_K_M") - quant::allPresets().data())];
        QVERIFY(q4km.fallbackCount > 0);
        const auto groups = quant::fallbackGroups(q4km);
        QVERIFY(!groups.empty());
        uint32_t grouped = 0;
        for (const auto& g : groups)
            grouped += g.tensors;
        QCOMPARE(grouped, q4km.fallbackCount);
        const std::string text = quant::describeFallbacks(q4km);
        QVERIFY2(text.find("Q4_K -> ") != std::string::npos, text.c_str());

        const auto into = quant::collapsedInto(pointers);
        int collapsed = 0;
        for (size_t i = 0; i < into.size(); ++i) {
            if (into[i] < 0) continue;
            ++collapsed;
            QVERIFY(quant::sameTensorTypes(plans[i], plans[size_t(into[i])]));
            QCOMPARE(plans[i].tensorBytes, plans[size_t(into[i])].tensorBytes);
        }
        QVERIFY(collapsed >= 2);

        // The recommender's plans say the same.
        auto planned = recommend::planModel(model->metadata(), model->tensors());
        QVERIFY(planned);
        int sameFile = 0;
        for (size_t i = 0; i < planned->presets.size(); ++i) {
            const auto& entry = planned->presets[i];
            if (entry.sameFileAs.empty()) continue;
            ++sameFile;
            QCOMPARE(std::string(planned->presets[size_t(into[i])].preset->name), entry.sameFileAs);
        }
        QCOMPARE(sameFile, collapsed);
        QVERIFY(planned->find("Q4_K_M")->fallbackCount > 0);
    }

    void aWellShapedModelHasNone() {
        auto model = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(model);
        auto planned = recommend::planModel(model->metadata(), model->tensors());
        QVERIFY(planned);
        for (const auto& entry : planned->presets) {
            QCOMPARE(entry.fallbackCount, 0u);
            // MXFP4_MOE stores only expert tensors as MXFP4: on a dense model it is the Q8_0 file, and says so.
            if (entry.preset->name == "MXFP4_MOE")
                QCOMPARE(entry.sameFileAs, std::string("Q8_0"));
            else
                QVERIFY2(entry.sameFileAs.empty(), std::string(entry.preset->name).c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestPlanFallbacks)
#include "test_plan_fallbacks.moc"
