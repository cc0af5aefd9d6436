// parallelFor on a pool of persistent workers. A call posts its job with `threads - 1` places for helpers;
// idle workers claim places, starting new workers when too few are idle. The caller works through the items
// itself, then withdraws the places nobody claimed and waits only for the helpers that did claim one.
//
// Why this cannot deadlock, even with nested and concurrent calls: a thread waits only for helpers that are
// running its job's items, and a worker claims a place only while it is idle at its top level, that is,
// later than the job it helps was posted. Following "waits for" from thread to thread, the claim times rise
// strictly, so the chain ends at a helper that is running items, not waiting.
//
// Hand-off: a worker that finishes a job spins for a short while (kSpin) before it sleeps, and so does a
// caller waiting for its helpers. Generation calls parallelFor a hundred times per token with a few hundred
// microseconds of work each; waking a sleeping thread costs tens of microseconds (more in a virtual
// machine), a large part of that. The spinning only watches counters; every decision is still taken under
// the mutex, as above.
#include "qf/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__x86_64__) || defined(__i386__) || defined(_M_X64)
#include <immintrin.h>
#endif

namespace qf {
namespace {

// How long an idle worker, or a caller waiting for helpers, watches for work before it sleeps.
constexpr std::chrono::microseconds kSpin{200};

void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__) || defined(_M_X64)
    _mm_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

// Spins until done() or kSpin has passed; returns done().
template <class Done> bool spinUntil(Done done) {
    const auto until = std::chrono::steady_clock::now() + kSpin;
    for (int i = 0;; ++i) {
        if (done()) return true;
        cpuRelax();
        if (i % 16 == 15 && std::chrono::steady_clock::now() > until) return done();
    }
}

// Enough for any sensible request; past it the callers do more of the items themselves.
constexpr unsigned kMaxWorkers = 256;

// One parallelFor call: lives on the caller's stack until every helper that claimed a place has left it.
struct Job {
    int64_t count;
    const std::function<void(int64_t)>& fn;
    const std::function<bool()>& keepGoing;
    std::atomic<int64_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;  // written once, by the thread that set `failed`
    int unclaimed = 0;           // places still offered to workers (guarded by the pool's mutex)
    int helpers = 0;             // workers running the items now (likewise)
    std::atomic<int> running{0}; // `helpers`, for the caller's spin (written under the mutex)
    std::condition_variable helpersLeft;

    void run() noexcept {
        try {
            for (int64_t i; !failed.load(std::memory_order_relaxed) && (i = next.fetch_add(1)) < count;) {
                if (keepGoing && !keepGoing()) break;
                fn(i);
            }
        } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
        }
    }
};

class WorkerPool {
public:
    // Never deleted, so that a parallelFor from a later static destructor still finds it (and runs alone);
    // the workers are joined by the destructor of `joiner`, before the process exits.
    static WorkerPool& instance() {
        static WorkerPool* const pool = new WorkerPool;
        static const struct Joiner {
            ~Joiner() { pool->shutdown(); }
        } joiner;
        return *pool;
    }

    void post(Job& job, int places) {
        std::unique_lock lock(m_mutex);
        if (m_stopping) return;
        job.unclaimed = places;
        m_queue.push_back(&job);
        m_unclaimed += places;
        m_posts.fetch_add(1, std::memory_order_release);
        while (m_idle < m_unclaimed && m_workers.size() < kMaxWorkers) {
            try {
                m_workers.emplace_back([this] { work(); });
            } catch (...) { // out of threads or memory: the callers do the work themselves
                break;
            }
            ++m_idle;
        }
        const int sleeping = m_sleeping;
        lock.unlock();
        // Spinning workers see the post without a wake-up.
        for (int i = 0; i < std::min(places, sleeping); ++i)
            m_wake.notify_one();
    }

    // Withdraws the job's unclaimed places and waits for the helpers that claimed one.
    void finish(Job& job) {
        std::unique_lock lock(m_mutex);
        if (job.unclaimed > 0) {
            m_unclaimed -= job.unclaimed;
            job.unclaimed = 0;
            m_queue.erase(std::find(m_queue.begin(), m_queue.end(), &job));
        }
        if (job.helpers == 0) return;
        lock.unlock();
        spinUntil([&] { return job.running.load(std::memory_order_acquire) == 0; });
        lock.lock(); // the helpers' last touch of the job is under the mutex
        job.helpersLeft.wait(lock, [&] { return job.helpers == 0; });
    }

private:
    void work() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (!m_stopping && m_queue.empty()) {
                const uint64_t seen = m_posts.load(std::memory_order_relaxed);
                lock.unlock();
                spinUntil([&] {
                    return m_posts.load(std::memory_order_acquire) != seen ||
                           m_stop.load(std::memory_order_relaxed);
                });
                lock.lock();
            }
            ++m_sleeping;
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            --m_sleeping;
            if (m_stopping) return;
            Job* job = m_queue.front();
            if (--job->unclaimed == 0) m_queue.pop_front();
            --m_unclaimed;
            --m_idle;
            ++job->helpers;
            job->running.store(job->helpers, std::memory_order_relaxed);
            lock.unlock();
            job->run();
            lock.lock();
            ++m_idle;
            // Notified under the lock: the job is gone as soon as its caller sees no helpers.
            job->running.store(--job->helpers, std::memory_order_release);
            if (job->helpers == 0) job->helpersLeft.notify_all();
        }
    }

    void shutdown() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
            m_stop.store(true);
        }
        m_wake.notify_all();
        for (std::thread& t : m_workers) {
            if (t.get_id() == std::this_thread::get_id())
                t.detach(); // exit() called from inside an item: this worker cannot wait for itself
            else
                t.join();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job*> m_queue; // jobs with unclaimed places, oldest first
    int m_unclaimed = 0;      // places over all queued jobs
    int m_idle = 0;           // workers not running a job
    bool m_stopping = false;
    int m_sleeping = 0;               // workers waiting on m_wake
    std::atomic<uint64_t> m_posts{0}; // jobs posted so far, watched by spinning workers
    std::atomic<bool> m_stop{false};  // m_stopping, for them
    std::vector<std::thread> m_workers;
};

} // namespace

void parallelFor(int64_t count, unsigned threads, const std::function<void(int64_t)>& fn,
                 const std::function<bool()>& keepGoing) {
    if (count <= 0) return;
    if (threads == 0) threads = hardwareThreads();
    threads = unsigned(std::min<int64_t>(threads, count));
    Job job{count, fn, keepGoing};
    if (threads > 1) WorkerPool::instance().post(job, int(std::min(threads - 1, kMaxWorkers)));
    job.run();
    if (threads > 1) WorkerPool::instance().finish(job);
    if (job.failure) std::rethrow_exception(job.failure);
}

} // namespace qf
