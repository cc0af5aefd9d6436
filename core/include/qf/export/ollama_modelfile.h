#pragma once
// An Ollama Modelfile for a produced quant: FROM the file, TEMPLATE in Ollama's Go-template syntax when
// the model's chat template (tokenizer.chat_template, Jinja) belongs to a family we can translate, and
// PARAMETER stop for the end-of-sequence and end-of-turn tokens. A Jinja template cannot be translated in
// general; for an unknown family TEMPLATE is left out and Ollama falls back to its own detection from the
// chat template stored in the GGUF file.
#include <string>
#include <string_view>
#include <vector>

#include "qf/gguf/value.h"

namespace qf::ollama {

enum class TemplateFamily { None, Unknown, ChatML, Llama3, Gemma, Mistral };

std::string_view familyName(TemplateFamily family);
// Which known chat format a Jinja chat template writes, by the markers it uses.
TemplateFamily detectTemplateFamily(std::string_view jinjaTemplate);
// The same format in Ollama's template syntax; empty for None and Unknown.
std::string ollamaTemplate(TemplateFamily family);

struct Modelfile {
    std::string text;
    TemplateFamily family = TemplateFamily::None;
    std::vector<std::string> stops; // in the order written
};

// `fromPath` is written as is (Ollama resolves a relative path against the Modelfile's folder).
Modelfile makeModelfile(const gguf::Metadata& metadata, std::string_view fromPath);

} // namespace qf::ollama
