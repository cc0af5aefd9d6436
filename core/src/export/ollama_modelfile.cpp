#include "qf/export/ollama_modelfile.h"

#include <algorithm>

namespace qf::ollama {

namespace {

bool contains(std::string_view text, std::string_view marker) {
    return text.find(marker) != std::string_view::npos;
}

// The text of token `key`'s id in the vocabulary, or empty when either is missing.
std::string tokenText(const gguf::Metadata& metadata, std::string_view key) {
    const auto id = metadata.getUInt(key);
    const gguf::Array* tokens = metadata.getArray("tokenizer.ggml.tokens");
    if (!id || !tokens || tokens->elementType() != gguf::ValueType::String || *id >= tokens->size())
        return {};
    return tokens->stringAt(size_t(*id));
}

// Ollama's Modelfile strings are double-quoted with backslash escapes.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + '"';
}

// The turn terminators each family's template writes, beyond the vocabulary's EOS/EOT tokens.
std::vector<std::string> familyStops(TemplateFamily family) {
    switch (family) {
    case TemplateFamily::ChatML:
        return {"<|im_start|>", "<|im_end|>"};
    case TemplateFamily::Llama3:
        return {"<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"};
    case TemplateFamily::Gemma:
        return {"<start_of_turn>", "<end_of_turn>"};
    case TemplateFamily::Mistral:
        return {"[INST]", "[/INST]"};
    case TemplateFamily::None:
    case TemplateFamily::Unknown:
        return {};
    }
    return {};
}

} // namespace

std::string_view familyName(TemplateFamily family) {
    switch (family) {
    case TemplateFamily::None:
        return "none";
    case TemplateFamily::Unknown:
        return "unknown";
    case TemplateFamily::ChatML:
        return "chatml";
    case TemplateFamily::Llama3:
        return "llama3";
    case TemplateFamily::Gemma:
        return "gemma";
    case TemplateFamily::Mistral:
        return "mistral";
    }
    return "unknown";
}

TemplateFamily detectTemplateFamily(std::string_view t) {
    if (t.empty()) return TemplateFamily::None;
    if (contains(t, "<|start_header_id|>")) return TemplateFamily::Llama3;
    if (contains(t, "<|im_start|>")) return TemplateFamily::ChatML;
    if (contains(t, "<start_of_turn>")) return TemplateFamily::Gemma;
    if (contains(t, "[INST]")) return TemplateFamily::Mistral;
    return TemplateFamily::Unknown;
}

std::string ollamaTemplate(TemplateFamily family) {
    switch (family) {
    case TemplateFamily::ChatML:
        return "{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}"
               "<|im_start|>assistant\n";
    case TemplateFamily::Llama3:
        return "<|begin_of_text|>{{- range .Messages }}<|start_header_id|>{{ .Role }}<|end_header_id|>\n\n"
               "{{ .Content }}<|eot_id|>{{ end }}<|start_header_id|>assistant<|end_header_id|>\n\n";
    case TemplateFamily::Gemma:
        // Gemma has no system role: a system message is sent as a user turn.
        return "{{- range .Messages }}<start_of_turn>{{ if eq .Role \"assistant\" }}model{{ else }}user{{ "
               "end }}\n"
               "{{ .Content }}<end_of_turn>\n{{ end }}<start_of_turn>model\n";
    case TemplateFamily::Mistral:
        return "{{- range .Messages }}{{ if eq .Role \"assistant\" }} {{ .Content }}</s>"
               "{{ else }}[INST] {{ .Content }} [/INST]{{ end }}{{ end }}";
    case TemplateFamily::None:
    case TemplateFamily::Unknown:
        return {};
    }
    return {};
}

Modelfile makeModelfile(const gguf::Metadata& metadata, std::string_view fromPath) {
    Modelfile result;
    const std::string name = metadata.getString("general.name").value_or(std::string());
    result.text = "# Ollama Modelfile";
    if (!name.empty()) result.text += " for " + name;
    result.text += ", written by Quantforge. Create the model with: ollama create <name> -f Modelfile\n";
    result.text += "FROM " + std::string(fromPath) + "\n";

    const std::string jinja = metadata.getString("tokenizer.chat_template").value_or(std::string());
    result.family = detectTemplateFamily(jinja);
    if (const std::string tmpl = ollamaTemplate(result.family); !tmpl.empty()) {
        result.text += "TEMPLATE \"\"\"" + tmpl + "\"\"\"\n";
    } else if (result.family == TemplateFamily::Unknown) {
        result.text +=
            "# The chat template is not one Quantforge translates; Ollama reads it from the file.\n";
    }

    auto addStop = [&](const std::string& stop) {
        if (!stop.empty() && std::find(result.stops.begin(), result.stops.end(), stop) == result.stops.end())
            result.stops.push_back(stop);
    };
    for (const std::string& stop : familyStops(result.family))
        addStop(stop);
    addStop(tokenText(metadata, "tokenizer.ggml.eot_token_id"));
    addStop(tokenText(metadata, "tokenizer.ggml.eos_token_id"));
    for (const std::string& stop : result.stops)
        result.text += "PARAMETER stop " + quoted(stop) + "\n";
    return result;
}

} // namespace qf::ollama
