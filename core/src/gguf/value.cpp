#include "qf/gguf/value.h"

#include <array>
#include <limits>

#include <fmt/format.h>

namespace qf::gguf {
namespace {

constexpr std::array<std::string_view, 13> kTypeNames = {"u8",  "i8",     "u16",   "i16", "u32", "i32", "f32",
                                                         "bool", "string", "array", "u64", "i64", "f64"};
constexpr std::array<uint32_t, 13> kFixedSizes = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};

template <class T>
T loadRaw(const std::vector<uint8_t>& raw, size_t i) {
    T v;
    std::memcpy(&v, raw.data() + i * sizeof(T), sizeof(T));
    return v;
}

std::string quoted(const std::string& s, size_t maxChars) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size() && i < maxChars; ++i) {
        const char c = s[i];
        if (c == '\n') out += "\\n";
        else if (c == '"') out += "\\\"";
        else if (uint8_t(c) < 0x20) out += fmt::format("\\x{:02x}", uint8_t(c));
        else out += c;
    }
    if (s.size() > maxChars) out += "…";
    return out + "\"";
}

} // namespace

std::string_view valueTypeName(ValueType type) {
    const auto i = static_cast<uint32_t>(type);
    return i < kTypeNames.size() ? kTypeNames[i] : std::string_view("?");
}

bool isValidValueType(uint32_t raw) { return raw < kTypeNames.size(); }

uint32_t fixedValueSize(ValueType type) {
    const auto i = static_cast<uint32_t>(type);
    return i < kFixedSizes.size() ? kFixedSizes[i] : 0;
}

Array Array::ofStrings(std::vector<std::string> items) {
    Array a;
    a.m_type = ValueType::String;
    a.m_strings = std::move(items);
    return a;
}

Array Array::ofArrays(ValueType innerType, std::vector<Array> items) {
    (void)innerType;
    Array a;
    a.m_type = ValueType::Array;
    a.m_arrays = std::move(items);
    return a;
}

Array Array::ofRaw(ValueType type, std::vector<uint8_t> raw) {
    Array a;
    a.m_type = type;
    a.m_raw = std::move(raw);
    return a;
}

size_t Array::size() const {
    switch (m_type) {
    case ValueType::String: return m_strings.size();
    case ValueType::Array: return m_arrays.size();
    default: return m_raw.size() / fixedValueSize(m_type);
    }
}

std::optional<int64_t> Array::intAt(size_t i) const {
    if (i >= size()) return std::nullopt;
    switch (m_type) {
    case ValueType::UInt8: return loadRaw<uint8_t>(m_raw, i);
    case ValueType::Int8: return loadRaw<int8_t>(m_raw, i);
    case ValueType::UInt16: return loadRaw<uint16_t>(m_raw, i);
    case ValueType::Int16: return loadRaw<int16_t>(m_raw, i);
    case ValueType::UInt32: return loadRaw<uint32_t>(m_raw, i);
    case ValueType::Int32: return loadRaw<int32_t>(m_raw, i);
    case ValueType::Bool: return loadRaw<uint8_t>(m_raw, i) != 0;
    case ValueType::Int64: return loadRaw<int64_t>(m_raw, i);
    case ValueType::UInt64: {
        const auto v = loadRaw<uint64_t>(m_raw, i);
        if (v > uint64_t(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return int64_t(v);
    }
    default: return std::nullopt;
    }
}

std::optional<double> Array::numberAt(size_t i) const {
    if (i >= size()) return std::nullopt;
    if (m_type == ValueType::Float32) return loadRaw<float>(m_raw, i);
    if (m_type == ValueType::Float64) return loadRaw<double>(m_raw, i);
    if (m_type == ValueType::UInt64) return double(loadRaw<uint64_t>(m_raw, i));
    if (auto v = intAt(i)) return double(*v);
    return std::nullopt;
}

std::optional<int64_t> Value::asInt() const {
    return std::visit(
        [](const auto& v) -> std::optional<int64_t> {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) return v ? 1 : 0;
            else if constexpr (std::is_same_v<T, uint64_t>) {
                if (v > uint64_t(std::numeric_limits<int64_t>::max())) return std::nullopt;
                return int64_t(v);
            } else if constexpr (std::is_integral_v<T>) return int64_t(v);
            else return std::nullopt;
        },
        data);
}

std::optional<uint64_t> Value::asUInt() const {
    if (const auto* u = std::get_if<uint64_t>(&data)) return *u;
    const auto v = asInt();
    if (!v || *v < 0) return std::nullopt;
    return uint64_t(*v);
}

std::optional<double> Value::asFloat() const {
    if (const auto* f = std::get_if<float>(&data)) return *f;
    if (const auto* d = std::get_if<double>(&data)) return *d;
    if (const auto* u = std::get_if<uint64_t>(&data)) return double(*u);
    if (const auto v = asInt()) return double(*v);
    return std::nullopt;
}

static std::string arrayToDisplay(const Array& a, size_t maxItems, size_t maxChars) {
    const size_t n = a.size();
    if (n > maxItems) return fmt::format("[{} × {}]", n, valueTypeName(a.elementType()));
    std::string out = "[";
    for (size_t i = 0; i < n; ++i) {
        if (i) out += ", ";
        if (a.elementType() == ValueType::String) out += quoted(a.stringAt(i), maxChars);
        else if (a.elementType() == ValueType::Array) out += arrayToDisplay(a.arrayAt(i), maxItems, maxChars);
        else if (a.elementType() == ValueType::Bool) out += *a.intAt(i) ? "true" : "false";
        else if (auto v = a.intAt(i)) out += fmt::format("{}", *v);
        else out += fmt::format("{}", *a.numberAt(i));
    }
    return out + "]";
}

std::string Value::toDisplayString(size_t maxItems, size_t maxChars) const {
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::string>) return quoted(v, maxChars);
            else if constexpr (std::is_same_v<T, Array>) return arrayToDisplay(v, maxItems, maxChars);
            else if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
            else if constexpr (std::is_same_v<T, uint8_t> || std::is_same_v<T, int8_t>) return fmt::format("{}", int(v));
            else return fmt::format("{}", v);
        },
        data);
}

const Value* Metadata::find(std::string_view key) const {
    for (const auto& e : m_entries)
        if (e.key == key) return &e.value;
    return nullptr;
}

std::optional<int64_t> Metadata::getInt(std::string_view key) const {
    const auto* v = find(key);
    return v ? v->asInt() : std::nullopt;
}

std::optional<uint64_t> Metadata::getUInt(std::string_view key) const {
    const auto* v = find(key);
    return v ? v->asUInt() : std::nullopt;
}

std::optional<double> Metadata::getFloat(std::string_view key) const {
    const auto* v = find(key);
    return v ? v->asFloat() : std::nullopt;
}

std::optional<std::string> Metadata::getString(std::string_view key) const {
    const auto* v = find(key);
    if (!v || !v->asString()) return std::nullopt;
    return *v->asString();
}

std::optional<bool> Metadata::getBool(std::string_view key) const {
    const auto* v = find(key);
    if (!v) return std::nullopt;
    if (const auto* b = std::get_if<bool>(&v->data)) return *b;
    return std::nullopt;
}

const Array* Metadata::getArray(std::string_view key) const {
    const auto* v = find(key);
    return v ? v->asArray() : nullptr;
}

void Metadata::set(std::string key, Value value) {
    for (auto& e : m_entries) {
        if (e.key == key) {
            e.value = std::move(value);
            return;
        }
    }
    m_entries.push_back({std::move(key), std::move(value)});
}

bool Metadata::remove(std::string_view key) {
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->key == key) {
            m_entries.erase(it);
            return true;
        }
    }
    return false;
}

} // namespace qf::gguf
