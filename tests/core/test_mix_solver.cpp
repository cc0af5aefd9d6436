// The budget solver on constructed cost tables: the optimum of an exhaustive search when bytes are
// small enough to be exact, never over the budget, never worse with more budget, and a clear error when
// nothing fits.
#include <QTest>

#include <cstdint>
#include <random>

#include <fmt/format.h>

#include "qf/mix/solver.h"

using namespace qf;
using namespace qf::mix;

namespace {

std::vector<MixItem> randomItems(std::mt19937_64& rng, int count, int options, uint64_t maxBytes) {
    std::vector<MixItem> items;
    std::uniform_int_distribution<uint64_t> bytes(1, maxBytes);
    std::uniform_real_distribution<double> cost(0.0, 1.0);
    const GgmlType types[] = {GgmlType::Q2_K, GgmlType::Q3_K, GgmlType::Q4_K, GgmlType::Q5_K, GgmlType::Q6_K};
    for (int i = 0; i < count; ++i) {
        MixItem item;
        item.name = fmt::format("t{}", i);
        for (int o = 0; o < options; ++o)
            item.options.push_back({types[o % 5], bytes(rng), cost(rng)});
        items.push_back(std::move(item));
    }
    return items;
}

// The least cost within the budget by trying every combination; infinity when none fits.
double bruteForce(const std::vector<MixItem>& items, uint64_t budget) {
    double best = std::numeric_limits<double>::infinity();
    std::vector<size_t> pick(items.size(), 0);
    for (;;) {
        uint64_t bytes = 0;
        double cost = 0;
        for (size_t i = 0; i < items.size(); ++i) {
            bytes += items[i].options[pick[i]].bytes;
            cost += items[i].options[pick[i]].cost;
        }
        if (bytes <= budget) best = std::min(best, cost);
        size_t i = 0;
        while (i < items.size() && ++pick[i] == items[i].options.size()) pick[i++] = 0;
        if (i == items.size()) return best;
    }
}

void checkSolution(const std::vector<MixItem>& items, const MixSolution& s, uint64_t budget) {
    QCOMPARE(s.choice.size(), items.size());
    uint64_t bytes = 0;
    double cost = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        QVERIFY(s.choice[i] < items[i].options.size());
        bytes += items[i].options[s.choice[i]].bytes;
        cost += items[i].options[s.choice[i]].cost;
    }
    QCOMPARE(s.bytes, bytes);
    QVERIFY(std::abs(s.cost - cost) < 1e-9);
    QVERIFY(s.bytes <= budget);
}

} // namespace

class TestMixSolver : public QObject {
    Q_OBJECT

private slots:
    // Budgets below the cell count make every cell one byte: the programme is exact.
    void optimalOnSmallTables() {
        std::mt19937_64 rng(16);
        for (int round = 0; round < 200; ++round) {
            const auto items = randomItems(rng, 5, 4, 60);
            const uint64_t least = smallestMixBytes(items);
            const uint64_t budget = least + rng() % 150;
            auto s = solveMix(items, budget);
            QVERIFY(s.ok());
            checkSolution(items, *s, budget);
            QVERIFY2(std::abs(s->cost - bruteForce(items, budget)) < 1e-9, qPrintable(QString::number(round)));
        }
    }

    // Realistic byte counts (cells of many bytes): still within the budget, and close to the optimum.
    void withinBudgetOnLargeTables() {
        std::mt19937_64 rng(7);
        for (int round = 0; round < 50; ++round) {
            const auto items = randomItems(rng, 6, 5, 50'000'000);
            const uint64_t least = smallestMixBytes(items);
            const uint64_t budget = least + rng() % 100'000'000;
            auto s = solveMix(items, budget, 4096);
            QVERIFY(s.ok());
            checkSolution(items, *s, budget);
            const double optimum = bruteForce(items, budget);
            QVERIFY(s->cost <= optimum + 0.35);
        }
    }

    // More budget never predicts more loss; the front is ordered by budget.
    void moreBudgetNeverWorse() {
        std::mt19937_64 rng(3);
        const auto items = randomItems(rng, 40, 6, 1'000'000);
        uint64_t most = 0;
        for (const auto& item : items) {
            uint64_t m = 0;
            for (const auto& o : item.options) m = std::max(m, o.bytes);
            most += m;
        }
        const auto front = paretoFront(items, most, 12);
        QCOMPARE(front.size(), size_t(12));
        for (size_t k = 1; k < front.size(); ++k) {
            QVERIFY(front[k].budget > front[k - 1].budget);
            QVERIFY(front[k].bytes <= front[k].budget);
            QVERIFY(front[k].cost <= front[k - 1].cost + 1e-12);
        }
        // With room for everything, every item takes its cheapest option.
        double cheapest = 0;
        for (const auto& item : items) {
            double c = 1e9;
            for (const auto& o : item.options) c = std::min(c, o.cost);
            cheapest += c;
        }
        QVERIFY(std::abs(front.back().cost - cheapest) < 1e-9);
    }

    void tooSmallBudgetIsAnError() {
        std::vector<MixItem> items{{"a", {{GgmlType::Q4_K, 100, 1.0}, {GgmlType::Q2_K, 60, 2.0}}},
                                   {"b", {{GgmlType::Q4_K, 100, 1.0}}}};
        auto s = solveMix(items, 159);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.find("160") != std::string::npos);
        auto fits = solveMix(items, 160);
        QVERIFY(fits.ok());
        QCOMPARE(fits->bytes, uint64_t(160));
        QCOMPARE(fits->choice[0], size_t(1));
        std::vector<MixItem> empty{{"c", {}}};
        QVERIFY(!solveMix(empty, 1000).ok());
    }
};

QTEST_APPLESS_MAIN(TestMixSolver)
#include "test_mix_solver.moc"
