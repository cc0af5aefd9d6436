#!/usr/bin/env python3
"""Dev-side only: runs llama.cpp's convert_hf_to_gguf.py on a Hugging Face folder under Debian's python3, with
run_reference.py's stand-ins, and writes the GGUF to --outfile (no digests). For timing the converter against
our one-step import (tests/bench/bench_hf_import.sh).

usage: convert_reference.py --llama-cpp DIR --folder HF_DIR --outfile OUT.gguf [--pre qwen2] [--outtype auto]
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_reference import prepare_converter  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--llama-cpp", required=True, type=Path)
    ap.add_argument("--folder", required=True, type=Path)
    ap.add_argument("--outfile", required=True, type=Path)
    ap.add_argument("--pre", default="qwen2")
    ap.add_argument("--outtype", default="auto")
    args = ap.parse_args()
    _, convert_hf_to_gguf = prepare_converter(args.llama_cpp, args.pre)
    sys.argv = ["convert_hf_to_gguf.py", str(args.folder), "--outtype", args.outtype, "--outfile", str(args.outfile)]
    convert_hf_to_gguf.main()


if __name__ == "__main__":
    main()
