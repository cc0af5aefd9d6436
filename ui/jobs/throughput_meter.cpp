#include "jobs/throughput_meter.h"

#include <algorithm>
#include <cmath>

namespace qf::ui {

namespace {
// Samples closer together than this are merged into the next one: dividing by a tiny interval would
// turn timer jitter into wild rates.
constexpr double kMinInterval = 0.05;
} // namespace

ThroughputMeter::ThroughputMeter(double timeConstantSeconds)
    : m_timeConstant(std::max(timeConstantSeconds, kMinInterval)) {}

void ThroughputMeter::addSample(double seconds, uint64_t done) {
    if (!m_hasSample) {
        // The job's start is the first reference point: a first report already past zero still yields a
        // rate at once.
        m_hasSample = true;
        m_lastSeconds = 0.0;
        m_lastDone = 0;
    }
    const double interval = seconds - m_lastSeconds;
    if (interval < kMinInterval || done < m_lastDone) return;
    const double instant = double(done - m_lastDone) / interval;
    if (m_rate <= 0.0) {
        m_rate = instant;
    } else {
        const double weight = 1.0 - std::exp(-interval / m_timeConstant);
        m_rate += weight * (instant - m_rate);
    }
    m_lastSeconds = seconds;
    m_lastDone = done;
}

std::optional<double> ThroughputMeter::secondsLeft(uint64_t total) const {
    if (m_rate <= 0.0) return std::nullopt;
    const uint64_t remaining = total > m_lastDone ? total - m_lastDone : 0;
    return double(remaining) / m_rate;
}

} // namespace qf::ui
