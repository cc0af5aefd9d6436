#!/bin/sh
# Dev-side only: regenerates tests/data/hf_convert/<arch>.json from llama.cpp's converter and quantizer.
#   tests/tools/hf_reference/make_references.sh LLAMA_CPP_DIR BUILD_DIR [ARCH...]
# LLAMA_CPP_DIR: a llama.cpp checkout with build/bin/llama-quantize; BUILD_DIR: our build (qf_make_hf_folder).
# Needs Debian's python3 with python3-torch and python3-numpy (no transformers: see run_reference.py).
# The converter runs with its default --outtype auto (BF16 for these BF16 folders, F16 for the FP8 ones,
# whose every 2-D weight is FP8), which is also Quantforge's default.
set -eu
llama=$1
build=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
data=$here/../../data/hf_convert
# A name <arch>-fp8 is that architecture's folder with FP8 e4m3 weights and 128x128 block scales;
# gpt-oss-mxfp4 has its experts as MXFP4 blocks.
archs=${*:-"qwen2 qwen3 qwen3moe mixtral llama-rope phi3 gemma2 gemma3 gpt-oss deepseek2 qwen3-fp8 llama-rope-fp8 gpt-oss-mxfp4 phi3-longrope gemma3-padded-vocab llama-rope-wide-range"}
# The SentencePiece architectures use the shared model's tokenizer.model (QF_SHARED_DIR, ../shared).
shared=${QF_SHARED_DIR:-$here/../../../../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in $archs; do
    arch=${name%-fp8}
    dtype=bf16
    lazy=
    pre=qwen2
    if [ "$arch" != "$name" ]; then dtype=fp8; lazy=--no-lazy; fi
    case $name in *-mxfp4) arch=${name%-mxfp4}; dtype=mxfp4; lazy=--allow-requantize ;; esac
    shards=1
    [ "$arch" = qwen3moe ] && shards=2
    tokenizer=$data/qwen3-tokenizer
    case $arch in
        phi3|gemma2|gemma3|phi3-longrope|gemma3-padded-vocab) tokenizer=$shared/models/qf-books-22m-hf ;;
        gpt-oss) tokenizer=$data/gptoss-tokenizer; pre=gpt-4o ;;
    esac
    "$build/bin/qf_make_hf_folder" "$arch" "$work/$name/$arch" "$tokenizer" "$dtype" "$shards"
    /usr/bin/python3 "$here/run_reference.py" --llama-cpp "$llama" --folder "$work/$name/$arch" $lazy \
        --out "$data/$name.json" --pre "$pre" --quantize "$llama/build/bin/llama-quantize" > "$work/$name.log" 2>&1 ||
        { tail -20 "$work/$name.log"; exit 1; }
    echo "$name: $data/$name.json"
done
