#include "qf/json_writer.h"

#include <cmath>

#include <fmt/format.h>

namespace qf {

std::string JsonWriter::escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (uint8_t(c) < 0x20) out += fmt::format("\\u{:04x}", int(c));
            else out += c;
        }
    }
    out += '"';
    return out;
}

void JsonWriter::newline() {
    if (!m_pretty) return;
    m_out += '\n';
    m_out.append(m_hasItems.size() * 2, ' ');
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_hasItems.empty()) {
        if (m_hasItems.back()) m_out += ',';
        m_hasItems.back() = true;
        newline();
    }
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    m_out += '{';
    m_hasItems.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    const bool had = m_hasItems.back();
    m_hasItems.pop_back();
    if (had) newline();
    m_out += '}';
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    m_out += '[';
    m_hasItems.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endArray() { return endObject(), m_out.back() = ']', *this; }

JsonWriter& JsonWriter::key(std::string_view k) {
    beforeValue();
    m_out += escape(k);
    m_out += m_pretty ? ": " : ":";
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    beforeValue();
    m_out += escape(s);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    beforeValue();
    m_out += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(int64_t v) {
    beforeValue();
    m_out += fmt::format("{}", v);
    return *this;
}

JsonWriter& JsonWriter::value(uint64_t v) {
    beforeValue();
    m_out += fmt::format("{}", v);
    return *this;
}

JsonWriter& JsonWriter::value(double v) {
    beforeValue();
    if (std::isfinite(v)) m_out += fmt::format("{}", v);
    else m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    m_out += "null";
    return *this;
}

} // namespace qf
