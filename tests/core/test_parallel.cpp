// parallelFor on its pool of persistent workers: every item exactly once, never more threads than asked
// for, callers on several threads at once, calls from inside an item, exceptions and cancellation, and many
// small calls in a row (the generation pattern) without the process gaining threads.
#include <QTest>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "qf/parallel.h"

using namespace qf;

namespace {

// Runs parallelFor and checks that each item ran once and that at most `threads` threads took part.
struct VisitResult {
    bool eachOnce = true;
    size_t threadsSeen = 0;
};

VisitResult visit(int64_t count, unsigned threads) {
    std::vector<std::atomic<int>> visits(size_t(std::max<int64_t>(count, 0)));
    std::mutex mutex;
    std::set<std::thread::id> ids;
    parallelFor(count, threads, [&](int64_t i) {
        visits[size_t(i)].fetch_add(1);
        std::lock_guard lock(mutex);
        ids.insert(std::this_thread::get_id());
    });
    VisitResult r;
    for (const auto& v : visits)
        r.eachOnce &= v.load() == 1;
    r.threadsSeen = ids.size();
    return r;
}

#if defined(__linux__)
size_t processThreads() {
    size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task"))
        ++n;
    return n;
}
#endif

} // namespace

class TestParallel : public QObject {
    Q_OBJECT

private slots:
    void visitsEveryItemOnce_data() {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<unsigned>("threads");
        for (qint64 count : {1, 2, 7, 1000, 100003})
            for (unsigned threads : {1u, 2u, 3u, 8u})
                QTest::addRow("%lld items, %u threads", count, threads) << count << threads;
        QTest::addRow("all hardware threads") << qint64(5000) << 0u;
    }
    void visitsEveryItemOnce() {
        QFETCH(qint64, count);
        QFETCH(unsigned, threads);
        const VisitResult r = visit(count, threads);
        QVERIFY(r.eachOnce);
        const unsigned allowed = threads == 0 ? hardwareThreads() : threads;
        QVERIFY2(r.threadsSeen <= allowed, qPrintable(QString::number(r.threadsSeen)));
    }

    void oneThreadRunsInOrderOnTheCaller() {
        std::vector<int64_t> order;
        std::set<std::thread::id> ids;
        parallelFor(100, 1, [&](int64_t i) {
            order.push_back(i);
            ids.insert(std::this_thread::get_id());
        });
        QCOMPARE(order.size(), size_t(100));
        for (int64_t i = 0; i < 100; ++i)
            QCOMPARE(order[size_t(i)], i);
        QCOMPARE(ids.size(), size_t(1));
        QVERIFY(*ids.begin() == std::this_thread::get_id());
    }

    void zeroItemsCallNothing() {
        std::atomic<int> calls{0};
        parallelFor(0, 4, [&](int64_t) { ++calls; });
        parallelFor(-5, 4, [&](int64_t) { ++calls; });
        QCOMPARE(calls.load(), 0);
    }

    void callersOnSeveralThreadsAtOnce() {
        constexpr int kCallers = 4, kCalls = 200;
        std::atomic<int> failures{0};
        std::vector<std::thread> callers;
        for (int c = 0; c < kCallers; ++c)
            callers.emplace_back([&, c] {
                for (int call = 0; call < kCalls; ++call) {
                    const int64_t count = 1 + (c * 37 + call * 11) % 300;
                    const VisitResult r = visit(count, unsigned(2 + (c + call) % 3));
                    if (!r.eachOnce || r.threadsSeen > unsigned(2 + (c + call) % 3)) ++failures;
                }
            });
        for (std::thread& t : callers)
            t.join();
        QCOMPARE(failures.load(), 0);
    }

    void nestedCalls() {
        constexpr int64_t kOuter = 8, kInner = 500;
        std::vector<std::atomic<int>> visits(size_t(kOuter * kInner));
        parallelFor(kOuter, 3, [&](int64_t o) {
            parallelFor(kInner, 3, [&](int64_t i) { visits[size_t(o * kInner + i)].fetch_add(1); });
        });
        for (const auto& v : visits)
            QCOMPARE(v.load(), 1);
        // Three levels, from callers on two threads at once.
        std::atomic<int64_t> leaves{0};
        auto deep = [&] {
            parallelFor(4, 2, [&](int64_t) {
                parallelFor(4, 2, [&](int64_t) { parallelFor(4, 2, [&](int64_t) { ++leaves; }); });
            });
        };
        std::thread other(deep);
        deep();
        other.join();
        QCOMPARE(leaves.load(), int64_t(2 * 4 * 4 * 4));
    }

    void firstExceptionIsRethrownAndItemsStop() {
        std::atomic<int64_t> ran{0};
        std::atomic<bool> thrown{false};
        bool caught = false;
        try {
            // Items after the failing one wait for it and then take a little time, so that a thread put to
            // sleep between claiming item 10 and throwing (a loaded 2-core machine, a sanitizer) cannot be
            // overtaken by the others running all 100000 items before the failure is seen.
            parallelFor(100000, 4, [&](int64_t i) {
                ++ran;
                if (i == 10) {
                    thrown = true;
                    throw std::runtime_error("item 10");
                }
                if (i > 10) {
                    while (!thrown.load()) std::this_thread::yield();
                    std::this_thread::sleep_for(std::chrono::microseconds(100));
                }
            });
        } catch (const std::runtime_error& e) {
            caught = QByteArray(e.what()) == "item 10";
        }
        QVERIFY(caught);
        QVERIFY(ran.load() < 100000);
        // The pool still works afterwards.
        QVERIFY(visit(1000, 4).eachOnce);
    }

    void keepGoingStopsHandingOutItems() {
        std::atomic<int64_t> ran{0};
        parallelFor(
            100000, 3, [&](int64_t) { ++ran; }, [&] { return ran.load() < 50; });
        QVERIFY(ran.load() >= 50);
        QVERIFY(ran.load() < 100000);
    }

    void sameResultsForAnyThreadCount() {
        auto squares = [](unsigned threads) {
            std::vector<int64_t> out(10000);
            parallelFor(int64_t(out.size()), threads, [&](int64_t i) { out[size_t(i)] = i * i; });
            return out;
        };
        const auto one = squares(1);
        for (unsigned threads : {2u, 3u, 8u})
            QVERIFY(squares(threads) == one);
    }

    void manySmallCallsReuseTheWorkers() {
        std::atomic<int64_t> total{0};
        for (int call = 0; call < 20000; ++call)
            parallelFor(2 + call % 3, 2 + call % 3, [&](int64_t i) { total += i; });
        int64_t expected = 0;
        for (int call = 0; call < 20000; ++call)
            for (int64_t i = 0; i < 2 + call % 3; ++i)
                expected += i;
        QCOMPARE(total.load(), expected);
#if defined(__linux__)
        const size_t before = processThreads();
        for (int call = 0; call < 5000; ++call)
            parallelFor(4, 4, [&](int64_t i) { total += i; });
        QCOMPARE(processThreads(), before); // parked workers are reused, none started
#endif
    }
};

QTEST_GUILESS_MAIN(TestParallel)
#include "test_parallel.moc"
