#pragma once
// The "Machine" card of the Recommend page: what detection found on this computer, and the machine the
// recommendation is for - this one, a profile (16 GB RAM, 24 GB VRAM, Apple M-series 32 GB, ...), or one a
// person describes by editing RAM, GPU memory, unified memory and the OS reserve. Sizes are in decimal GB,
// like every size in the window (an "8 GB" card shows as 8.6 GB).
#include <vector>

#include <QGroupBox>

#include "jobs/hardware_detect_job.h"
#include "qf/recommend/machine.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace qf::ui {

class MachineCardWidget : public QGroupBox {
    Q_OBJECT

public:
    static inline const QString kThisMachine = QStringLiteral("this");
    static inline const QString kCustom = QStringLiteral("custom");

    explicit MachineCardWidget(QWidget* parent = nullptr);

    // What detection found. Applied when "This machine" is the chosen profile.
    void setDetected(const HardwareInfoPtr& hardware);
    bool hasDetected() const { return m_hardware != nullptr; }

    const recommend::Machine& machine() const { return m_machine; }
    // Shows `machine` as a custom machine.
    void setMachine(const recommend::Machine& machine);
    // "this", "custom" or a profile id such as "vram-24"; false for an unknown id.
    bool selectProfile(const QString& id);
    QString profileId() const;
    // The RAM this machine keeps for the OS (from the settings); 0: the automatic estimate. Applies to
    // "This machine" only: profiles and custom machines keep their own.
    void setOsReserveOverride(quint64 bytes);
    quint64 osReserveOverride() const { return m_osReserveOverride; }

signals:
    void machineChanged();

private:
    void onProfileChosen();
    void onFieldEdited();
    void showMachine();
    void updateDetectedText();
    recommend::Machine thisMachine() const;

    recommend::Machine m_machine;
    HardwareInfoPtr m_hardware;
    std::vector<recommend::MachineProfile> m_profiles;
    bool m_updating = false;
    quint64 m_osReserveOverride = 0;

    QLabel* m_detected;
    QComboBox* m_profile;
    QDoubleSpinBox* m_ram;
    QDoubleSpinBox* m_gpu;
    QCheckBox* m_unified;
    QDoubleSpinBox* m_reserve;
    QLabel* m_note;
};

} // namespace qf::ui
