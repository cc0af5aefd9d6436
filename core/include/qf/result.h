#pragma once
// Errors are values: every fallible core function returns Result<T>. The message is written for a
// person: it names the file, offset or tensor, what was expected and what was found. The kind is for
// programs: a front end that offers a way out of a refusal, or tells a cancel from a failure, reads the
// kind, never the message (which is reworded, prefixed with context and may one day be translated).
#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include <fmt/format.h>

namespace qf {

enum class ErrorKind {
    General,               // nothing to do but show the message
    Cancelled,             // a job stopped at its stop token's request (qf::cancelledError)
    NeedsBaseFolder,       // a PEFT adapter whose base model's folder (its config.json) is not known
    NeedsDequantize,       // a LoRA merge into quantized weights, refused unless the base is widened first
    NeedsImportanceMatrix, // a preset whose types need an imatrix, planned without one
    NeedsAllowRequantize,  // a plan from an already quantized source, refused unless requantizing is allowed
    NotCached,             // a result asked for from the cache only, which does not have it
};

struct Error {
    std::string message;
    ErrorKind kind = ErrorKind::General;
};

template <class... Args>
[[nodiscard]] Error makeError(fmt::format_string<Args...> format, Args&&... args) {
    return Error{fmt::format(format, std::forward<Args>(args)...)};
}

template <class... Args>
[[nodiscard]] Error makeError(ErrorKind kind, fmt::format_string<Args...> format, Args&&... args) {
    return Error{fmt::format(format, std::forward<Args>(args)...), kind};
}

// A new message for an error, usually the old one with context around it: the kind stays the cause's.
// Every place that builds an error from another's message goes through this (or Result::withContext).
template <class... Args>
[[nodiscard]] Error rewordError(const Error& cause, fmt::format_string<Args...> format, Args&&... args) {
    return Error{fmt::format(format, std::forward<Args>(args)...), cause.kind};
}

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(m_state); }
    const T& value() const& { assert(ok()); return std::get<0>(m_state); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(m_state); }
    // Prefixes the message with context, e.g. the file name, keeping the original detail and kind.
    Result&& withContext(const std::string& context) && {
        if (!ok()) std::get<1>(m_state).message = context + ": " + std::get<1>(m_state).message;
        return std::move(*this);
    }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { assert(m_failed); return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace qf

// Propagates an error from an expression returning Result<...>; evaluates to nothing.
#define QF_TRY(expr)                                                                                         \
    do {                                                                                                     \
        auto&& qf_try_result_ = (expr);                                                                     \
        if (!qf_try_result_.ok()) return qf_try_result_.error();                                            \
    } while (false)
