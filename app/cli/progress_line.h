#pragma once
// One progress line on stderr, redrawn in place ("\r" + erase-line) at most five times a second. Only
// when stderr is a terminal: redirected into a file or a pipe, escape codes are noise, so nothing is
// drawn there (the result lines on stdout and the errors still are).
#include <chrono>
#include <string>

namespace qf::cli {

bool stderrIsTerminal();

class ProgressLine {
public:
    ProgressLine();
    ~ProgressLine(); // clears the line if one was drawn
    // Draws `text` unless the last draw was less than 200 ms ago.
    void show(const std::string& text);
    void clear();

private:
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace qf::cli
