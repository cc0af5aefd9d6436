#pragma once
// Edit > Settings: what applies to every model - threads, the presets chosen by default, the output
// folder, the RAM kept for the OS, the calibration and evaluation texts, the language and the kernel path.
// The dialog shows the stored values; OK writes them back (the window then applies them, see
// MainWindow::applySettings). The language takes effect on the next start.
#include <QDialog>

#include "app_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace qf::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(AppSettings settings, QWidget* parent = nullptr);
    // What "Automatic" keeps for the OS on this machine (the Recommend page's figure), shown while it is
    // chosen, so the dialog and the page never disagree (issue 13: "4.0 GB" here, 6.0 GB used).
    void setAutomaticOsReserve(quint64 bytes);

    // Writes the shown values to the settings (also done by OK).
    void save();
    void accept() override;
    // Empties the cache folder (the Clear Cache button does this after asking); false with a message shown
    // when something could not be removed.
    bool clearCacheNow();

private:
    void load();
    void updateCacheSize();
    QLineEdit* addPathRow(QFormLayout* form, const QString& label, const char* name,
                          const QString& placeholder, bool folder);

    AppSettings m_settings;
    QSpinBox* m_threads;
    QListWidget* m_presets;
    QLineEdit* m_outputDirectory;
    QCheckBox* m_reserveAuto;
    QDoubleSpinBox* m_reserve;
    quint64 m_automaticReserve = 0; // 0: unknown
    QLineEdit* m_calibrationText;
    QLineEdit* m_evaluationText;
    QComboBox* m_language;
    QCheckBox* m_forceReference;
    QLabel* m_cacheSize;
    QPushButton* m_clearCache;
};

} // namespace qf::ui
