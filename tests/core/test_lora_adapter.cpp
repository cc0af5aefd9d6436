// PEFT LoRA adapters (lora_adapter.h): the synthetic adapter of tests/tools/hf_synthetic_lora.h converts as
// llama.cpp's convert_lora_to_gguf.py converted it (tests/data/hf_convert/lora-<outtype>.json: every tensor's
// type, shape and sha256, every metadata key's value, the order of both; made by
// tests/tools/hf_reference/run_lora_reference.py); the QLoRA gate refuses merging a 4-bit-trained adapter into
// a quantized base and offers --dequantize or base + adapter; export writes FROM base + ADAPTER adapter.gguf.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

#include "cli_runner.h"
#include "hf_synthetic_lora.h"
#include "qf/export/ollama_modelfile.h"
#include "qf/gguf/gguf_file.h"
#include "qf/hf/lora_adapter.h"
#include "qf/json_reader.h"
#include "qf/sha256.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {
const fs::path kData = fs::path(QF_SOURCE_DIR) / "tests/data/hf_convert";
}

class TestLoraAdapter : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path dir() const { return fs::path(m_dir.path().toStdString()); }
    fs::path base() const { return dir() / "llama-rope"; }
    fs::path adapter() const { return dir() / "adapter"; }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::hf::SyntheticOptions options;
        options.tokenizerDir = kData / "qwen3-tokenizer";
        QVERIFY(test::hf::writeSyntheticHfFolder("llama-rope", base(), options));
        // As the reference run: the adapter names its base by a path relative to itself.
        QVERIFY(test::hf::writeSyntheticLoraAdapter(adapter(), "../llama-rope"));
    }

    void matchesLlamaCppConverter_data() {
        QTest::addColumn<int>("outType");
        QTest::newRow("f32") << int(hf::OutType::F32);
        QTest::newRow("f16") << int(hf::OutType::F16);
        QTest::newRow("bf16") << int(hf::OutType::BF16);
        // --outtype auto on this BF16 adapter: BF16, the model converter's rule (the default stays f32).
        // llama.cpp v0.5.0's convert_lora_to_gguf.py --outtype auto stops with "'LoraTorchTensor' object has
        // no attribute 'dim'" (its heuristic calls tensor.dim()), so the reference is its bf16 file.
        QTest::newRow("auto") << int(hf::OutType::Auto);
    }

    void matchesLlamaCppConverter() {
        QFETCH(int, outType);
        hf::LoraOptions options;
        options.outType = hf::OutType(outType);
        auto lora = hf::LoraAdapter::open(adapter(), options); // base from base_model_name_or_path
        QVERIFY2(lora.ok(), lora.ok() ? "" : lora.error().message.c_str());
        QCOMPARE(lora->rank(), 8u);
        QCOMPARE(lora->alpha(), 16.0f);
        const fs::path out = dir() / (std::string(QTest::currentDataTag()) + ".gguf");
        auto written = lora->write(out);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());

        const std::string tag = QTest::currentDataTag();
        auto reference = readJsonFile(kData / ("lora-" + (tag == "auto" ? std::string("bf16") : tag) + ".json"));
        QVERIFY(reference.ok());
        auto file = gguf::GgufFile::open(out);
        QVERIFY(file.ok());
        const auto& tensorOrder = *reference->find("tensor_order")->asArray();
        QCOMPARE(file->tensors().size(), tensorOrder.size());
        for (size_t i = 0; i < tensorOrder.size(); ++i) {
            const auto& t = file->tensors()[i];
            QCOMPARE(t.name, *tensorOrder[i].asString());
            const JsonValue* ref = reference->find("tensors")->find(t.name);
            QVERIFY(ref);
            QCOMPARE(uint64_t(t.type), *ref->find("type")->asUInt());
            std::vector<uint64_t> shape;
            for (const auto& d : *ref->find("shape")->asArray()) shape.push_back(*d.asUInt());
            QCOMPARE(t.shape, shape);
            QVERIFY2(sha256Hex(file->tensorData(t)) == *ref->find("sha256")->asString(), ("bytes differ: " + t.name).c_str());
        }
        const auto& keyOrder = *reference->find("metadata_order")->asArray();
        const auto& entries = file->metadata().entries();
        QCOMPARE(entries.size(), keyOrder.size());
        for (size_t i = 0; i < keyOrder.size(); ++i) {
            QCOMPARE(entries[i].key, *keyOrder[i].asString());
            const JsonValue* value = reference->find("metadata")->find(entries[i].key)->find("value");
            QVERIFY(value);
            if (value->asString())
                QCOMPARE(file->metadata().getString(entries[i].key).value_or("?"), *value->asString());
            else
                QCOMPARE(file->metadata().getFloat(entries[i].key).value_or(-1), *value->asDouble());
        }
    }

    void baseIsNeeded() {
        const fs::path lone = dir() / "lone-adapter";
        QVERIFY(test::hf::writeSyntheticLoraAdapter(lone, "meta-llama/Llama-3.1-8B"));
        auto lora = hf::LoraAdapter::open(lone);
        QVERIFY(!lora.ok());
        QVERIFY2(lora.error().message.find("--base") != std::string::npos, lora.error().message.c_str());
        hf::LoraOptions options;
        options.base = base();
        QVERIFY(hf::LoraAdapter::open(lone, options).ok());
    }

    void qloraGate() {
        hf::LoraOptions options;
        options.base = base();
        auto plain = hf::LoraAdapter::open(adapter(), options);
        QVERIFY(plain.ok());
        QVERIFY(plain->quantizedBaseEvidence().empty());
        QVERIFY(hf::checkMergeAllowed(*plain, true, false).ok());

        const fs::path qloraDir = dir() / "qlora-adapter";
        QVERIFY(test::hf::writeSyntheticLoraAdapter(qloraDir, "", true));
        auto qlora = hf::LoraAdapter::open(qloraDir, options);
        QVERIFY(qlora.ok());
        QVERIFY(!qlora->quantizedBaseEvidence().empty());
        auto refused = hf::checkMergeAllowed(*qlora, true, false);
        QVERIFY(!refused.ok());
        const std::string& m = refused.error().message;
        QVERIFY2(m.find("QLoRA") != std::string::npos && m.find("--dequantize") != std::string::npos &&
                     m.find("ADAPTER") != std::string::npos && m.find("bnb-4bit") != std::string::npos,
                 m.c_str());
        QVERIFY(hf::checkMergeAllowed(*qlora, true, true).ok());  // merged into F16 first
        QVERIFY(hf::checkMergeAllowed(*qlora, false, false).ok()); // an F16 base

        // The mark can also be the base's own config (a bitsandbytes 4-bit checkpoint as the base).
        const fs::path bnbBase = dir() / "bnb-base";
        fs::create_directories(bnbBase);
        std::string config = test::readAll(base() / "config.json").toStdString();
        config.insert(config.find('{') + 1, R"("quantization_config": {"load_in_4bit": true, "quant_method": "bitsandbytes"},)");
        std::ofstream(bnbBase / "config.json") << config;
        options.base = bnbBase;
        auto onBnb = hf::LoraAdapter::open(adapter(), options);
        QVERIFY(onBnb.ok());
        QVERIFY(!hf::checkMergeAllowed(*onBnb, true, false).ok());
    }

    void modelfileWithAdapter() {
        auto lora = hf::LoraAdapter::open(adapter());
        QVERIFY(lora.ok());
        gguf::Metadata baseMd;
        baseMd.set("general.architecture", gguf::Value::string("llama"));
        auto made = ollama::makeModelfile(baseMd, "./base-Q4_K_M.gguf", "./adapter-lora-f32.gguf");
        QVERIFY(made.ok());
        QVERIFY2(made->text.find("FROM ./base-Q4_K_M.gguf\nADAPTER ./adapter-lora-f32.gguf\n") != std::string::npos,
                 made->text.c_str());
        QVERIFY(ollama::makeModelfile(baseMd, "./base.gguf")->text.find("ADAPTER") == std::string::npos);
        QVERIFY(ollama::checkAdapterFits(baseMd, lora->metadata()).ok());
        gguf::Metadata qwen;
        qwen.set("general.architecture", gguf::Value::string("qwen2"));
        QVERIFY(!ollama::checkAdapterFits(qwen, lora->metadata()).ok());
        QVERIFY(!ollama::checkAdapterFits(baseMd, baseMd).ok()); // a model is not an adapter
    }

    void cliConvertAndExport() {
        const QString d = m_dir.path();
        auto run = test::runCli({QStringLiteral("convert"), QString::fromStdString(base().string()),
                                 QStringLiteral("-o"), d + QStringLiteral("/base-f16.gguf")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = test::runCli({QStringLiteral("convert"), QString::fromStdString(adapter().string()),
                            QStringLiteral("--base"), QString::fromStdString(base().string())});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(fs::exists(dir() / "adapter-lora-f32.gguf"));
        run = test::runCli({QStringLiteral("export"), d + QStringLiteral("/base-f16.gguf"), QStringLiteral("--ollama"),
                            QStringLiteral("--adapter"), d + QStringLiteral("/adapter-lora-f32.gguf")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QByteArray modelfile = test::readAll(dir() / "base-f16.Modelfile");
        QVERIFY2(modelfile.contains("FROM ./base-f16.gguf\nADAPTER ./adapter-lora-f32.gguf\n"), modelfile.constData());
        // A model given as the adapter is refused.
        run = test::runCli({QStringLiteral("export"), d + QStringLiteral("/base-f16.gguf"), QStringLiteral("--ollama"),
                            QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("--adapter"),
                            d + QStringLiteral("/base-f16.gguf")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("not a GGUF LoRA adapter"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestLoraAdapter)
#include "test_lora_adapter.moc"
