// The custom mix's budget for a machine (qf/mix/machine_budget.h), on a 7B-shaped model (planning reads
// only shapes): on a CPU machine the largest file whose weights, KV cache and compute buffer fit the usable
// RAM; with a GPU the largest that fits entirely on it; never above the largest preset; and a planned mix
// is placed like a preset.
#include <QTest>

#include "plan_fixtures.h"
#include "qf/mix/machine_budget.h"

using namespace qf;
using namespace qf::recommend;
using qf::test::llama7B;

namespace {

constexpr uint64_t kGB = 1000ull * 1000 * 1000;


Machine cpu(uint64_t usable) {
    Machine m;
    m.label = "cpu";
    m.ramBytes = 64 * kGB;
    m.osReserveBytes = 64 * kGB - usable;
    return m;
}

} // namespace

class TestMixBudget : public QObject {
    Q_OBJECT

    PlannedModel m_model;

private slots:
    void initTestCase() {
        const auto m = llama7B();
        auto planned = planModel(m.metadata, m.tensors, "7b");
        QVERIFY(planned.ok());
        m_model = std::move(*planned);
    }

    void cpuBudgetFillsTheUsableRam() {
        const Machine machine = cpu(6 * kGB);
        auto budget = mix::machineBudget(m_model, 4096, GgmlType::F16, machine);
        QVERIFY(budget.ok());
        QCOMPARE(budget->fit, Fit::CpuOnly);
        QVERIFY(!budget->cappedAtLargestPreset);
        // Weights + 2 GiB of F16 KV cache + compute buffer: about 3.7 GB of file, and within 4 kB of the edge.
        QVERIFY(budget->fileBytes > 3 * kGB && budget->fileBytes < 4 * kGB);
        QCOMPARE(mix::fitForBudget(m_model, budget->fileBytes, 4096, GgmlType::F16, machine), Fit::CpuOnly);
        QCOMPARE(mix::fitForBudget(m_model, budget->fileBytes + 8192, 4096, GgmlType::F16, machine), Fit::DoesNotFit);
        // A shorter context or a quantized KV cache leaves more for the weights.
        QVERIFY(mix::machineBudget(m_model, 1024, GgmlType::F16, machine)->fileBytes > budget->fileBytes);
        QVERIFY(mix::machineBudget(m_model, 4096, GgmlType::Q8_0, machine)->fileBytes > budget->fileBytes);
    }

    void largeMachineStopsAtTheLargestPreset() {
        auto budget = mix::machineBudget(m_model, 4096, GgmlType::F16, cpu(60 * kGB));
        QVERIFY(budget.ok());
        QVERIFY(budget->cappedAtLargestPreset);
        QCOMPARE(budget->fileBytes, m_model.find("Q8_0")->weights.fileBytes);
    }

    void gpuBudgetFitsEntirelyOnTheGpu() {
        Machine machine = cpu(32 * kGB);
        machine.gpuName = "gpu";
        machine.gpuBytes = 8 * kGB;
        machine.gpuReserveBytes = 500'000'000;
        auto budget = mix::machineBudget(m_model, 4096, GgmlType::F16, machine);
        QVERIFY(budget.ok());
        QCOMPARE(budget->fit, Fit::FullGpu);
        QCOMPARE(mix::fitForBudget(m_model, budget->fileBytes + 8192, 4096, GgmlType::F16, machine),
                 Fit::PartialOffload);
    }

    void nothingFitsSaysSo() {
        auto budget = mix::machineBudget(m_model, 4096, GgmlType::F16, cpu(1 * kGB));
        QVERIFY(budget.ok());
        QCOMPARE(budget->fit, Fit::DoesNotFit);
    }

    void plannedMixIsPlacedLikeAPreset() {
        // The Q4_K_M plan stands in for a mix: same file, same placement as its preset row.
        const auto m = llama7B();
        auto plan = quant::makeQuantPlan(m.metadata, m.tensors, *quant::findPreset("Q4_K_M"), {});
        QVERIFY(plan.ok());
        const Machine machine = cpu(6 * kGB);
        const PresetVerdict mixVerdict = mix::evaluateMix(m_model, *plan, 4096, GgmlType::F16, machine);
        const PresetVerdict preset =
            evaluatePreset(m_model, *m_model.find("Q4_K_M"), 4096, GgmlType::F16, machine, {});
        QCOMPARE(mixVerdict.fileBytes, preset.fileBytes);
        QCOMPARE(mixVerdict.totalBytes, preset.totalBytes);
        QCOMPARE(mixVerdict.fit, preset.fit);
        QVERIFY(mixVerdict.preset == nullptr);
    }
};

QTEST_APPLESS_MAIN(TestMixBudget)
#include "test_mix_budget.moc"
