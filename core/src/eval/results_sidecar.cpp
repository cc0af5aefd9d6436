#include "qf/eval/results_sidecar.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <variant>

#include "qf/io/atomic_file.h"
#include "qf/json_writer.h"
#include "qf/sha256.h"

namespace qf::eval {

namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kFormatName = "quantforge-evaluation";
// A sidecar holds a handful of evaluations; anything far larger is not ours.
constexpr uintmax_t kMaxSidecarBytes = 4u << 20;
constexpr int kMaxDepth = 16;

// A JSON value, just enough for the sidecar: numbers are doubles, objects keep their last duplicate key.
struct JsonValue {
    using Object = std::map<std::string, JsonValue, std::less<>>;
    using Array = std::vector<JsonValue>;
    std::variant<std::nullptr_t, bool, double, std::string, std::shared_ptr<Array>, std::shared_ptr<Object>>
        value = nullptr;

    const JsonValue* member(std::string_view key) const {
        const auto* object = std::get_if<std::shared_ptr<Object>>(&value);
        if (!object) return nullptr;
        const auto it = (*object)->find(key);
        return it == (*object)->end() ? nullptr : &it->second;
    }
    std::optional<double> number() const {
        if (const auto* d = std::get_if<double>(&value)) return *d;
        return std::nullopt;
    }
    const std::string* string() const { return std::get_if<std::string>(&value); }
    const Array* array() const {
        const auto* a = std::get_if<std::shared_ptr<Array>>(&value);
        return a ? a->get() : nullptr;
    }
};

// Strict RFC 8259 parser with a depth limit; errors name the byte offset.
class JsonParser {
public:
    explicit JsonParser(std::string_view text) : m_text(text) {}

    Result<JsonValue> parseDocument() {
        auto value = parseValue(0);
        if (!value) return value.error();
        skipSpace();
        if (m_pos != m_text.size()) return fail("unexpected text after the end");
        return value;
    }

private:
    Error fail(std::string_view what) const { return makeError("invalid JSON at byte {}: {}", m_pos, what); }

    void skipSpace() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool consume(std::string_view literal) {
        if (m_text.substr(m_pos, literal.size()) != literal) return false;
        m_pos += literal.size();
        return true;
    }

    Result<JsonValue> parseValue(int depth) {
        if (depth > kMaxDepth) return fail("nested too deeply");
        skipSpace();
        if (m_pos >= m_text.size()) return fail("unexpected end");
        const char c = m_text[m_pos];
        JsonValue out;
        if (c == '{') return parseObject(depth);
        if (c == '[') return parseArray(depth);
        if (c == '"') {
            auto s = parseString();
            if (!s) return s.error();
            out.value = std::move(s).value();
            return out;
        }
        if (consume("true")) {
            out.value = true;
            return out;
        }
        if (consume("false")) {
            out.value = false;
            return out;
        }
        if (consume("null")) return out;
        return parseNumber();
    }

    Result<JsonValue> parseNumber() {
        const size_t start = m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '-') ++m_pos;
        auto digits = [&] {
            const size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        if (digits() == 0) return fail("expected a value");
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (digits() == 0) return fail("expected digits after '.'");
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            if (digits() == 0) return fail("expected an exponent");
        }
        double d = 0.0;
        const auto [end, ec] = std::from_chars(m_text.data() + start, m_text.data() + m_pos, d);
        if (ec != std::errc() || end != m_text.data() + m_pos) return fail("number out of range");
        JsonValue out;
        out.value = d;
        return out;
    }

    Result<std::string> parseString() {
        ++m_pos; // opening quote
        std::string out;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size()) break;
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
                auto cp = parseHex4();
                if (!cp) return cp.error();
                uint32_t code = *cp;
                if (code >= 0xD800 && code <= 0xDBFF) {
                    if (!consume("\\u")) return fail("lone surrogate");
                    auto low = parseHex4();
                    if (!low) return low.error();
                    if (*low < 0xDC00 || *low > 0xDFFF) return fail("bad surrogate pair");
                    code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
                } else if (code >= 0xDC00 && code <= 0xDFFF) {
                    return fail("lone surrogate");
                }
                appendUtf8(out, code);
                break;
            }
            default:
                return fail("bad escape");
            }
        }
        return fail("unterminated string");
    }

    Result<uint32_t> parseHex4() {
        if (m_text.size() - m_pos < 4) return fail("short \\u escape");
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = m_text[m_pos++];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= uint32_t(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= uint32_t(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= uint32_t(h - 'A' + 10);
            else
                return fail("bad \\u escape");
        }
        return v;
    }

    static void appendUtf8(std::string& out, uint32_t cp) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    Result<JsonValue> parseArray(int depth) {
        ++m_pos;
        auto array = std::make_shared<JsonValue::Array>();
        skipSpace();
        if (consume("]")) return JsonValue{array};
        while (true) {
            auto item = parseValue(depth + 1);
            if (!item) return item.error();
            array->push_back(std::move(item).value());
            skipSpace();
            if (consume("]")) return JsonValue{array};
            if (!consume(",")) return fail("expected ',' or ']'");
        }
    }

    Result<JsonValue> parseObject(int depth) {
        ++m_pos;
        auto object = std::make_shared<JsonValue::Object>();
        skipSpace();
        if (consume("}")) return JsonValue{object};
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') return fail("expected a key");
            auto key = parseString();
            if (!key) return key.error();
            skipSpace();
            if (!consume(":")) return fail("expected ':'");
            auto item = parseValue(depth + 1);
            if (!item) return item.error();
            (*object)[std::move(key).value()] = std::move(item).value();
            skipSpace();
            if (consume("}")) return JsonValue{object};
            if (!consume(",")) return fail("expected ',' or '}'");
        }
    }

    std::string_view m_text;
    size_t m_pos = 0;
};

std::optional<StoredEvaluation> evaluationFromJson(const JsonValue& item) {
    StoredEvaluation e;
    const JsonValue* sha = item.member("text_sha256");
    const auto context = item.member("context") ? item.member("context")->number() : std::nullopt;
    const auto limit = item.member("chunk_limit") ? item.member("chunk_limit")->number() : std::nullopt;
    const auto ppl = item.member("perplexity") ? item.member("perplexity")->number() : std::nullopt;
    if (!sha || !sha->string() || sha->string()->size() != 64 || !context || !limit || !ppl)
        return std::nullopt;
    if (*context < 1 || *context > 1e7 || *limit < -1 || *limit > 1e9 || !std::isfinite(*ppl))
        return std::nullopt;
    e.key = {*sha->string(), uint32_t(*context), int(*limit)};
    e.perplexity = *ppl;
    auto number = [&](const char* name) -> std::optional<double> {
        const JsonValue* v = item.member(name);
        const auto d = v ? v->number() : std::nullopt;
        return d && std::isfinite(*d) ? d : std::nullopt;
    };
    auto text = [&](const char* name) -> std::string {
        const JsonValue* v = item.member(name);
        return v && v->string() ? *v->string() : std::string();
    };
    e.perplexityError = number("perplexity_error").value_or(0.0);
    e.tokensPerSecond = number("tokens_per_second").value_or(0.0);
    const double bytes = number("file_bytes").value_or(0.0);
    e.fileBytes = bytes > 0 && bytes < 1e18 ? uint64_t(bytes) : 0;
    const double chunks = number("chunks").value_or(0.0);
    e.chunks = chunks > 0 && chunks < 1e9 ? int(chunks) : 0;
    e.textName = text("text");
    e.baseFile = text("base");
    e.measuredAt = text("measured_at");
    e.meanKld = number("mean_kld");
    e.meanKldError = number("mean_kld_error");
    e.sameTop = number("same_top");
    e.sameTopError = number("same_top_error");
    return e;
}

} // namespace

const StoredEvaluation* ResultsSidecar::find(const EvaluationKey& key) const {
    for (const StoredEvaluation& e : evaluations) {
        if (e.key == key) return &e;
    }
    return nullptr;
}

void ResultsSidecar::upsert(StoredEvaluation evaluation) {
    for (StoredEvaluation& e : evaluations) {
        if (e.key == evaluation.key) {
            e = std::move(evaluation);
            return;
        }
    }
    evaluations.push_back(std::move(evaluation));
}

std::filesystem::path sidecarPath(const std::filesystem::path& evaluatedFile) {
    std::filesystem::path path = evaluatedFile;
    path += ".quantforge.json";
    return path;
}

std::string sidecarToJson(const ResultsSidecar& sidecar) {
    JsonWriter w;
    w.beginObject();
    w.field("format", kFormatName);
    w.field("version", kFormatVersion);
    w.key("evaluations").beginArray();
    for (const StoredEvaluation& e : sidecar.evaluations) {
        w.beginObject();
        w.field("text", e.textName);
        w.field("text_sha256", e.key.textSha256);
        w.field("context", e.key.context);
        w.field("chunk_limit", e.key.chunkLimit);
        w.field("chunks", e.chunks);
        w.field("file_bytes", e.fileBytes);
        w.field("perplexity", e.perplexity);
        w.field("perplexity_error", e.perplexityError);
        w.field("tokens_per_second", e.tokensPerSecond);
        if (!e.baseFile.empty()) w.field("base", e.baseFile);
        if (e.meanKld) w.field("mean_kld", *e.meanKld);
        if (e.meanKldError) w.field("mean_kld_error", *e.meanKldError);
        if (e.sameTop) w.field("same_top", *e.sameTop);
        if (e.sameTopError) w.field("same_top_error", *e.sameTopError);
        if (!e.measuredAt.empty()) w.field("measured_at", e.measuredAt);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.str() + "\n";
}

Result<ResultsSidecar> sidecarFromJson(std::string_view json) {
    auto parsed = JsonParser(json).parseDocument();
    if (!parsed) return parsed.error();
    const JsonValue& root = *parsed;
    const JsonValue* format = root.member("format");
    if (!format || !format->string() || *format->string() != kFormatName)
        return makeError("not a Quantforge evaluation file (format is not \"{}\")", kFormatName);
    const JsonValue* version = root.member("version");
    if (!version || version->number() != double(kFormatVersion))
        return makeError("unsupported evaluation file version (expected {})", kFormatVersion);
    ResultsSidecar sidecar;
    const JsonValue* list = root.member("evaluations");
    if (!list || !list->array()) return makeError("evaluation file without an \"evaluations\" array");
    for (const JsonValue& item : *list->array()) {
        if (auto e = evaluationFromJson(item)) sidecar.upsert(std::move(*e));
    }
    return sidecar;
}

Result<ResultsSidecar> readSidecar(const std::filesystem::path& evaluatedFile) {
    const std::filesystem::path path = sidecarPath(evaluatedFile);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return ResultsSidecar{};
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return makeError("{}: {}", path.string(), ec.message());
    if (size > kMaxSidecarBytes)
        return makeError("{}: {} bytes, more than an evaluation file can hold", path.string(), size);
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("{}: cannot open", path.string());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto sidecar = sidecarFromJson(text);
    if (!sidecar) return makeError("{}: {}", path.string(), sidecar.error().message);
    return sidecar;
}

Status storeEvaluation(const std::filesystem::path& evaluatedFile, const StoredEvaluation& evaluation) {
    auto existing = readSidecar(evaluatedFile);
    ResultsSidecar sidecar = existing ? std::move(existing).value() : ResultsSidecar{};
    sidecar.upsert(evaluation);
    const std::string json = sidecarToJson(sidecar);
    const std::filesystem::path path = sidecarPath(evaluatedFile);
    auto file = io::AtomicFile::create(path, json.size());
    if (!file) return makeError("{}: {}", path.string(), file.error().message);
    QF_TRY(file->write({reinterpret_cast<const uint8_t*>(json.data()), json.size()}));
    QF_TRY(file->commit());
    return {};
}

std::string textSha256Hex(std::string_view text) {
    Sha256 sha;
    sha.update(text.data(), text.size());
    return Sha256::toHex(sha.finish());
}

} // namespace qf::eval
