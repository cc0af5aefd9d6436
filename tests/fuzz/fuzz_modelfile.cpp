// libFuzzer entry point for the Ollama Modelfile writer: a model name, chat template, EOS/EOT token texts
// and the FROM path, all taken from the input, must never give a Modelfile with an extra line, a second
// FROM or a raw control character (modelfileProblem); a refusal is fine.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "qf/export/modelfile_check.h"
#include "qf/export/ollama_modelfile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace qf;
    // Fields separated by 0xFF bytes: name, template, eos text, eot text, FROM path.
    std::vector<std::string> fields(5);
    size_t field = 0;
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0xFF && field + 1 < fields.size()) {
            ++field;
            continue;
        }
        fields[field] += char(data[i]);
    }
    gguf::Metadata md;
    md.set("general.name", gguf::Value::string(fields[0]));
    md.set("tokenizer.chat_template", gguf::Value::string(fields[1]));
    md.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings({"<unk>", fields[2], fields[3]})));
    md.set("tokenizer.ggml.eos_token_id", gguf::Value::u32(1));
    md.set("tokenizer.ggml.eot_token_id", gguf::Value::u32(2));
    const auto modelfile = ollama::makeModelfile(md, fields[4]);
    if (!modelfile) return 0;
    if (const std::string problem = ollama::modelfileProblem(modelfile->text, modelfile->family); !problem.empty()) {
        std::fprintf(stderr, "Modelfile check failed: %s\n%s\n", problem.c_str(), modelfile->text.c_str());
        std::abort();
    }
    return 0;
}
