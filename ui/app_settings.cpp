#include "app_settings.h"

#include <QSettings>

namespace qf::ui {

namespace {
QString key(const char* name) {
    return QString::fromLatin1(name);
}
} // namespace

AppSettings::AppSettings(QSettings* settings) : m_settings(settings) {
    Q_ASSERT(settings);
}

QStringList AppSettings::recentFiles() const {
    QStringList files = m_settings->value(key("recentFiles")).toStringList();
    files.removeAll(QString());
    return files.mid(0, kMaxRecentFiles);
}

void AppSettings::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    setRecentFiles(files.mid(0, kMaxRecentFiles));
}

void AppSettings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    if (files.removeAll(path) > 0) setRecentFiles(files);
}

void AppSettings::clearRecentFiles() {
    setRecentFiles({});
}

void AppSettings::setRecentFiles(const QStringList& files) {
    m_settings->setValue(key("recentFiles"), files);
}

bool AppSettings::firstRunDone() const {
    return m_settings->value(key("firstRunDone"), false).toBool();
}

void AppSettings::setFirstRunDone() {
    m_settings->setValue(key("firstRunDone"), true);
}

QByteArray AppSettings::windowGeometry() const {
    return m_settings->value(key("mainWindow/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const {
    return m_settings->value(key("mainWindow/state")).toByteArray();
}

QByteArray AppSettings::splitterState() const {
    return m_settings->value(key("mainWindow/splitter")).toByteArray();
}

void AppSettings::saveWindow(const QByteArray& geometry, const QByteArray& state,
                             const QByteArray& splitter) {
    m_settings->setValue(key("mainWindow/geometry"), geometry);
    m_settings->setValue(key("mainWindow/state"), state);
    m_settings->setValue(key("mainWindow/splitter"), splitter);
}

QString AppSettings::lastOpenDirectory() const {
    return m_settings->value(key("lastOpenDirectory")).toString();
}

void AppSettings::setLastOpenDirectory(const QString& directory) {
    m_settings->setValue(key("lastOpenDirectory"), directory);
}

QString AppSettings::produceOutputDirectory() const {
    return m_settings->value(key("produce/outputDirectory")).toString();
}

void AppSettings::setProduceOutputDirectory(const QString& directory) {
    m_settings->setValue(key("produce/outputDirectory"), directory);
}

int AppSettings::produceThreads() const {
    return qMax(0, m_settings->value(key("produce/threads"), 0).toInt());
}

void AppSettings::setProduceThreads(int threads) {
    m_settings->setValue(key("produce/threads"), qMax(0, threads));
}

QString AppSettings::lastImatrixDirectory() const {
    return m_settings->value(key("produce/lastImatrixDirectory")).toString();
}

void AppSettings::setLastImatrixDirectory(const QString& directory) {
    m_settings->setValue(key("produce/lastImatrixDirectory"), directory);
}

QString AppSettings::language() const {
    return m_settings->value(key("language")).toString();
}

void AppSettings::setLanguage(const QString& language) {
    m_settings->setValue(key("language"), language);
}

QString AppSettings::calibrationTextPath() const {
    return m_settings->value(key("texts/calibration")).toString();
}

void AppSettings::setCalibrationTextPath(const QString& path) {
    m_settings->setValue(key("texts/calibration"), path);
}

QString AppSettings::evaluationTextPath() const {
    return m_settings->value(key("texts/evaluation")).toString();
}

void AppSettings::setEvaluationTextPath(const QString& path) {
    m_settings->setValue(key("texts/evaluation"), path);
}

QStringList AppSettings::defaultPresets() const {
    QStringList names = m_settings->value(key("produce/defaultPresets")).toStringList();
    names.removeAll(QString());
    return names;
}

void AppSettings::setDefaultPresets(const QStringList& names) {
    m_settings->setValue(key("produce/defaultPresets"), names);
}

quint64 AppSettings::osReserveBytes() const {
    return m_settings->value(key("machine/osReserveBytes"), 0).toULongLong();
}

void AppSettings::setOsReserveBytes(quint64 bytes) {
    m_settings->setValue(key("machine/osReserveBytes"), bytes);
}

bool AppSettings::forceReferenceKernels() const {
    return m_settings->value(key("forceReferenceKernels"), false).toBool();
}

void AppSettings::setForceReferenceKernels(bool force) {
    m_settings->setValue(key("forceReferenceKernels"), force);
}

} // namespace qf::ui
