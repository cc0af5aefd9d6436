#pragma once
// Runs quantforge-cli as a subprocess for the tests: to completion, or until a file matching a pattern
// appears in a folder and then killed with a signal (to prove what a kill leaves behind).
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <QThread>

#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

namespace qf::test {

struct CliRun {
    int exitCode = -1;
    bool crashed = false; // ended by a signal
    bool finished = false;
    QByteArray out, err;
};

inline QString cliPath() { return QStringLiteral(QF_BIN_DIR "/quantforge-cli"); }

inline CliRun runCli(const QStringList& args, int timeoutMs = 120000, const QString& workDir = {}) {
    QProcess p;
    if (!workDir.isEmpty()) p.setWorkingDirectory(workDir);
    p.start(cliPath(), args);
    CliRun r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
    }
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Our temporary files (".<name>.<pid>-<tag>.part") in `folder`.
inline QStringList partFiles(const QString& folder) {
    return QDir(folder).entryList({QStringLiteral(".*.part")}, QDir::Files | QDir::Hidden);
}

// Starts the CLI, waits until a temporary file shows up in `folder` (the write is under way), then sends
// `signal`. Returns false when no temporary file appeared in time (the run was too quick to interrupt).
inline bool runCliAndKill(const QStringList& args, const QString& folder, int signal, CliRun& r) {
    QProcess p;
    p.start(cliPath(), args);
    if (!p.waitForStarted()) return false;
    QElapsedTimer t;
    t.start();
    bool seen = false;
    while (t.elapsed() < 60000 && p.state() == QProcess::Running) {
        if (!partFiles(folder).isEmpty()) {
            seen = true;
            break;
        }
        QThread::msleep(5);
    }
    if (seen) {
        QThread::msleep(20);
        ::kill(pid_t(p.processId()), signal);
    }
    r.finished = p.waitForFinished(60000);
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return seen;
}

inline QByteArray sha256Of(const std::filesystem::path& path) {
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace qf::test
