#pragma once
// Expected quality of a preset, from the best source there is: measured on this model; else estimated from
// what was measured on this model (interpolated along bits per weight); else the typical value for the
// preset. Estimates are marked as such, never negative and without a ±; a measurement whose ± is wider
// than its difference says "within ±" rather than show a sign it cannot support.
//
// Measured values come from the evaluation (perplexity and KL divergence against the source, stored in
// a sidecar next to each produced file by a later issue); whoever reads those sidecars hands them in as
// MeasuredQuality. The typical values are those llama.cpp gives on the shared reference model
// (../shared/reference/README.md: llama-perplexity on books-eval.txt at context 256, no imatrix).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qf::recommend {

struct MeasuredQuality {
    std::string preset;            // "Q4_K_M"
    bool imatrix = false;          // made with an importance matrix
    double perplexity = 0.0;       // of the quant
    double perplexityError = 0.0;  // its ±
    double basePerplexity = 0.0;   // of the source, same text and context
    std::optional<double> meanKld; // mean KL divergence against the source
    std::optional<double> meanKldError;
    std::string evaluationText; // file name of the text
    uint32_t context = 0;
    double bitsPerWeight = 0.0; // of the measured file; 0: unknown (not used for estimates)
};

// Where a QualityEstimate comes from.
enum class QualityBasis : uint8_t {
    Unknown,       // neither a measurement nor a typical value
    Unquantized,   // the source's own type
    Measured,      // measured on this model
    FromThisModel, // estimated from this model's measurements of other presets
    Typical,       // the preset's typical value on the reference model
};

// A quality word, for the UI to translate (qualityTierName gives the English one).
enum class QualityTier : uint8_t { Lossless, NearLossless, VeryGood, Reduced, Low };

struct QualityEstimate {
    QualityBasis basis = QualityBasis::Unknown;
    QualityTier tierId = QualityTier::Low;
    bool known = false;           // false: neither a measurement nor a typical value
    bool measured = false;        // true: measured on this model; false: an estimate
    // Measured, but the difference is within the measurement's ± (deltaPplPercentError): no sign shown.
    bool withinError = false;
    double deltaPplPercent = 0.0; // (PPL(quant) / PPL(source) - 1) x 100
    std::optional<double> deltaPplPercentError;
    std::optional<double> meanKld;
    std::string tier;   // "lossless", "near-lossless", "very good", "reduced", "low"
    std::string source; // where the numbers come from, for the tooltip / JSON

    // "ΔPPL +0.07 % (typical, estimate)", "ΔPPL +0.12 ± 0.03 % (measured)".
    std::string describe() const;
};

// The typical value for a preset; known == false for presets without a reference measurement.
QualityEstimate typicalQuality(std::string_view preset);
// The measurement for `preset` when one exists (without imatrix preferred); else, when this model has
// measurements with their bits per weight and `bitsPerWeight` is known, an estimate interpolated from them;
// else the typical value.
QualityEstimate qualityFor(std::string_view preset, const std::vector<MeasuredQuality>& measured,
                           double bitsPerWeight = 0.0);
// A word for a mean KL divergence, so rows can be compared at a glance.
std::string qualityTier(double meanKld);
QualityTier qualityTierId(double meanKld);
std::string_view qualityTierName(QualityTier tier);

} // namespace qf::recommend
