// Front ends act on an error's kind (qf::ErrorKind), never on its message: a cancel, a PEFT adapter whose
// base folder is unknown, a LoRA merge into quantized weights, a preset that needs an importance matrix, a
// quantized source. Each kind is made here by a real call and checked where the caller receives it, after
// the paths that pass it on or reword it: a cancel through the merge's quantization pass, the conversion's
// GGUF writer and the adapter's conversion; the merge gate through loadLoraUpdates and
// LoraMergeSource::create; a plan's refusal under writeMerged's "PRESET: " prefix; and the CLI's
// --allow-requantize hint, which reads the kind.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <functional>

#include "cli_runner.h"
#include "hf_synthetic_lora.h"
#include "qf/eval/llama_model.h"
#include "qf/gguf/gguf_file.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/lora_adapter.h"
#include "qf/hf/lora_merge_write.h"
#include "qf/job.h"
#include "qf/mix/sensitivity.h"
#include "qf/quant/quantize_job.h"
#include "qf/quant/tensor_source.h"
#include "qf/synthetic_model.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {
const fs::path kData = fs::path(QF_SOURCE_DIR) / "tests/data/hf_convert";

const char* kindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::General:
        return "General";
    case ErrorKind::Cancelled:
        return "Cancelled";
    case ErrorKind::NeedsBaseFolder:
        return "NeedsBaseFolder";
    case ErrorKind::NeedsDequantize:
        return "NeedsDequantize";
    case ErrorKind::NeedsImportanceMatrix:
        return "NeedsImportanceMatrix";
    case ErrorKind::NeedsAllowRequantize:
        return "NeedsAllowRequantize";
    case ErrorKind::NotCached:
        return "NotCached";
    }
    return "?";
}

// Whether `result` failed with the kind `wanted`; otherwise says what happened instead.
template <class R> bool failsWith(const R& result, ErrorKind wanted, const char* what) {
    if (result.ok()) {
        qWarning("%s: did not fail", what);
        return false;
    }
    if (result.error().kind == wanted) return true;
    qWarning("%s: %s instead of %s (%s)", what, kindName(result.error().kind), kindName(wanted),
             result.error().message.c_str());
    return false;
}
} // namespace

class TestErrorKinds : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path dir() const { return fs::path(m_dir.path().toStdString()); }
    fs::path baseFolder() const { return dir() / "llama-rope"; }
    fs::path adapter() const { return dir() / "adapter"; }
    fs::path qloraAdapter() const { return dir() / "qlora-adapter"; }
    fs::path baseGguf() const { return dir() / "base-f16.gguf"; }
    fs::path q8Gguf() const { return dir() / "base-Q8_0.gguf"; }
    static QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

    static SyntheticLlamaParams tinyLlama() {
        SyntheticLlamaParams p;
        p.embedding = 64;
        p.layers = 2;
        p.feedForward = 128;
        p.heads = 2;
        p.headsKv = 2;
        p.vocabulary = 300;
        p.context = 64;
        p.threads = 1;
        return p;
    }

    // A merge source of `base` with the synthetic adapter (or `adapterPath`).
    Result<std::unique_ptr<hf::LoraMergeSource>>
    mergeSource(quant::TensorSource& base, bool dequantize = false, const fs::path& adapterPath = {}) {
        auto updates = hf::loadLoraUpdates(adapterPath.empty() ? adapter() : adapterPath, baseFolder());
        if (!updates) return updates.error();
        return hf::LoraMergeSource::create(base, std::move(*updates), hf::MergeOptions{dequantize});
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::hf::writeSyntheticMergeBases(kData / "qwen3-tokenizer", baseFolder(), baseGguf(),
                                                   q8Gguf()));
        QVERIFY(test::hf::writeSyntheticLoraAdapter(adapter(), "../llama-rope"));
        // Trained on a 4-bit base that is not a local folder: its base folder must be given.
        QVERIFY(test::hf::writeSyntheticLoraAdapter(qloraAdapter(), "", true));
    }

    void rewordingKeepsTheKind() {
        QCOMPARE(int(makeError("plain {}", 1).kind), int(ErrorKind::General));
        const Error gate = makeError(ErrorKind::NeedsDequantize, "{} is Q8_0", "blk.0.attn_q.weight");
        QCOMPARE(gate.message, std::string("blk.0.attn_q.weight is Q8_0"));
        const Error reworded = rewordError(gate, "base.gguf: {}", gate.message);
        QCOMPARE(reworded.message, std::string("base.gguf: blk.0.attn_q.weight is Q8_0"));
        QCOMPARE(int(reworded.kind), int(ErrorKind::NeedsDequantize));
        Result<int> failed = cancelledError();
        auto prefixed = std::move(failed).withContext("model.gguf");
        QCOMPARE(prefixed.error().message, std::string("model.gguf: cancelled"));
        QVERIFY(isCancelled(prefixed.error()));
        // The kind alone says "cancelled", whatever the message became.
        QVERIFY(isCancelled(Error{"stopped by the user", ErrorKind::Cancelled}));
        QVERIFY(!isCancelled(Error{"cancelled"}));
    }

    // Each job is stopped through its stop token at its first progress report.
    void cancelledJobsSayCancelled() {
        using Job = std::function<Status(const ProgressFn&, std::stop_token)>;
        auto base = gguf::GgufFile::open(baseGguf());
        QVERIFY(base.ok());
        quant::GgufTensorSource baseSource(*base);
        const fs::path out = dir() / "cancelled.gguf";
        const std::vector<std::pair<const char*, Job>> jobs = {
            {"quantize",
             [&](const ProgressFn& progress, std::stop_token stop) -> Status {
                 auto plan =
                     quant::makeQuantPlan(base->metadata(), base->tensors(), *quant::findPreset("Q4_K_M"));
                 if (!plan) return plan.error();
                 quant::QuantizeParams params;
                 params.source = &*base;
                 params.threads = 2;
                 params.outputs.push_back({std::move(*plan), out, {}});
                 QF_TRY(quant::quantize(params, progress, stop));
                 return {};
             }},
            {"write a synthetic model",
             [&](const ProgressFn& progress, std::stop_token stop) {
                 return writeSyntheticLlama(tinyLlama(), out, progress, stop);
             }},
            {"convert a Hugging Face folder",
             [&](const ProgressFn& progress, std::stop_token stop) -> Status {
                 auto conversion = hf::HfConversion::open(baseFolder());
                 if (!conversion) return conversion.error();
                 return conversion->write(out, progress, stop);
             }},
            {"convert a PEFT adapter",
             [&](const ProgressFn& progress, std::stop_token stop) -> Status {
                 auto lora = hf::LoraAdapter::open(adapter(), {.base = baseFolder()});
                 if (!lora) return lora.error();
                 return lora->write(out, progress, stop);
             }},
            {"merge into the float model",
             [&](const ProgressFn& progress, std::stop_token stop) -> Status {
                 auto source = mergeSource(baseSource);
                 if (!source) return source.error();
                 hf::MergeWriteParams params;
                 params.outputs = {out};
                 params.threads = 2;
                 QF_TRY(hf::writeMerged(**source, params, progress, stop));
                 return {};
             }},
            {"merge straight into a preset",
             [&](const ProgressFn& progress, std::stop_token stop) -> Status {
                 auto source = mergeSource(baseSource);
                 if (!source) return source.error();
                 hf::MergeWriteParams params;
                 params.presets = {quant::findPreset("Q4_K_M")};
                 params.outputs = {out};
                 params.threads = 2;
                 QF_TRY(hf::writeMerged(**source, params, progress, stop));
                 return {};
             }},
        };
        for (const auto& [name, job] : jobs) {
            std::stop_source stop;
            int reports = 0;
            auto progress = [&](const Progress&) {
                ++reports;
                stop.request_stop();
            };
            const Status status = job(progress, stop.get_token());
            QVERIFY2(reports > 0, name);
            QVERIFY(failsWith(status, ErrorKind::Cancelled, name));
            QVERIFY2(!fs::exists(out), name);
        }
    }

    // A quantized base: the per-tensor refusal and the QLoRA gate both ask for dequantize, through
    // loadLoraUpdates and LoraMergeSource::create; a float base, or dequantize chosen, passes.
    void mergeGateNeedsDequantize() {
        auto q8 = gguf::GgufFile::open(q8Gguf());
        auto f16 = gguf::GgufFile::open(baseGguf());
        QVERIFY(q8.ok() && f16.ok());
        quant::GgufTensorSource q8Source(*q8), f16Source(*f16);
        QVERIFY(failsWith(mergeSource(q8Source), ErrorKind::NeedsDequantize, "adapter into Q8_0"));
        auto qlora = mergeSource(q8Source, false, qloraAdapter());
        QVERIFY(failsWith(qlora, ErrorKind::NeedsDequantize, "QLoRA adapter into Q8_0"));
        QVERIFY2(qlora.error().message.find("QLoRA") != std::string::npos, qlora.error().message.c_str());
        QVERIFY(failsWith(hf::checkMergeAllowed("adapter", "a bnb-4bit base", true, false),
                          ErrorKind::NeedsDequantize, "checkMergeAllowed"));
        QVERIFY(mergeSource(q8Source, true).ok());
        QVERIFY(mergeSource(q8Source, true, qloraAdapter()).ok());
        QVERIFY(mergeSource(f16Source, false, qloraAdapter()).ok());
    }

    void missingBaseFolder() {
        QVERIFY(failsWith(hf::LoraAdapter::open(qloraAdapter()), ErrorKind::NeedsBaseFolder,
                          "LoraAdapter::open"));
        QVERIFY(
            failsWith(hf::loadLoraUpdates(qloraAdapter()), ErrorKind::NeedsBaseFolder, "loadLoraUpdates"));
        QVERIFY(hf::loadLoraUpdates(qloraAdapter(), baseFolder()).ok());
        // Another failure of the same call is not mistaken for it.
        QVERIFY(
            failsWith(hf::loadLoraUpdates(dir() / "no-such-adapter"), ErrorKind::General, "missing adapter"));
    }

    // A sensitivity table asked for from the cache alone, which does not have it.
    void sensitivityNotCached() {
        const fs::path path = dir() / "tiny-llama.gguf";
        QVERIFY(writeSyntheticLlama(tinyLlama(), path).ok());
        auto model = eval::LlamaModel::open(path);
        QVERIFY2(model.ok(), model ? "" : model.error().message.c_str());
        mix::SensitivityParams params;
        params.candidates = {GgmlType::Q4_K, GgmlType::Q8_0};
        params.context = 16;
        params.cacheFolder = dir() / "sensitivity-cache";
        params.cacheOnly = true;
        QVERIFY(failsWith(mix::measureSensitivity(**model, "the sea and the whale and the ship", params),
                          ErrorKind::NotCached, "cache only"));
    }

    // makeQuantPlan's refusals keep their kind under writeMerged's "PRESET: " prefix, and the CLI's hint
    // follows the kind.
    void planRefusals() {
        auto f16 = gguf::GgufFile::open(baseGguf());
        auto q8 = gguf::GgufFile::open(q8Gguf());
        QVERIFY(f16.ok() && q8.ok());
        const quant::Preset* iq2 = quant::findPreset("IQ2_XXS");
        QVERIFY(iq2);
        QVERIFY(failsWith(quant::makeQuantPlan(f16->metadata(), f16->tensors(), *iq2),
                          ErrorKind::NeedsImportanceMatrix, "IQ2_XXS plan"));
        QVERIFY(failsWith(quant::makeQuantPlan(q8->metadata(), q8->tensors(), *quant::findPreset("Q4_K_M")),
                          ErrorKind::NeedsAllowRequantize, "plan from Q8_0"));

        quant::GgufTensorSource f16Source(*f16);
        auto source = mergeSource(f16Source);
        QVERIFY(source.ok());
        hf::MergeWriteParams params;
        params.presets = {iq2};
        params.outputs = {dir() / "merged-IQ2_XXS.gguf"};
        auto merged = hf::writeMerged(**source, params);
        QVERIFY(failsWith(merged, ErrorKind::NeedsImportanceMatrix, "merge into IQ2_XXS"));
        QVERIFY2(merged.error().message.starts_with("IQ2_XXS: "), merged.error().message.c_str());

        auto run = test::runCli(
            {QStringLiteral("plan"), q(q8Gguf()), QStringLiteral("--types"), QStringLiteral("Q4_K_M")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("pass --allow-requantize"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestErrorKinds)
#include "test_error_kinds.moc"
