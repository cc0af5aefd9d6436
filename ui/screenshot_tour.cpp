#include "screenshot_tour.h"

#include <functional>
#include <iterator>

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>
#include <QTreeView>

#include "main_window.h"
#include "models/model_entry.h"
#include "models/model_list_model.h"
#include "pages/compare_page.h"
#include "pages/overview_page.h"
#include "pages/produce_page.h"
#include "pages/recommend_page.h"
#include "pages/source_view.h"
#include "sample_model.h"
#include "widgets/side_by_side_view.h"

namespace qf::ui {

namespace {

constexpr int kPollIntervalMs = 50;
constexpr int kWindowWidth = 1280;
constexpr int kWindowHeight = 800;
// Enough of the evaluation text for stable numbers while the tour stays short.
constexpr int kCompareChunks = 40;
const char* const kPresets[] = {"Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "IQ4_XS", "Q3_K_M", "Q2_K"};

// Runs the event loop until `done` holds; false after `timeoutMs`.
bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    if (done()) return true;
    QEventLoop loop;
    QTimer poll;
    const QDeadlineTimer deadline(timeoutMs);
    bool ok = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done()) {
            ok = true;
            loop.quit();
        } else if (deadline.hasExpired()) {
            loop.quit();
        }
    });
    poll.start(kPollIntervalMs);
    loop.exec();
    return ok;
}

// A few more turns of the event loop so that layouts and charts have settled before the grab.
void settle() {
    waitUntil([] { return false; }, 300);
}

// Copies `file` into `folder`; the copy's path, or an empty string.
QString copyInto(const QString& file, const QString& folder) {
    if (file.isEmpty()) return {};
    const QString copy = QDir(folder).filePath(QFileInfo(file).fileName());
    QFile::remove(copy);
    return QFile::copy(file, copy) ? copy : QString();
}

} // namespace

ScreenshotResult takeScreenshots(MainWindow& window, const QString& workFolder, const QString& outFolder,
                                 int stepTimeoutMs) {
    auto fail = [](const QString& why) { return ScreenshotResult{false, why}; };
    const QString sample = bundledSamplePath();
    if (sample.isEmpty()) return fail(QStringLiteral("the bundled sample model is not installed"));
    if (!QDir().mkpath(workFolder) || !QDir().mkpath(outFolder))
        return fail(QStringLiteral("cannot create %1 or %2").arg(workFolder, outFolder));
    const QString model = QDir(workFolder).filePath(QFileInfo(sample).fileName());
    QFile::remove(model);
    if (!QFile::copy(sample, model))
        return fail(QStringLiteral("cannot copy the sample to %1").arg(workFolder));
    QFile::setPermissions(model, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);

    auto* recommend = window.findChild<RecommendPage*>(QStringLiteral("recommendPage"));
    auto* overview = window.findChild<OverviewPage*>(QStringLiteral("overviewPage"));
    auto* compare = window.findChild<ComparePage*>(QStringLiteral("comparePage"));
    ProducePage* produce = window.producePage();
    if (!recommend || !overview || !compare || !produce) return fail(QStringLiteral("a page is missing"));

    // QF_SCREENSHOT_SIZE=1180x760 checks the layout at the window's default size (the README uses 1280x800).
    QSize size(kWindowWidth, kWindowHeight);
    if (const QStringList wh = qEnvironmentVariable("QF_SCREENSHOT_SIZE").split(QLatin1Char('x')); wh.size() == 2)
        size = QSize(wh[0].toInt(), wh[1].toInt()).expandedTo(QSize(640, 480));
    window.resize(size);
    window.show();
    QStringList written;
    auto grab = [&](const QString& name) {
        settle();
        const QString path = QDir(outFolder).filePath(name);
        if (!window.grab().save(path)) return false;
        written << path;
        return true;
    };
    auto entryReady = [&] {
        const QModelIndex item = window.modelList()->findPath(QFileInfo(model).canonicalFilePath());
        const ModelEntry* entry = item.isValid() ? window.modelList()->entry(item) : nullptr;
        return entry && entry->state == LoadState::Ready;
    };
    auto selectModel = [&] {
        const QModelIndex item = window.modelList()->findPath(QFileInfo(model).canonicalFilePath());
        window.modelView()->setCurrentIndex(item);
    };

    window.openFiles({model});
    if (!waitUntil(entryReady, stepTimeoutMs)) return fail(QStringLiteral("the sample did not open"));
    selectModel();

    window.sourceView()->setCurrentPage(recommend);
    if (!waitUntil([&] { return recommend->result() != nullptr; }, stepTimeoutMs))
        return fail(QStringLiteral("no recommendation"));
    if (!grab(QStringLiteral("recommend.png"))) return fail(QStringLiteral("cannot write recommend.png"));

    window.sourceView()->setCurrentPage(overview);
    if (!grab(QStringLiteral("overview.png"))) return fail(QStringLiteral("cannot write overview.png"));

    window.sourceView()->setCurrentPage(produce);
    QStringList presets;
    for (const char* name : kPresets)
        presets << QString::fromLatin1(name);
    // The texts too are copied, so the pictures show no path of the machine they were taken on.
    const QString calibration = copyInto(bundledCalibrationText(), workFolder);
    if (!calibration.isEmpty()) {
        produce->setCalibrationText(calibration);
        produce->computeImatrix();
        if (!waitUntil([&] { return !produce->isComputingImatrix(); }, stepTimeoutMs))
            return fail(QStringLiteral("the importance matrix was not computed"));
    }
    if (!waitUntil([&] { return produce->canStart() || produce->chosenPresets().isEmpty(); }, stepTimeoutMs))
        return fail(QStringLiteral("the Produce page is not ready"));
    produce->setChosenPresets(presets);
    if (!waitUntil([&] { return produce->canStart(); }, stepTimeoutMs) || !produce->start())
        return fail(QStringLiteral("producing could not start"));
    if (!waitUntil([&] { return produce->activeJobCount() == 0; }, stepTimeoutMs))
        return fail(QStringLiteral("producing did not finish"));
    // Every quant listed and read, not "Loading…" in the picture.
    auto quantsReady = [&] {
        const QModelIndex source = window.modelList()->findPath(QFileInfo(model).canonicalFilePath());
        const int count = window.modelList()->rowCount(source);
        if (count < int(std::size(kPresets))) return false;
        for (int i = 0; i < count; ++i) {
            const ModelEntry* quant = window.modelList()->entry(window.modelList()->index(i, 0, source));
            if (!quant || quant->state != LoadState::Ready) return false;
        }
        return true;
    };
    if (!waitUntil(quantsReady, stepTimeoutMs)) return fail(QStringLiteral("the quants were not listed"));
    if (!grab(QStringLiteral("produce.png"))) return fail(QStringLiteral("cannot write produce.png"));

    selectModel();
    window.sourceView()->setCurrentPage(compare);
    compare->setChunkLimit(kCompareChunks);
    const QString evaluationText = copyInto(ComparePage::bundledEvaluationText(), workFolder);
    if (!evaluationText.isEmpty()) compare->setEvaluationText(evaluationText);
    if (!waitUntil([&] { return compare->evaluate(); }, stepTimeoutMs))
        return fail(QStringLiteral("the evaluation could not start"));
    if (!waitUntil([&] { return !compare->isEvaluating(); }, stepTimeoutMs))
        return fail(QStringLiteral("the evaluation did not finish"));
    compare->showResultView(ComparePage::ResultView::ChartAndTable);
    if (!grab(QStringLiteral("compare.png"))) return fail(QStringLiteral("cannot write compare.png"));

    // The prompt the view starts with, answered by every file at once.
    compare->showResultView(ComparePage::ResultView::SideBySide);
    SideBySideView* sideBySide = compare->sideBySideView();
    if (!sideBySide->run() || !waitUntil([&] { return !sideBySide->isRunning(); }, stepTimeoutMs))
        return fail(QStringLiteral("the side-by-side prompt did not run"));
    if (!grab(QStringLiteral("side-by-side.png"))) return fail(QStringLiteral("cannot write side-by-side.png"));
    compare->showResultView(ComparePage::ResultView::ChartAndTable);

    return {true, written.join(QStringLiteral(", "))};
}

} // namespace qf::ui
