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
#include "qf/result.h"

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
    std::vector<std::string> stops;        // in the order written
    std::vector<std::string> skippedStops; // stop texts with control characters, which no line can hold
};

// Every value a Modelfile line carries goes through this one function: a double-quoted string with '"'
// and '\' escaped. A value with a control character (new line, carriage return, NUL, ...) is refused, so
// no value can end its line and start another directive (SYSTEM, ADAPTER, PARAMETER ...).
Result<std::string> quotedValue(std::string_view value);

// `fromPath` is written as is when it is a plain path (letters, digits, "./-_+~:"), else quoted
// (Ollama resolves a relative path against the Modelfile's folder). Fails for a path with a control
// character. The model's name (a comment) and stop texts that cannot be quoted are left out.
// `adapterPath`: a GGUF LoRA adapter to apply on top of the model (an ADAPTER line after FROM), written
// like fromPath; empty: none.
Result<Modelfile> makeModelfile(const gguf::Metadata& metadata, std::string_view fromPath,
                                std::string_view adapterPath = {});

// Whether `adapter` (a GGUF's metadata) is a LoRA adapter for a model with `base`'s metadata: an error that
// says what is wrong (not an adapter, another architecture).
Status checkAdapterFits(const gguf::Metadata& base, const gguf::Metadata& adapter);

} // namespace qf::ollama
