#pragma once
// A sentence for a person, kept as its English pattern and its values rather than as finished text, so a
// UI can translate the pattern (the pattern is the message id) and format the values in the person's
// language; english() gives the text the CLI prints. Core stays free of any UI toolkit: the UI keeps the
// patterns in its translation catalogue (allPhrasePatterns() lists them so a test can check none is
// missing).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace qf::recommend {

struct Phrase {
    struct Arg {
        enum class Kind : uint8_t {
            Text,    // verbatim: a preset or type name
            Bytes,   // a size, "4.1 GB"
            Count,   // a whole number: tokens, layers
            Decimal, // one decimal: "1.4" (a ratio, billions of parameters)
            Nested,  // a phrase inside this one
        };
        Kind kind = Kind::Text;
        std::string text;
        uint64_t count = 0;
        double decimal = 0.0;
        std::shared_ptr<const Phrase> nested;
    };

    std::string_view pattern; // English, %1..%9 for args; one of allPhrasePatterns()
    std::vector<Arg> args;

    std::string english() const;
};

Phrase::Arg textArg(std::string_view text);
Phrase::Arg bytesArg(uint64_t bytes);
Phrase::Arg countArg(uint64_t count);
Phrase::Arg decimalArg(double value);
Phrase::Arg phraseArg(Phrase phrase);

// The phrases joined with single spaces, in English.
std::string englishText(const std::vector<Phrase>& phrases);

// Every pattern the recommendation uses.
const std::vector<std::string_view>& allPhrasePatterns();

} // namespace qf::recommend
