#!/bin/sh
# Writes llama.cpp's logits for the synthetic architecture models, as tests/data/arch_parity/ stores them
# (see its README.md): for each model, `quantforge-cli synth` makes it, llama-perplexity writes its
# --kl-divergence-base file, and its final PPL goes to perplexity.txt. Run it when the generator
# (core/src/model/synthetic_architecture.cpp) changes, with a llama.cpp release v0.5.0 build.
#
#   make_arch_parity_references.sh CLI LLAMA_BIN_DIR TEXT OUT_DIR [--zoo-weights] [--chunks N] [NAME ...]
#
# CLI: build/bin/quantforge-cli. TEXT: books-eval.txt (only its first bytes are read: the byte vocabulary
# gives one token per byte). --zoo-weights: the models drawn as the zoo does (tests/data/arch_parity/zoo),
# each written twice: NAME.kld with -fa off and NAME-fa.kld (one chunk) with -fa on.
# Every text of this script's first 16 KB gives valid references; books-eval.txt's are committed.
set -eu
if [ $# -lt 4 ]; then
    sed -n '2,12p' "$0" >&2
    exit 2
fi
cli=$1 bin=$2 text=$3 out=$4
shift 4
zoo="" chunks=3
while [ $# -gt 0 ]; do
    case $1 in
    --zoo-weights) zoo=--zoo-weights ;;
    --chunks) chunks=$2; shift ;;
    *) break ;;
    esac
    shift
done
names=${*:-llama mixtral qwen2 qwen3 qwen3moe gemma2 gemma3 phi3 gpt-oss gpt-oss-mxfp4 deepseek2}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Tokenizing a whole book byte by byte takes llama.cpp a minute; the chunks need a few hundred bytes.
head -c 16384 "$text" > "$work/text.txt"

# run NAME SUFFIX FA CHUNKS: one base file and, for the decisive set, its PPL line (the zoo set's test
# compares with the PPL of the stored log-probabilities instead: llama.cpp's logger thread drops the last
# lines of some runs, the final estimate among them).
run() {
    "$bin/llama-perplexity" -m "$work/$1.gguf" -f "$work/text.txt" -c 128 --chunks "$4" -t 2 -fa "$3" \
        --kl-divergence-base "$out/$1$2.kld" > "$work/$1$2.log" 2>&1 || { cat "$work/$1$2.log" >&2; exit 1; }
    [ -z "$zoo" ] || return 0
    ppl=$(sed -n 's/.*Final estimate: PPL = \([0-9.]*\).*/\1/p' "$work/$1$2.log")
    [ -n "$ppl" ] || { echo "no final PPL for $1$2 (llama.cpp lost its last log lines): run again" >&2; exit 1; }
    touch "$out/perplexity.txt"
    grep -v "^$1$2 " "$out/perplexity.txt" > "$work/ppl" || true
    echo "$1$2 $ppl" >> "$work/ppl"
    LC_ALL=C sort "$work/ppl" > "$out/perplexity.txt"
    echo "$1$2 PPL $ppl"
}
for name in $names; do
    "$cli" synth "$work/$name.gguf" --arch "$name" $zoo --overwrite
    run "$name" "" off "$chunks"
    if [ -n "$zoo" ]; then run "$name" -fa on 1; fi
done
