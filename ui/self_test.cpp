#include "self_test.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QLabel>
#include <QTimer>
#include <QTreeView>

#include "main_window.h"
#include "models/model_entry.h"
#include "models/model_list_model.h"
#include "pages/recommend_page.h"
#include "pages/source_view.h"

namespace qf::ui {

namespace {
constexpr int kPollIntervalMs = 50;
}

SelfTestResult runSelfTest(MainWindow& window, int timeoutMs) {
    auto* page = window.findChild<RecommendPage*>(QStringLiteral("recommendPage"));
    if (!page) return {false, QStringLiteral("the Recommend page is missing")};
    if (!window.openSample()) return {false, QStringLiteral("the bundled sample model is not installed")};
    window.sourceView()->setCurrentPage(page);

    SelfTestResult result;
    QEventLoop loop;
    QTimer poll;
    const QDeadlineTimer deadline(timeoutMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const QModelIndex current = window.modelView()->currentIndex();
        const ModelEntry* entry = current.isValid() ? window.modelList()->entry(current) : nullptr;
        if (entry && entry->state == LoadState::Failed) {
            result = {false, QStringLiteral("the sample failed to load: ") + entry->errorMessage};
            loop.quit();
        } else if (page->result()) {
            const auto* headline = page->findChild<QLabel*>(QStringLiteral("recommendationHeadline"));
            result = {true, headline ? headline->text() : QString()};
            if (result.message.isEmpty()) result = {false, QStringLiteral("the recommendation is empty")};
            loop.quit();
        } else if (deadline.hasExpired()) {
            result = {false, QStringLiteral("no recommendation after %1 ms").arg(timeoutMs)};
            loop.quit();
        }
    });
    poll.start(kPollIntervalMs);
    loop.exec();
    return result;
}

} // namespace qf::ui
