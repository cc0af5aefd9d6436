#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/progress_line.h"
#include "qf/json_writer.h"
#include "qf/quant/quant_lock.h"

namespace qf::cli {

namespace {
constexpr const char* kUsage =
    "usage: quantforge-cli verify-lock LOCK [--threads N] [--json]\n"
    "  Quantizes again from what LOCK (written beside a quant as <output>.lock) records - the source and\n"
    "  importance matrix, checked against their sha256 first, the preset and options - into a temporary file\n"
    "  beside the lock, and checks that the bytes equal the recorded output's. Exit 0: identical; 1: different\n"
    "  or an input changed (the message names the file); 2: bad usage.\n";
} // namespace

int runVerifyLock(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--json", "--help"}, .valued = {"--threads"}};
    auto args = Args::parse(argv, spec);
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli verify-lock: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    auto threads = wholeNumberOption(*args, "--threads", 0, 1024);
    if (!threads) {
        fmt::print(stderr, "quantforge-cli verify-lock: {}\n", threads.error().message);
        return 2;
    }
    const bool json = args->has("--json");
    ProgressLine line;
    auto progress = [&](const Progress& p) {
        if (!json) line.show(fmt::format("{:5.1f}%  {}", 100.0 * p.fraction(), p.stage));
    };
    auto result = quant::verifyLock(args->positional()[0], unsigned(*threads), progress);
    line.clear();
    if (!result) {
        fmt::print(stderr, "error: {}\n", result.error().message);
        return 1;
    }
    if (json) {
        JsonWriter j;
        j.beginObject().field("lock", args->positional()[0]).field("identical", result->identical)
            .field("bytes_compared", result->bytesCompared).field("seconds", result->seconds).key("differences")
            .beginArray();
        for (const auto& d : result->differences) j.value(d);
        fmt::print("{}\n", j.endArray().endObject().str());
    } else if (result->identical) {
        fmt::print("identical: the re-run gives the recorded bytes ({} bytes compared, {:.2f} s)\n",
                   result->bytesCompared, result->seconds);
    } else {
        fmt::print("DIFFERENT: the re-run does not give the recorded bytes:\n");
        for (const auto& d : result->differences) fmt::print("  {}\n", d);
    }
    return result->identical ? 0 : 1;
}

} // namespace qf::cli
