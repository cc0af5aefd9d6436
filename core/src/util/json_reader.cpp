#include "qf/json_reader.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>

namespace qf {

JsonValue JsonValue::makeBool(bool b) {
    JsonValue v;
    v.m_kind = Kind::Bool;
    v.m_bool = b;
    return v;
}

JsonValue JsonValue::makeNumber(double value, std::optional<int64_t> asInt, std::optional<uint64_t> asUInt) {
    JsonValue v;
    v.m_kind = Kind::Number;
    v.m_number = value;
    v.m_int = asInt;
    v.m_uint = asUInt;
    return v;
}

JsonValue JsonValue::makeString(std::string s) {
    JsonValue v;
    v.m_kind = Kind::String;
    v.m_string = std::move(s);
    return v;
}

JsonValue JsonValue::makeArray(std::vector<JsonValue> items) {
    JsonValue v;
    v.m_kind = Kind::Array;
    v.m_items = std::move(items);
    return v;
}

JsonValue JsonValue::makeObject(std::vector<Member> members) {
    JsonValue v;
    v.m_kind = Kind::Object;
    v.m_members = std::move(members);
    return v;
}

std::optional<bool> JsonValue::asBool() const {
    if (m_kind != Kind::Bool) return std::nullopt;
    return m_bool;
}

std::optional<double> JsonValue::asDouble() const {
    if (m_kind != Kind::Number) return std::nullopt;
    return m_number;
}

std::optional<int64_t> JsonValue::asInt() const {
    return m_kind == Kind::Number ? m_int : std::nullopt;
}

std::optional<uint64_t> JsonValue::asUInt() const {
    return m_kind == Kind::Number ? m_uint : std::nullopt;
}

const JsonValue* JsonValue::find(std::string_view key) const {
    if (m_kind != Kind::Object) return nullptr;
    for (const auto& [k, v] : m_members)
        if (k == key) return &v;
    return nullptr;
}

namespace {

class Parser {
public:
    Parser(std::string_view text, const JsonLimits& limits) : m_text(text), m_limits(limits) {}

    Result<JsonValue> document() {
        if (m_text.size() > m_limits.maxBytes)
            return makeError("JSON text of {} bytes is larger than the limit of {}", m_text.size(),
                             m_limits.maxBytes);
        skipSpace();
        auto v = value(0);
        if (!v) return v;
        skipSpace();
        if (m_pos != m_text.size()) return fail("unexpected data after the JSON value");
        return v;
    }

private:
    Error fail(std::string_view what) const { return makeError("invalid JSON at byte {}: {}", m_pos, what); }

    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            ++m_pos;
        }
    }

    bool consume(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }

    Result<JsonValue> value(uint32_t depth) {
        if (m_pos >= m_text.size()) return fail("unexpected end of text");
        const char c = m_text[m_pos];
        if (c == '{' || c == '[') {
            if (depth >= m_limits.maxDepth) return fail("nested deeper than the limit");
            return c == '{' ? object(depth + 1) : array(depth + 1);
        }
        if (c == '"') {
            auto s = string();
            if (!s) return s.error();
            return JsonValue::makeString(std::move(*s));
        }
        if (consume("true")) return JsonValue::makeBool(true);
        if (consume("false")) return JsonValue::makeBool(false);
        if (consume("null")) return JsonValue{};
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        return fail("expected a value");
    }

    Result<JsonValue> object(uint32_t depth) {
        ++m_pos; // '{'
        std::vector<JsonValue::Member> members;
        std::set<std::string, std::less<>> seen;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return JsonValue::makeObject(std::move(members));
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') return fail("expected a string key");
            auto key = string();
            if (!key) return key.error();
            if (m_limits.rejectDuplicateKeys && !seen.insert(*key).second)
                return fail(fmt::format("duplicate key \"{}\"", *key));
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') return fail("expected ':'");
            ++m_pos;
            skipSpace();
            auto v = value(depth);
            if (!v) return v;
            members.emplace_back(std::move(*key), std::move(*v));
            skipSpace();
            if (m_pos >= m_text.size()) return fail("unexpected end of text in an object");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == '}') {
                ++m_pos;
                return JsonValue::makeObject(std::move(members));
            }
            return fail("expected ',' or '}'");
        }
    }

    Result<JsonValue> array(uint32_t depth) {
        ++m_pos; // '['
        std::vector<JsonValue> items;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return JsonValue::makeArray(std::move(items));
        }
        for (;;) {
            skipSpace();
            auto v = value(depth);
            if (!v) return v;
            items.push_back(std::move(*v));
            skipSpace();
            if (m_pos >= m_text.size()) return fail("unexpected end of text in an array");
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (m_text[m_pos] == ']') {
                ++m_pos;
                return JsonValue::makeArray(std::move(items));
            }
            return fail("expected ',' or ']'");
        }
    }

    static void appendUtf8(std::string& out, uint32_t cp) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xc0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out += char(0xe0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3f));
            out += char(0x80 | (cp & 0x3f));
        } else {
            out += char(0xf0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3f));
            out += char(0x80 | ((cp >> 6) & 0x3f));
            out += char(0x80 | (cp & 0x3f));
        }
    }

    std::optional<uint32_t> hex4() {
        if (m_text.size() - m_pos < 4) return std::nullopt;
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos + i];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= uint32_t(c - 'A' + 10);
            else
                return std::nullopt;
        }
        m_pos += 4;
        return v;
    }

    // Length of the valid UTF-8 sequence at `p`, or 0 (overlong forms, surrogates, > U+10FFFF rejected).
    static size_t utf8Length(std::string_view s, size_t p) {
        const auto b0 = uint8_t(s[p]);
        size_t n = 0;
        uint32_t cp = 0;
        if (b0 < 0x80) return 1;
        if ((b0 & 0xe0) == 0xc0)
            n = 2, cp = b0 & 0x1f;
        else if ((b0 & 0xf0) == 0xe0)
            n = 3, cp = b0 & 0x0f;
        else if ((b0 & 0xf8) == 0xf0)
            n = 4, cp = b0 & 0x07;
        else
            return 0;
        if (s.size() - p < n) return 0;
        for (size_t i = 1; i < n; ++i) {
            const auto b = uint8_t(s[p + i]);
            if ((b & 0xc0) != 0x80) return 0;
            cp = (cp << 6) | (b & 0x3f);
        }
        static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
        return n;
    }

    Result<std::string> string() {
        ++m_pos; // '"'
        std::string out;
        for (;;) {
            if (m_pos >= m_text.size()) return fail("unterminated string");
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (uint8_t(c) < 0x20) return fail("control character in a string");
            if (c != '\\') {
                const size_t n = utf8Length(m_text, m_pos);
                if (!n) return fail("invalid UTF-8 in a string");
                out.append(m_text.substr(m_pos, n));
                m_pos += n;
                continue;
            }
            ++m_pos;
            if (m_pos >= m_text.size()) return fail("unterminated escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                auto cp = hex4();
                if (!cp) return fail("bad \\u escape");
                if (*cp >= 0xdc00 && *cp <= 0xdfff) return fail("lone low surrogate");
                if (*cp >= 0xd800 && *cp <= 0xdbff) {
                    if (!consume("\\u")) return fail("high surrogate without its low half");
                    auto low = hex4();
                    if (!low || *low < 0xdc00 || *low > 0xdfff)
                        return fail("high surrogate without its low half");
                    *cp = 0x10000 + ((*cp - 0xd800) << 10) + (*low - 0xdc00);
                }
                appendUtf8(out, *cp);
                break;
            }
            default:
                return fail("unknown escape");
            }
        }
    }

    Result<JsonValue> number() {
        const size_t start = m_pos;
        bool integral = true;
        if (m_text[m_pos] == '-') ++m_pos;
        auto digits = [&] {
            const size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        const size_t intStart = m_pos;
        const size_t intDigits = digits();
        if (!intDigits) return fail("expected digits");
        if (intDigits > 1 && m_text[intStart] == '0') return fail("leading zero in a number");
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            integral = false;
            if (!digits()) return fail("expected digits after '.'");
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            integral = false;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            if (!digits()) return fail("expected digits in the exponent");
        }
        const std::string_view literal = m_text.substr(start, m_pos - start);
        // from_chars, not strtod: it ignores the locale (a GUI sets LC_NUMERIC from the user's settings).
        double d = 0.0;
        const auto parsed = std::from_chars(literal.data(), literal.data() + literal.size(), d);
        if (parsed.ec != std::errc{} || !std::isfinite(d)) return fail("number out of range");
        std::optional<int64_t> asInt;
        std::optional<uint64_t> asUInt;
        if (integral) {
            int64_t i = 0;
            if (auto r = std::from_chars(literal.data(), literal.data() + literal.size(), i);
                r.ec == std::errc{})
                asInt = i;
            uint64_t u = 0;
            if (literal[0] != '-') {
                if (auto r = std::from_chars(literal.data(), literal.data() + literal.size(), u);
                    r.ec == std::errc{})
                    asUInt = u;
            } else if (asInt && *asInt == 0) {
                asUInt = 0; // "-0"
            }
        }
        return JsonValue::makeNumber(d, asInt, asUInt);
    }

    std::string_view m_text;
    const JsonLimits& m_limits;
    size_t m_pos = 0;
};

} // namespace

Result<JsonValue> parseJson(std::string_view text, const JsonLimits& limits) {
    return Parser(text, limits).document();
}

Result<JsonValue> readJsonFile(const std::filesystem::path& path, const JsonLimits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return makeError("{}: cannot read: {}", path.string(), ec.message());
    if (size > limits.maxBytes)
        return makeError("{}: {} bytes is larger than the limit of {} for a JSON file", path.string(), size,
                         limits.maxBytes);
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("{}: cannot open", path.string());
    std::string text(size_t(size), '\0');
    in.read(text.data(), std::streamsize(size));
    if (size_t(in.gcount()) != size) return makeError("{}: short read", path.string());
    return parseJson(text, limits).withContext(path.string());
}

} // namespace qf
