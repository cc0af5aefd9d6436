#pragma once
// Command-line arguments, parsed by CLI11: positional arguments, --flags and --options with values
// ("--out DIR" or "--out=DIR"). Unknown options are errors so typos do not pass silently.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "qf/result.h"

namespace qf::cli {

struct ArgSpec {
    std::set<std::string> flags;                // e.g. "--json"
    std::set<std::string> valued;               // e.g. "--out-dir"; may repeat
    std::map<std::string, std::string> aliases; // "-o" -> "--output"
};

class Args {
public:
    static Result<Args> parse(const std::vector<std::string>& argv, const ArgSpec& spec);

    const std::vector<std::string>& positional() const { return m_positional; }
    bool has(const std::string& flag) const { return m_flags.count(flag) > 0; }
    std::optional<std::string> value(const std::string& option) const;
    std::vector<std::string> values(const std::string& option) const;

private:
    std::vector<std::string> m_positional;
    std::set<std::string> m_flags;
    std::multimap<std::string, std::string> m_values;
};

// The value of `option` as a whole number in [0, max]; `fallback` when the option is absent. The error
// names the option and what was given.
Result<uint64_t> wholeNumberOption(const Args& args, const char* option, uint64_t fallback, uint64_t max);

// A file installed with the program under share/quantforge/data/ (e.g. "books-eval.txt"); empty when it
// cannot be found.
std::filesystem::path bundledDataFile(const std::string& name);

// Removes temporary files that killed runs left in `output`'s folder and says so on stderr.
void announceRemovedTemporaries(const std::filesystem::path& output);

// Formats a byte count for people: "14.2 MB", "1.3 GB".
std::string humanBytes(uint64_t bytes);

} // namespace qf::cli
