#include "jobs/hardware_detect_job.h"

namespace qf::ui {

HardwareDetectJob::HardwareDetectJob(QObject* parent) : QObject(parent) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

void HardwareDetectJob::run() {
    emit detected(std::make_shared<const hw::HardwareInfo>(hw::detectHardware()));
    deleteLater();
}

} // namespace qf::ui
