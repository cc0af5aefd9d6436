#include "qf/recommend/quality.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace qf::recommend {
namespace {

struct TypicalRow {
    std::string_view preset;
    double perplexity;
    double meanKld;
};

// llama-perplexity on the shared reference model (../shared/reference/reference.json: 21M-parameter
// llama, books-eval.txt, context 256, llama.cpp c392e509), quants made without an importance matrix.
constexpr double kReferenceF16Perplexity = 141.4299;
constexpr std::array kTypical = {
    TypicalRow{"BF16", 141.438813, 0.000004},
    TypicalRow{"Q8_0", 141.480288, 0.000052},
    TypicalRow{"Q6_K", 141.461964, 0.000309},
    TypicalRow{"Q5_K_M", 141.344837, 0.000626},
    TypicalRow{"Q5_K_S", 141.350833, 0.000621},
    TypicalRow{"Q5_1", 141.576879, 0.000563},
    TypicalRow{"Q5_0", 141.517981, 0.000704},
    TypicalRow{"Q4_K_M", 141.530137, 0.001821},
    TypicalRow{"Q4_K_S", 141.475016, 0.001811},
    TypicalRow{"Q4_1", 141.592756, 0.001958},
    TypicalRow{"IQ4_NL", 141.921663, 0.001878},
    TypicalRow{"Q4_0", 142.183085, 0.002429},
    TypicalRow{"IQ4_XS", 141.962361, 0.001964},
    TypicalRow{"Q3_K_L", 141.675607, 0.005895},
    TypicalRow{"Q3_K_M", 141.829458, 0.006151},
    TypicalRow{"Q3_K_S", 142.013038, 0.007547},
    TypicalRow{"Q2_K", 143.913644, 0.027969},
    // The types modern llama.cpp (v0.5.0) adds, from ../shared/reference-2026/table.md. Those that need an
    // importance matrix were made with the shared one (imatrix-books-calibration); the rest without.
    TypicalRow{"IQ3_M", 142.562795, 0.009787},
    TypicalRow{"IQ3_S", 142.973896, 0.008384},
    TypicalRow{"IQ3_XS", 142.217739, 0.009038},
    TypicalRow{"IQ3_XXS", 143.066010, 0.010277},
    TypicalRow{"Q2_K_S", 145.298390, 0.036782},
    TypicalRow{"IQ2_M", 143.494579, 0.014312},
    TypicalRow{"IQ2_S", 144.030960, 0.019193},
    TypicalRow{"IQ2_XS", 144.360921, 0.029732},
    TypicalRow{"IQ2_XXS", 146.605552, 0.042470},
    TypicalRow{"IQ1_M", 149.624043, 0.057741},
    TypicalRow{"IQ1_S", 150.223566, 0.067695},
    TypicalRow{"Q2_0", 185.480306, 0.297422},
    TypicalRow{"TQ2_0", 269.358888, 0.816567},
    TypicalRow{"TQ1_0", 269.358888, 0.816567},
    TypicalRow{"Q1_0", 242.835599, 0.650955},
};
constexpr std::string_view kTypicalSource =
    "typical value: llama.cpp's perplexity and KL divergence on the 21M-parameter reference model "
    "(books-eval.txt, context 256); an estimate for other models";

} // namespace

QualityTier qualityTierId(double meanKld) {
    if (meanKld < 0.0001) return QualityTier::Lossless;
    if (meanKld < 0.001) return QualityTier::NearLossless;
    if (meanKld < 0.003) return QualityTier::VeryGood;
    if (meanKld < 0.01) return QualityTier::Reduced;
    return QualityTier::Low;
}

std::string_view qualityTierName(QualityTier tier) {
    switch (tier) {
    case QualityTier::Lossless: return "lossless";
    case QualityTier::NearLossless: return "near-lossless";
    case QualityTier::VeryGood: return "very good";
    case QualityTier::Reduced: return "reduced";
    case QualityTier::Low: return "low";
    }
    return "low";
}

std::string qualityTier(double meanKld) {
    return std::string(qualityTierName(qualityTierId(meanKld)));
}

namespace {

void setTier(QualityEstimate& q, double meanKld) {
    q.tierId = qualityTierId(meanKld);
    q.tier = std::string(qualityTierName(q.tierId));
}

// A tier from ΔPPL alone (no KL divergence measured): the typical relation between the two on the
// reference model, roughly KLD ≈ ΔPPL% / 100.
double kldFromDelta(double deltaPplPercent) {
    return std::max(0.0, deltaPplPercent) / 100.0;
}

} // namespace

std::string QualityEstimate::describe() const {
    if (!known) return "unknown";
    if (source == "unquantized") return "lossless (unquantized)";
    std::string text;
    if (withinError && deltaPplPercentError)
        text = fmt::format("ΔPPL within ± {:.2f} %", *deltaPplPercentError);
    else if (deltaPplPercentError)
        text = fmt::format("ΔPPL {:+.2f} ± {:.2f} %", deltaPplPercent, *deltaPplPercentError);
    else
        text = fmt::format("ΔPPL {:+.2f} %", deltaPplPercent);
    if (meanKld) text += fmt::format(", KLD {:.4f}", *meanKld);
    switch (basis) {
    case QualityBasis::Measured: text += " (measured)"; break;
    case QualityBasis::FromThisModel: text += " (estimate from this model's measurements)"; break;
    default: text += " (typical; estimate)"; break;
    }
    return text;
}

QualityEstimate typicalQuality(std::string_view preset) {
    QualityEstimate q;
    if (preset == "F32" || preset == "F16") {
        // The unquantized weights are the reference themselves.
        q.known = true;
        q.basis = QualityBasis::Unquantized;
        q.meanKld = 0.0;
        setTier(q, 0.0);
        q.source = "unquantized";
        return q;
    }
    for (const auto& row : kTypical) {
        if (row.preset != preset) continue;
        q.known = true;
        q.basis = QualityBasis::Typical;
        // A small model's noise makes some typical differences negative; an estimate is never below 0.
        q.deltaPplPercent = std::max(0.0, (row.perplexity / kReferenceF16Perplexity - 1.0) * 100.0);
        q.meanKld = row.meanKld;
        setTier(q, row.meanKld);
        q.source = std::string(kTypicalSource);
    }
    return q;
}

namespace {

struct MeasuredPoint {
    double bits = 0.0;
    double delta = 0.0; // ΔPPL %, at least 0
    std::optional<double> kld;
};

// ΔPPL and KLD at `bits`, from this model's measurements: linear between the two measured neighbours (the
// unquantized model is the point at 16 bits with no loss); below the smallest measured file, the typical
// curve scaled to what this model showed there.
std::optional<QualityEstimate> estimateFromThisModel(std::string_view preset, double bits,
                                                     std::vector<MeasuredPoint> points) {
    if (points.empty() || bits <= 0) return std::nullopt;
    const size_t measuredCount = points.size();
    std::sort(points.begin(), points.end(), [](auto& a, auto& b) { return a.bits < b.bits; });
    if (points.back().bits < 16.0) points.push_back({16.0, 0.0, 0.0});
    if (points.size() == 1) points.insert(points.begin(), points.front()); // one point at 16 bits or more
    QualityEstimate q;
    q.known = true;
    q.basis = QualityBasis::FromThisModel;
    if (bits >= points.front().bits) {
        size_t hi = 1;
        while (hi < points.size() && points[hi].bits < bits)
            ++hi;
        if (hi >= points.size()) hi = points.size() - 1;
        const MeasuredPoint& a = points[hi - 1];
        const MeasuredPoint& b = points[hi];
        const double t = b.bits > a.bits ? std::clamp((bits - a.bits) / (b.bits - a.bits), 0.0, 1.0) : 0.0;
        q.deltaPplPercent = a.delta + t * (b.delta - a.delta);
        if (a.kld && b.kld) q.meanKld = *a.kld + t * (*b.kld - *a.kld);
    } else {
        // Below the smallest measured file the loss grows about four times per bit removed (the reference
        // model's Q4_K_M to Q2_K), and is at least the preset's typical value.
        const MeasuredPoint& low = points.front();
        const double scale = std::pow(4.0, low.bits - bits);
        q.deltaPplPercent = low.delta * scale;
        if (low.kld) q.meanKld = *low.kld * scale;
        if (const QualityEstimate typical = typicalQuality(preset); typical.known) {
            q.deltaPplPercent = std::max(q.deltaPplPercent, typical.deltaPplPercent);
            if (q.meanKld && typical.meanKld) q.meanKld = std::max(*q.meanKld, *typical.meanKld);
        }
    }
    q.deltaPplPercent = std::max(0.0, q.deltaPplPercent);
    setTier(q, q.meanKld ? *q.meanKld : kldFromDelta(q.deltaPplPercent));
    q.source = fmt::format("estimate from {} measurement(s) on this model, along bits per weight", measuredCount);
    return q;
}

} // namespace

QualityEstimate qualityFor(std::string_view preset, const std::vector<MeasuredQuality>& measured,
                           double bitsPerWeight) {
    const MeasuredQuality* best = nullptr;
    for (const auto& m : measured)
        if (m.preset == preset && m.basePerplexity > 0 && (!best || (best->imatrix && !m.imatrix))) best = &m;
    if (!best) {
        if (preset == "F32" || preset == "F16") return typicalQuality(preset);
        std::vector<MeasuredPoint> points;
        for (const auto& m : measured) {
            if (m.basePerplexity <= 0 || m.bitsPerWeight <= 0 || m.imatrix) continue;
            points.push_back({m.bitsPerWeight, std::max(0.0, (m.perplexity / m.basePerplexity - 1.0) * 100.0),
                              m.meanKld ? std::optional(std::max(0.0, *m.meanKld)) : std::nullopt});
        }
        if (auto estimate = estimateFromThisModel(preset, bitsPerWeight, std::move(points))) return *estimate;
        return typicalQuality(preset);
    }
    QualityEstimate q;
    q.known = true;
    q.measured = true;
    q.basis = QualityBasis::Measured;
    q.deltaPplPercent = (best->perplexity / best->basePerplexity - 1.0) * 100.0;
    if (best->perplexityError > 0) {
        q.deltaPplPercentError = best->perplexityError / best->basePerplexity * 100.0;
        q.withinError = std::abs(q.deltaPplPercent) <= *q.deltaPplPercentError;
    } else {
        q.withinError = q.deltaPplPercent < 0.0;
    }
    q.meanKld = best->meanKld;
    if (best->meanKld)
        setTier(q, *best->meanKld);
    else
        setTier(q, kldFromDelta(q.deltaPplPercent));
    q.source = fmt::format("measured on this model{}{}{}", best->imatrix ? " (with imatrix)" : "",
                           best->evaluationText.empty() ? "" : ", " + best->evaluationText,
                           best->context ? fmt::format(", context {}", best->context) : "");
    return q;
}

} // namespace qf::recommend
