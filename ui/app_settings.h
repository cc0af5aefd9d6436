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

private:
    void setRecentFiles(const QStringList& files);

    QSettings* m_settings;
};

} // namespace qf::ui
