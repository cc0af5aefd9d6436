#include "qf/export/model_copy.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "qf/export/lm_studio_layout.h"
#include "qf/io/atomic_file.h"

namespace qf::lmstudio {
namespace fs = std::filesystem;

namespace {

constexpr size_t kChunkBytes = 8u << 20;

// Undoes a copy that did not finish: the files already renamed into place and the folders created for
// them (only while empty, so a model the user already had there is never touched).
class Rollback {
public:
    explicit Rollback(const fs::path& modelsDirectory) : m_root(modelsDirectory) {}
    ~Rollback() {
        if (m_done) return;
        std::error_code ec;
        for (const fs::path& file : m_files)
            fs::remove(file, ec);
        for (auto it = m_folders.rbegin(); it != m_folders.rend(); ++it)
            if (fs::is_empty(*it, ec)) fs::remove(*it, ec);
    }
    Rollback(const Rollback&) = delete;
    Rollback& operator=(const Rollback&) = delete;

    // Creates `folder` and its missing parents below the models folder, remembering which were new.
    Status createFolders(const fs::path& folder) {
        std::vector<fs::path> missing;
        std::error_code ec;
        for (fs::path p = folder; !p.empty() && p != m_root && !fs::exists(p, ec); p = p.parent_path())
            missing.push_back(p);
        for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
            if (!fs::create_directory(*it, ec) && ec)
                return makeError("cannot create the folder {}: {}", it->string(), ec.message());
            m_folders.push_back(*it);
        }
        return {};
    }
    void addFile(const fs::path& file) { m_files.push_back(file); }
    void keep() { m_done = true; }

private:
    fs::path m_root;
    std::vector<fs::path> m_folders; // outermost first
    std::vector<fs::path> m_files;
    bool m_done = false;
};

struct FileCloser {
    void operator()(std::FILE* f) const {
        if (f) std::fclose(f);
    }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

FilePtr openForReading(const fs::path& path) {
#ifdef _WIN32
    return FilePtr(_wfopen(path.c_str(), L"rb"));
#else
    return FilePtr(std::fopen(path.c_str(), "rb"));
#endif
}

} // namespace

std::vector<fs::path> copyDestinations(const CopyRequest& request, const gguf::Metadata& metadata) {
    std::vector<fs::path> out;
    if (request.sources.empty()) return out;
    const fs::path first = request.modelsDirectory /
                           fs::path(relativePath(metadata, request.sources.front().filename().string()));
    out.push_back(first);
    for (size_t i = 1; i < request.sources.size(); ++i)
        out.push_back(first.parent_path() / request.sources[i].filename());
    return out;
}

Result<std::vector<fs::path>> copyModel(const CopyRequest& request, const gguf::Metadata& metadata,
                                        const ProgressFn& progress, std::stop_token stop) {
    if (request.sources.empty()) return makeError("no model file to copy");
    std::error_code ec;
    if (!fs::is_directory(request.modelsDirectory, ec))
        return makeError("the models folder {} does not exist", request.modelsDirectory.string());

    const std::vector<fs::path> destinations = copyDestinations(request, metadata);
    Progress report{.stage = "copying", .done = 0, .total = 0, .unit = "bytes"};
    for (size_t i = 0; i < request.sources.size(); ++i) {
        const auto size = fs::file_size(request.sources[i], ec);
        if (ec) return makeError("cannot read {}: {}", request.sources[i].string(), ec.message());
        if (!request.overwrite && fs::exists(destinations[i], ec))
            return makeError("{} already exists; pass --overwrite to replace it", destinations[i].string());
        report.total += size;
    }

    Rollback rollback(request.modelsDirectory);
    QF_TRY(rollback.createFolders(destinations.front().parent_path()));
    std::vector<uint8_t> buffer(kChunkBytes);
    for (size_t i = 0; i < request.sources.size(); ++i) {
        const fs::path& source = request.sources[i];
        FilePtr in = openForReading(source);
        if (!in) return makeError("cannot open {}: {}", source.string(), std::strerror(errno));
        auto created = io::AtomicFile::create(destinations[i], fs::file_size(source, ec),
                                              io::OutputPolicy{request.overwrite, request.sources});
        if (!created) return created.error();
        io::AtomicFile out = std::move(created).value();
        for (;;) {
            if (stop.stop_requested()) return cancelledError();
            const size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get());
            if (n > 0) {
                QF_TRY(out.write({buffer.data(), n}));
                report.done += n;
                if (progress) progress(report);
            }
            if (n < buffer.size()) {
                if (std::ferror(in.get())) return makeError("reading {} failed", source.string());
                break;
            }
        }
        QF_TRY(out.commit());
        rollback.addFile(destinations[i]);
    }
    rollback.keep();
    return destinations;
}

} // namespace qf::lmstudio
