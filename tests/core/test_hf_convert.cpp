// Converting a Hugging Face folder to GGUF: the shared HF copy of qf-books-22m must give the shared F16
// GGUF (tensors, metadata, tokenizer), also when its weights come split into shards; unsupported and
// broken folders give clear errors.
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "qf/eval/tokenizer.h"
#include "qf/fp16.h"
#include "qf/gguf/gguf_file.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/hf_tensor_source.h"
#include "qf/hf/safetensors.h"
#include "qf/hf/sentencepiece.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"
#include "test_support.h"

using namespace qf;
using namespace qf::hf;
namespace fs = std::filesystem;

namespace {

const fs::path kHfFolder = test::sharedPath("models/qf-books-22m-hf");
const char* kReferenceName = "Quantforge Books 22M"; // the reference was made with --model-name

struct StTensor {
    std::string name;
    std::string dtype;
    std::vector<uint64_t> shape;
    std::vector<uint8_t> bytes;
};

void writeSafetensors(const fs::path& path, const std::vector<StTensor>& tensors) {
    std::string json = "{";
    uint64_t offset = 0;
    for (const auto& t : tensors) {
        std::string shape;
        for (size_t i = 0; i < t.shape.size(); ++i) {
            if (i) shape += ',';
            shape += std::to_string(t.shape[i]);
        }
        json +=
            fmt::format("{}\"{}\":{{\"dtype\":\"{}\",\"shape\":[{}],\"data_offsets\":[{},{}]}}",
                        json.size() > 1 ? "," : "", t.name, t.dtype, shape, offset, offset + t.bytes.size());
        offset += t.bytes.size();
    }
    json += "}";
    while (json.size() % 8)
        json += ' ';
    std::ofstream out(path, std::ios::binary);
    const uint64_t n = json.size();
    out.write(reinterpret_cast<const char*>(&n), 8);
    out << json;
    for (const auto& t : tensors)
        out.write(reinterpret_cast<const char*>(t.bytes.data()), std::streamsize(t.bytes.size()));
}

std::vector<StTensor> sharedTensors() {
    auto model = SafetensorsModel::open(kHfFolder);
    std::vector<StTensor> out;
    if (!model) return out;
    for (const auto& t : model->tensors()) {
        const auto data = model->data(t);
        out.push_back({t.name, std::string(stDtypeName(t.dtype)), t.shape, {data.begin(), data.end()}});
    }
    return out;
}

void copyTokenizerFiles(const fs::path& to) {
    for (const char* f : {"config.json", "tokenizer.model", "tokenizer_config.json",
                          "special_tokens_map.json", "generation_config.json"})
        fs::copy_file(kHfFolder / f, to / f);
}

void compareTensors(const gguf::GgufFile& got, const gguf::GgufFile& want) {
    QCOMPARE(got.tensors().size(), want.tensors().size());
    for (size_t i = 0; i < want.tensors().size(); ++i) {
        const auto& a = got.tensors()[i];
        const auto& b = want.tensors()[i];
        QCOMPARE(a.name, b.name);
        QVERIFY2(a.shape == b.shape, a.name.c_str());
        QCOMPARE(a.type, b.type);
        const auto da = got.tensorData(a);
        const auto db = want.tensorData(b);
        QCOMPARE(da.size(), db.size());
        QVERIFY2(std::memcmp(da.data(), db.data(), da.size()) == 0, a.name.c_str());
    }
}

void compareMetadata(const gguf::Metadata& got, const gguf::Metadata& want, bool skipGeneralNames) {
    auto skipped = [&](const std::string& key) {
        return skipGeneralNames && (key == "general.name" || key == "general.basename" ||
                                    key == "general.finetune" || key == "general.size_label");
    };
    std::vector<std::string> gotKeys, wantKeys;
    for (const auto& e : got.entries())
        if (!skipped(e.key)) gotKeys.push_back(e.key);
    for (const auto& e : want.entries())
        if (!skipped(e.key)) wantKeys.push_back(e.key);
    QCOMPARE(gotKeys, wantKeys);
    for (const auto& e : want.entries()) {
        if (skipped(e.key)) continue;
        const auto* v = got.find(e.key);
        QVERIFY2(v && *v == e.value, e.key.c_str());
    }
}

} // namespace

class TestHfConvert : public QObject {
    Q_OBJECT

private slots:
    void sharedModelIsByteIdentical() {
        QTemporaryDir dir;
        ConvertOptions options;
        options.modelName = kReferenceName;
        auto conv = HfConversion::open(kHfFolder, options);
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        QCOMPARE(conv->architecture(), std::string("LlamaForCausalLM"));
        const fs::path out = fs::path(dir.path().toStdString()) / "books-f16.gguf";
        std::vector<Progress> reports;
        auto written = conv->write(out, [&](const Progress& p) { reports.push_back(p); });
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        QVERIFY(!reports.empty());
        QCOMPARE(reports.back().done, reports.back().total);

        auto got = gguf::GgufFile::open(out);
        auto want = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(got.ok() && want.ok());
        compareMetadata(got->metadata(), want->metadata(), false);
        compareTensors(*got, *want);
        // The whole file, header and padding included.
        QVERIFY(test::readAll(out) == test::readAll(test::sharedModel()));
    }

    void folderNameGivesLlamaCppNameParts() {
        auto conv = HfConversion::open(kHfFolder / "config.json");
        QVERIFY(conv.ok());
        QCOMPARE(conv->metadata().getString("general.name").value_or(""), std::string("Qf Books 22m Hf"));
        QCOMPARE(conv->metadata().getString("general.basename").value_or(""), std::string("qf-books"));
        QCOMPARE(conv->metadata().getString("general.size_label").value_or(""), std::string("22M"));
        QCOMPARE(conv->metadata().getString("general.finetune").value_or(""), std::string("hf"));
    }

    void tokenizerMatchesReference() {
        auto conv = HfConversion::open(kHfFolder);
        auto want = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(conv.ok() && want.ok());
        auto a = eval::Tokenizer::fromMetadata(conv->metadata());
        auto b = eval::Tokenizer::fromMetadata(want->metadata());
        QVERIFY(a.ok() && b.ok());
        const QByteArray text = test::readAll(test::sharedPath("data/books-eval.txt")).left(20000);
        QVERIFY(!text.isEmpty());
        const std::string_view sv(text.constData(), size_t(text.size()));
        QVERIFY(a->tokenize(sv, true) == b->tokenize(sv, true));
        QCOMPARE(a->bos(), b->bos());
        QCOMPARE(a->eos(), b->eos());
    }

    void shardedInputMatches() {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "qf-books-22m-hf";
        fs::create_directory(folder);
        copyTokenizerFiles(folder);
        auto tensors = sharedTensors();
        QCOMPARE(tensors.size(), size_t(57));
        // Three shards of uneven size; the index lists them out of order, as real indexes may.
        const size_t cuts[] = {0, 5, 30, tensors.size()};
        std::string weightMap;
        for (int s = 0; s < 3; ++s) {
            const std::string file = fmt::format("model-0000{}-of-00003.safetensors", s + 1);
            std::vector<StTensor> part(tensors.begin() + long(cuts[s]), tensors.begin() + long(cuts[s + 1]));
            writeSafetensors(folder / file, part);
            for (const auto& t : part)
                weightMap =
                    fmt::format("\"{}\":\"{}\"", t.name, file) + (weightMap.empty() ? "" : ",") + weightMap;
        }
        std::ofstream(folder / "model.safetensors.index.json")
            << "{\"metadata\":{\"total_size\":42211840},\"weight_map\":{" << weightMap << "}}";

        auto model = SafetensorsModel::open(folder);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QCOMPARE(model->shardPaths().size(), size_t(3));

        ConvertOptions options;
        options.modelName = kReferenceName;
        auto conv = HfConversion::open(folder, options);
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        const fs::path out = fs::path(dir.path().toStdString()) / "sharded.gguf";
        QVERIFY(conv->write(out).ok());
        QVERIFY(test::readAll(out) == test::readAll(test::sharedModel()));
    }

    void f32AndBf16Outputs() {
        auto want = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(want.ok());
        for (OutType type : {OutType::F32, OutType::BF16}) {
            ConvertOptions options;
            options.outType = type;
            auto conv = HfConversion::open(kHfFolder, options);
            QVERIFY(conv.ok());
            QCOMPARE(conv->metadata().getUInt("general.file_type").value_or(99),
                     type == OutType::F32 ? 0u : 32u);
            for (size_t i = 0; i < conv->tensors().size(); ++i) {
                const auto& spec = conv->tensors()[i];
                const auto& ref = want->tensors()[i];
                QCOMPARE(spec.name, ref.name);
                std::vector<uint8_t> bytes(conv->tensorByteSize(i));
                QVERIFY(conv->tensorData(i, bytes).ok());
                const auto refBytes = want->tensorData(ref);
                const uint64_t n = ref.elementCount();
                for (uint64_t k = 0; k < n; k += 97) { // a sample of elements, permuted rows included
                    const float expected =
                        ref.type == GgmlType::F32
                            ? reinterpret_cast<const float*>(refBytes.data())[k]
                            : fp16ToFp32(reinterpret_cast<const uint16_t*>(refBytes.data())[k]);
                    float got = 0;
                    if (spec.type == GgmlType::F32)
                        got = reinterpret_cast<const float*>(bytes.data())[k];
                    else if (spec.type == GgmlType::BF16)
                        got = bf16ToFp32(reinterpret_cast<const uint16_t*>(bytes.data())[k]);
                    const float want32 =
                        spec.type == GgmlType::BF16 ? bf16ToFp32(fp32ToBf16(expected)) : expected;
                    if (got != want32)
                        QFAIL(qPrintable(
                            QStringLiteral("%1 element %2").arg(QString::fromStdString(spec.name)).arg(k)));
                }
            }
        }
    }

    void tiedEmbeddingsHaveNoOutputTensor() {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "tied";
        fs::create_directory(folder);
        copyTokenizerFiles(folder);
        auto tensors = sharedTensors();
        std::erase_if(tensors, [](const StTensor& t) { return t.name == "lm_head.weight"; });
        writeSafetensors(folder / "model.safetensors", tensors);
        auto conv = HfConversion::open(folder);
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        QCOMPARE(conv->tensors().size(), size_t(56));
        QCOMPARE(conv->tensors().back().name, std::string("output_norm.weight"));
    }

    void badFoldersGiveClearErrors_data() {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("extraFile");
        QTest::addColumn<bool>("withWeights");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unsupported architecture")
            << R"({"architectures":["GPT2LMHeadModel"],"n_layer":2})"
            << "" << true << "architecture GPT2LMHeadModel is not supported yet";
        QTest::newRow("lora adapter") << ""
                                      << "adapter_config.json" << false << "is a LoRA adapter";
        QTest::newRow("no weights") << ""
                                    << "" << false << "no model.safetensors";
        QTest::newRow("bad json") << R"({"architectures":["LlamaForCausalLM"],)"
                                  << "" << true << "invalid JSON";
        QTest::newRow("no config") << "-"
                                   << "" << true << "no config.json";
    }

    void badFoldersGiveClearErrors() {
        QFETCH(QString, config);
        QFETCH(QString, extraFile);
        QFETCH(bool, withWeights);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        if (config.isEmpty())
            fs::copy_file(kHfFolder / "config.json", folder / "config.json");
        else if (config != QLatin1String("-"))
            std::ofstream(folder / "config.json") << config.toStdString();
        fs::copy_file(kHfFolder / "tokenizer.model", folder / "tokenizer.model");
        if (withWeights) fs::create_symlink(kHfFolder / "model.safetensors", folder / "model.safetensors");
        if (!extraFile.isEmpty())
            std::ofstream(folder / extraFile.toStdString())
                << R"({"base_model_name_or_path":"meta-llama/Llama-2-7b-hf","peft_type":"LORA","r":8})";
        auto conv = HfConversion::open(folder);
        QVERIFY(!conv.ok());
        QVERIFY2(QString::fromStdString(conv.error().message).contains(expected),
                 conv.error().message.c_str());
    }

    void sentencePieceModel() {
        const QByteArray bytes = test::readAll(kHfFolder / "tokenizer.model");
        const auto* p = reinterpret_cast<const uint8_t*>(bytes.constData());
        auto pieces = parseSentencePieceModel(std::span(p, size_t(bytes.size())), "tokenizer.model");
        QVERIFY2(pieces.ok(), pieces.ok() ? "" : pieces.error().message.c_str());
        QCOMPARE(pieces->size(), size_t(32000));
        QCOMPARE((*pieces)[0].type, PieceType::Unknown);
        QCOMPARE((*pieces)[1].text, std::string("<s>"));
        QCOMPARE((*pieces)[1].type, PieceType::Control);
        QCOMPARE((*pieces)[3].text, std::string("<0x00>"));
        QCOMPARE((*pieces)[3].type, PieceType::Byte);
        // Cut anywhere inside the pieces: an error naming the file, never a crash.
        // (A cut exactly between two pieces, before the trainer spec, is a valid smaller model.)
        int failures = 0;
        for (size_t n = 1; n < 4000; n += 13) {
            auto cut = parseSentencePieceModel(std::span(p, n), "cut.model");
            QVERIFY(!cut.ok() || cut->size() < 32000);
            if (!cut.ok()) {
                ++failures;
                QVERIFY(QString::fromStdString(cut.error().message).contains(QLatin1String("cut.model")));
            }
        }
        QVERIFY(failures > 200);
        // A model missing a whole piece is caught by the trainer spec's vocab_size: drop the first piece.
        QCOMPARE(uint8_t(bytes[0]), uint8_t(0x0a)); // field 1, length-delimited
        QVERIFY(uint8_t(bytes[1]) < 0x80);          // one-byte length
        const size_t firstPiece = 2 + uint8_t(bytes[1]);
        auto missing =
            parseSentencePieceModel(std::span(p + firstPiece, size_t(bytes.size()) - firstPiece), "missing");
        QVERIFY(!missing.ok());
        QVERIFY2(QString::fromStdString(missing.error().message)
                     .contains(QLatin1String("trainer spec says 32000")),
                 missing.error().message.c_str());
        const uint8_t hugeLength[] = {0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x00};
        QVERIFY(!parseSentencePieceModel(hugeLength, "huge").ok());
    }

    void oneStepQuantizeEqualsConvertThenQuantize() {
        QTemporaryDir dir;
        const fs::path tmp = dir.path().toStdString();
        ConvertOptions options;
        options.modelName = kReferenceName;
        auto conv = HfConversion::open(kHfFolder, options);
        QVERIFY(conv.ok());
        QVERIFY(conv->write(tmp / "books-f16.gguf").ok());
        auto converted = gguf::GgufFile::open(tmp / "books-f16.gguf");
        QVERIFY(converted.ok());

        const char* presets[] = {"Q4_K_M", "Q8_0"};
        quant::QuantizeParams twoStep;
        twoStep.source = &*converted;
        hf::HfTensorSource virtualSource(*conv);
        quant::QuantizeParams oneStep;
        oneStep.tensorSource = &virtualSource;
        for (const char* name : presets) {
            const auto* preset = quant::findPreset(name);
            QVERIFY(preset);
            auto a = quant::makeQuantPlan(converted->metadata(), converted->tensors(), *preset);
            auto b = quant::makeQuantPlan(virtualSource.metadata(), virtualSource.tensors(), *preset);
            QVERIFY(a.ok() && b.ok());
            twoStep.outputs.push_back({std::move(*a), tmp / fmt::format("two-{}.gguf", name)});
            oneStep.outputs.push_back({std::move(*b), tmp / fmt::format("one-{}.gguf", name)});
        }
        auto r1 = quant::quantize(twoStep);
        QVERIFY2(r1.ok(), r1.ok() ? "" : r1.error().message.c_str());
        auto r2 = quant::quantize(oneStep);
        QVERIFY2(r2.ok(), r2.ok() ? "" : r2.error().message.c_str());
        for (const char* name : presets) {
            const QByteArray two = test::readAll(tmp / fmt::format("two-{}.gguf", name));
            QVERIFY(two.size() > 1000);
            QVERIFY2(two == test::readAll(tmp / fmt::format("one-{}.gguf", name)), name);
        }
        // And llama.cpp's own Q4_K_M of the shared GGUF, tensor by tensor.
        auto ours = gguf::GgufFile::open(tmp / "one-Q4_K_M.gguf");
        auto llamaCpp = gguf::GgufFile::open(test::sharedPath("reference/qf-books-22m-Q4_K_M.gguf"));
        QVERIFY(ours.ok() && llamaCpp.ok());
        compareTensors(*ours, *llamaCpp);
    }

    void cancelLeavesNoFile() {
        QTemporaryDir dir;
        auto conv = HfConversion::open(kHfFolder);
        QVERIFY(conv.ok());
        const fs::path out = fs::path(dir.path().toStdString()) / "cancelled.gguf";
        std::stop_source stop;
        int calls = 0;
        auto status = conv->write(
            out,
            [&](const Progress&) {
                if (++calls == 3) stop.request_stop();
            },
            stop.get_token());
        QVERIFY(!status.ok());
        QVERIFY(isCancelled(status.error()));
        QVERIFY(!fs::exists(out));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHfConvert)
#include "test_hf_convert.moc"
