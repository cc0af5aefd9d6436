// parallelFor on a pool of persistent workers. A call posts its job with `threads - 1` places for helpers;
// idle workers claim places, starting new workers when too few are idle. The caller works through the items
// itself, then withdraws the places nobody claimed and waits only for the helpers that did claim one.
//
// Why this cannot deadlock, even with nested and concurrent calls: a thread waits only for helpers that are
// running its job's items, and a worker claims a place only while it is idle at its top level, that is,
// later than the job it helps was posted. Following "waits for" from thread to thread, the claim times rise
// strictly, so the chain ends at a helper that is running items, not waiting.
#include "qf/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace qf {
namespace {

// Enough for any sensible request; past it the callers do more of the items themselves.
constexpr unsigned kMaxWorkers = 256;

// One parallelFor call: lives on the caller's stack until every helper that claimed a place has left it.
struct Job {
    int64_t count;
    const std::function<void(int64_t)>& fn;
    const std::function<bool()>& keepGoing;
    std::atomic<int64_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure; // written once, by the thread that set `failed`
    int unclaimed = 0;          // places still offered to workers (guarded by the pool's mutex)
    int helpers = 0;            // workers running the items now (likewise)
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
        while (m_idle < m_unclaimed && m_workers.size() < kMaxWorkers) {
            try {
                m_workers.emplace_back([this] { work(); });
            } catch (...) { // out of threads or memory: the callers do the work themselves
                break;
            }
            ++m_idle;
        }
        lock.unlock();
        for (int i = 0; i < places; ++i)
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
        job.helpersLeft.wait(lock, [&] { return job.helpers == 0; });
    }

private:
    void work() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            if (m_stopping) return;
            Job* job = m_queue.front();
            if (--job->unclaimed == 0) m_queue.pop_front();
            --m_unclaimed;
            --m_idle;
            ++job->helpers;
            lock.unlock();
            job->run();
            lock.lock();
            ++m_idle;
            // Notified under the lock: the job is gone as soon as its caller sees no helpers.
            if (--job->helpers == 0) job->helpersLeft.notify_all();
        }
    }

    void shutdown() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
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
