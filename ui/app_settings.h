#pragma once
// Typed access to what the window remembers between runs. The QSettings is passed in, so the app uses
// the user's settings (organization and application "Quantforge") and tests use a temporary file.
#include <QByteArray>
#include <QString>
#include <QStringList>

class QSettings;

namespace qf::ui {

class AppSettings {
public:
    static constexpr int kMaxRecentFiles = 10;

    explicit AppSettings(QSettings* settings);
    // The underlying store, for widgets that keep their own keys (e.g. the export panel's "export/").
    QSettings* store() const { return m_settings; }

    QStringList recentFiles() const;
    // Moves `path` to the front, dropping the oldest beyond kMaxRecentFiles.
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    void clearRecentFiles();

    bool firstRunDone() const;
    void setFirstRunDone();

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    QByteArray splitterState() const;
    void saveWindow(const QByteArray& geometry, const QByteArray& state, const QByteArray& splitter);

    QString lastOpenDirectory() const;
    void setLastOpenDirectory(const QString& directory);

    // Produce: where new quants go; empty means beside their source.
    QString produceOutputDirectory() const;
    void setProduceOutputDirectory(const QString& directory);
    // Produce: worker threads; 0 (never chosen) means all hardware threads.
    int produceThreads() const;
    void setProduceThreads(int threads);
    // Produce: the folder the last importance matrix was picked from.
    QString lastImatrixDirectory() const;
    void setLastImatrixDirectory(const QString& directory);

    // The GUI's language as a locale name ("de", "zh_CN"); empty means the system's. Read at start-up.
    QString language() const;
    void setLanguage(const QString& language);

    // The calibration text for computed importance matrices; empty means the bundled one.
    QString calibrationTextPath() const;
    void setCalibrationTextPath(const QString& path);
    // The text the Compare page evaluates on by default; empty means the bundled one.
    QString evaluationTextPath() const;
    void setEvaluationTextPath(const QString& path);
    // Presets (names as in quant::allPresets()) chosen on the Produce page when a model is opened; empty
    // means following the recommendation.
    QStringList defaultPresets() const;
    void setDefaultPresets(const QStringList& names);
    // RAM kept for the operating system on this machine; 0 means the automatic estimate.
    quint64 osReserveBytes() const;
    void setOsReserveBytes(quint64 bytes);
    // Runs the scalar reference kernels instead of the SIMD ones (for comparing and bug reports).
    bool forceReferenceKernels() const;
    void setForceReferenceKernels(bool force);

private:
    void setRecentFiles(const QStringList& files);

    QSettings* m_settings;
};

} // namespace qf::ui
