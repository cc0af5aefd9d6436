#pragma once
// GGUF metadata values. Types are kept exactly as read so that a file written back is byte-identical.
// Arrays of fixed-size elements are stored packed (as in the file), so memory stays proportional to the
// file's bytes whatever a hostile file claims.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace qf::gguf {

enum class ValueType : uint32_t {
    UInt8 = 0,
    Int8 = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    UInt64 = 10,
    Int64 = 11,
    Float64 = 12,
};

std::string_view valueTypeName(ValueType type);
bool isValidValueType(uint32_t raw);
// Bytes of one element of a fixed-size type; 0 for String and Array.
uint32_t fixedValueSize(ValueType type);

class Array {
public:
    Array() = default;
    static Array ofStrings(std::vector<std::string> items);
    static Array ofArrays(ValueType innerType, std::vector<Array> items);
    // Packed little-endian elements of a fixed-size type.
    static Array ofRaw(ValueType type, std::vector<uint8_t> raw);
    template <class T>
    static Array of(ValueType type, const std::vector<T>& values) {
        std::vector<uint8_t> raw(values.size() * sizeof(T));
        if (!raw.empty()) std::memcpy(raw.data(), values.data(), raw.size());
        return ofRaw(type, std::move(raw));
    }

    ValueType elementType() const { return m_type; }
    size_t size() const;

    std::optional<int64_t> intAt(size_t i) const;   // integer and bool elements
    std::optional<double> numberAt(size_t i) const; // any numeric element
    const std::string& stringAt(size_t i) const { return m_strings[i]; }
    const Array& arrayAt(size_t i) const { return m_arrays[i]; }

    const std::vector<uint8_t>& raw() const { return m_raw; }
    const std::vector<std::string>& strings() const { return m_strings; }
    const std::vector<Array>& arrays() const { return m_arrays; }

    bool operator==(const Array& other) const = default;

private:
    ValueType m_type = ValueType::UInt8;
    std::vector<uint8_t> m_raw;
    std::vector<std::string> m_strings;
    std::vector<Array> m_arrays;
};

struct Value {
    // Alternative index == GGUF value type id.
    using Storage = std::variant<uint8_t, int8_t, uint16_t, int16_t, uint32_t, int32_t, float, bool, std::string,
                                 Array, uint64_t, int64_t, double>;
    Storage data;

    ValueType type() const { return static_cast<ValueType>(data.index()); }

    // Integer types and bool, widened; nullopt for other types or values that do not fit.
    std::optional<int64_t> asInt() const;
    std::optional<uint64_t> asUInt() const;
    std::optional<double> asFloat() const; // integers convert too
    const std::string* asString() const { return std::get_if<std::string>(&data); }
    const Array* asArray() const { return std::get_if<Array>(&data); }

    // Short human-readable rendering; long arrays are abbreviated ("[32000 × string]").
    std::string toDisplayString(size_t maxItems = 8, size_t maxChars = 200) const;

    static Value string(std::string s) { return {Storage{std::in_place_index<8>, std::move(s)}}; }
    static Value u32(uint32_t v) { return {Storage{std::in_place_index<4>, v}}; }
    static Value i32(int32_t v) { return {Storage{std::in_place_index<5>, v}}; }
    static Value u64(uint64_t v) { return {Storage{std::in_place_index<10>, v}}; }
    static Value f32(float v) { return {Storage{std::in_place_index<6>, v}}; }
    static Value boolean(bool v) { return {Storage{std::in_place_index<7>, v}}; }
    static Value array(Array a) { return {Storage{std::in_place_index<9>, std::move(a)}}; }

    bool operator==(const Value& other) const = default;
};
static_assert(std::variant_size_v<Value::Storage> == 13, "variant index must equal the GGUF value type id");

struct MetadataEntry {
    std::string key;
    Value value;
};

// Ordered key/value list, as in the file (order matters for byte-identical round trips).
class Metadata {
public:
    const Value* find(std::string_view key) const;
    std::optional<int64_t> getInt(std::string_view key) const;
    std::optional<uint64_t> getUInt(std::string_view key) const;
    std::optional<double> getFloat(std::string_view key) const;
    std::optional<std::string> getString(std::string_view key) const;
    std::optional<bool> getBool(std::string_view key) const;
    const Array* getArray(std::string_view key) const;

    // Replaces an existing key's value in place (keeping its position) or appends it.
    void set(std::string key, Value value);
    bool remove(std::string_view key);

    std::vector<MetadataEntry>& entries() { return m_entries; }
    const std::vector<MetadataEntry>& entries() const { return m_entries; }
    size_t size() const { return m_entries.size(); }

private:
    std::vector<MetadataEntry> m_entries;
};

} // namespace qf::gguf
