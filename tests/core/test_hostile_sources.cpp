// Issue #14 items 6 and 7 on the source side of quantize: a source truncated while it is being read
// (SIGBUS on the mapping) ends in an error and no output; NaN/infinite weights and a source with no
// tensors are refused instead of giving a plausible-looking quant.
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

#include "hostile_gguf.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace qf;

namespace {

Result<quant::QuantizeResult> quantizeTo(const gguf::GgufFile& file, const fs::path& out,
                                         const ProgressFn& progress = {}) {
    auto plan = quant::makeQuantPlan(file.metadata(), file.tensors(), *quant::findPreset("Q8_0"), {});
    if (!plan) return plan.error();
    quant::QuantizeParams params;
    params.source = &file;
    params.threads = 2;
    params.outputs.push_back({std::move(*plan), out});
    return quant::quantize(params, progress);
}

} // namespace

class TestHostileSources : public QObject {
    Q_OBJECT

private slots:
    void sourceTruncatedWhileQuantizing() {
        QTemporaryDir dir;
        const fs::path source = fs::path(dir.path().toStdString()) / "src.gguf";
        QVERIFY(test::writeSmallLlama(source, 4).ok());
        auto file = gguf::GgufFile::open(source);
        QVERIFY(file.ok());
        const uint64_t keep = fs::file_size(source) - file->tensorDataBytes() + 64;
        bool truncated = false;
        const fs::path out = fs::path(dir.path().toStdString()) / "out.gguf";
        // Another program cuts the file once the job has started: every later read is past the end.
        auto result = quantizeTo(*file, out, [&](const Progress&) {
            if (!truncated) fs::resize_file(source, keep);
            truncated = true;
        });
        QVERIFY(truncated);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.find("truncated") != std::string::npos, result.error().message.c_str());
        QVERIFY(!fs::exists(out));
        QVERIFY(test::filesIn(dir.path().toStdString(), ".part").empty());
    }

    void nonFiniteWeightsAreRefused() {
        QTemporaryDir dir;
        const fs::path base = fs::path(dir.path().toStdString()) / "base.gguf";
        QVERIFY(test::writeSmallLlama(base).ok());
        auto file = gguf::GgufFile::open(base);
        QVERIFY(file.ok());
        for (uint16_t bits : {uint16_t(0x7E00), uint16_t(0x7C00), uint16_t(0xFC00)}) { // NaN, +inf, -inf in F16
            const fs::path damaged = fs::path(dir.path().toStdString()) / "damaged.gguf";
            gguf::WriteParams params;
            params.output = damaged;
            params.metadata = file->metadata();
            for (const auto& t : file->tensors()) params.tensors.push_back({t.name, t.shape, t.type});
            QVERIFY(gguf::writeGguf(params, [&](size_t index, std::span<uint8_t> bytes) -> Status {
                const auto data = file->tensorData(file->tensors()[index]);
                std::copy(data.begin(), data.end(), bytes.begin());
                if (file->tensors()[index].name == "blk.1.ffn_up.weight") std::memcpy(bytes.data() + 100, &bits, 2);
                return {};
            }).ok());
            auto source = gguf::GgufFile::open(damaged);
            QVERIFY(source.ok());
            const fs::path out = fs::path(dir.path().toStdString()) / "out.gguf";
            auto result = quantizeTo(*source, out);
            QVERIFY(!result.ok());
            QVERIFY2(result.error().message.find("blk.1.ffn_up.weight") != std::string::npos &&
                         result.error().message.find("NaN or infinite") != std::string::npos,
                     result.error().message.c_str());
            QVERIFY(!fs::exists(out));
        }
    }

    void sourceWithoutTensorsIsRefused() {
        QTemporaryDir dir;
        const fs::path empty = fs::path(dir.path().toStdString()) / "empty.gguf";
        gguf::WriteParams params;
        params.output = empty;
        params.metadata.set("general.architecture", gguf::Value::string("llama"));
        QVERIFY(gguf::writeGguf(params, [](size_t, std::span<uint8_t>) -> Status { return {}; }).ok());
        auto file = gguf::GgufFile::open(empty);
        QVERIFY(file.ok());
        auto plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *quant::findPreset("Q4_K_M"), {});
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().message.find("no tensors") != std::string::npos, plan.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHostileSources)
#include "test_hostile_sources.moc"
