#!/bin/sh
# Times the one-step Hugging Face import (folder -> Q4_K_M, no intermediate file) against llama.cpp's two steps
# (convert_hf_to_gguf.py --outtype auto, then llama-quantize Q4_K_M) in one run: wall, CPU and peak memory of
# each step, and whether the two Q4_K_M files hold the same tensors (type and sha256 of each).
#
#   tests/bench/bench_hf_import.sh BUILD_DIR LLAMA_CPP_DIR WORK_DIR [THREADS] [HF_FOLDER]
#
# Without HF_FOLDER, an 8B-shaped BF16 folder (Llama 3 8B's shapes, ~16 GB) is written to WORK_DIR first with
# qf_make_big_hf_folder. WORK_DIR needs ~42 GB: the folder, the converter's BF16 GGUF (~16 GB) and two Q4_K_M
# files (~4.9 GB each). THREADS (default 2) goes to both quantizers; the converter is Python, one thread.
# Dev-side only: needs llama.cpp's checkout with build/bin/llama-quantize, and Debian's python3 with
# python3-torch and python3-numpy (tests/tools/hf_reference/README.md). The page cache is dropped before each
# step when this runs as root (otherwise the second reader of the folder may find it cached: noted below).
set -eu
build=$1 llama=$2 work=$3 threads=${4:-2} folder=${5:-}
here=$(cd "$(dirname "$0")/../tools/hf_reference" && pwd)
mkdir -p "$work"
if [ -z "$folder" ]; then
    folder=$work/llama-8b-bf16
    [ -f "$folder/model.safetensors.index.json" ] ||
        "$build/bin/qf_make_big_hf_folder" "$folder" "$here/../../data/hf_convert/qwen3-tokenizer"
fi
results=$work/results.txt
: > "$results"
drop_caches() {
    if sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then cache="dropped"; else cache="not dropped"; fi
}
step() { # label, command...
    label=$1; shift
    drop_caches
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@" > "$work/$label.log" 2>&1 ||
        { tail -20 "$work/$label.log"; exit 1; }
    read -r wall user sys rss < "$work/time.txt"
    echo "$label $wall $user $sys $rss $cache" >> "$results"
}
ours=$work/ours-Q4_K_M.gguf converted=$work/llama-bf16.gguf theirs=$work/llama-Q4_K_M.gguf
rm -f "$ours" "$ours.lock" "$converted" "$theirs"
step quantforge "$build/bin/quantforge-cli" quantize "$folder" --types Q4_K_M -o "$ours" --threads "$threads"
step convert_hf_to_gguf /usr/bin/python3 "$here/convert_reference.py" --llama-cpp "$llama" --folder "$folder" \
    --outfile "$converted"
step llama-quantize "$llama/build/bin/llama-quantize" "$converted" "$theirs" Q4_K_M "$threads"
/usr/bin/python3 - "$llama" "$ours" "$theirs" "$results" "$here" <<'PY'
import sys
sys.path.insert(0, sys.argv[1] + "/gguf-py")
sys.path.insert(0, sys.argv[5])
import gguf
from run_reference import digests  # per tensor: type, shape, sha256

ours, theirs = (digests(sys.argv[i], gguf)["tensors"] for i in (2, 3))
same = sum(1 for name, d in theirs.items() if ours.get(name) == d)
rows = [line.split() for line in open(sys.argv[4])]
t = {r[0]: (float(r[1]), float(r[2]) + float(r[3]), int(r[4]) / 1024, " ".join(r[5:])) for r in rows}
print("| step | wall | CPU | peak memory | page cache |")
print("|---|---|---|---|---|")
for name, (wall, cpu, mb, cache) in t.items():
    print(f"| {name} | {wall:.1f} s | {cpu:.1f} s | {mb:.0f} MB | {cache} |")
llama_wall = t["convert_hf_to_gguf"][0] + t["llama-quantize"][0]
print(f"\nllama.cpp's two steps: {llama_wall:.1f} s wall; Quantforge one step: {t['quantforge'][0]:.1f} s "
      f"({llama_wall / t['quantforge'][0]:.2f}x)")
print(f"Q4_K_M tensors identical (type + sha256): {same} of {len(theirs)}"
      + ("" if len(ours) == len(theirs) else f" (ours has {len(ours)} tensors)"))
PY
