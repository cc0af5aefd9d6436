#pragma once
// Builds GGUF bytes by hand for tests, including deliberately broken ones the writer would refuse.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace qf::test {

class RawGguf {
public:
    template <class T>
    RawGguf& put(T v) {
        const size_t at = bytes.size();
        bytes.resize(at + sizeof(T));
        std::memcpy(bytes.data() + at, &v, sizeof(T));
        return *this;
    }
    RawGguf& str(const std::string& s) {
        put<uint64_t>(s.size());
        bytes.insert(bytes.end(), s.begin(), s.end());
        return *this;
    }
    RawGguf& header(uint32_t version, uint64_t tensors, uint64_t kvs) {
        return put<uint32_t>(0x46554747).put<uint32_t>(version).put<uint64_t>(tensors).put<uint64_t>(kvs);
    }
    RawGguf& kvU32(const std::string& key, uint32_t v) { return str(key).put<uint32_t>(4).put<uint32_t>(v); }
    RawGguf& kvString(const std::string& key, const std::string& v) { return str(key).put<uint32_t>(8).str(v); }
    RawGguf& tensor(const std::string& name, std::vector<uint64_t> shape, uint32_t type, uint64_t offset) {
        str(name).put<uint32_t>(uint32_t(shape.size()));
        for (auto d : shape) put<uint64_t>(d);
        return put<uint32_t>(type).put<uint64_t>(offset);
    }
    RawGguf& padTo(size_t alignment) {
        bytes.resize((bytes.size() + alignment - 1) / alignment * alignment, 0);
        return *this;
    }
    RawGguf& zeros(size_t n) {
        bytes.resize(bytes.size() + n, 0);
        return *this;
    }
    std::vector<uint8_t> bytes;
};

} // namespace qf::test
