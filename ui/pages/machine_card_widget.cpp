#include "pages/machine_card_widget.h"

#include <cmath>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "format.h"
#include "qf/hw/apple_gpu.h"

namespace qf::ui {
namespace {

constexpr double kGB = 1e9;

QDoubleSpinBox* gbSpin(QWidget* parent, const char* name, double maximum) {
    auto* spin = new QDoubleSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setDecimals(1);
    spin->setRange(0.0, maximum);
    spin->setSingleStep(1.0);
    spin->setSuffix(QStringLiteral(" GB"));
    spin->setKeyboardTracking(false);
    spin->setAccelerated(true);
    return spin;
}

uint64_t bytesOf(const QDoubleSpinBox* spin) {
    return uint64_t(std::llround(spin->value() * kGB));
}

} // namespace

MachineCardWidget::MachineCardWidget(QWidget* parent)
    : QGroupBox(tr("Machine"), parent), m_profiles(recommend::machineProfiles()),
      m_detected(new QLabel(this)), m_profile(new QComboBox(this)), m_ram(gbSpin(this, "ramSpin", 8192)),
      m_gpu(gbSpin(this, "gpuSpin", 2048)),
      m_unified(new QCheckBox(tr("Unified memory (the GPU shares the RAM)"), this)),
      m_reserve(gbSpin(this, "osReserveSpin", 256)), m_note(new QLabel(this)) {
    setObjectName(QStringLiteral("machineCard"));
    m_detected->setObjectName(QStringLiteral("detectedHardware"));
    m_detected->setWordWrap(true);
    m_detected->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detected->setText(tr("Detecting this machine…"));

    m_profile->setObjectName(QStringLiteral("machineProfile"));
    m_profile->addItem(tr("This machine"), kThisMachine);
    m_profile->insertSeparator(m_profile->count());
    for (const auto& p : m_profiles)
        m_profile->addItem(toQString(p.label), toQString(p.id));
    m_profile->insertSeparator(m_profile->count());
    m_profile->addItem(tr("Custom"), kCustom);
    connect(m_profile, &QComboBox::activated, this, &MachineCardWidget::onProfileChosen);

    m_gpu->setSpecialValueText(tr("No GPU"));
    m_gpu->setToolTip(tr("Memory of the GPUs used; for unified memory the GPU's working-set limit"));
    m_reserve->setToolTip(tr("RAM kept for the operating system and other programs"));
    m_unified->setObjectName(QStringLiteral("unifiedCheck"));
    for (QDoubleSpinBox* spin : {m_ram, m_gpu, m_reserve})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &MachineCardWidget::onFieldEdited);
    connect(m_unified, &QCheckBox::toggled, this, &MachineCardWidget::onFieldEdited);

    m_note->setObjectName(QStringLiteral("machineNote"));
    m_note->setWordWrap(true);
    QFont small = m_note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_note->setFont(small);

    auto* fields = new QHBoxLayout;
    auto* form = new QFormLayout;
    form->addRow(tr("Plan for:"), m_profile);
    form->addRow(tr("RAM:"), m_ram);
    auto* form2 = new QFormLayout;
    form2->addRow(tr("GPU memory:"), m_gpu);
    form2->addRow(tr("Kept for the OS:"), m_reserve);
    fields->addLayout(form, 1);
    fields->addLayout(form2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_detected);
    layout->addLayout(fields);
    layout->addWidget(m_unified);
    layout->addWidget(m_note);

    m_machine.label = tr("This machine").toStdString();
    showMachine();
}

recommend::Machine MachineCardWidget::thisMachine() const {
    recommend::Machine m = m_hardware ? recommend::machineFromHardware(*m_hardware) : m_machine;
    m.label = tr("This machine").toStdString();
    if (m_osReserveOverride != 0)
        m.osReserveBytes = m_osReserveOverride;
    else
        m.osReserveBytes.reset();
    return m;
}

void MachineCardWidget::setOsReserveOverride(quint64 bytes) {
    if (bytes == m_osReserveOverride) return;
    m_osReserveOverride = bytes;
    if (profileId() != kThisMachine) return;
    m_machine = thisMachine();
    showMachine();
    emit machineChanged();
}

void MachineCardWidget::setDetected(const HardwareInfoPtr& hardware) {
    m_hardware = hardware;
    updateDetectedText();
    if (profileId() == kThisMachine) {
        m_machine = thisMachine();
        showMachine();
        emit machineChanged();
    }
}

void MachineCardWidget::updateDetectedText() {
    if (!m_hardware) return;
    const auto& h = *m_hardware;
    const QString cpu = tr("CPU: %1, %2 threads%3")
                            .arg(h.cpu.modelName.empty() ? tr("unknown") : toQString(h.cpu.modelName))
                            .arg(h.cpu.logicalCores)
                            .arg(h.cpu.features.hasAvx512Kernels() ? QStringLiteral(", AVX-512")
                                 : h.cpu.features.hasAvx2Kernels() ? QStringLiteral(", AVX2")
                                 : h.cpu.features.neon             ? QStringLiteral(", NEON")
                                                                   : QString());
    const QString ram = tr("RAM: %1 (%2 available)")
                            .arg(formatBytes(h.memory.totalBytes), formatBytes(h.memory.availableBytes));
    QStringList gpus;
    for (const auto& g : h.gpus) {
        QString memory = !g.memoryKnown    ? tr("memory not reported")
                         : g.unifiedMemory ? tr("shares RAM, up to %1").arg(formatBytes(g.usableBytes()))
                                           : tr("%1 VRAM").arg(formatBytes(g.dedicatedBytes));
        if (g.memoryEstimated) memory += tr(" (estimate)");
        gpus << tr("%1 (%2)").arg(toQString(g.name), memory);
    }
    const QString gpu =
        gpus.isEmpty() ? tr("GPU: none found") : tr("GPU: %1").arg(gpus.join(QStringLiteral("; ")));
    m_detected->setText(tr("Detected: %1 · %2 · %3").arg(cpu, ram, gpu));
    QStringList notes;
    for (const auto& n : h.notes)
        notes << toQString(n);
    m_detected->setToolTip(notes.join(QLatin1Char('\n')));
}

void MachineCardWidget::setMachine(const recommend::Machine& machine) {
    m_machine = machine;
    m_profile->setCurrentIndex(m_profile->findData(kCustom));
    showMachine();
    emit machineChanged();
}

bool MachineCardWidget::selectProfile(const QString& id) {
    const int index = m_profile->findData(id);
    if (index < 0) return false;
    m_profile->setCurrentIndex(index);
    onProfileChosen();
    return true;
}

QString MachineCardWidget::profileId() const {
    return m_profile->currentData().toString();
}

void MachineCardWidget::onProfileChosen() {
    const QString id = profileId();
    if (id == kCustom) return; // keeps the fields as they are
    if (id == kThisMachine) {
        m_machine = thisMachine();
    } else if (const auto* p = recommend::findProfile(m_profiles, id.toStdString())) {
        m_machine = p->machine;
    }
    showMachine();
    emit machineChanged();
}

void MachineCardWidget::onFieldEdited() {
    if (m_updating) return;
    // Only the edited numbers change; the others keep their exact bytes.
    const auto changed = [](const QDoubleSpinBox* spin, uint64_t bytes) {
        return std::abs(spin->value() - std::round(double(bytes) / kGB * 10.0) / 10.0) > 0.04;
    };
    if (changed(m_ram, m_machine.ramBytes)) m_machine.ramBytes = bytesOf(m_ram);
    if (changed(m_gpu, m_machine.gpuBytes)) {
        m_machine.gpuBytes = bytesOf(m_gpu);
        m_machine.gpuEstimated = false;
        if (m_machine.gpuName.empty()) m_machine.gpuName = tr("GPU").toStdString();
    }
    if (changed(m_reserve, m_machine.osReserve())) m_machine.osReserveBytes = bytesOf(m_reserve);
    if (m_unified->isChecked() != m_machine.unifiedMemory) {
        m_machine.unifiedMemory = m_unified->isChecked();
        if (m_machine.unifiedMemory && m_machine.gpuBytes == 0) {
            m_machine.gpuBytes = hw::appleDefaultWorkingSet(m_machine.ramBytes);
            m_machine.gpuEstimated = true;
        }
    }
    if (m_machine.gpuBytes == 0) m_machine.gpuName.clear();
    m_machine.label = tr("Custom machine").toStdString();
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->setCurrentIndex(m_profile->findData(kCustom));
    }
    showMachine();
    emit machineChanged();
}

void MachineCardWidget::showMachine() {
    m_updating = true;
    m_ram->setValue(double(m_machine.ramBytes) / kGB);
    m_gpu->setValue(double(m_machine.gpuBytes) / kGB);
    m_reserve->setValue(double(m_machine.osReserve()) / kGB);
    m_unified->setChecked(m_machine.unifiedMemory);
    m_updating = false;
    QString note = tr("Sizes in GB of 10⁹ bytes: a card sold as 8 GB has 8.6 GB.");
    if (m_machine.hasGpu() && !m_machine.unifiedMemory)
        note += QLatin1Char(' ') + tr("%1 of GPU memory is kept for the driver and desktop (estimate).")
                                       .arg(formatBytes(m_machine.gpuReserve()));
    if (m_machine.gpuEstimated)
        note += QLatin1Char(' ') +
                tr("The GPU's working-set limit is Metal's default for this much RAM (estimate; "
                   "sysctl iogpu.wired_limit_mb changes it).");
    m_note->setText(note);
}

} // namespace qf::ui
