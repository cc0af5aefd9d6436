#pragma once
// Runs work items on a few threads. Items are handed out in order from an atomic counter, so results
// written per item do not depend on the thread count (determinism is the caller's: each item must
// compute the same bytes whoever runs it).
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace qf {

// Hardware threads, at least 1.
inline unsigned hardwareThreads() { return std::max(1u, std::thread::hardware_concurrency()); }

// Calls fn(item) for item in [0, count) on `threads` threads (0 = all hardware threads). The calling
// thread takes part. Stops handing out items once `keepGoing` returns false (checked per item).
inline void parallelFor(int64_t count, unsigned threads, const std::function<void(int64_t)>& fn,
                        const std::function<bool()>& keepGoing = {}) {
    if (count <= 0) return;
    if (threads == 0) threads = hardwareThreads();
    threads = unsigned(std::min<int64_t>(threads, count));
    std::atomic<int64_t> next{0};
    std::exception_ptr failure;
    std::atomic<bool> failed{false};
    auto worker = [&] {
        try {
            for (int64_t i; !failed.load(std::memory_order_relaxed) && (i = next.fetch_add(1)) < count;) {
                if (keepGoing && !keepGoing()) break;
                fn(i);
            }
        } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

} // namespace qf
