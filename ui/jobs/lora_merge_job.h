#pragma once
// Merges a LoRA adapter into the shown model off the UI thread (qf::hf::writeMerged, as `quantforge-cli
// merge` does): a float file, or straight into presets. Exactly one of succeeded / failed / cancelled is
// emitted; a refusal because the base is quantized (and `dequantize` was not chosen) says so with
// needsDequantize, one for want of a PEFT adapter's base folder with needsBaseFolder, so that the page can
// offer the way out. Deletes itself once run() is over.
#include <stop_token>

#include <QObject>
#include <QRunnable>
#include <QString>
#include <QStringList>

#include "models/loaded_model.h"

namespace qf::ui {

struct LoraMergeRequest {
    LoadedModelPtr base;
    QString adapter;         // a PEFT folder or a GGUF LoRA file
    QString adapterBase;     // a PEFT adapter's base folder (its config.json); empty: the adapter's own
    bool dequantize = false; // widen a quantized base to F16 first
    QStringList presets;     // empty: keep the base's float types (one output)
    QStringList outputs;     // one path, or one per preset
    unsigned threads = 0;
    bool overwrite = false; // replace files already at the outputs
};

class LoraMergeJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    LoraMergeJob(LoraMergeRequest request, std::stop_token stop, QObject* parent = nullptr);

    void run() override;

signals:
    void started();
    void progressed(double fraction, const QString& stage);
    void succeeded(const QStringList& paths, int mergedWeights, int widenedTensors);
    void failed(const QString& message, bool needsDequantize, bool needsBaseFolder);
    void cancelled();

private:
    void merge();

    const LoraMergeRequest m_request;
    const std::stop_token m_stop;
};

} // namespace qf::ui
