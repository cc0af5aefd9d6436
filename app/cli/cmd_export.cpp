#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

#include <fmt/format.h>

#ifdef _WIN32
#include <process.h>
#else
#include <csignal>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include "cli/cli_args.h"
#include "cli/progress_line.h"
#include "qf/io/output_policy.h"
#include "cli/commands.h"
#include "qf/export/lm_studio_layout.h"
#include "qf/export/model_copy.h"
#include "qf/export/ollama_export.h"
#include "qf/export/ollama_modelfile.h"
#include "qf/gguf/gguf_file.h"
#include "qf/json_writer.h"

#ifndef _WIN32
extern char** environ;
#endif

namespace qf::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli export MODEL.gguf --ollama [-o MODELFILE] [--adapter A.gguf] [--create NAME] [--overwrite]\n"
    "                                         [--json]\n"
    "       quantforge-cli export MODEL.gguf --lm-studio [DIR] [--overwrite] [--json]\n"
    "  Makes a model usable in a local runtime.\n"
    "  --ollama        write an Ollama Modelfile (FROM, TEMPLATE for known chat formats, PARAMETER stop)\n"
    "  -o FILE         where to write it (default: <model>.Modelfile beside the model; '-' prints it)\n"
    "  --adapter A.gguf  a GGUF LoRA adapter for the model (from `convert ADAPTER_DIR`): ADAPTER after FROM\n"
    "  --create NAME   also run 'ollama create NAME -f MODELFILE' (without -o the Modelfile is temporary)\n"
    "  --lm-studio     copy the model into LM Studio's models folder as publisher/model/file.gguf;\n"
    "                  DIR defaults to ~/.lmstudio/models, else ~/.cache/lm-studio/models\n"
    "  --overwrite     replace existing files\n"
    "  --json          machine-readable output\n";

// Runs `program args...` with this process's stdin and stderr; its stdout goes to our stderr when
// `stdoutToStderr`, so that --json output stays parseable. Returns the exit code, or -1 if it did not run.
int runProgram(const std::string& program, const std::vector<std::string>& args, bool stdoutToStderr) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
#ifdef _WIN32
    (void)stdoutToStderr;
    const intptr_t code = _spawnvp(_P_WAIT, program.c_str(), argv.data());
    return code < 0 ? -1 : int(code);
#else
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (stdoutToStderr) posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
    // main() blocks SIGINT/SIGTERM/SIGHUP for its clean-up thread; the child gets the usual mask back so
    // that Ctrl-C still stops it.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) return -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
}

// A fresh private folder for a Modelfile that only lives while `ollama create` runs.
Result<fs::path> makeTemporaryFolder() {
    std::error_code ec;
    const fs::path base = fs::temp_directory_path(ec);
    if (ec) return makeError("no temporary folder: {}", ec.message());
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path candidate = base / fmt::format("quantforge-export-{:08x}", std::random_device{}());
        if (fs::create_directory(candidate, ec)) return candidate;
    }
    return makeError("cannot create a folder in {}", base.string());
}

int exportOllama(const Args& args, const gguf::GgufFile& file, const fs::path& model) {
    const bool json = args.has("--json");
    const auto output = args.value("--output");
    const auto createName = args.value("--create");
    // A LoRA adapter on top of the model: ADAPTER after FROM.
    const auto adapterPath = args.value("--adapter");
    if (adapterPath) {
        auto adapter = gguf::GgufFile::open(*adapterPath);
        if (!adapter) {
            fmt::print(stderr, "error: {}\n", adapter.error().message);
            return 1;
        }
        if (auto fits = ollama::checkAdapterFits(file.metadata(), adapter->metadata()); !fits) {
            fmt::print(stderr, "error: {}: {}\n", *adapterPath, fits.error().message);
            return 1;
        }
    }
    if (output && *output == "-") {
        if (createName) {
            fmt::print(stderr, "quantforge-cli export: --create needs a Modelfile on disk, not -o -\n");
            return 2;
        }
        std::error_code ec;
        const auto modelfile = ollama::makeModelfile(file.metadata(), fs::absolute(model, ec).string(),
                                                     adapterPath ? fs::absolute(*adapterPath, ec).string() : "");
        if (!modelfile) {
            fmt::print(stderr, "error: {}\n", modelfile.error().message);
            return 1;
        }
        fmt::print("{}", modelfile->text);
        return 0;
    }

    fs::path temporaryFolder;
    fs::path modelfilePath;
    if (output) {
        modelfilePath = *output;
    } else if (createName) {
        auto folder = makeTemporaryFolder();
        if (!folder) {
            fmt::print(stderr, "error: {}\n", folder.error().message);
            return 1;
        }
        temporaryFolder = *folder;
        modelfilePath = temporaryFolder / "Modelfile";
    } else {
        modelfilePath = ollama::defaultModelfilePath(model);
    }
    // Removes the temporary Modelfile however this function returns.
    struct Cleanup {
        fs::path folder;
        ~Cleanup() {
            std::error_code ec;
            if (!folder.empty()) fs::remove_all(folder, ec);
        }
    } cleanup{temporaryFolder};

    const auto policy = io::commandOutput(args.has("--overwrite") || !temporaryFolder.empty(), file.shardPaths());
    const std::string adapterFrom =
        !adapterPath ? std::string()
        : temporaryFolder.empty() ? ollama::fromPathFor(modelfilePath, *adapterPath)
                                  : fs::absolute(*adapterPath).string();
    const auto made = ollama::makeModelfile(file.metadata(), ollama::fromPathFor(modelfilePath, model), adapterFrom);
    if (!made) {
        fmt::print(stderr, "error: {}\n", made.error().message);
        return 1;
    }
    const ollama::Modelfile& modelfile = *made;
    if (!modelfile.skippedStops.empty())
        fmt::print(stderr, "note: {} stop text(s) of the vocabulary hold control characters (e.g. a new line) and are "
                           "left out of the Modelfile\n", modelfile.skippedStops.size());
    if (auto written = ollama::writeModelfile(modelfilePath, modelfile.text, policy); !written) {
        fmt::print(stderr, "error: {}\n", written.error().message);
        return 1;
    }

    int createExit = 0;
    if (createName) {
        if (!json) fmt::print("running ollama create {} -f {}\n", *createName, modelfilePath.string());
        createExit = runProgram("ollama", {"create", *createName, "-f", modelfilePath.string()}, json);
        if (createExit < 0)
            fmt::print(stderr, "error: could not run ollama; is it installed and on PATH?\n");
        else if (createExit != 0)
            fmt::print(stderr, "error: ollama create exited with code {}\n", createExit);
    }

    if (json) {
        JsonWriter j;
        j.beginObject();
        j.key("modelfile"); // null when it was only a temporary file for `ollama create`
        temporaryFolder.empty() ? j.value(modelfilePath.string()) : j.null();
        j.field("template_family", std::string(ollama::familyName(modelfile.family)));
        j.key("stops").beginArray();
        for (const std::string& stop : modelfile.stops)
            j.value(stop);
        j.endArray();
        if (createName) {
            j.field("created", *createName);
            j.key("ollama_exit_code");
            createExit < 0 ? j.null() : j.value(int64_t(createExit));
        }
        j.endObject();
        fmt::print("{}\n", j.str());
    } else if (temporaryFolder.empty()) {
        fmt::print("{}\n", modelfilePath.string());
    } else if (createExit == 0) {
        fmt::print("created {}\n", *createName);
    }
    return createExit == 0 ? 0 : 1;
}

int exportLmStudio(const Args& args, const gguf::GgufFile& file) {
    fs::path modelsDirectory;
    std::error_code ec;
    if (args.positional().size() > 1) {
        modelsDirectory = args.positional()[1];
    } else {
        const char* home = std::getenv("HOME");
#ifdef _WIN32
        if (!home) home = std::getenv("USERPROFILE");
#endif
        const auto candidates = lmstudio::defaultModelsDirectories(home ? home : "");
        for (const std::string& candidate : candidates)
            if (fs::is_directory(candidate, ec)) {
                modelsDirectory = candidate;
                break;
            }
        if (modelsDirectory.empty()) {
            fmt::print(stderr, "error: LM Studio's models folder was not found ({}); pass it as DIR\n",
                       candidates.front());
            return 1;
        }
    }

    lmstudio::CopyRequest request{.sources = file.shardPaths(),
                                  .modelsDirectory = modelsDirectory,
                                  .overwrite = args.has("--overwrite")};
    ProgressLine line;
    auto progress = [&](const Progress& p) { line.show(fmt::format("{:5.1f}%  {}", 100.0 * p.fraction(), p.stage)); };
    auto copied = lmstudio::copyModel(request, file.metadata(), progress, {});
    line.clear();
    if (!copied) {
        fmt::print(stderr, "error: {}\n", copied.error().message);
        return 1;
    }
    if (args.has("--json")) {
        JsonWriter j;
        j.beginObject().field("destination", copied->front().string());
        j.key("files").beginArray();
        for (const fs::path& path : *copied)
            j.value(path.string());
        j.endArray().endObject();
        fmt::print("{}\n", j.str());
    } else {
        for (const fs::path& path : *copied)
            fmt::print("{}\n", path.string());
    }
    return 0;
}

} // namespace

int runExport(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--ollama", "--lm-studio", "--overwrite", "--json", "--help"},
                 .valued = {"--output", "--create", "--adapter"},
                 .aliases = {{"-o", "--output"}}};
    auto args = Args::parse(argv, spec);
    const bool ollama = args && args->has("--ollama");
    const bool lmStudio = args && args->has("--lm-studio");
    // A second positional is the LM Studio folder, so it is only allowed with --lm-studio.
    const size_t maxPositional = lmStudio ? 2 : 1;
    if (!args || args->has("--help") || args->positional().empty() ||
        args->positional().size() > maxPositional || ollama == lmStudio ||
        (!ollama && (args->value("--output") || args->value("--create") || args->value("--adapter")))) {
        if (!args)
            fmt::print(stderr, "quantforge-cli export: {}\n", args.error().message);
        else if (!args->has("--help") && ollama == lmStudio)
            fmt::print(stderr, "quantforge-cli export: pass exactly one of --ollama and --lm-studio\n");
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    const fs::path model = args->positional()[0];
    auto file = gguf::GgufFile::open(model);
    if (!file) {
        fmt::print(stderr, "error: {}\n", file.error().message);
        return 1;
    }
    return ollama ? exportOllama(*args, *file, model) : exportLmStudio(*args, *file);
}

} // namespace qf::cli
