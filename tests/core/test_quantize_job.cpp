// The quantization job end to end on the shared model: whole files identical to llama.cpp's, plan size ==
// file size, the same bytes for any thread count, several presets in one pass, and cancel.
#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <set>

#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "test_support.h"

using namespace qf;
using namespace qf::quant;
namespace fs = std::filesystem;

class TestQuantizeJob : public QObject {
    Q_OBJECT

    gguf::GgufFile* m_source = nullptr;
    std::unique_ptr<gguf::GgufFile> m_sourceOwner;

    QuantPlan plan(const char* preset, PlanOptions options = {}) {
        auto p = makeQuantPlan(m_source->metadata(), m_source->tensors(), *findPreset(preset), options);
        if (!p) qFatal("%s", p.error().message.c_str());
        return *p;
    }

    Result<QuantizeResult> run(std::vector<QuantizeOutput> outputs, unsigned threads = 2, const ProgressFn& progress = {},
                               std::stop_token stop = {}) {
        QuantizeParams params;
        params.source = m_source;
        params.threads = threads;
        params.outputs = std::move(outputs);
        return quantize(params, progress, stop);
    }

    static QByteArray sha(const fs::path& p) {
        return QCryptographicHash::hash(test::readAll(p), QCryptographicHash::Sha256).toHex();
    }

    // Presets that llama-quantize refuses without an imatrix are made with the shared one.
    QuantPlan planAsMade(const Preset& chosen, Imatrix& im) {
        PlanOptions options;
        auto refused = makeQuantPlan(m_source->metadata(), m_source->tensors(), chosen, options);
        if (!refused.ok() && needsImportanceMatrix(refused.error())) {
            auto loaded = loadImatrix(test::sharedPath("reference/imatrix-books-calibration.dat"));
            if (!loaded) qFatal("%s", loaded.error().message.c_str());
            im = std::move(*loaded);
            options.imatrix = &im;
        }
        return plan(std::string(chosen.name).c_str(), options);
    }

    // Under a sanitizer every preset's quantization takes many times longer; what the sanitizer checks there
    // is each kernel, so that build writes the fewest presets that between them use every tensor type any
    // preset uses (greedy cover). The normal build writes every preset.
    static constexpr bool kUnderSanitizer =
#ifdef QF_SANITIZED_BUILD
        true;
#else
        false;
#endif

    std::vector<const Preset*> presetsToWrite() {
        std::vector<const Preset*> all;
        for (const auto& p : allPresets()) all.push_back(&p);
        if (!kUnderSanitizer) return all;
        std::vector<std::set<GgmlType>> types;
        std::set<GgmlType> uncovered;
        for (const Preset* p : all) {
            Imatrix im;
            std::set<GgmlType> used;
            for (const auto& t : planAsMade(*p, im).tensors) used.insert(t.type);
            uncovered.insert(used.begin(), used.end());
            types.push_back(std::move(used));
        }
        std::vector<const Preset*> chosen;
        while (!uncovered.empty()) {
            size_t best = 0, bestGain = 0;
            for (size_t i = 0; i < all.size(); ++i) {
                size_t gain = 0;
                for (GgmlType t : types[i]) gain += uncovered.count(t);
                if (gain > bestGain) best = i, bestGain = gain;
            }
            chosen.push_back(all[best]);
            for (GgmlType t : types[best]) uncovered.erase(t);
        }
        return chosen;
    }

private slots:
    void initTestCase() {
        auto f = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(f.ok());
        m_sourceOwner = std::make_unique<gguf::GgufFile>(std::move(*f));
        m_source = m_sourceOwner.get();
    }

    // Without our provenance keys, the whole file must equal llama-quantize's, byte for byte.
    void wholeFileIdenticalToLlamaCpp_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("imatrix");
        QTest::newRow("Q4_K_M") << "Q4_K_M" << "qf-books-22m-Q4_K_M.gguf" << false;
        QTest::newRow("Q6_K") << "Q6_K" << "qf-books-22m-Q6_K.gguf" << false;
        QTest::newRow("Q4_K_M-imatrix") << "Q4_K_M" << "qf-books-22m-Q4_K_M-imatrix.gguf" << true;
    }

    void wholeFileIdenticalToLlamaCpp() {
        QFETCH(QString, preset);
        QFETCH(QString, reference);
        QFETCH(bool, imatrix);
        PlanOptions options;
        options.writeProvenance = false;
        Imatrix im;
        if (imatrix) {
            auto loaded = loadImatrix(test::sharedPath("reference/imatrix-books-calibration.dat"));
            QVERIFY(loaded.ok());
            im = std::move(*loaded);
            options.imatrix = &im;
            // llama-quantize records the path it was given; the reference was made from this one.
            auto ref = gguf::GgufFile::open(test::sharedPath("reference/" + reference.toStdString()));
            QVERIFY(ref.ok());
            options.imatrixFileLabel = *ref->metadata().getString("quantize.imatrix.file");
        }
        QTemporaryDir dir;
        const fs::path out = dir.filePath(QStringLiteral("out.gguf")).toStdString();
        auto p = plan(preset.toLatin1().constData(), options);
        auto r = run({{p, out}});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(fs::file_size(out), p.fileBytes);
        QCOMPARE(sha(out), sha(test::sharedPath("reference/" + reference.toStdString())));
    }

    void planSizeEqualsFileSize_data() {
        QTest::addColumn<QString>("preset");
        for (const Preset* p : presetsToWrite())
            QTest::newRow(std::string(p->name).c_str()) << QString::fromLatin1(p->name);
    }

    void planSizeEqualsFileSize() {
        QFETCH(QString, preset);
        QTemporaryDir dir;
        const fs::path out = dir.filePath(QStringLiteral("out.gguf")).toStdString();
        Imatrix im;
        auto p = planAsMade(*findPreset(preset.toStdString()), im);
        auto r = run({{p, out}});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(fs::file_size(out), p.fileBytes);
        QCOMPARE(r->files.at(0).bytes, p.fileBytes);
        auto back = gguf::GgufFile::open(out);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(back->tensors().size(), p.tensors.size());
        QCOMPARE(*back->metadata().getString("quantforge.preset"), preset.toStdString());
        QCOMPARE(*back->metadata().getUInt("general.file_type"), uint64_t(p.preset.fileType));
    }

    void sameBytesForAnyThreadCountAndKernelPath() {
        QTemporaryDir dir;
        QByteArray first;
        for (unsigned threads : {1u, 2u, 3u, 5u}) {
            const fs::path out = dir.filePath(QStringLiteral("t%1.gguf").arg(threads)).toStdString();
            auto r = run({{plan("Q3_K_M"), out}}, threads);
            QVERIFY(r.ok());
            const auto digest = sha(out);
            if (first.isEmpty()) first = digest;
            QCOMPARE(digest, first);
        }
        forceReferencePath(true);
        const fs::path out = dir.filePath(QStringLiteral("reference.gguf")).toStdString();
        auto r = run({{plan("Q3_K_M"), out}}, 2);
        forceReferencePath(false);
        QVERIFY(r.ok());
        QCOMPARE(sha(out), first);
    }

    void severalPresetsInOnePassEqualSeparateRuns() {
        QTemporaryDir dir;
        std::vector<QuantizeOutput> outputs;
        for (const char* name : {"Q8_0", "Q5_K_M", "IQ4_NL"})
            outputs.push_back({plan(name), dir.filePath(QStringLiteral("multi-%1.gguf").arg(QLatin1String(name))).toStdString()});
        auto multi = run(outputs);
        QVERIFY2(multi.ok(), multi.ok() ? "" : multi.error().message.c_str());
        QCOMPARE(multi->files.size(), size_t(3));
        for (const auto& o : outputs) {
            const fs::path single = dir.filePath(QStringLiteral("single.gguf")).toStdString();
            auto r = run({{o.plan, single}});
            QVERIFY(r.ok());
            QCOMPARE(sha(o.path), sha(single));
            fs::remove(single);
        }
    }

    void cancelLeavesNothing() {
        QTemporaryDir dir;
        std::stop_source stop;
        int reports = 0;
        auto r = run({{plan("Q4_K_M"), dir.filePath(QStringLiteral("a.gguf")).toStdString()},
                      {plan("Q8_0"), dir.filePath(QStringLiteral("b.gguf")).toStdString()}},
                     2, [&](const Progress&) { if (++reports == 10) stop.request_stop(); }, stop.get_token());
        QVERIFY(!r.ok());
        QVERIFY(isCancelled(r.error()));
        QVERIFY(fs::is_empty(dir.path().toStdString()));
    }

    void refusesToWriteOverItsSource() {
        QTemporaryDir dir;
        const fs::path copy = dir.filePath(QStringLiteral("model.gguf")).toStdString();
        fs::copy_file(test::sharedModel(), copy);
        auto src = gguf::GgufFile::open(copy);
        QVERIFY(src.ok());
        QuantizeParams params;
        params.source = &*src;
        params.outputs.push_back({plan("Q8_0"), copy});
        auto r = quantize(params);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("input") != std::string::npos);
        QCOMPARE(sha(copy), sha(test::sharedModel()));
    }

    void defaultOutputNames() {
        QCOMPARE(defaultOutputPath("/m/qf-books-22m-f16.gguf", "Q4_K_M").string(), std::string("/m/qf-books-22m-Q4_K_M.gguf"));
        QCOMPARE(defaultOutputPath("/m/llama-00001-of-00003.gguf", "Q8_0", "/out").string(), std::string("/out/llama-Q8_0.gguf"));
        QCOMPARE(defaultOutputPath("model.gguf", "Q6_K").string(), std::string("model-Q6_K.gguf"));
    }
};

QTEST_GUILESS_MAIN(TestQuantizeJob)
#include "test_quantize_job.moc"
