#pragma once
// Detects this machine's hardware off the UI thread (creating a Vulkan instance and loading NVML can take
// a few hundred milliseconds). Same life cycle as the other jobs: the pool is its parent, it deletes itself
// after emitting.
#include <memory>

#include <QMetaType>
#include <QObject>
#include <QRunnable>

#include "qf/hw/hardware.h"

namespace qf::ui {

using HardwareInfoPtr = std::shared_ptr<const hw::HardwareInfo>;

class HardwareDetectJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    explicit HardwareDetectJob(QObject* parent = nullptr);
    void run() override;

signals:
    void detected(const qf::ui::HardwareInfoPtr& hardware);
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::HardwareInfoPtr)
