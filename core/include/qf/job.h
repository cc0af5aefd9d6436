#pragma once
// Every long core job takes a progress callback and a stop token. Progress reports are cheap to make;
// callers decide how often to forward them to a UI.
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>

#include "qf/result.h"

namespace qf {

struct Progress {
    std::string stage;       // what is happening, e.g. "writing", "quantizing blk.3.ffn_down.weight"
    uint64_t done = 0;       // units done so far (bytes, tensors, tokens: see `unit`)
    uint64_t total = 0;      // units in all; 0 when unknown
    std::string unit;        // "bytes", "tensors", "tokens"
    double fraction() const { return total ? double(done) / double(total) : 0.0; }
};

using ProgressFn = std::function<void(const Progress&)>;

inline Error cancelledError() { return Error{"cancelled", ErrorKind::Cancelled}; }
inline bool isCancelled(const Error& error) { return error.kind == ErrorKind::Cancelled; }

} // namespace qf
