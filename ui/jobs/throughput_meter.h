#pragma once
// Turns "bytes done so far" samples into a steady rate and a time left. Core jobs report progress in
// uneven steps (one per tensor, and tensors differ a hundredfold in size), so the instantaneous rate jumps
// around; an exponential moving average weighted by the time between samples keeps the shown numbers calm
// while still following a real change of speed within a few seconds. No Qt: plain arithmetic, easy to test.
#include <cstdint>
#include <optional>

namespace qf::ui {

class ThroughputMeter {
public:
    // `timeConstantSeconds`: how quickly the average forgets; a sample this old weighs 1/e.
    explicit ThroughputMeter(double timeConstantSeconds = 3.0);

    // `seconds` since the job started (non-decreasing), `done` units processed so far (non-decreasing).
    void addSample(double seconds, uint64_t done);

    // Units per second; 0 until two samples more than a moment apart have been seen.
    double rate() const { return m_rate; }
    bool hasRate() const { return m_rate > 0.0; }
    // Seconds until `total` at the current rate; nullopt while the rate is unknown.
    std::optional<double> secondsLeft(uint64_t total) const;

private:
    double m_timeConstant;
    double m_lastSeconds = 0.0;
    uint64_t m_lastDone = 0;
    bool m_hasSample = false;
    double m_rate = 0.0;
};

} // namespace qf::ui
