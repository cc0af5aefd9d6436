#pragma once
// Runs one quantization job off the UI thread: plans every chosen preset from the source's header, then
// lets the core write all outputs in one pass over the source (quant::quantize reads each tensor once,
// however many presets were chosen). A QObject + QRunnable on a window-owned QThreadPool, like
// ModelLoadJob; results reach the UI thread only through queued signals.
//
// Exactly one of succeeded / failed / cancelled is emitted per job. A cancel is not a failure: it has its
// own signal, and the core guarantees that a cancelled job leaves no file behind. progressed is throttled
// (at most kMaxProgressPerSecond, plus the first report) and carries a smoothed rate and time left.
//
// The job deletes itself (deleteLater) once run() is over; a job taken back from the pool's queue before it
// ran (QThreadPool::tryTake) must be deleted by whoever took it.
#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_split_writer.h"
#include "qf/hf/hf_convert.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "jobs/mix_settings.h"

namespace qf::ui {

// A budget mix (qf/mix): the sensitivity table (cached, else measured), the solver, then the file.
struct MixTarget {
    MixSettings settings;
    quint64 budget = 0; // the whole file's bytes
};

struct QuantizeTarget {
    const quant::Preset* preset = nullptr; // from quant::allPresets(): lives for the whole program
    QString path;                          // the output file
    std::optional<MixTarget> mix;          // set instead of `preset` for a custom mix
};

struct QuantizeRequest {
    quint64 sourceEntryId = 0; // handed back so results land on the right list entry
    // Exactly one of the two. A Hugging Face folder is converted tensor by tensor as the job reads it (no
    // intermediate F16 file); its quants are byte for byte those of its converted F16 GGUF.
    std::shared_ptr<const gguf::GgufFile> source; // kept mapped while the job runs
    std::shared_ptr<const hf::HfConversion> hf;
    std::shared_ptr<const quant::Imatrix> imatrix; // nullptr: none; kept alive for the plans that use it
    std::vector<QuantizeTarget> targets;
    unsigned threads = 0; // 0: all hardware threads
    // Every output as "<name>-00001-of-0000N.gguf" parts (the core's split writer); off by default.
    gguf::SplitOptions split;
    // Beside each preset's output, its reproducibility record "<output>.lock" (quant_lock.h), reading the
    // source once more to hash it; the digests stay out of the GGUF so that the planned sizes shown stay
    // exact. A custom mix gets no lock (its plan is not a preset that verify-lock can plan again), nor does
    // a quant made with an importance matrix that was computed here and never saved.
    bool writeLock = true;
};

struct JobProgress {
    quint64 done = 0;  // source bytes processed
    quint64 total = 0; // source bytes in all
    QString stage;     // the core's words, e.g. "blk.3.ffn_down.weight (12/57)"
    double elapsedSeconds = 0.0;
    double bytesPerSecond = 0.0; // smoothed; 0 while unknown
    double secondsLeft = -1.0;   // < 0 while unknown
    bool inBytes = true;         // false: done/total count measurements (a mix's sensitivity pass)

    double fraction() const { return total ? double(done) / double(total) : 0.0; }
};

struct ProducedFile {
    QString presetName;
    QString path;
    quint64 bytes = 0;
};

class QuantizeJobRunner : public QObject, public QRunnable {
    Q_OBJECT

public:
    static constexpr int kMaxProgressPerSecond = 10;

    QuantizeJobRunner(quint64 jobId, QuantizeRequest request, QObject* parent = nullptr);

    quint64 jobId() const { return m_jobId; }
    const QuantizeRequest& request() const { return m_request; }

    void run() override;
    // Thread-safe. A running job stops within one block of rows; one that has not started yet reports
    // cancelled as soon as it is run.
    void cancel();
    // The stage of the reports sent while the job waits for the source's digest for the lock (it is computed
    // while the tensors are read; with a slow disk it ends after the last tensor).
    static QString checkingStage();
    bool isCancelRequested() const { return m_stop.stop_requested(); }

signals:
    void started(quint64 jobId);
    void progressed(quint64 jobId, const qf::ui::JobProgress& progress);
    void succeeded(quint64 jobId, const QList<qf::ui::ProducedFile>& files, double seconds);
    void failed(quint64 jobId, const QString& message);
    void cancelled(quint64 jobId);

private:
    // Plans, quantizes and emits exactly one of succeeded / failed / cancelled.
    void report();
    // A custom mix's plan: sensitivity (cached or measured, with progress), then the solver.
    Result<quant::QuantPlan> planMixTarget(const MixTarget& target, const QElapsedTimer& clock);

    const quint64 m_jobId;
    const QuantizeRequest m_request;
    std::stop_source m_stop;
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::JobProgress)
Q_DECLARE_METATYPE(qf::ui::ProducedFile)
