#pragma once
// Runs work items on a few threads. Items are handed out in order from an atomic counter, so results
// written per item do not depend on the thread count (determinism is the caller's: each item must
// compute the same bytes whoever runs it).
//
// The helper threads come from a process-wide pool of parked workers (core/src/util/parallel.cpp):
// generation calls parallelFor about 150 times per token, and starting threads for each call cost more
// than the work of many of them.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace qf {

// Hardware threads, at least 1.
inline unsigned hardwareThreads() {
    return std::max(1u, std::thread::hardware_concurrency());
}

// Calls fn(item) for item in [0, count) on up to `threads` threads (0 = all hardware threads), never more.
// The calling thread takes part; the pool grows to as many workers as the calls running at once ask for
// (up to a limit, past which the callers do more of the items themselves). Stops handing out
// items once `keepGoing` returns false (checked per item) or an item throws; the first exception is
// rethrown here once every thread has left the items. Safe to call from several threads at once and from
// inside an item.
void parallelFor(int64_t count, unsigned threads, const std::function<void(int64_t)>& fn,
                 const std::function<bool()>& keepGoing = {});

} // namespace qf
