// The Overview page's export panel on the shared model: the Ollama Modelfile it saves, `ollama create`
// run through a fake `ollama` script first on PATH (arguments, Modelfile, exit status, failure, cancel),
// and the copy into a temporary LM Studio models folder (layout, bytes, cancel, no leftovers).
#include <QAction>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "qf/gguf/gguf_file.h"
#include "test_support.h"
#include "widgets/export_panel.h"
#include "widgets/message_panel.h"

using qf::ui::ExportPanel;

namespace {

QString sharedModelPath() {
    return QString::fromStdString(qf::test::sharedModel().string());
}

std::shared_ptr<const qf::gguf::GgufFile> openModel(const QString& path) {
    auto file = qf::gguf::GgufFile::open(path.toStdU16String());
    if (!file) qFatal("%s", file.error().message.c_str());
    return std::make_shared<const qf::gguf::GgufFile>(std::move(file).value());
}

QString readText(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Every file below `dir`, relative to it, sorted.
QStringList filesBelow(const QString& dir) {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

} // namespace

class TestExportPanel : public QObject {
    Q_OBJECT

    QByteArray m_originalPath;
    std::shared_ptr<const qf::gguf::GgufFile> m_model;

    // A fake `ollama` first on PATH that records its arguments and the Modelfile it is given.
    static void installFakeOllama(const QTemporaryDir& bin, const QByteArray& body) {
        const QString script = bin.filePath(QStringLiteral("ollama"));
        QVERIFY(qf::test::writeAll(script.toStdString(), "#!/bin/sh\n" + body));
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    QString widgetText(ExportPanel& panel, const char* name) {
        auto* label = panel.findChild<QLabel*>(QString::fromLatin1(name));
        return label ? label->text() : QString();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        m_originalPath = qgetenv("PATH");
        m_model = openModel(sharedModelPath());
    }

    void cleanup() { qputenv("PATH", m_originalPath); }

    void modelfileForSharedModel() {
        QTemporaryDir dir;
        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        QVERIFY(panel.saveModelfileAction()->isEnabled());
        const QString path = dir.filePath(QStringLiteral("Modelfile"));
        QVERIFY(panel.saveModelfile(path));
        const QStringList lines = readText(path).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // The Modelfile is elsewhere than the model, so FROM names the model's absolute path.
        QVERIFY(lines.contains(QStringLiteral("FROM ") + QFileInfo(sharedModelPath()).absoluteFilePath()));
        // The shared model has no chat template, so no TEMPLATE; its EOS token is the stop.
        QVERIFY(!readText(path).contains(QStringLiteral("TEMPLATE")));
        QVERIFY(lines.contains(QStringLiteral("PARAMETER stop \"</s>\"")));
        QVERIFY(widgetText(panel, "exportStatus").contains(QStringLiteral("Modelfile")));
        QVERIFY(!panel.findChild<qf::ui::MessagePanel*>(QStringLiteral("exportError"))->isVisibleTo(&panel));
    }

    void modelfileBesideTheModelNamesItRelatively() {
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("qf-books-22m-f16.gguf"));
        QVERIFY(QFile::copy(sharedModelPath(), model));
        ExportPanel panel;
        panel.setModel(model, openModel(model));
        QVERIFY(panel.saveModelfile(dir.filePath(QStringLiteral("qf-books-22m-f16.Modelfile"))));
        QVERIFY(readText(dir.filePath(QStringLiteral("qf-books-22m-f16.Modelfile")))
                    .contains(QStringLiteral("\nFROM ./qf-books-22m-f16.gguf\n")));
    }

    void unwritableModelfileShowsError() {
        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        QVERIFY(!panel.saveModelfile(QStringLiteral("/nonexistent-folder/Modelfile")));
        auto* error = panel.findChild<qf::ui::MessagePanel*>(QStringLiteral("exportError"));
        QVERIFY(error->isVisibleTo(&panel));
        QVERIFY2(error->text().contains(QStringLiteral("nonexistent-folder")), qPrintable(error->text()));
    }

    void defaultOllamaName() {
        QCOMPARE(ExportPanel::defaultOllamaModelName(QStringLiteral("/x/Qwen2.5 7B-Q4_K_M.gguf")),
                 QStringLiteral("qwen2.5-7b-q4_k_m"));
        QCOMPARE(ExportPanel::defaultOllamaModelName(sharedModelPath()), QStringLiteral("qf-books-22m-f16"));
    }

    void createInOllamaWithoutOllamaIsDisabled() {
        QTemporaryDir emptyBin;
        qputenv("PATH", emptyBin.path().toLocal8Bit());
        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        QVERIFY(panel.ollamaExecutable().isEmpty());
        QVERIFY(!panel.createInOllamaAction()->isEnabled());
        QVERIFY(!panel.createInOllama(QStringLiteral("books")));
    }

    void createInOllamaRunsOllamaCreate() {
        QTemporaryDir bin, log;
        installFakeOllama(bin, "printf '%s\\n' \"$@\" > \"" + log.path().toLocal8Bit() +
                                   "/args\"\n"
                                   "cat \"$4\" > \"" +
                                   log.path().toLocal8Bit() +
                                   "/modelfile\"\n"
                                   "printf 'gathering model components \\033[K\\r'\n"
                                   "echo 'writing manifest'\necho success\n");
        qputenv("PATH", bin.path().toLocal8Bit() + ':' + m_originalPath);

        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        QVERIFY(panel.createInOllamaAction()->isEnabled());
        QSignalSpy finished(&panel, &ExportPanel::ollamaFinished);
        QVERIFY(panel.createInOllama(QStringLiteral("qf-books:test")));
        QVERIFY(panel.isBusy());
        QVERIFY(!panel.createInOllamaAction()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QVERIFY(!panel.isBusy());

        const QStringList args =
            readText(log.filePath(QStringLiteral("args"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(args.size(), 4);
        QCOMPARE(args.mid(0, 3), (QStringList{QStringLiteral("create"), QStringLiteral("qf-books:test"),
                                              QStringLiteral("-f")}));
        QVERIFY(args[3].endsWith(QStringLiteral("Modelfile")));
        QVERIFY2(!QFileInfo::exists(args[3]), "the temporary Modelfile is removed afterwards");
        const QString modelfile = readText(log.filePath(QStringLiteral("modelfile")));
        QVERIFY(modelfile.contains(QStringLiteral("\nFROM ") +
                                   QFileInfo(sharedModelPath()).absoluteFilePath() + QLatin1Char('\n')));
        QVERIFY(modelfile.contains(QStringLiteral("PARAMETER stop \"</s>\"")));

        const QString status = widgetText(panel, "exportStatus");
        QVERIFY2(status.contains(QStringLiteral("exit code 0")), qPrintable(status));
        const QString output =
            panel.findChild<QPlainTextEdit*>(QStringLiteral("ollamaOutput"))->toPlainText();
        QVERIFY(output.contains(QStringLiteral("writing manifest")));
        QVERIFY(output.contains(QStringLiteral("success")));
        QVERIFY2(!output.contains(QChar(0x1b)), "terminal escapes are removed");
    }

    void failingOllamaShowsItsError() {
        QTemporaryDir bin;
        installFakeOllama(bin, "echo 'Error: no Modelfile or safetensors files found' >&2\nexit 3\n");
        qputenv("PATH", bin.path().toLocal8Bit() + ':' + m_originalPath);

        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        QSignalSpy finished(&panel, &ExportPanel::ollamaFinished);
        QVERIFY(panel.createInOllama(QStringLiteral("books")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(finished.at(0).at(0).toInt(), 3);
        auto* error = panel.findChild<qf::ui::MessagePanel*>(QStringLiteral("exportError"));
        QVERIFY(error->isVisibleTo(&panel));
        QVERIFY2(error->title().contains(QStringLiteral("exit code 3")), qPrintable(error->title()));
        QVERIFY2(error->text().contains(QStringLiteral("no Modelfile or safetensors")),
                 qPrintable(error->text()));
    }

    void invalidOllamaNameIsRefused() {
        QTemporaryDir bin;
        installFakeOllama(bin, "exit 0\n");
        qputenv("PATH", bin.path().toLocal8Bit() + ':' + m_originalPath);
        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        QVERIFY(!panel.createInOllama(QStringLiteral("bad name!")));
        QVERIFY(!panel.isBusy());
        QVERIFY(panel.findChild<qf::ui::MessagePanel*>(QStringLiteral("exportError"))->isVisibleTo(&panel));
    }

    void cancelOllamaCreate() {
        QTemporaryDir bin;
        installFakeOllama(bin, "echo started\nexec sleep 30\n");
        qputenv("PATH", bin.path().toLocal8Bit() + ':' + m_originalPath);
        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        QVERIFY(panel.createInOllama(QStringLiteral("books")));
        QTRY_VERIFY(panel.findChild<QPlainTextEdit*>(QStringLiteral("ollamaOutput"))
                        ->toPlainText()
                        .contains(QStringLiteral("started")));
        panel.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 10000);
        QVERIFY(widgetText(panel, "exportStatus").contains(QStringLiteral("Cancelled")));
        QVERIFY(!panel.findChild<qf::ui::MessagePanel*>(QStringLiteral("exportError"))->isVisibleTo(&panel));
    }

    void copyToLmStudioLayout() {
        QTemporaryDir models;
        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        QSignalSpy finished(&panel, &ExportPanel::copyFinished);
        QVERIFY(panel.copyToLmStudio(models.path()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const QString relative = QStringLiteral("quantforge/qf-books-22M-GGUF/qf-books-22m-f16.gguf");
        QCOMPARE(QFileInfo(finished.at(0).at(0).toString()).absoluteFilePath(),
                 QFileInfo(models.filePath(relative)).absoluteFilePath());
        QCOMPARE(filesBelow(models.path()), QStringList{relative});
        QVERIFY(qf::test::readAll(models.filePath(relative).toStdString()) ==
                qf::test::readAll(qf::test::sharedModel()));
        QVERIFY(widgetText(panel, "exportStatus").contains(QStringLiteral("qf-books-22M-GGUF")));

        // A second copy does not silently replace the first; with overwrite it does.
        QSignalSpy failed(&panel, &ExportPanel::copyFailed);
        QVERIFY(panel.copyToLmStudio(models.path()));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("already exists")));
        QVERIFY(panel.findChild<qf::ui::MessagePanel*>(QStringLiteral("exportError"))->isVisibleTo(&panel));
        QVERIFY(panel.copyToLmStudio(models.path(), true));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(filesBelow(models.path()), QStringList{relative});
    }

    void cancelledCopyLeavesNothing() {
        // A model with 512 MB of (sparse) padding after its data, so the copy is still running at cancel.
        QTemporaryDir source, models;
        const QString big = source.filePath(QStringLiteral("big.gguf"));
        QVERIFY(QFile::copy(sharedModelPath(), big));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.resize(f.size() + (qint64(512) << 20)));
        }
        ExportPanel panel;
        panel.setModel(big, openModel(big));
        QSignalSpy cancelled(&panel, &ExportPanel::copyCancelled);
        QSignalSpy finished(&panel, &ExportPanel::copyFinished);
        QVERIFY(panel.copyToLmStudio(models.path()));
        panel.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 60000);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!panel.isBusy());
        QCOMPARE(filesBelow(models.path()), QStringList());
        QCOMPARE(QDir(models.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());
        QVERIFY(widgetText(panel, "exportStatus").contains(QStringLiteral("Cancelled")));
    }

    void lmStudioFolderIsRememberedUnderExport() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ExportPanel panel;
        panel.setSettings(&settings);
        QCOMPARE(panel.lmStudioModelsDirectory(), ExportPanel::defaultLmStudioModelsDirectory());
        QVERIFY(ExportPanel::defaultLmStudioModelsDirectory().endsWith(QStringLiteral("models")));
        settings.setValue(QStringLiteral("export/lmStudioModelsDirectory"), dir.path());
        QCOMPARE(panel.lmStudioModelsDirectory(), dir.path());
    }

    void everyControlHasAnAccessibleName() {
        ExportPanel panel;
        panel.setModel(sharedModelPath(), m_model);
        const auto widgets = panel.findChildren<QWidget*>();
        for (QWidget* w : widgets) {
            if (!w->inherits("QAbstractButton") && !w->inherits("QProgressBar") &&
                !w->inherits("QPlainTextEdit"))
                continue;
            if (w->parentWidget() != &panel) continue; // parts of composite widgets
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        }
    }
};

QTEST_MAIN(TestExportPanel)
#include "test_export_panel.moc"
