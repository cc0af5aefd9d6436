// Export to the runtimes people use: the Ollama Modelfile for the shared model (no chat template: FROM
// and the EOS stop only) and for chat templates of known families, and LM Studio's folder layout.
#include <QTest>

#include "qf/export/lm_studio_layout.h"
#include "qf/export/ollama_modelfile.h"
#include "qf/gguf/gguf_file.h"

using namespace qf;

namespace {

const std::string kModelPath = QF_SHARED_DIR "/models/qf-books-22m-f16.gguf";

gguf::Metadata sharedMetadata() {
    auto file = gguf::GgufFile::open(kModelPath);
    if (!file) qFatal("%s", file.error().message.c_str());
    return file->metadata();
}

gguf::Metadata chatMetadata(const std::string& jinja) {
    gguf::Metadata m;
    m.set("general.name", gguf::Value::string("Chat Test"));
    m.set("tokenizer.ggml.tokens",
          gguf::Value::array(gguf::Array::ofStrings({"<unk>", "<s>", "<|im_end|>", "<|endoftext|>"})));
    m.set("tokenizer.ggml.eos_token_id", gguf::Value::u32(2));
    m.set("tokenizer.ggml.eot_token_id", gguf::Value::u32(3));
    m.set("tokenizer.chat_template", gguf::Value::string(jinja));
    return m;
}

} // namespace

class TestRuntimeExport : public QObject {
    Q_OBJECT

private slots:
    void modelfileForSharedModel() {
        const auto modelfile = *ollama::makeModelfile(sharedMetadata(), "./qf-books-22m-Q4_K_M.gguf");
        const std::string expected = "# Ollama Modelfile for \"Quantforge Books 22M\", written by Quantforge. "
                                     "Create the model with: ollama "
                                     "create <name> -f Modelfile\n"
                                     "FROM ./qf-books-22m-Q4_K_M.gguf\n"
                                     "PARAMETER stop \"</s>\"\n";
        QCOMPARE(QString::fromStdString(modelfile.text), QString::fromStdString(expected));
        QCOMPARE(modelfile.family, ollama::TemplateFamily::None);
    }

    void modelfileForChatML() {
        const auto modelfile = *ollama::makeModelfile(
            chatMetadata("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + "
                         "message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"),
            "model.gguf");
        QCOMPARE(modelfile.family, ollama::TemplateFamily::ChatML);
        const QString text = QString::fromStdString(modelfile.text);
        QVERIFY(
            text.contains(QStringLiteral("TEMPLATE \"\"\"{{- range .Messages }}<|im_start|>{{ .Role }}")));
        // Family markers first, then EOT and EOS, each once.
        const std::vector<std::string> stops{"<|im_start|>", "<|im_end|>", "<|endoftext|>"};
        QCOMPARE(modelfile.stops, stops);
        QVERIFY(
            text.endsWith(QStringLiteral("PARAMETER stop \"<|im_start|>\"\nPARAMETER stop \"<|im_end|>\"\n"
                                         "PARAMETER stop \"<|endoftext|>\"\n")));
    }

    void unknownTemplateIsLeftToOllama() {
        const auto modelfile = *ollama::makeModelfile(chatMetadata("{{ bos_token }}User: {{ x }}"), "m.gguf");
        QCOMPARE(modelfile.family, ollama::TemplateFamily::Unknown);
        QVERIFY(!QString::fromStdString(modelfile.text).contains(QStringLiteral("TEMPLATE")));
    }

    void familiesDetected_data() {
        QTest::addColumn<QString>("jinja");
        QTest::addColumn<int>("family");
        QTest::newRow("llama3") << "<|start_header_id|>{{ role }}<|end_header_id|>"
                                << int(ollama::TemplateFamily::Llama3);
        QTest::newRow("gemma") << "<start_of_turn>user" << int(ollama::TemplateFamily::Gemma);
        QTest::newRow("mistral") << "[INST] {{ content }} [/INST]" << int(ollama::TemplateFamily::Mistral);
        QTest::newRow("none") << "" << int(ollama::TemplateFamily::None);
    }

    void familiesDetected() {
        QFETCH(QString, jinja);
        QFETCH(int, family);
        QCOMPARE(int(ollama::detectTemplateFamily(jinja.toStdString())), family);
    }

    void lmStudioLayout() {
        QCOMPARE(QString::fromStdString(lmstudio::relativePath(sharedMetadata(), "qf-books-22m-Q4_K_M.gguf")),
                 QStringLiteral("quantforge/qf-books-22M-GGUF/qf-books-22m-Q4_K_M.gguf"));
        gguf::Metadata named;
        named.set("general.name", gguf::Value::string("My Model: v2/beta"));
        QCOMPARE(QString::fromStdString(lmstudio::relativePath(named, "x.gguf", "me")),
                 QStringLiteral("me/My-Model-v2-beta-GGUF/x.gguf"));
        QCOMPARE(QString::fromStdString(lmstudio::relativePath({}, "plain-Q8_0.gguf", "..")),
                 QStringLiteral("quantforge/plain-Q8_0/plain-Q8_0.gguf"));
        QCOMPARE(lmstudio::defaultModelsDirectories("/home/a").front(),
                 std::string("/home/a/.lmstudio/models"));
    }
};

QTEST_GUILESS_MAIN(TestRuntimeExport)
#include "test_runtime_export.moc"
