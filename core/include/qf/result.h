#pragma once
// Errors are values: every fallible core function returns Result<T>. The message is written for a
// person: it names the file, offset or tensor, what was expected and what was found.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include <fmt/format.h>

namespace qf {

struct Error {
    std::string message;
};

template <class... Args>
[[nodiscard]] Error makeError(fmt::format_string<Args...> format, Args&&... args) {
    return Error{fmt::format(format, std::forward<Args>(args)...)};
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
    // Prefixes the message with context, e.g. the file name, keeping the original detail.
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
