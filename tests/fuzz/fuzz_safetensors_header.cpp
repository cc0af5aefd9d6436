// libFuzzer entry point for the safetensors header parser (Hugging Face folders are downloaded files, so
// hostile input): any bytes must give a header or an error, never a crash, a hang or an allocation out of
// proportion to the input.
#include <cstddef>
#include <cstdint>

#include "qf/hf/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto header = qf::hf::parseSafetensorsHeader({data, size}, "fuzz.safetensors");
    if (header.ok()) {
        uint64_t total = 0;
        for (const auto& t : header->tensors) total += t.byteSize() + t.elementCount();
        (void)total;
    }
    return 0;
}
