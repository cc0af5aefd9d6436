// The GGUF reader against every real file in ../shared: metadata values and tensor tables checked.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstring>

#include "qf/gguf/gguf_file.h"
#include "qf/model_summary.h"
#include "test_support.h"

using namespace qf;
using namespace qf::gguf;

class TestGgufReader : public QObject {
    Q_OBJECT

private:
    static QJsonObject referenceDigest(const std::string& name) {
        const auto bytes = test::readAll(test::sharedPath("reference/quants/" + name + ".json"));
        return QJsonDocument::fromJson(bytes).object();
    }

    // Checks a file's tensor table and scalar metadata against a reference digest made by llama.cpp.
    static void compareWithDigest(const GgufFile& file, const QJsonObject& digest) {
        QCOMPARE(file.totalFileBytes(), uint64_t(digest[QStringLiteral("file_size")].toInteger()));
        QCOMPARE(file.version(), uint32_t(digest[QStringLiteral("version")].toInt()));
        const auto tensors = digest[QStringLiteral("tensors")].toArray();
        QCOMPARE(file.tensors().size(), size_t(tensors.size()));
        for (const auto& item : tensors) {
            const auto t = item.toObject();
            const auto name = t[QStringLiteral("name")].toString().toStdString();
            const TensorInfo* info = file.findTensor(name);
            QVERIFY2(info, name.c_str());
            QCOMPARE(QString::fromLatin1(ggmlTypeName(info->type)), t[QStringLiteral("type")].toString());
            QCOMPARE(info->byteSize, uint64_t(t[QStringLiteral("bytes")].toInteger()));
            const auto shape = t[QStringLiteral("shape")].toArray();
            QCOMPARE(info->shape.size(), size_t(shape.size()));
            for (int d = 0; d < shape.size(); ++d) QCOMPARE(info->shape[size_t(d)], uint64_t(shape[d].toInteger()));
        }
        const auto md = digest[QStringLiteral("metadata")].toObject();
        for (auto it = md.begin(); it != md.end(); ++it) {
            const auto key = it.key().toStdString();
            const Value* v = file.metadata().find(key);
            QVERIFY2(v, key.c_str());
            if (it->isString()) QCOMPARE(QString::fromStdString(*v->asString()), it->toString());
            else if (it->isBool()) QCOMPARE(std::get<bool>(v->data), it->toBool());
            else if (v->type() == ValueType::Float32 || v->type() == ValueType::Float64)
                QCOMPARE(*v->asFloat(), it->toDouble());
            else QCOMPARE(*v->asInt(), it->toInteger());
        }
    }

private slots:
    void sharedSourceModel() {
        auto file = GgufFile::open(test::sharedModel());
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        compareWithDigest(*file, referenceDigest("F16-source"));

        // Arrays: the vocabulary as strings, scores as f32, token types as i32.
        const Array* tokens = file->metadata().getArray("tokenizer.ggml.tokens");
        QVERIFY(tokens);
        QCOMPARE(tokens->elementType(), ValueType::String);
        QCOMPARE(tokens->size(), size_t(32000));
        QCOMPARE(tokens->stringAt(0), std::string("<unk>"));
        QCOMPARE(tokens->stringAt(1), std::string("<s>"));
        QCOMPARE(tokens->stringAt(2), std::string("</s>"));
        QCOMPARE(tokens->stringAt(3), std::string("<0x00>"));
        const Array* scores = file->metadata().getArray("tokenizer.ggml.scores");
        QVERIFY(scores);
        QCOMPARE(scores->elementType(), ValueType::Float32);
        QCOMPARE(scores->size(), size_t(32000));
        const Array* types = file->metadata().getArray("tokenizer.ggml.token_type");
        QVERIFY(types);
        QCOMPARE(types->elementType(), ValueType::Int32);
        QCOMPARE(*types->intAt(0), int64_t(2)); // unknown
        QCOMPARE(*types->intAt(1), int64_t(3)); // control
        QCOMPARE(*types->intAt(3), int64_t(6)); // byte

        // Tensor data lies where the table says: the first norm weights are finite, positive-ish floats.
        const TensorInfo* norm = file->findTensor("blk.0.attn_norm.weight");
        QVERIFY(norm);
        QCOMPARE(norm->type, GgmlType::F32);
        const auto data = file->tensorData(*norm);
        QCOMPARE(data.size(), size_t(1024));
        float first;
        std::memcpy(&first, data.data(), 4);
        QVERIFY(std::isfinite(first) && first > 0.0f && first < 10.0f);
    }

    void summaryOfSharedModel() {
        auto file = GgufFile::open(test::sharedModel());
        QVERIFY(file.ok());
        const auto s = summarize(*file);
        QCOMPARE(s.architecture, std::string("llama"));
        QCOMPARE(s.parameterCount, uint64_t(21105920));
        QCOMPARE(*s.layers, uint64_t(6));
        QCOMPARE(*s.embeddingLength, uint64_t(256));
        QCOMPARE(*s.feedForwardLength, uint64_t(768));
        QCOMPARE(*s.headCount, uint64_t(8));
        QCOMPARE(*s.headCountKv, uint64_t(4));
        QCOMPARE(*s.contextLength, uint64_t(256));
        QCOMPARE(s.vocabularySize, uint64_t(32000));
        QCOMPARE(s.tokenizerModel, std::string("llama"));
        QCOMPARE(*s.fileType, uint32_t(1));
        QCOMPARE(s.fileTypeName, std::string("F16"));
        QCOMPARE(s.tensorCount, uint64_t(57));
        QCOMPARE(s.perType.at(GgmlType::F16).tensors, uint64_t(44));
        QCOMPARE(s.perType.at(GgmlType::F32).tensors, uint64_t(13));
        QCOMPARE(s.perType.at(GgmlType::F32).bytes, uint64_t(13 * 1024));
        QVERIFY(std::abs(s.bitsPerWeight - 16.0) < 0.01);
    }

    void referenceQuants_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("digest");
        QTest::addColumn<QString>("fileType");
        QTest::newRow("Q4_K_M") << "qf-books-22m-Q4_K_M.gguf" << "Q4_K_M" << "Q4_K_M";
        QTest::newRow("Q4_K_M-imatrix") << "qf-books-22m-Q4_K_M-imatrix.gguf" << "Q4_K_M-imatrix" << "Q4_K_M";
        QTest::newRow("Q6_K") << "qf-books-22m-Q6_K.gguf" << "Q6_K" << "Q6_K";
    }

    void referenceQuants() {
        QFETCH(QString, file);
        QFETCH(QString, digest);
        QFETCH(QString, fileType);
        auto f = GgufFile::open(test::sharedPath("reference/" + file.toStdString()));
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        compareWithDigest(*f, referenceDigest(digest.toStdString()));
        const auto s = summarize(*f);
        QCOMPARE(QString::fromStdString(s.fileTypeName), fileType);
        QCOMPARE(s.parameterCount, uint64_t(21105920));
    }

    void imatrixProvenanceKeys() {
        auto f = GgufFile::open(test::sharedPath("reference/qf-books-22m-Q4_K_M-imatrix.gguf"));
        QVERIFY(f.ok());
        QVERIFY(f->metadata().getString("quantize.imatrix.file").has_value());
        QVERIFY(f->metadata().getInt("quantize.imatrix.entries_count").value_or(0) > 0);
    }

    void missingFileNamesThePath() {
        auto f = GgufFile::open("/nonexistent/model.gguf");
        QVERIFY(!f.ok());
        QVERIFY(f.error().message.find("/nonexistent/model.gguf") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestGgufReader)
#include "test_gguf_reader.moc"
