#include "dialogs/settings_dialog.h"

#include <cmath>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include "app_translations.h"
#include "cache_storage.h"
#include "format.h"
#include "pages/compare_page.h"
#include "preset_text.h"
#include "qf/quant/preset.h"
#include "sample_model.h"

namespace qf::ui {
namespace {

constexpr double kGB = 1e9; // decimal, like every size in the window
constexpr double kMaxReserveGB = 256.0;
constexpr double kDefaultReserveGB = 4.0;

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

QString fromField(const QLineEdit* edit) {
    return QDir::fromNativeSeparators(edit->text().trimmed());
}

} // namespace

void SettingsDialog::setAutomaticOsReserve(quint64 bytes) {
    m_automaticReserve = bytes;
    if (m_reserveAuto->isChecked() && bytes != 0) m_reserve->setValue(double(bytes) / kGB);
}

SettingsDialog::SettingsDialog(AppSettings settings, QWidget* parent)
    : QDialog(parent), m_settings(settings) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    const int hardwareThreads = qMax(1, QThread::idealThreadCount());
    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("settingsThreads"));
    m_threads->setRange(0, hardwareThreads);
    m_threads->setSpecialValueText(tr("All (%1)").arg(hardwareThreads));
    m_threads->setAccessibleName(tr("Threads"));
    m_threads->setToolTip(tr("Worker threads for producing files; 0 uses all of this machine's threads"));
    form->addRow(tr("&Threads:"), m_threads);

    m_presets = new QListWidget(this);
    m_presets->setObjectName(QStringLiteral("settingsPresets"));
    m_presets->setAccessibleName(tr("Default presets"));
    m_presets->setToolTip(tr("Checked presets are chosen on the Produce page when a model is opened; with "
                             "none checked the recommendation decides"));
    for (const quant::Preset& preset : quant::allPresets()) {
        auto* item = new QListWidgetItem(toQString(preset.name), m_presets);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setToolTip(presetDescription(preset));
    }
    m_presets->setMaximumHeight(m_presets->sizeHintForRow(0) * 7 + 2 * m_presets->frameWidth());
    form->addRow(tr("Default &presets:"), m_presets);

    m_outputDirectory =
        addPathRow(form, tr("&Output folder:"), "settingsOutputDirectory", tr("Beside the model"), true);

    auto* reserveRow = new QHBoxLayout;
    m_reserveAuto = new QCheckBox(tr("Automatic"), this);
    m_reserveAuto->setObjectName(QStringLiteral("settingsReserveAuto"));
    m_reserve = new QDoubleSpinBox(this);
    m_reserve->setObjectName(QStringLiteral("settingsReserve"));
    m_reserve->setAccessibleName(tr("RAM kept for the OS"));
    m_reserve->setDecimals(1);
    m_reserve->setRange(0.1, kMaxReserveGB);
    m_reserve->setSuffix(QStringLiteral(" GB"));
    m_reserve->setValue(kDefaultReserveGB);
    connect(m_reserveAuto, &QCheckBox::toggled, this, [this](bool automatic) {
        m_reserve->setDisabled(automatic);
        if (automatic && m_automaticReserve != 0) m_reserve->setValue(double(m_automaticReserve) / kGB);
    });
    reserveRow->addWidget(m_reserveAuto);
    reserveRow->addWidget(m_reserve, 1);
    auto* reserveLabel = new QLabel(tr("RAM kept for the &OS:"), this);
    reserveLabel->setBuddy(m_reserveAuto);
    reserveLabel->setToolTip(tr("Used by the Recommend page for this machine"));
    form->addRow(reserveLabel, reserveRow);

    m_calibrationText =
        addPathRow(form, tr("&Calibration text:"), "settingsCalibrationText", tr("Bundled text"), false);
    m_calibrationText->setToolTip(
        tr("Text for computing importance matrices (default: %1)").arg(nativePath(bundledCalibrationText())));
    m_evaluationText =
        addPathRow(form, tr("&Evaluation text:"), "settingsEvaluationText", tr("Bundled text"), false);
    m_evaluationText->setToolTip(tr("Text the Compare page evaluates on (default: %1)")
                                     .arg(nativePath(ComparePage::bundledEvaluationText())));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    for (const QString& name : translatedLanguages()) {
        const QLocale locale(name);
        QString label = locale.nativeLanguageName();
        if (name.contains(QLatin1Char('_')))
            label += QStringLiteral(" (%1)").arg(locale.nativeTerritoryName());
        m_language->addItem(label, name);
    }
    auto* languageNote = new QLabel(tr("Takes effect when Quantforge is started again."), this);
    languageNote->setForegroundRole(QPalette::PlaceholderText);
    auto* languageColumn = new QVBoxLayout;
    languageColumn->addWidget(m_language);
    languageColumn->addWidget(languageNote);
    auto* languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, languageColumn);

    m_forceReference = new QCheckBox(tr("Use the reference kernels (slower; for comparing results)"), this);
    m_forceReference->setObjectName(QStringLiteral("settingsForceReference"));
    m_forceReference->setToolTip(
        tr("Quantizes with the portable scalar code instead of this CPU's vector instructions"));
    form->addRow(tr("&Kernels:"), m_forceReference);

    // The cache: converted Hugging Face folders can take many GB, and all of it can be made again.
    m_cacheSize = new QLabel(this);
    m_cacheSize->setObjectName(QStringLiteral("settingsCacheSize"));
    m_cacheSize->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cacheSize->setToolTip(QDir::toNativeSeparators(cacheFolder()));
    m_clearCache = new QPushButton(tr("Clear Cache…"), this);
    m_clearCache->setObjectName(QStringLiteral("settingsClearCache"));
    m_clearCache->setAccessibleName(tr("Clear the cache"));
    connect(m_clearCache, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(
            this, tr("Clear Cache?"),
            tr("Remove %1 of converted models and cached measurements from %2? They are made again when "
               "needed.")
                .arg(formatBytes(cacheBytes()), QDir::toNativeSeparators(cacheFolder())),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer == QMessageBox::Yes) clearCacheNow();
    });
    auto* cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cacheSize, 1);
    cacheRow->addWidget(m_clearCache);
    form->addRow(tr("Cache:"), cacheRow);
    updateCacheSize();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("settingsButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    load();
}

void SettingsDialog::updateCacheSize() {
    const quint64 bytes = cacheBytes();
    m_cacheSize->setText(bytes ? tr("%1 of converted models and cached measurements").arg(formatBytes(bytes))
                               : tr("Empty"));
    m_clearCache->setEnabled(bytes > 0);
}

bool SettingsDialog::clearCacheNow() {
    QString error;
    const bool cleared = clearCache(&error);
    if (!cleared) QMessageBox::warning(this, tr("Clear Cache"), error);
    updateCacheSize();
    return cleared;
}

QLineEdit* SettingsDialog::addPathRow(QFormLayout* form, const QString& label, const char* name,
                                      const QString& placeholder, bool folder) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QString::fromLatin1(name) + QStringLiteral("Browse"));
    QString plainLabel = label;
    plainLabel.remove(QLatin1Char('&')).remove(QLatin1Char(':'));
    edit->setAccessibleName(plainLabel);
    browse->setAccessibleName(tr("Choose: %1").arg(plainLabel));
    connect(browse, &QPushButton::clicked, this, [this, edit, folder, plainLabel] {
        const QString current = fromField(edit);
        const QString start = current.isEmpty() ? QDir::homePath()
                              : folder          ? current
                                                : QFileInfo(current).absolutePath();
        const QString chosen =
            folder ? QFileDialog::getExistingDirectory(this, plainLabel, start)
                   : QFileDialog::getOpenFileName(this, plainLabel, start,
                                                  tr("Text files (*.txt *.zst);;All files (*)"));
        if (!chosen.isEmpty()) edit->setText(nativePath(chosen));
    });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    auto* labelWidget = new QLabel(label, this);
    labelWidget->setBuddy(edit);
    form->addRow(labelWidget, row);
    return edit;
}

void SettingsDialog::load() {
    m_threads->setValue(m_settings.produceThreads());
    const QStringList presets = m_settings.defaultPresets();
    for (int i = 0; i < m_presets->count(); ++i) {
        QListWidgetItem* item = m_presets->item(i);
        item->setCheckState(presets.contains(item->text(), Qt::CaseInsensitive) ? Qt::Checked
                                                                                : Qt::Unchecked);
    }
    m_outputDirectory->setText(nativePath(m_settings.produceOutputDirectory()));
    const quint64 reserve = m_settings.osReserveBytes();
    m_reserveAuto->setChecked(reserve == 0);
    m_reserve->setEnabled(reserve != 0);
    if (reserve != 0) m_reserve->setValue(double(reserve) / kGB);
    else if (m_automaticReserve != 0) m_reserve->setValue(double(m_automaticReserve) / kGB);
    m_calibrationText->setText(nativePath(m_settings.calibrationTextPath()));
    m_evaluationText->setText(nativePath(m_settings.evaluationTextPath()));
    const int language = m_language->findData(m_settings.language());
    m_language->setCurrentIndex(qMax(0, language));
    m_forceReference->setChecked(m_settings.forceReferenceKernels());
}

void SettingsDialog::save() {
    m_settings.setProduceThreads(m_threads->value());
    QStringList presets;
    for (int i = 0; i < m_presets->count(); ++i) {
        if (m_presets->item(i)->checkState() == Qt::Checked) presets << m_presets->item(i)->text();
    }
    m_settings.setDefaultPresets(presets);
    m_settings.setProduceOutputDirectory(fromField(m_outputDirectory));
    m_settings.setOsReserveBytes(
        m_reserveAuto->isChecked() ? 0 : quint64(std::llround(m_reserve->value() * kGB)));
    m_settings.setCalibrationTextPath(fromField(m_calibrationText));
    m_settings.setEvaluationTextPath(fromField(m_evaluationText));
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setForceReferenceKernels(m_forceReference->isChecked());
}

void SettingsDialog::accept() {
    save();
    QDialog::accept();
}

} // namespace qf::ui
