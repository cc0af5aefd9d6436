#pragma once
// `quantforge --screenshots DIR`: the pictures in the README, taken from the real app. It opens a copy of
// the bundled sample in a scratch folder and walks the one path a person takes - the recommendation, the
// model's overview, producing quants (with an importance matrix computed from the bundled calibration
// text), then comparing them, with one prompt answered side by side - saving a PNG of the window at each
// step. Run on the offscreen platform by packaging/screenshots.sh.
#include <QString>

namespace qf::ui {

class MainWindow;

struct ScreenshotResult {
    bool ok = false;
    QString message; // the files written, or what went wrong
};

// `workFolder` receives the sample copy and the quants; `outFolder` the PNGs. Gives up on a step after
// `stepTimeoutMs`.
ScreenshotResult takeScreenshots(MainWindow& window, const QString& workFolder, const QString& outFolder,
                                 int stepTimeoutMs);

} // namespace qf::ui
