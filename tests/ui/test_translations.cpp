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

#include "app_translations.h"

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

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
