#include "cli/cli_args.h"

#include <string>
#include <system_error>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "qf/io/temporary_files.h"

namespace qf::cli {

Result<Args> Args::parse(const std::vector<std::string>& argv, const ArgSpec& spec) {
    // CLI11 does the parsing (option=value and option value, -abc bundles, "--", errors for unknown
    // options and missing values); ArgSpec keeps each command's table of names.
    CLI::App app;
    app.set_help_flag(); // --help is an ordinary flag of each command, which prints its own usage
    app.allow_extras(false);
    std::map<std::string, std::string> names; // "--output" -> "-o,--output"
    for (const auto& f : spec.flags) names[f] = f;
    for (const auto& v : spec.valued) names[v] = v;
    for (const auto& [alias, target] : spec.aliases)
        if (names.count(target)) names[target] = alias + "," + names[target];

    Args args;
    std::map<std::string, CLI::Option*> flagOptions;
    std::map<std::string, std::vector<std::string>> valued;
    for (const auto& f : spec.flags)
        flagOptions[f] = app.add_flag(names[f])->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    for (const auto& v : spec.valued)
        app.add_option(names[v], valued[v])
            ->type_size(1)
            ->expected(1)
            ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
            ->allow_extra_args(false);
    app.add_option("positional", args.m_positional)->expected(0, 1 << 20);
    std::vector<std::string> reversed(argv.rbegin(), argv.rend()); // CLI11 consumes from the back
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        return makeError("{}", e.what());
    }
    for (const auto& [name, option] : flagOptions)
        if (option->count() > 0) args.m_flags.insert(name);
    for (const auto& [name, values] : valued)
        for (const auto& value : values) args.m_values.emplace(name, value);
    return args;
}

std::optional<std::string> Args::value(const std::string& option) const {
    const auto it = m_values.find(option);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::values(const std::string& option) const {
    std::vector<std::string> out;
    for (auto [it, end] = m_values.equal_range(option); it != end; ++it)
        out.push_back(it->second);
    return out;
}

void announceRemovedTemporaries(const std::filesystem::path& output) {
    const auto removed = io::removeStaleTemporaries(output.has_parent_path() ? output.parent_path() : ".");
    if (!removed.empty()) fmt::print(stderr, "note: {}\n", io::describeRemoved(removed));
}

std::string humanBytes(uint64_t bytes) {
    constexpr double kMB = 1000.0 * 1000.0;
    if (bytes >= 1000ull * 1000 * 1000) return fmt::format("{:.1f} GB", double(bytes) / (kMB * 1000.0));
    if (bytes >= 1000ull * 1000) return fmt::format("{:.1f} MB", double(bytes) / kMB);
    if (bytes >= 1000) return fmt::format("{:.1f} kB", double(bytes) / 1000.0);
    return fmt::format("{} B", bytes);
}

Result<uint64_t> wholeNumberOption(const Args& args, const char* option, uint64_t fallback, uint64_t max) {
    const auto v = args.value(option);
    if (!v) return fallback;
    try {
        size_t used = 0;
        const unsigned long long n = std::stoull(*v, &used);
        if (used == v->size() && !v->empty() && (*v)[0] != '-' && n <= max) return uint64_t(n);
    } catch (...) {
    }
    return makeError("{} needs a whole number up to {}, not '{}'", option, max, *v);
}

std::filesystem::path bundledDataFile(const std::string& name) {
    // The data lives at <prefix>/share/quantforge/data beside <prefix>/bin; the build tree mirrors that.
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const std::filesystem::path candidate = exe.parent_path() / "../share/quantforge/data" / name;
    return std::filesystem::is_regular_file(candidate, ec) ? candidate.lexically_normal()
                                                           : std::filesystem::path();
}

} // namespace qf::cli
