#include "qf/hf/lora_merge_write.h"

#include <algorithm>

#include "qf/gguf/gguf_writer.h"
#include "qf/io/output_policy.h"
#include "qf/quant/quantize_job.h"

namespace qf::hf {
namespace fs = std::filesystem;

fs::path mergedOutputName(const fs::path& base) {
    fs::path clean = base;
    if (!clean.has_filename()) clean = clean.parent_path();
    std::string name = clean.filename().string();
    if (name.ends_with(".gguf")) name.resize(name.size() - 5);
    return clean.parent_path() / (name + "-lora-merged.gguf");
}

Result<MergeWriteResult> writeMerged(LoraMergeSource& source, const MergeWriteParams& params,
                                     const ProgressFn& progress, std::stop_token stop) {
    const bool floatOutput = params.presets.empty();
    if (floatOutput ? params.outputs.size() != 1 : params.outputs.size() != params.presets.size())
        return makeError("a merge writes one file, or one per preset");
    std::vector<fs::path> inputs = source.inputPaths();
    inputs.insert(inputs.end(), params.protectedInputs.begin(), params.protectedInputs.end());
    for (const fs::path& out : params.outputs)
        QF_TRY(io::checkOutputAllowed(out, io::commandOutput(params.overwrite, inputs)));

    MergeWriteResult result;
    if (!floatOutput) {
        quant::QuantizeParams qp;
        qp.tensorSource = &source;
        qp.threads = params.threads;
        qp.overwrite = params.overwrite;
        for (size_t i = 0; i < params.presets.size(); ++i) {
            auto plan = quant::makeQuantPlan(source.metadata(), source.tensors(), *params.presets[i],
                                             params.planOptions);
            if (!plan)
                return rewordError(plan.error(), "{}: {}", params.presets[i]->name, plan.error().message);
            qp.outputs.push_back({std::move(*plan), params.outputs[i], {}});
        }
        auto done = quant::quantize(qp, progress, stop);
        if (!done) return done.error();
        for (const auto& f : done->files) {
            result.files.push_back(f.path);
            result.bytes.push_back(f.bytes);
        }
        return result;
    }

    gguf::WriteParams wp;
    wp.output = params.outputs[0];
    wp.metadata = source.metadata();
    for (const auto& t : source.tensors())
        wp.tensors.push_back({t.name, t.shape, t.type});
    wp.protectedInputs = inputs;
    wp.overwrite = params.overwrite;
    const auto& tensors = source.tensors();
    auto data = [&](size_t index, std::span<uint8_t> dst) -> Status {
        if (stop.stop_requested()) return cancelledError();
        if (progress) progress({tensors[index].name, index, tensors.size(), "tensors"});
        auto got = source.tensorBytes(index);
        if (!got) return got.error();
        if (got->size() != dst.size())
            return makeError("tensor {} has {} bytes, expected {}", tensors[index].name, got->size(),
                             dst.size());
        std::copy(got->begin(), got->end(), dst.begin());
        source.releaseTensor(index);
        return {};
    };
    QF_TRY(gguf::writeGguf(wp, data, {}, stop));
    std::error_code ec;
    result.files.push_back(wp.output);
    result.bytes.push_back(fs::file_size(wp.output, ec));
    return result;
}

} // namespace qf::hf
