#pragma once
// The English patterns of the recommendation's sentences (see qf/recommend/phrase.h). Each is a message
// id: the UI's catalogue (ui/recommend_phrases.cpp) has the same text, and a test checks that every one
// listed in allPhrasePatterns() is translated.
#include <string_view>

namespace qf::recommend::patterns {

// Budgets and needs, nested in the sentences below.
inline constexpr std::string_view kKvCache = "%1 of KV cache (%2, %3 tokens)";
inline constexpr std::string_view kNeed = "%1 of weights, %2 and about %3 of compute buffer make %4";
inline constexpr std::string_view kUnifiedBudget =
    "the %1 the GPU may use of unified memory (working-set limit %2, %3 of RAM minus %4 for the OS)";
inline constexpr std::string_view kUnifiedBudgetEstimated =
    "the %1 the GPU may use of unified memory (estimated working-set limit %2, %3 of RAM minus %4 for the OS)";
inline constexpr std::string_view kGpuBudget = "the %1 usable on the GPU (%2 minus %3 for the driver and desktop)";
inline constexpr std::string_view kRamBudget = "the %1 of RAM usable (%2 minus %3 kept for the OS)";

// Where the chosen preset runs.
inline constexpr std::string_view kFitsOnGpu =
    "%1 fits fully on the GPU: %2, within %3; the token embedding (%4) stays in system RAM.";
inline constexpr std::string_view kRunsFromRam = "%1 runs from system RAM: %2, within %3.";

// Why this preset (climbing the ladder from Q4_K_M); %1 is one of the endings below.
inline constexpr std::string_view kNoQ4KM = "Q4_K_M cannot be made from this file%1";
inline constexpr std::string_view kUsualBalance = "Q4_K_M is the usual balance of size and quality%1";
inline constexpr std::string_view kClimbed =
    "Started from Q4_K_M, the usual balance of size and quality, and went up while it still fit%1";
inline constexpr std::string_view kEndStop = "; %1 would need %2.";
inline constexpr std::string_view kEndTop = "; Q8_0 is the top of the usual range (F16 doubles the size for no measurable gain).";
inline constexpr std::string_view kEnd = ".";
inline constexpr std::string_view kCpuSpeed =
    "On the CPU speed falls with size: Q4_K_M would generate about %1x as fast.";

// Another 4-bit preset.
inline constexpr std::string_view kWouldNeedMoreThan = "%1 would need %2, more than %3.";
inline constexpr std::string_view kBestFourBitGpu =
    "Among the 4-bit presets it is the best that fits; Q4_K_M with part of its layers on the GPU would be slower.";
inline constexpr std::string_view kBestFourBit = "Among the 4-bit presets it is the best that fits.";

// Part of the layers on the GPU.
inline constexpr std::string_view kPartialOffload =
    "%1 needs %2 to run fully on the GPU with this context, more than %3. So %4 of its %5 layers go to the GPU "
    "(%6 there) and the rest run from system RAM (%7 of %8 usable).";
inline constexpr std::string_view kNoLayerFits =
    "Not one layer of %1 fits in %2, so it runs from system RAM: %3, within %4.";
inline constexpr std::string_view kHigherSlower = "Higher presets would leave more layers on the CPU and run slower.";
inline constexpr std::string_view kBelowFourBitOnGpu =
    "%1 would fit fully on the GPU and run faster, but it is below 4 bits.";

// Below 4 bits.
inline constexpr std::string_view kWhereFullGpu = "fully on the GPU";
inline constexpr std::string_view kWherePartial = "with %1 of %2 layers on the GPU";
inline constexpr std::string_view kWhereRam = "from system RAM";
inline constexpr std::string_view kEvenBaseDoesNotFit =
    "Even %1 does not fit: it needs %2 with this context, more than the %3 usable. %4 is the largest preset "
    "that does, %5 (%6 needed).";
inline constexpr std::string_view kBelowFourBitWarning =
    "%1 is below 4 bits per weight: expect a clear loss of quality. When quality matters, a smaller model at "
    "Q4_K_M or higher is usually the better choice.";
inline constexpr std::string_view kNeedsImatrixWarning =
    "%1 needs an importance matrix: compute one from calibration text (quantforge-cli imatrix) before producing it.";

// Nothing fits.
inline constexpr std::string_view kNothingFits =
    "Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this "
    "machine has usable.";
inline constexpr std::string_view kNothingFitsTogether =
    "Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this "
    "machine has usable in RAM and GPU memory together.";
inline constexpr std::string_view kNoPresets = "No presets.";
inline constexpr std::string_view kVerbatim = "%1"; // a planner's message, as it is

// Suggestions.
inline constexpr std::string_view kShorterContextFits = "With a context of %1 tokens, %2 would fit.";
inline constexpr std::string_view kShorterContextFitsGpu = "With a context of %1 tokens, %2 would fit fully on the GPU.";
inline constexpr std::string_view kShorterContextFitsRam = "With a context of %1 tokens, %2 would fit in RAM.";
inline constexpr std::string_view kKvTypeFits = "With a %1 KV cache (%2 instead of %3), %4 would fit.";
inline constexpr std::string_view kKvTypeFitsGpu =
    "With a %1 KV cache (%2 instead of %3), %4 would fit fully on the GPU.";
inline constexpr std::string_view kKvTypeFitsRam = "With a %1 KV cache (%2 instead of %3), %4 would fit in RAM.";
inline constexpr std::string_view kGpuWouldHold = "A GPU with %1 of memory would hold %2 completely.";
inline constexpr std::string_view kSmallerModel =
    "A smaller model would fit: about %1 B parameters at %2 with this context (this one has %3 B).";

// Warnings for any choice.
inline constexpr std::string_view kContextLongerThanTrained =
    "The context (%1 tokens) is longer than the model was trained for (%2 tokens).";

} // namespace qf::recommend::patterns
