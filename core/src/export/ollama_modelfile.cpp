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

bool isPlainPath(std::string_view path) {
    if (path.empty()) return false;
    for (const char c : path) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '.' || c == '/' || c == '-' || c == '_' || c == '+' || c == '~' || c == ':';
        if (!plain) return false;
    }
    return true;
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

Result<std::string> quotedValue(std::string_view value) {
    std::string out = "\"";
    out.reserve(value.size() + 2);
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return makeError("the value contains a control character (byte 0x{:02x}), which a Modelfile line "
                             "cannot hold", byte);
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + '"';
}

Status checkAdapterFits(const gguf::Metadata& base, const gguf::Metadata& adapter) {
    if (adapter.getString("general.type").value_or("") != "adapter" ||
        adapter.getString("adapter.type").value_or("") != "lora")
        return makeError("the adapter file is not a GGUF LoRA adapter (general.type \"adapter\", adapter.type "
                         "\"lora\"); convert a PEFT adapter folder with `quantforge-cli convert ADAPTER_DIR --base "
                         "BASE_DIR`");
    const std::string a = adapter.getString("general.architecture").value_or("?");
    const std::string b = base.getString("general.architecture").value_or("?");
    if (a != b) return makeError("the adapter is for a {} model, the base is a {} model", a, b);
    return {};
}

Result<Modelfile> makeModelfile(const gguf::Metadata& metadata, std::string_view fromPath,
                                std::string_view adapterPath) {
    Modelfile result;
    auto pathValue = [](std::string_view path) -> Result<std::string> {
        if (isPlainPath(path)) return std::string(path);
        auto quoted = quotedValue(path);
        if (!quoted)
            return rewordError(quoted.error(), "cannot name the file {} in a Modelfile: {}", path,
                               quoted.error().message);
        return std::move(*quoted);
    };
    auto fromValue = pathValue(fromPath);
    if (!fromValue) return fromValue.error();
    const std::string from = std::move(*fromValue);
    result.text = "# Ollama Modelfile";
    // The name is only a comment; one that cannot be quoted is left out rather than refused.
    if (auto name = quotedValue(metadata.getString("general.name").value_or(std::string())); name && *name != "\"\"")
        result.text += " for " + *name;
    result.text += ", written by Quantforge. Create the model with: ollama create <name> -f Modelfile\n";
    result.text += "FROM " + from + "\n";
    if (!adapterPath.empty()) {
        auto adapter = pathValue(adapterPath);
        if (!adapter) return adapter.error();
        result.text += "ADAPTER " + *adapter + "\n";
    }

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
    std::vector<std::string> written;
    for (const std::string& stop : result.stops) {
        if (auto quoted = quotedValue(stop)) {
            result.text += "PARAMETER stop " + *quoted + "\n";
            written.push_back(stop);
        } else {
            result.skippedStops.push_back(stop);
        }
    }
    result.stops = std::move(written);
    return result;
}

} // namespace qf::ollama
