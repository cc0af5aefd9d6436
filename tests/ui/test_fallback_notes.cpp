// Issue 13: on a model whose rows are not multiples of 256, presets that write the same file (and the
// fallbacks behind them) are said in the Produce and Recommend tables themselves, not only in a tooltip.
#include <memory>

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "main_window.h"
#include "models/preset_table_model.h"
#include "models/recommend_table_model.h"
#include "pages/produce_page.h"
#include "pages/recommend_page.h"
#include "qf/synthetic_model.h"
#include "window_fixture.h"

using namespace qf::ui;

class TestFallbackNotes : public QObject {
    Q_OBJECT

private slots:
    void collapsedPresetsAreSaid() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        const QString model = dir.filePath(QStringLiteral("odd-rows-f16.gguf"));
        qf::SyntheticLlamaParams p;
        p.embedding = 96;
        p.layers = 2;
        p.feedForward = 160;
        p.heads = 4;
        p.headsKv = 2;
        p.vocabulary = 320;
        p.context = 128;
        QVERIFY(qf::writeSyntheticLlama(p, model.toStdString()));

        auto window = qf::test::makeActiveWindow(&settings);
        ProducePage* produce = window->producePage();
        QVERIFY(qf::test::openOnPage(*window, model, produce));
        QTRY_VERIFY(!produce->presetModel()->isPending());
        PresetTableModel* presets = produce->presetModel();
        int sameFile = 0;
        int withFallbacks = 0;
        for (int row = 0; row < presets->rowCount(); ++row) {
            const QString note = presets->index(row, PresetTableModel::NoteColumn).data().toString();
            if (note.startsWith(QStringLiteral("Same file as "))) ++sameFile;
            if (note.contains(QStringLiteral("fallback type"))) ++withFallbacks;
        }
        QVERIFY(sameFile >= 2);
        QVERIFY(withFallbacks >= 1);
        const int q4km = presets->rowOf(QStringLiteral("Q4_K_M"));
        QVERIFY(presets->index(q4km, PresetTableModel::NoteColumn).data(Qt::ForegroundRole).isValid());

        RecommendPage* recommend = window->recommendPage();
        window->sourceView()->setCurrentPage(recommend);
        RecommendTableModel* table = recommend->tableModel();
        QTRY_VERIFY(table->rowCount() > 0);
        int marked = 0;
        for (int row = 0; row < table->rowCount(); ++row)
            if (table->index(row, RecommendTableModel::PresetColumn).data().toString().contains(QStringLiteral("(= ")))
                ++marked;
        QCOMPARE(marked, sameFile);
    }
};

QTEST_MAIN(TestFallbackNotes)
#include "test_fallback_notes.moc"
