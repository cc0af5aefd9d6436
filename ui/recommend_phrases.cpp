// The recommendation's sentences in the person's language: core gives each as an English pattern (its
// message id) with typed values; the pattern is translated here and the values formatted in the locale.
#include "recommend_phrases.h"

#include <QCoreApplication>
#include <QLocale>

#include "format.h"

namespace qf::ui {
namespace {

// Every pattern of core/src/recommend/phrase_patterns.h, for lupdate (test_translations checks that each
// of recommend::allPhrasePatterns() is here and translated).
[[maybe_unused]] constexpr const char* kPatterns[] = {
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 of KV cache (%2, %3 tokens)"), // kKvCache
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 of weights, %2 and about %3 of compute buffer make %4"), // kNeed
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "the %1 the GPU may use of unified memory (working-set limit %2, %3 of RAM minus %4 for the OS)"), // kUnifiedBudget
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "the %1 the GPU may use of unified memory (estimated working-set limit %2, %3 of RAM minus %4 for the OS)"), // kUnifiedBudgetEstimated
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "the %1 usable on the GPU (%2 minus %3 for the driver and desktop)"), // kGpuBudget
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "the %1 of RAM usable (%2 minus %3 kept for the OS)"), // kRamBudget
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 fits fully on the GPU: %2, within %3; the token embedding (%4) stays in system RAM."), // kFitsOnGpu
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 runs from system RAM: %2, within %3."), // kRunsFromRam
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Q4_K_M cannot be made from this file%1"), // kNoQ4KM
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Q4_K_M is the usual balance of size and quality%1"), // kUsualBalance
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Started from Q4_K_M, the usual balance of size and quality, and went up while it still fit%1"), // kClimbed
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "; %1 would need %2."), // kEndStop
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "; Q8_0 is the top of the usual range (F16 doubles the size for no measurable gain)."), // kEndTop
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "."), // kEnd
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "On the CPU speed falls with size: Q4_K_M would generate about %1x as fast."), // kCpuSpeed
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 would need %2, more than %3."), // kWouldNeedMoreThan
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Among the 4-bit presets it is the best that fits; Q4_K_M with part of its layers on the GPU would be slower."), // kBestFourBitGpu
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Among the 4-bit presets it is the best that fits."), // kBestFourBit
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 needs %2 to run fully on the GPU with this context, more than %3. So %4 of its %5 layers go to the GPU (%6 there) and the rest run from system RAM (%7 of %8 usable)."), // kPartialOffload
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Not one layer of %1 fits in %2, so it runs from system RAM: %3, within %4."), // kNoLayerFits
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Higher presets would leave more layers on the CPU and run slower."), // kHigherSlower
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 would fit fully on the GPU and run faster, but it is below 4 bits."), // kBelowFourBitOnGpu
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "fully on the GPU"), // kWhereFullGpu
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "with %1 of %2 layers on the GPU"), // kWherePartial
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "from system RAM"), // kWhereRam
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Even %1 does not fit: it needs %2 with this context, more than the %3 usable. %4 is the largest preset that does, %5 (%6 needed)."), // kEvenBaseDoesNotFit
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 is below 4 bits per weight: expect a clear loss of quality. When quality matters, a smaller model at Q4_K_M or higher is usually the better choice."), // kBelowFourBitWarning
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1 needs an importance matrix: compute one from calibration text (quantforge-cli imatrix) before producing it."), // kNeedsImatrixWarning
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable."), // kNothingFits
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable in RAM and GPU memory together."), // kNothingFitsTogether
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "No presets."), // kNoPresets
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "%1"), // kVerbatim
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "With a context of %1 tokens, %2 would fit."), // kShorterContextFits
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "With a context of %1 tokens, %2 would fit fully on the GPU."), // kShorterContextFitsGpu
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "With a context of %1 tokens, %2 would fit in RAM."), // kShorterContextFitsRam
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "With a %1 KV cache (%2 instead of %3), %4 would fit."), // kKvTypeFits
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "With a %1 KV cache (%2 instead of %3), %4 would fit fully on the GPU."), // kKvTypeFitsGpu
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "With a %1 KV cache (%2 instead of %3), %4 would fit in RAM."), // kKvTypeFitsRam
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "A GPU with %1 of memory would hold %2 completely."), // kGpuWouldHold
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "A smaller model would fit: about %1 B parameters at %2 with this context (this one has %3 B)."), // kSmallerModel
    QT_TRANSLATE_NOOP("qf::ui::RecommendPhrase", "The context (%1 tokens) is longer than the model was trained for (%2 tokens)."), // kContextLongerThanTrained
};

QString argText(const recommend::Phrase::Arg& arg) {
    using Kind = recommend::Phrase::Arg::Kind;
    switch (arg.kind) {
    case Kind::Text: return toQString(arg.text);
    case Kind::Bytes: return formatBytes(arg.count);
    case Kind::Count: return formatCount(arg.count);
    case Kind::Decimal: return QLocale().toString(arg.decimal, 'f', 1);
    case Kind::Nested: return arg.nested ? translatePhrase(*arg.nested) : QString();
    }
    return {};
}

} // namespace

QString translatePhrase(const recommend::Phrase& phrase) {
    const QByteArray source(phrase.pattern.data(), qsizetype(phrase.pattern.size()));
    const QString pattern = QCoreApplication::translate("qf::ui::RecommendPhrase", source.constData());
    // One pass, so a value's own text is never searched for placeholders.
    QString out;
    out.reserve(pattern.size() + 32);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1) >= QLatin1Char('1') &&
            pattern.at(i + 1) <= QLatin1Char('9')) {
            const size_t index = size_t(pattern.at(i + 1).unicode() - '1');
            if (index < phrase.args.size()) out += argText(phrase.args[index]);
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

QString translatePhrases(const std::vector<recommend::Phrase>& phrases) {
    QStringList parts;
    for (const auto& p : phrases)
        parts << translatePhrase(p);
    return parts.join(QLatin1Char(' '));
}

} // namespace qf::ui
