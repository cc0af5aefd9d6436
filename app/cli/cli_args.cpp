#include "cli/cli_args.h"

#include <string>
#include <system_error>

#include <fmt/format.h>

#include "qf/io/temporary_files.h"

namespace qf::cli {

Result<Args> Args::parse(const std::vector<std::string>& argv, const ArgSpec& spec) {
    Args args;
    for (size_t i = 0; i < argv.size(); ++i) {
        std::string arg = argv[i];
        if (arg == "--") {
            args.m_positional.insert(args.m_positional.end(), argv.begin() + ptrdiff_t(i) + 1, argv.end());
            break;
        }
        if (arg.size() < 2 || arg[0] != '-') {
            args.m_positional.push_back(arg);
            continue;
        }
        std::optional<std::string> inlineValue;
        if (const auto eq = arg.find('='); eq != std::string::npos && arg.rfind("--", 0) == 0) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        if (const auto alias = spec.aliases.find(arg); alias != spec.aliases.end()) arg = alias->second;
        if (spec.flags.count(arg)) {
            if (inlineValue) return makeError("option {} takes no value", arg);
            args.m_flags.insert(arg);
        } else if (spec.valued.count(arg)) {
            if (!inlineValue) {
                if (i + 1 >= argv.size()) return makeError("option {} needs a value", arg);
                inlineValue = argv[++i];
            }
            args.m_values.emplace(arg, *inlineValue);
        } else {
            return makeError("unknown option {}", arg);
        }
    }
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
