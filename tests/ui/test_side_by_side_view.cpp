// The side-by-side prompt view of the Compare page, on the offscreen platform: a source and its Q8_0
// (made with the core quantize job) answer one prompt at once; both panes fill, the footers show the
// speed, greedy answers repeat exactly, and Stop cancels every generation mid-way.
#include <memory>

#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "qf/gguf/gguf_file.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "widgets/side_by_side_view.h"

using namespace qf::ui;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
constexpr int kGenerationTimeoutMs = 120000;

} // namespace

class TestSideBySideView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void greedyRunFillsBothPanesDeterministically();
    void defaultPromptRunsWithOneClick();
    void stopCancelsMidWay();
    void updatesAreThrottled();
    void panesWrapIntoRows();

private:
    std::unique_ptr<SideBySideView> makeView();
    // Runs with the controls; the texts of the panes once every file is done.
    QStringList runOnce(SideBySideView& view, const QString& prompt, int maxTokens);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_source;
    QString m_quant;
};

void TestSideBySideView::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(QFile::exists(kModelPath), qPrintable(kModelPath));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_source = m_dir->filePath(QStringLiteral("qf-books-22m-f16.gguf"));
    QVERIFY(QFile::copy(kModelPath, m_source));
    QFile::setPermissions(m_source, QFile::ReadOwner | QFile::WriteOwner);

    auto source = qf::gguf::GgufFile::open(m_source.toStdU16String());
    QVERIFY(source.ok());
    auto plan =
        qf::quant::makeQuantPlan(source->metadata(), source->tensors(), *qf::quant::findPreset("Q8_0"), {});
    QVERIFY(plan.ok());
    m_quant = m_dir->filePath(QStringLiteral("qf-books-22m-Q8_0.gguf"));
    qf::quant::QuantizeParams params;
    params.source = &*source;
    params.outputs.push_back({std::move(plan).value(), m_quant.toStdU16String()});
    auto produced = qf::quant::quantize(params);
    QVERIFY2(produced.ok(), produced.ok() ? "" : produced.error().message.c_str());
}

std::unique_ptr<SideBySideView> TestSideBySideView::makeView() {
    auto view = std::make_unique<SideBySideView>();
    view->setFiles({{m_source, QStringLiteral("F16"), quint64(QFileInfo(m_source).size())},
                    {m_quant, QStringLiteral("Q8_0"), quint64(QFileInfo(m_quant).size())}});
    view->resize(900, 400);
    view->show();
    return view;
}

QStringList TestSideBySideView::runOnce(SideBySideView& view, const QString& prompt, int maxTokens) {
    view.findChild<QLineEdit*>(QStringLiteral("promptEdit"))->setText(prompt);
    view.findChild<QSpinBox*>(QStringLiteral("maxTokensSpin"))->setValue(maxTokens);
    view.findChild<QDoubleSpinBox*>(QStringLiteral("temperatureSpin"))->setValue(0.0);
    QSignalSpy finished(&view, &SideBySideView::runFinished);
    auto* runButton = view.findChild<QPushButton*>(QStringLiteral("runPromptButton"));
    if (!runButton || !runButton->isEnabled()) return {};
    QTest::mouseClick(runButton, Qt::LeftButton);
    if (!view.isRunning()) return {};
    [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kGenerationTimeoutMs); }();
    QStringList texts;
    for (int i = 0; i < view.paneCount(); ++i)
        texts << view.paneText(i);
    return texts;
}

void TestSideBySideView::greedyRunFillsBothPanesDeterministically() {
    auto view = makeView();
    QCOMPARE(view->paneCount(), 2);
    const QList<QLabel*> headers = view->findChildren<QLabel*>(QStringLiteral("paneHeader"));
    QCOMPARE(headers.size(), 2);
    QVERIFY2(headers[0]->text().startsWith(QStringLiteral("F16 · ")), qPrintable(headers[0]->text()));
    QVERIFY2(headers[1]->text().startsWith(QStringLiteral("Q8_0 · ")), qPrintable(headers[1]->text()));

    const QStringList first = runOnce(*view, QStringLiteral("The whale"), 12);
    QCOMPARE(first.size(), 2);
    QVERIFY(!view->isRunning());
    for (const QString& text : first)
        QVERIFY2(!text.trimmed().isEmpty(), qPrintable(text));
    for (QLabel* footer : view->findChildren<QLabel*>(QStringLiteral("paneFooter"))) {
        QVERIFY2(footer->text().contains(QStringLiteral(" tokens · ")) &&
                     footer->text().endsWith(QStringLiteral(" tok/s")),
                 qPrintable(footer->text()));
        QVERIFY2(!footer->text().startsWith(QStringLiteral("0 tokens")), qPrintable(footer->text()));
    }

    qInfo().noquote() << "greedy answers:" << first.join(QStringLiteral(" | "));
    const QStringList second = runOnce(*view, QStringLiteral("The whale"), 12);
    QCOMPARE(second, first);
}

// Issue 13: the prompt was empty, so Run only said "Type a prompt first.". A new view has a prompt
// (in the person's language) that one click runs on every file.
void TestSideBySideView::defaultPromptRunsWithOneClick() {
    auto view = makeView();
    auto* prompt = view->findChild<QLineEdit*>(QStringLiteral("promptEdit"));
    QVERIFY(!prompt->text().trimmed().isEmpty());
    QCOMPARE(view->prompt(), SideBySideView::defaultPrompt());
    view->findChild<QSpinBox*>(QStringLiteral("maxTokensSpin"))->setValue(6);
    QSignalSpy finished(view.get(), &SideBySideView::runFinished);
    QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("runPromptButton")), Qt::LeftButton);
    QVERIFY(view->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kGenerationTimeoutMs);
    for (int i = 0; i < view->paneCount(); ++i)
        QVERIFY2(!view->paneText(i).trimmed().isEmpty(), qPrintable(QString::number(i)));

    QTranslator german;
    QVERIFY(german.load(QStringLiteral(QF_BUILD_DATA_DIR "/translations/quantforge_de.qm")));
    QCoreApplication::installTranslator(&german);
    const QString translated = SideBySideView().prompt();
    QCoreApplication::removeTranslator(&german);
    QVERIFY2(!translated.trimmed().isEmpty() && translated != view->prompt(), qPrintable(translated));
}

void TestSideBySideView::stopCancelsMidWay() {
    auto view = makeView();
    constexpr int kMaxTokens = 4000;
    view->findChild<QLineEdit*>(QStringLiteral("promptEdit"))->setText(QStringLiteral("Once upon a time"));
    view->findChild<QSpinBox*>(QStringLiteral("maxTokensSpin"))->setValue(kMaxTokens);
    QSignalSpy finished(view.get(), &SideBySideView::runFinished);
    auto* runButton = view->findChild<QPushButton*>(QStringLiteral("runPromptButton"));
    auto* stopButton = view->findChild<QPushButton*>(QStringLiteral("stopPromptButton"));
    QVERIFY(runButton && stopButton);
    QVERIFY(!stopButton->isEnabled());
    QTest::mouseClick(runButton, Qt::LeftButton);
    QVERIFY(view->isRunning());
    QVERIFY(stopButton->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!view->paneText(0).isEmpty(), kGenerationTimeoutMs);
    QTest::mouseClick(stopButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QVERIFY(!view->isRunning());
    QVERIFY(runButton->isEnabled());
    for (QLabel* footer : view->findChildren<QLabel*>(QStringLiteral("paneFooter")))
        QCOMPARE(footer->text(), QStringLiteral("Stopped."));
}

// However fast the model, a pane is updated at most 20 times a second (plus the final flush).
void TestSideBySideView::updatesAreThrottled() {
    auto view = makeView();
    auto* pane = view->findChild<QPlainTextEdit*>(QStringLiteral("paneText"));
    QVERIFY(pane);
    int updates = 0;
    connect(pane, &QPlainTextEdit::textChanged, this, [&] { ++updates; });
    QElapsedTimer clock;
    clock.start();
    const QStringList texts = runOnce(*view, QStringLiteral("The whale"), 200);
    QCOMPARE(texts.size(), 2);
    const qint64 elapsedMs = clock.elapsed();
    QVERIFY(!texts[0].isEmpty());
    // One clear() at the start, then at most one update per 50 ms and the final one.
    QVERIFY2(updates <= 1 + elapsedMs / 50 + 2,
             qPrintable(QStringLiteral("%1 updates in %2 ms").arg(updates).arg(elapsedMs)));
}

// Issue 13: four outputs needed horizontal scrolling at the default window size; they wrap into rows.
void TestSideBySideView::panesWrapIntoRows() {
    SideBySideView view;
    std::vector<SideBySideFile> files;
    for (const char* type : {"F16", "Q8_0", "Q4_K_M", "Q2_K"})
        files.push_back({m_source, QString::fromLatin1(type), quint64(1000)});
    view.setFiles(files);
    view.resize(560, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // The settings row sets a minimum width; whatever it is, the panes fit side by side in it.
    QTRY_VERIFY(view.paneColumns() > 0 && view.paneColumns() < 4);
    QVERIFY(view.paneColumns() * 220 <= view.width());
    view.resize(1400, 400);
    QTRY_COMPARE(view.paneColumns(), 4);
}

QTEST_MAIN(TestSideBySideView)
#include "test_side_by_side_view.moc"
