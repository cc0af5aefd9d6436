#pragma once
// What every Modelfile we write must satisfy, checked by the tests and the fuzz target: each line is a
// comment or one of the directives we write (FROM, TEMPLATE, PARAMETER stop), with exactly one FROM,
// first; no NUL or carriage return anywhere; quoted values close on their own line.
#include <string>
#include <string_view>

#include "qf/export/ollama_modelfile.h"

namespace qf::ollama {

// Empty when `text` is well formed; otherwise what is wrong.
inline std::string modelfileProblem(std::string_view text, TemplateFamily family) {
    if (text.find('\0') != std::string_view::npos) return "a NUL byte";
    if (text.find('\r') != std::string_view::npos) return "a carriage return";
    // The TEMPLATE block is ours (a constant per family) and spans lines: take it out whole.
    std::string rest(text);
    if (const std::string tmpl = ollamaTemplate(family); !tmpl.empty()) {
        const std::string block = "TEMPLATE \"\"\"" + tmpl + "\"\"\"\n";
        const auto at = rest.find(block);
        if (at == std::string::npos) return "the TEMPLATE block is not the family's";
        rest.erase(at, block.size());
    }
    int froms = 0;
    size_t start = 0;
    bool first = true;
    while (start < rest.size()) {
        const size_t end = rest.find('\n', start);
        if (end == std::string::npos) return "the last line has no end";
        const std::string_view line(rest.data() + start, end - start);
        start = end + 1;
        for (const char c : line)
            if (static_cast<unsigned char>(c) < 0x20) return "a control character inside a line";
        if (line.starts_with("#")) {
            if (!first && froms == 0) return "a comment between directives before FROM";
            continue;
        }
        first = false;
        if (line.starts_with("FROM ")) {
            if (++froms > 1) return "a second FROM";
            continue;
        }
        if (froms == 0) return "a directive before FROM: " + std::string(line);
        if (line.starts_with("PARAMETER stop \"") && line.ends_with("\"")) {
            // Between the quotes every '"' must be escaped, or the value ends early.
            const std::string_view inner = line.substr(16, line.size() - 17);
            for (size_t i = 0; i < inner.size(); ++i) {
                if (inner[i] == '\\') {
                    ++i;
                    continue;
                }
                if (inner[i] == '"') return "an unescaped quote in a stop value";
            }
            continue;
        }
        return "an unexpected line: " + std::string(line);
    }
    return froms == 1 ? std::string() : std::string("no FROM");
}

} // namespace qf::ollama
