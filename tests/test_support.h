#pragma once
// Helpers shared by the tests: where the shared models are, and small file utilities.
#include <QByteArray>
#include <QFile>
#include <QString>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace qf::test {

inline std::filesystem::path sharedPath(const std::string& relative) {
    return std::filesystem::path(QF_SHARED_DIR) / relative;
}

inline std::filesystem::path sharedModel() { return sharedPath("models/qf-books-22m-f16.gguf"); }

inline QByteArray readAll(const std::filesystem::path& path) {
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

inline bool writeAll(const std::filesystem::path& path, const QByteArray& bytes) {
    QFile f(QString::fromStdString(path.string()));
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

inline std::vector<std::filesystem::path> filesIn(const std::filesystem::path& dir, const std::string& ext) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace qf::test
