#pragma once
// `quantforge --self-test`: proves an installed app works end to end without a person - it opens the
// bundled sample, waits for the Recommend page to show its recommendation, prints it and reports success
// through the exit code. Used by CI on the offscreen platform after installing the package.
#include <QString>

namespace qf::ui {

class MainWindow;

struct SelfTestResult {
    bool ok = false;
    QString message; // the recommendation on success, what went wrong otherwise
};

// Runs the window's event loop until the recommendation appears or `timeoutMs` passes.
SelfTestResult runSelfTest(MainWindow& window, int timeoutMs);

} // namespace qf::ui
