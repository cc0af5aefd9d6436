#include "cli/progress_line.h"

#include <cstdio>

#include <fmt/format.h>

#ifdef _WIN32
#include <io.h>
#define QF_ISATTY _isatty
#define QF_FILENO _fileno
#else
#include <unistd.h>
#define QF_ISATTY isatty
#define QF_FILENO fileno
#endif

namespace qf::cli {

bool stderrIsTerminal() { return QF_ISATTY(QF_FILENO(stderr)) != 0; }

ProgressLine::ProgressLine()
    : m_enabled(stderrIsTerminal()), m_last(std::chrono::steady_clock::now() - std::chrono::seconds(1)) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::show(const std::string& text) {
    if (!m_enabled) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last < std::chrono::milliseconds(200)) return;
    m_last = now;
    m_drawn = true;
    fmt::print(stderr, "\r\033[K{}", text);
}

void ProgressLine::clear() {
    if (!m_drawn) return;
    m_drawn = false;
    fmt::print(stderr, "\r\033[K");
}

} // namespace qf::cli
