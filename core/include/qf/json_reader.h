#pragma once
// A small JSON reader for files that come from elsewhere (safetensors headers, Hugging Face config files).
// Every input is treated as hostile: nesting depth and total size are bounded, strings must be valid
// UTF-8 after unescaping, numbers must be finite, and integers are kept exactly (offsets above 2^53 do not
// silently lose precision as they would through a double). Objects keep their keys in file order.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "qf/result.h"

namespace qf {

class JsonValue {
public:
    enum class Kind { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<std::string, JsonValue>;

    JsonValue() = default;
    static JsonValue makeBool(bool b);
    static JsonValue makeNumber(double value, std::optional<int64_t> asInt, std::optional<uint64_t> asUInt);
    static JsonValue makeString(std::string s);
    static JsonValue makeArray(std::vector<JsonValue> items);
    static JsonValue makeObject(std::vector<Member> members);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isObject() const { return m_kind == Kind::Object; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isString() const { return m_kind == Kind::String; }
    bool isNumber() const { return m_kind == Kind::Number; }

    std::optional<bool> asBool() const;
    std::optional<double> asDouble() const;
    // Only for numbers written as integers (no fraction or exponent) that fit the type.
    std::optional<int64_t> asInt() const;
    std::optional<uint64_t> asUInt() const;
    const std::string* asString() const { return m_kind == Kind::String ? &m_string : nullptr; }
    const std::vector<JsonValue>* asArray() const { return m_kind == Kind::Array ? &m_items : nullptr; }
    const std::vector<Member>* asObject() const { return m_kind == Kind::Object ? &m_members : nullptr; }

    // Object member lookup (the first of duplicate keys); nullptr when absent or not an object.
    const JsonValue* find(std::string_view key) const;

private:
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    double m_number = 0.0;
    std::optional<int64_t> m_int;
    std::optional<uint64_t> m_uint;
    std::string m_string;
    std::vector<JsonValue> m_items;
    std::vector<Member> m_members;
};

struct JsonLimits {
    uint32_t maxDepth = 64;
    uint64_t maxBytes = 256ull << 20;
    bool rejectDuplicateKeys = false;
};

// Parses one JSON document (surrounding whitespace allowed). Errors give the byte offset.
Result<JsonValue> parseJson(std::string_view text, const JsonLimits& limits = {});

// Reads and parses a whole file; errors name the file.
Result<JsonValue> readJsonFile(const std::filesystem::path& path, const JsonLimits& limits = {});

} // namespace qf
