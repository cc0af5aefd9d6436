#include "qf/json_writer.h"

#include <cmath>

#include <fmt/format.h>

namespace qf {

namespace {

// Length of the valid UTF-8 sequence starting at s[i] (1-4), or 0 when the bytes there are not one
// (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, cut short).
size_t validUtf8Length(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return uint8_t(s[k]); };
    const uint8_t lead = b(i);
    if (lead < 0x80) return 1;
    size_t n = 0;
    uint32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) n = 2, cp = lead & 0x1F;
    else if ((lead & 0xF0) == 0xE0) n = 3, cp = lead & 0x0F;
    else if ((lead & 0xF8) == 0xF0) n = 4, cp = lead & 0x07;
    else return 0;
    if (i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

} // namespace

std::string JsonWriter::escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        // JSON text is UTF-8: a byte that starts no valid sequence (a byte-piece token, a Latin-1 file
        // name) becomes U+FFFD instead of making the whole document invalid.
        if (uint8_t(c) >= 0x80) {
            const size_t n = validUtf8Length(s, i);
            if (n == 0) {
                out += "\\ufffd";
            } else {
                out.append(s.substr(i, n));
                i += n - 1;
            }
            continue;
        }
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
