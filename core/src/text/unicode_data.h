#pragma once
// The generated tables behind qf/text/unicode.h (see gen_unicode_data.py).
#include <cstddef>
#include <cstdint>

namespace qf::text::detail {

struct CodepointRun {
    uint32_t first; // the run lasts until the next run's first codepoint
    uint16_t flags;
};

struct CasePair {
    uint32_t from;
    uint32_t to;
};

extern const CodepointRun kCodepointRuns[];
extern const size_t kCodepointRunCount;
extern const CasePair kLowercase[];
extern const size_t kLowercaseCount;
extern const char* const kUnicodeVersion;

} // namespace qf::text::detail
