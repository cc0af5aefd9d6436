// "Apply a LoRA adapter…" on the Produce page, in the real window on the offscreen platform: the synthetic
// adapter of test_lora_merge merged into its F16 base gives the bytes that the core's merge gives (merged
// source written with gguf::writeGguf; straight into presets: quantized with quant::quantize, one preset at
// a time), and the files join the model list. A Q8_0 base is refused with the core's message, without a
// file, and the "Dequantize and Merge" offered with it merges after widening, as --dequantize does.
#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "hf_synthetic_lora.h"
#include "main_window.h"
#include "models/model_list_model.h"
#include "models/preset_table_model.h"
#include "pages/produce_page.h"
#include "pages/recommend_page.h"
#include "pages/source_view.h"
#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/lora_merge.h"
#include "qf/quant/quantize_job.h"
#include "widgets/lora_merge_panel.h"
#include "window_fixture.h"

using namespace qf;
using namespace qf::ui;
namespace fs = std::filesystem;

namespace {

QString q(const fs::path& p) {
    return QString::fromStdString(p.string());
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The core's merge, written without the GUI or hf::writeMerged: the float file, or one preset.
QByteArray referenceMerge(const fs::path& base, const fs::path& adapter, bool dequantize, const char* preset,
                          const fs::path& out, const fs::path& adapterBase = {}) {
    auto file = gguf::GgufFile::open(base);
    if (!file) return {};
    quant::GgufTensorSource baseSource(*file);
    auto updates = hf::loadLoraUpdates(adapter, adapterBase);
    if (!updates) return {};
    hf::MergeOptions options;
    options.dequantize = dequantize;
    auto merged = hf::LoraMergeSource::create(baseSource, std::move(*updates), options);
    if (!merged) return {};
    hf::LoraMergeSource& source = **merged;
    if (preset) {
        auto plan = quant::makeQuantPlan(source.metadata(), source.tensors(), *quant::findPreset(preset));
        if (!plan) return {};
        quant::QuantizeParams params;
        params.tensorSource = &source;
        params.outputs.push_back({std::move(*plan), out, {}});
        if (!quant::quantize(params)) return {};
    } else {
        gguf::WriteParams params;
        params.output = out;
        params.metadata = source.metadata();
        for (const auto& t : source.tensors())
            params.tensors.push_back({t.name, t.shape, t.type});
        auto data = [&](size_t index, std::span<uint8_t> dst) -> Status {
            auto got = source.tensorBytes(index);
            if (!got) return got.error();
            std::copy(got->begin(), got->end(), dst.begin());
            return {};
        };
        if (!gguf::writeGguf(params, data)) return {};
    }
    return readAll(q(out));
}

} // namespace

class TestLoraMergePanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    fs::path dir() const { return fs::path(m_dir.path().toStdString()); }
    fs::path adapter() const { return dir() / "adapter"; }
    fs::path baseGguf() const { return dir() / "models" / "base-f16.gguf"; }
    fs::path q8Gguf() const { return dir() / "models" / "base-Q8_0.gguf"; }

    // The window with `path` open on the Produce page, and that page's merge panel.
    LoraMergePanel* openPanel(MainWindow& window, const fs::path& path) {
        ProducePage* page = window.producePage();
        if (!test::openOnPage(window, q(path), page)) return nullptr;
        if (!QTest::qWaitFor([&] { return !page->presetModel()->isPending(); }, 30000)) return nullptr;
        return page->loraMergePanel();
    }

    static bool waitIdle(LoraMergePanel* panel) {
        return QTest::qWaitFor([&] { return !panel->isBusy(); }, 120000);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        QVERIFY(test::hf::writeSyntheticLoraAdapter(adapter(), "../llama-rope"));
        fs::create_directories(dir() / "models");
        fs::create_directories(dir() / "reference");
        QVERIFY(test::hf::writeSyntheticMergeBases(fs::path(QF_SOURCE_DIR) /
                                                       "tests/data/hf_convert/qwen3-tokenizer",
                                                   dir() / "llama-rope", baseGguf(), q8Gguf()));
    }

    void mergesIntoTheFloatModel() {
        auto window = test::makeActiveWindow(m_settings.get());
        LoraMergePanel* panel = openPanel(*window, baseGguf());
        QVERIFY(panel && panel->isVisible());
        QVERIFY(panel->applyAdapterAction()->isEnabled());
        auto* merge = test::child<QPushButton>(panel, "mergeButton");
        QVERIFY(merge && !merge->isEnabled()); // no adapter yet
        // A float base: no dequantize choice to make.
        QVERIFY(!test::child<QCheckBox>(panel, "mergeDequantizeCheck")->isVisible());
        panel->setAdapter(q(adapter()));
        QVERIFY(merge->isEnabled());
        const QString expectedPath = q(dir() / "models" / "base-f16-lora-merged.gguf");
        QCOMPARE(panel->outputPaths(), QStringList{expectedPath});
        QTest::mouseClick(merge, Qt::LeftButton);
        QVERIFY(panel->isBusy());
        QVERIFY(waitIdle(panel));
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));
        QVERIFY2(panel->statusText().contains(QStringLiteral("14 weight")), qPrintable(panel->statusText()));

        const QByteArray reference =
            referenceMerge(baseGguf(), adapter(), false, nullptr, dir() / "reference" / "merged.gguf");
        QVERIFY(!reference.isEmpty());
        QVERIFY(reference != readAll(q(baseGguf()))); // the adapter changed something
        QCOMPARE(readAll(expectedPath), reference);
        // The merged model joins the list.
        QTRY_VERIFY(window->modelList()->findPath(QFileInfo(expectedPath).canonicalFilePath()).isValid());

        // Again: the file exists, replacing it is offered, not done.
        QVERIFY(!panel->start());
        QVERIFY2(panel->errorText().contains(QStringLiteral("exists")), qPrintable(panel->errorText()));
        QVERIFY(panel->errorActionButton());
        QFile::remove(expectedPath);
    }

    // A Hugging Face folder as the base (converted on the fly, its folder is the adapter's base) gives the
    // same file as its converted F16 GGUF.
    void mergesIntoAHuggingFaceFolder() {
        auto window = test::makeActiveWindow(m_settings.get());
        LoraMergePanel* panel = openPanel(*window, dir() / "llama-rope");
        QVERIFY(panel);
        panel->setAdapter(q(adapter()));
        const QString output = q(dir() / "llama-rope-lora-merged.gguf");
        QCOMPARE(panel->outputPaths(), QStringList{output});
        QVERIFY(panel->start());
        QVERIFY(waitIdle(panel));
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));
        const QByteArray reference = referenceMerge(baseGguf(), adapter(), false, nullptr,
                                                    dir() / "reference" / "merged-from-folder.gguf");
        QVERIFY(!reference.isEmpty());
        QCOMPARE(readAll(output), reference);
        QFile::remove(output);
    }

    void mergesStraightIntoPresets() {
        auto window = test::makeActiveWindow(m_settings.get());
        LoraMergePanel* panel = openPanel(*window, baseGguf());
        QVERIFY(panel);
        window->producePage()->setChosenPresets({QStringLiteral("Q8_0"), QStringLiteral("Q4_K_M")});
        auto* into = test::child<QCheckBox>(panel, "mergeIntoPresetsCheck");
        QVERIFY(into && into->isEnabled());
        into->setChecked(true);
        panel->setAdapter(q(adapter()));
        const QStringList outputs = panel->outputPaths();
        QCOMPARE(outputs.size(), 2);
        QVERIFY(panel->start());
        QVERIFY(waitIdle(panel));
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));
        for (int i = 0; i < 2; ++i) {
            const char* preset = i == 0 ? "Q8_0" : "Q4_K_M";
            QVERIFY2(outputs[i].endsWith(
                         QStringLiteral("base-f16-lora-merged-%1.gguf").arg(QLatin1String(preset))),
                     qPrintable(outputs[i]));
            const QByteArray reference = referenceMerge(
                baseGguf(), adapter(), false, preset, dir() / "reference" / (std::string(preset) + ".gguf"));
            QVERIFY(!reference.isEmpty());
            QCOMPARE(readAll(outputs[i]), reference);
            QFile::remove(outputs[i]);
        }
    }

    void quantizedBaseOffersDequantize() {
        auto window = test::makeActiveWindow(m_settings.get());
        LoraMergePanel* panel = openPanel(*window, q8Gguf());
        QVERIFY(panel);
        auto* dequantize = test::child<QCheckBox>(panel, "mergeDequantizeCheck");
        QVERIFY(dequantize->isVisible() && !dequantize->isChecked());
        panel->setAdapter(q(adapter()));
        const QString output = q(dir() / "models" / "base-Q8_0-lora-merged.gguf");
        QCOMPARE(panel->outputPaths(), QStringList{output});
        QVERIFY(panel->start());
        QVERIFY(waitIdle(panel));
        // The core's words, as the CLI prints them, and no file.
        const QString error = panel->errorText();
        QVERIFY2(error.contains(QStringLiteral("Q8_0")) && error.contains(QStringLiteral("--dequantize")),
                 qPrintable(error));
        QVERIFY(!QFile::exists(output));
        QPushButton* offer = panel->errorActionButton();
        QVERIFY(offer);
        QCOMPARE(offer->text(), QStringLiteral("Dequantize and Merge"));
        QTest::mouseClick(offer, Qt::LeftButton);
        QVERIFY(dequantize->isChecked());
        QVERIFY(waitIdle(panel));
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));
        QVERIFY2(panel->statusText().contains(QStringLiteral("widened to F16")),
                 qPrintable(panel->statusText()));
        const QByteArray reference = referenceMerge(q8Gguf(), adapter(), true, nullptr,
                                                    dir() / "reference" / "merged-dequantized.gguf");
        QVERIFY(!reference.isEmpty());
        QCOMPARE(readAll(output), reference);
        QFile::remove(output);
    }

    // An adapter trained with QLoRA whose base is not a local folder: the base folder is asked for (as
    // --base), then the QLoRA gate refuses the Q8_0 base with its own message until dequantize is chosen.
    void qloraAdapterIntoQuantizedBase() {
        const fs::path qlora = dir() / "qlora-adapter";
        QVERIFY(test::hf::writeSyntheticLoraAdapter(qlora, "", true));
        auto window = test::makeActiveWindow(m_settings.get());
        LoraMergePanel* panel = openPanel(*window, q8Gguf());
        QVERIFY(panel);
        panel->setAdapter(q(qlora));
        const QString output = q(dir() / "models" / "base-Q8_0-lora-merged.gguf");
        QFile::remove(output);
        QVERIFY(panel->start());
        QVERIFY(waitIdle(panel));
        QVERIFY2(panel->errorText().contains(QStringLiteral("--base")), qPrintable(panel->errorText()));
        QVERIFY(panel->errorActionButton());
        QCOMPARE(panel->errorActionButton()->text(), QStringLiteral("Choose the Base Folder…"));

        panel->setAdapterBaseFolder(q(dir() / "llama-rope")); // what the folder dialog behind the button does
        QVERIFY(panel->start());
        QVERIFY(waitIdle(panel));
        const QString error = panel->errorText();
        QVERIFY2(error.contains(QStringLiteral("QLoRA")) && error.contains(QStringLiteral("--dequantize")),
                 qPrintable(error));
        QVERIFY(!QFile::exists(output));
        QPushButton* offer = panel->errorActionButton();
        QVERIFY(offer);
        QCOMPARE(offer->text(), QStringLiteral("Dequantize and Merge"));
        QTest::mouseClick(offer, Qt::LeftButton);
        QVERIFY(waitIdle(panel));
        QVERIFY2(panel->errorText().isEmpty(), qPrintable(panel->errorText()));
        const QByteArray reference =
            referenceMerge(q8Gguf(), qlora, true, nullptr, dir() / "reference" / "qlora-dequantized.gguf",
                           dir() / "llama-rope");
        QVERIFY(!reference.isEmpty());
        QCOMPARE(readAll(output), reference);
        QFile::remove(output);
    }

    // An adapter folder dropped on the window (openFiles, as the drop does) is not listed as a model: it is
    // chosen for the shown model on the Produce page.
    void droppedAdapterFolderIsChosen() {
        auto window = test::makeActiveWindow(m_settings.get());
        QVERIFY(test::openOnPage(*window, q(baseGguf()), window->recommendPage()));
        const int sources = window->modelList()->sourceCount();
        window->openFiles({q(adapter())});
        QCOMPARE(window->modelList()->sourceCount(), sources);
        QCOMPARE(window->sourceView()->currentPage(), static_cast<SourcePage*>(window->producePage()));
        QCOMPARE(window->producePage()->loraMergePanel()->adapter(),
                 QFileInfo(q(adapter())).absoluteFilePath());
    }

    void cancelLeavesNoFile() {
        auto window = test::makeActiveWindow(m_settings.get());
        LoraMergePanel* panel = openPanel(*window, baseGguf());
        QVERIFY(panel);
        panel->setAdapter(q(adapter()));
        const QString output = panel->outputPaths().front();
        QFile::remove(output);
        QVERIFY(panel->start());
        panel->cancel();
        QVERIFY(waitIdle(panel));
        QVERIFY(!QFile::exists(output));
        QVERIFY2(panel->statusText().contains(QStringLiteral("cancelled")), qPrintable(panel->statusText()));
        QCOMPARE(window->producePage()->activeJobCount(), 0);
    }
};

QTEST_MAIN(TestLoraMergePanel)
#include "test_lora_merge_panel.moc"
