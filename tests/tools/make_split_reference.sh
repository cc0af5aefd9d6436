#!/bin/sh
# Regenerates tests/data/split/gguf-split-qf-books-22m-f16.json: the sha256 of every shard llama.cpp's
# llama-gguf-split writes from the shared F16 model, split by size and by tensor count, for
# test_split_gguf_split_parity. Usage: make_split_reference.sh LLAMA_BIN_DIR SHARED_DIR
set -eu
bin=$1 shared=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
model=$shared/models/qf-books-22m-f16.gguf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/g20" "$work/g7"
"$bin/llama-gguf-split" --split --split-max-size 20M "$model" "$work/g20/qf-books-22m-f16" >/dev/null
"$bin/llama-gguf-split" --split --split-max-tensors 7 "$model" "$work/g7/qf-books-22m-f16" >/dev/null
python3 - "$model" "$work" "$here/tests/data/split/gguf-split-qf-books-22m-f16.json" <<'PY'
import hashlib, json, os, sys
model, work, out = sys.argv[1:]
def sha(p):
    h = hashlib.sha256()
    with open(p, 'rb') as f:
        for b in iter(lambda: f.read(1 << 20), b''): h.update(b)
    return h.hexdigest()
doc = {"about": "sha256 of the shards llama.cpp's llama-gguf-split (v0.5.0, --split) writes from "
                "../shared/models/qf-books-22m-f16.gguf; made by tests/tools/make_split_reference.sh",
       "source_sha256": sha(model), "runs": []}
for d, opt, val in (("g20", "--split-max-size", "20M"), ("g7", "--split-max-tensors", "7")):
    files = sorted(os.listdir(os.path.join(work, d)))
    doc["runs"].append({"option": opt, "value": val, "shards": [
        {"name": f, "sha256": sha(os.path.join(work, d, f)), "bytes": os.path.getsize(os.path.join(work, d, f))}
        for f in files]})
json.dump(doc, open(out, 'w'), indent=1)
PY
