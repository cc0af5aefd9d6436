#pragma once
// A small streaming JSON writer for machine-readable output (--json) without a Qt dependency.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qf {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = true) : m_pretty(pretty) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(int64_t v);
    JsonWriter& value(uint64_t v);
    JsonWriter& value(int v) { return value(int64_t(v)); }
    JsonWriter& value(uint32_t v) { return value(uint64_t(v)); }
    JsonWriter& value(double v); // non-finite values are written as null
    JsonWriter& null();

    template <class T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    const std::string& str() const { return m_out; }

    static std::string escape(std::string_view s);

private:
    void beforeValue();
    void newline();

    std::string m_out;
    std::vector<bool> m_hasItems; // per open container
    bool m_pretty;
    bool m_afterKey = false;
};

} // namespace qf
