// libFuzzer entry point for the GGUF header parser: any input must give a header or an error, never a
// crash, a hang, a leak or an allocation out of proportion to the input.
#include <cstddef>
#include <cstdint>

#include "qf/gguf/gguf_file.h"
#include "qf/model_summary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto header = qf::gguf::parseHeader({data, size}, "fuzz.gguf");
    if (header.ok()) {
        // Touch what a viewer would read, to reach the accessors with hostile values too.
        for (const auto& e : header->metadata.entries()) (void)e.value.toDisplayString();
        for (const auto& t : header->tensors) (void)t.rowCount();
    }
    return 0;
}
