// Phrases rendered in English, and the list of their patterns.
#include "qf/recommend/phrase.h"

#include <fmt/format.h>

#include "phrase_patterns.h"
#include "qf/recommend/recommendation.h"

namespace qf::recommend {
namespace {

std::string englishArg(const Phrase::Arg& arg) {
    switch (arg.kind) {
    case Phrase::Arg::Kind::Text: return arg.text;
    case Phrase::Arg::Kind::Bytes: return formatSize(arg.count);
    case Phrase::Arg::Kind::Count: return std::to_string(arg.count);
    case Phrase::Arg::Kind::Decimal: return fmt::format("{:.1f}", arg.decimal);
    case Phrase::Arg::Kind::Nested: return arg.nested ? arg.nested->english() : std::string();
    }
    return {};
}

} // namespace

std::string Phrase::english() const {
    // One pass, so an argument's own text is never searched for placeholders.
    std::string out;
    out.reserve(pattern.size() + 32);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const size_t index = size_t(pattern[i + 1] - '1');
            if (index < args.size()) out += englishArg(args[index]);
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

Phrase::Arg textArg(std::string_view text) {
    Phrase::Arg arg;
    arg.text = std::string(text);
    return arg;
}

Phrase::Arg bytesArg(uint64_t bytes) {
    Phrase::Arg arg;
    arg.kind = Phrase::Arg::Kind::Bytes;
    arg.count = bytes;
    return arg;
}

Phrase::Arg countArg(uint64_t count) {
    Phrase::Arg arg;
    arg.kind = Phrase::Arg::Kind::Count;
    arg.count = count;
    return arg;
}

Phrase::Arg decimalArg(double value) {
    Phrase::Arg arg;
    arg.kind = Phrase::Arg::Kind::Decimal;
    arg.decimal = value;
    return arg;
}

Phrase::Arg phraseArg(Phrase phrase) {
    Phrase::Arg arg;
    arg.kind = Phrase::Arg::Kind::Nested;
    arg.nested = std::make_shared<const Phrase>(std::move(phrase));
    return arg;
}

std::string englishText(const std::vector<Phrase>& phrases) {
    std::string text;
    for (const Phrase& p : phrases) {
        if (!text.empty()) text += ' ';
        text += p.english();
    }
    return text;
}

const std::vector<std::string_view>& allPhrasePatterns() {
    using namespace patterns;
    static const std::vector<std::string_view> all = {
        kKvCache, kNeed, kUnifiedBudget, kUnifiedBudgetEstimated, kGpuBudget, kRamBudget, kFitsOnGpu,
        kRunsFromRam, kNoQ4KM, kUsualBalance, kClimbed, kEndStop, kEndTop, kEnd, kCpuSpeed,
        kWouldNeedMoreThan, kBestFourBitGpu, kBestFourBit, kPartialOffload, kNoLayerFits, kHigherSlower,
        kBelowFourBitOnGpu, kWhereFullGpu, kWherePartial, kWhereRam, kEvenBaseDoesNotFit,
        kBelowFourBitWarning, kNeedsImatrixWarning, kNothingFits, kNothingFitsTogether, kNoPresets,
        kVerbatim, kShorterContextFits, kShorterContextFitsGpu, kShorterContextFitsRam, kKvTypeFits,
        kKvTypeFitsGpu, kKvTypeFitsRam, kGpuWouldHold, kSmallerModel, kContextLongerThanTrained,
    };
    return all;
}

} // namespace qf::recommend
