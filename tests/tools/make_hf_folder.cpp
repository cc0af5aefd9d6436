// Writes the synthetic Hugging Face folders of test_hf_architectures, for the reference run with llama.cpp's
// converter (tests/tools/hf_reference/README.md).
//   qf_make_hf_folder ARCH OUT_DIR TOKENIZER_DIR [f32|f16|bf16|fp8|mxfp4] [SHARDS]
//   qf_make_hf_folder lora OUT_DIR BASE_NAME_OR_PATH      (the LoRA adapter of hf_synthetic_lora.h)
//   qf_make_hf_folder phi3-longrope-gguf OUT.gguf ORIGINAL_CONTEXT   (phi3_long_rope_model.h's GGUF)
#include <cstdio>
#include <string>

#include "hf_synthetic_folder.h"
#include "hf_synthetic_lora.h"
#include "phi3_long_rope_model.h"

int main(int argc, char** argv) {
    using namespace qf::test::hf;
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s ARCH OUT_DIR TOKENIZER_DIR [f32|f16|bf16|fp8|mxfp4] [SHARDS]\n",
                     argv[0]);
        return 2;
    }
    if (std::string(argv[1]) == "lora") return writeSyntheticLoraAdapter(argv[2], argv[3]) ? 0 : 1;
    if (std::string(argv[1]) == "phi3-longrope-gguf") {
        const qf::Status s = qf::test::phi3::writeLongRopeModel(argv[2], uint32_t(std::stoul(argv[3])));
        if (!s) std::fprintf(stderr, "%s\n", s.error().message.c_str());
        return s ? 0 : 1;
    }
    SyntheticOptions options;
    options.tokenizerDir = argv[3];
    const std::string dtype = argc > 4 ? argv[4] : "bf16";
    options.dtype = dtype == "mxfp4" ? WeightDtype::MXFP4
                    : dtype == "f32" ? WeightDtype::F32
                    : dtype == "f16" ? WeightDtype::F16
                    : dtype == "fp8" ? WeightDtype::F8E4M3
                                     : WeightDtype::BF16;
    options.shards = argc > 5 ? std::stoi(argv[5]) : 1;
    if (!writeSyntheticHfFolder(argv[1], argv[2], options)) {
        std::fprintf(stderr, "cannot write %s for architecture %s\n", argv[2], argv[1]);
        return 1;
    }
    return 0;
}
