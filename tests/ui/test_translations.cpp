// Translation completeness: every .ts file in translations/ is finished (no unfinished, vanished or
// obsolete entries, every plural form filled, the same %1/%n placeholders as the source), covers every
// string the current ui/ code passes through tr() (lupdate is run on the sources into a scratch file),
// and its .qm, built beside the app, loads and translates.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTreeView>

#include "app_translations.h"
#include "pages/machine_card_widget.h"
#include "qf/quant/preset.h"
#include "qf/recommend/phrase.h"
#include "main_window.h"
#include "models/model_list_model.h"
#include "models/recommend_table_model.h"
#include "pages/recommend_page.h"

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    QString type;      // the translation's type attribute: empty when finished
    QStringList forms; // the translation, or its plural forms
    bool numerus = false;
};

QList<TsMessage> readTs(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage{};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.forms << xml.readElementText();
            } else {
                message.forms << xml.readElementText();
            }
            messages << message; // <translation> comes after <source> and <comment>
        }
    }
    if (xml.hasError()) *error = QStringLiteral("%1: %2").arg(path, xml.errorString());
    return messages;
}

QString keyOf(const TsMessage& m) {
    return m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment;
}

// %1..%99 and %n, sorted and without duplicates: a translation may reorder them, not drop or add one.
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2}|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    QStringList list(found.begin(), found.end());
    list.sort();
    return list;
}

// Words that are common in English sentences and are not German words: a visible text in the German window
// with two of them is an English sentence that escaped translation (core's explanations were such texts).
bool looksEnglish(const QString& text) {
    static const QSet<QString> words = {
        QStringLiteral("the"),   QStringLiteral("of"),    QStringLiteral("and"),    QStringLiteral("with"),
        QStringLiteral("from"),  QStringLiteral("is"),    QStringLiteral("are"),    QStringLiteral("would"),
        QStringLiteral("which"), QStringLiteral("this"),  QStringLiteral("that"),   QStringLiteral("its"),
        QStringLiteral("than"),  QStringLiteral("for"),   QStringLiteral("to"),     QStringLiteral("on"),
        QStringLiteral("at"),    QStringLiteral("be"),    QStringLiteral("not"),    QStringLiteral("does"),
        QStringLiteral("runs"),  QStringLiteral("fits"),  QStringLiteral("needs"),  QStringLiteral("make"),
        QStringLiteral("only"),  QStringLiteral("when"),  QStringLiteral("into"),   QStringLiteral("usable"),
        QStringLiteral("there"), QStringLiteral("it"),    QStringLiteral("you"),    QStringLiteral("expected"),
        QStringLiteral("quality"), QStringLiteral("tensors"), QStringLiteral("measured"), QStringLiteral("estimate"),
    };
    static const QRegularExpression word(QStringLiteral("[A-Za-z]+"));
    QSet<QString> hits;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured(0).toLower();
        if (words.contains(w)) hits.insert(w);
    }
    return hits.size() >= 2;
}

QString tsPath(const QString& language) {
    return QStringLiteral(QF_SOURCE_DIR "/translations/quantforge_%1.ts").arg(language);
}

QString findLupdate() {
    for (auto location : {QLibraryInfo::BinariesPath, QLibraryInfo::LibraryExecutablesPath}) {
        const QString candidate = QDir(QLibraryInfo::path(location)).filePath(QStringLiteral("lupdate"));
        if (QFileInfo(candidate).isExecutable()) return candidate;
    }
    return {};
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    QSet<QString> m_currentKeys; // every tr() string in the ui code now
    QHash<QString, QString> m_currentSources;

private slots:
    void initTestCase() {
        const QString lupdate = findLupdate();
        QVERIFY2(!lupdate.isEmpty(), "lupdate not found beside Qt (install qt6-tools-dev-tools)");
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString ts = scratch.filePath(QStringLiteral("current.ts"));
        QProcess process;
        process.setWorkingDirectory(QStringLiteral(QF_SOURCE_DIR));
        process.start(lupdate,
                      {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("ui"), QStringLiteral("app/gui_main.cpp"), QStringLiteral("-ts"), ts});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QString error;
        const auto current = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(current.size() > 100, "lupdate found suspiciously few strings in ui/");
        for (const TsMessage& m : current) {
            m_currentKeys.insert(keyOf(m));
            m_currentSources.insert(keyOf(m), m.context + QStringLiteral(": ") + m.source);
        }
    }

    void tsComplete_data() {
        QTest::addColumn<QString>("language");
        for (const QString& language : qf::ui::translatedLanguages())
            QTest::newRow(qPrintable(language)) << language;
    }

    void tsComplete() {
        QFETCH(QString, language);
        QString error;
        const auto messages = readTs(tsPath(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const int expectedForms =
            (language == QLatin1String("zh_CN") || language == QLatin1String("ja")) ? 1 : 2;
        QStringList problems;
        QSet<QString> keys;
        for (const TsMessage& m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
            keys.insert(keyOf(m));
            if (!m.type.isEmpty()) problems << m.type + QStringLiteral(" ") + where;
            if (!m_currentKeys.contains(keyOf(m)))
                problems << QStringLiteral("not in the code any more ") + where;
            if (m.numerus && m.forms.size() != expectedForms)
                problems << QStringLiteral("%1 plural forms instead of %2 ")
                                    .arg(m.forms.size())
                                    .arg(expectedForms) +
                                where;
            for (const QString& form : m.forms) {
                if (form.trimmed().isEmpty())
                    problems << QStringLiteral("empty translation ") + where;
                else if (placeholders(form) != placeholders(m.source))
                    problems << QStringLiteral("placeholders differ in \"") + form +
                                    QStringLiteral("\" for ") + where;
            }
        }
        for (const QString& key : std::as_const(m_currentKeys))
            if (!keys.contains(key)) problems << QStringLiteral("missing ") + m_currentSources.value(key);
        if (!problems.isEmpty())
            QFAIL(qPrintable(
                QStringLiteral("%1: %2 problem(s); run `ninja update_translations` and translate:\n  ")
                    .arg(tsPath(language))
                    .arg(problems.size()) +
                problems.join(QStringLiteral("\n  "))));
    }

    void qmLoadsAndTranslates_data() { tsComplete_data(); }

    void germanWindowShowsNoEnglishSourceText();

    // Core's recommendation phrases are message ids, and its preset descriptions are translated by their
    // text: each must be in the catalogue and translated.
    void corePhrasesTranslated() {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(QF_BUILD_DATA_DIR "/translations/quantforge_de.qm")));
        QStringList missing;
        static const QRegularExpression letter(QStringLiteral("[A-Za-z]"));
        for (std::string_view pattern : qf::recommend::allPhrasePatterns()) {
            const QByteArray source(pattern.data(), qsizetype(pattern.size()));
            const QString german = translator.translate("qf::ui::RecommendPhrase", source.constData());
            const bool hasWords = QString::fromUtf8(source).contains(letter);
            if (german.isEmpty() ? hasWords : (hasWords && german == QString::fromUtf8(source)))
                missing << QString::fromUtf8(source);
        }
        for (const qf::quant::Preset& preset : qf::quant::allPresets()) {
            const std::string description(preset.description);
            if (translator.translate("qf::ui::PresetText", description.c_str()).isEmpty())
                missing << QString::fromStdString(description);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("untranslated core phrases:\n  ") +
                                                missing.join(QStringLiteral("\n  "))));
    }
    void qmLoadsAndTranslates() {
        QFETCH(QString, language);
        const QString qm = QStringLiteral(QF_BUILD_DATA_DIR "/translations/quantforge_%1.qm").arg(language);
        QTranslator translator;
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QVERIFY(!translator.isEmpty());
        const QString translated = translator.translate("qf::ui::MainWindow", "&File");
        QVERIFY2(!translated.isEmpty() && translated != QLatin1String("&File"), qPrintable(translated));
        // Plural forms: the count is substituted in every language.
        const QString plural = translator.translate("qf::ui::MainWindow", "Produced %n files", nullptr, 3);
        QVERIFY2(plural.contains(QLatin1Char('3')) || plural.contains(QStringLiteral("%n")),
                 qPrintable(plural));
    }
};

// Issue 13: the German window showed English (the recommendation heading, quality words, Produce
// notes). Every page of a window with a model open is walked in German; no visible text may be an
// English source string (or a filled-in English template) that has a different German translation.
void TestTranslations::germanWindowShowsNoEnglishSourceText() {
    QString error;
    const auto messages = readTs(tsPath(QStringLiteral("de")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> english;
    QList<QRegularExpression> templates;
    auto plain = [](QString text) { return text.remove(QLatin1Char('&')).trimmed(); };
    for (const TsMessage& m : messages) {
        if (m.forms.isEmpty() || plain(m.forms.front()) == plain(m.source)) continue;
        static const QRegularExpression placeholder(QStringLiteral("%(\\d{1,2}|n)"));
        if (!m.source.contains(placeholder)) {
            if (plain(m.source).size() >= 3) english.insert(plain(m.source));
            continue;
        }
        // "Recommended: %1" -> ^Recommended: .*$, when the fixed words are long enough to mean something.
        QString fixed = m.source;
        fixed.remove(placeholder);
        if (fixed.count(QRegularExpression(QStringLiteral("[A-Za-z]"))) < 8) continue;
        QStringList parts = plain(m.source).split(placeholder);
        for (QString& part : parts)
            part = QRegularExpression::escape(part);
        templates << QRegularExpression(QStringLiteral("^") + parts.join(QStringLiteral(".*")) + QStringLiteral("$"),
                                        QRegularExpression::DotMatchesEverythingOption);
    }
    QVERIFY(english.size() > 100);

    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(QF_BUILD_DATA_DIR "/translations/quantforge_de.qm")));
    QCoreApplication::installTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QStringList found;
    {
        qf::ui::MainWindow window(&settings);
        window.resize(1180, 760);
        window.show();
        const QString model = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
        window.openFiles({model});
        const QModelIndex item = window.modelList()->findPath(QFileInfo(model).canonicalFilePath());
        QVERIFY(item.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(item.data(qf::ui::ModelListModel::StateRole).toInt(),
                                  int(qf::ui::LoadState::Ready), 30000);
        window.modelView()->setCurrentIndex(item);
        QTRY_VERIFY_WITH_TIMEOUT(window.recommendPage()->tableModel()->rowCount() > 0, 30000);
        auto collect = [&](const QString& where, const QString& raw) {
            const QString text = plain(raw);
            if (text.isEmpty()) return;
            bool bad = english.contains(text) || looksEnglish(text);
            for (const QRegularExpression& re : std::as_const(templates))
                bad = bad || re.match(text).hasMatch();
            if (bad && !found.contains(where + QStringLiteral(": ") + text)) found << where + QStringLiteral(": ") + text;
        };
        auto tabs = window.findChild<QTabWidget*>(QStringLiteral("sourcePages"));
        QVERIFY(tabs);
        for (int page = 0; page < tabs->count(); ++page) {
            tabs->setCurrentIndex(page);
            QTest::qWait(200);
            const QString where = tabs->tabText(page);
            for (QWidget* w : window.findChildren<QWidget*>()) {
                if (!w->isVisible()) continue;
                if (auto* label = qobject_cast<QLabel*>(w)) collect(where, label->text());
                if (auto* button = qobject_cast<QAbstractButton*>(w)) collect(where, button->text());
                if (auto* box = qobject_cast<QGroupBox*>(w)) collect(where, box->title());
                if (auto* edit = qobject_cast<QLineEdit*>(w)) collect(where, edit->placeholderText());
                // The detected machine's tooltip lists the drivers' own messages (a log, not the UI's words).
                if (w->objectName() != QLatin1String("detectedHardware"))
                    collect(where + QStringLiteral(" (tooltip)"), w->toolTip());
                if (auto* combo = qobject_cast<QComboBox*>(w))
                    for (int i = 0; i < combo->count(); ++i) collect(where, combo->itemText(i));
                if (auto* tabWidget = qobject_cast<QTabWidget*>(w))
                    for (int i = 0; i < tabWidget->count(); ++i) collect(where, tabWidget->tabText(i));
                if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model()) {
                    QAbstractItemModel* model = view->model();
                    for (int c = 0; c < model->columnCount(); ++c) {
                        // Long titles come on two lines; the one-line form is the translated string.
                        QString title = model->headerData(c, Qt::Horizontal).toString();
                        title.replace(QStringLiteral("/\n"), QStringLiteral("/")).replace(QLatin1Char('\n'), QLatin1Char(' '));
                        collect(where, title);
                        for (int r = 0; r < model->rowCount(); ++r) {
                            collect(where, model->index(r, c).data().toString());
                            collect(where + QStringLiteral(" (tooltip)"),
                                    model->index(r, c).data(Qt::ToolTipRole).toString());
                        }
                    }
                }
            }
        }
        for (QAction* action : window.findChildren<QAction*>())
            collect(QStringLiteral("menu"), action->text());

        // Every kind of explanation: below 4 bits (with its warnings and suggestions), nothing fits, a GPU.
        tabs->setCurrentIndex(0);
        auto* page = window.recommendPage();
        const auto* result = page->tableModel()->result();
        QVERIFY(result);
        uint64_t q3 = 0, smallest = UINT64_MAX;
        for (const auto& v : result->presets) {
            if (v.preset->name == "Q3_K_M") q3 = v.totalBytes;
            if (v.available) smallest = std::min(smallest, v.totalBytes);
        }
        QVERIFY(q3 > 0);
        const uint64_t reserve = 100'000'000;
        std::vector<qf::recommend::Machine> machines(3);
        machines[0].ramBytes = reserve + q3 + 1;
        machines[1].ramBytes = reserve + smallest / 2;
        machines[2].ramBytes = 8'000'000'000;
        machines[2].gpuBytes = 4'000'000'000;
        machines[2].gpuName = "Test GPU";
        for (size_t m = 0; m < machines.size(); ++m) {
            machines[m].osReserveBytes = reserve;
            machines[m].label = "test";
            page->machineCard()->setMachine(machines[m]);
            QTest::qWait(300);
            const QString where = QStringLiteral("Recommend, machine %1").arg(m);
            for (const char* name : {"recommendationHeadline", "recommendationExplanation", "recommendationWarnings",
                                     "recommendationSuggestions"}) {
                auto* label = page->findChild<QLabel*>(QString::fromLatin1(name));
                QVERIFY(label);
                collect(where, label->text());
            }
        }
    }
    QCoreApplication::removeTranslator(&translator);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    for (const QString& f : std::as_const(found))
        qWarning("English in the German window: %s", qPrintable(f));
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 English text(s) in the German window, the first: ")
                                             .arg(found.size()) +
                                         found.value(0)));
}

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
