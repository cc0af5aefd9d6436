#!/usr/bin/env python3
"""Dev-side only: converts the synthetic LoRA adapter (tests/tools/hf_synthetic_lora.h) with llama.cpp's
convert_lora_to_gguf.py and writes the digests that test_lora_adapter compares against (per tensor type,
shape and sha256; per metadata key the sha256 of its GGUF encoding).

Runs under Debian's python3 (python3-torch, python3-numpy), with run_reference.py's transformers stand-in and
a `safetensors.torch.load_file` stand-in (Debian has no python3-safetensors) that reads the file as the real
one does: every tensor, in sorted name order (safe_open's keys() are sorted).

usage: run_lora_reference.py --llama-cpp DIR --adapter ADAPTER_DIR --base BASE_DIR --out DIGESTS.json
                             [--outtype f32|f16|bf16|auto]
"""
import argparse
import json
import struct
import sys
import tempfile
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run_reference  # noqa: E402


def install_safetensors_stand_in() -> None:
    import numpy as np
    import torch

    def load_file(path, device="cpu"):
        raw = Path(path).read_bytes()
        n = struct.unpack("<Q", raw[:8])[0]
        header = json.loads(raw[8:8 + n])
        data = raw[8 + n:]
        out = {}
        for name in sorted(k for k in header if k != "__metadata__"):
            info = header[name]
            begin, end = info["data_offsets"]
            chunk = bytearray(data[begin:end])
            if info["dtype"] == "BF16":
                t = torch.frombuffer(chunk, dtype=torch.int16).view(torch.bfloat16)
            elif info["dtype"] == "F16":
                t = torch.from_numpy(np.frombuffer(chunk, dtype=np.float16).copy())
            elif info["dtype"] == "F32":
                t = torch.from_numpy(np.frombuffer(chunk, dtype=np.float32).copy())
            else:
                raise ValueError(info["dtype"])
            out[name] = t.reshape(info["shape"]).clone()
        return out

    st = types.ModuleType("safetensors")
    st_torch = types.ModuleType("safetensors.torch")
    st_torch.load_file = load_file
    st.torch = st_torch
    sys.modules["safetensors"] = st
    sys.modules["safetensors.torch"] = st_torch


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--llama-cpp", required=True, type=Path)
    ap.add_argument("--adapter", required=True, type=Path)
    ap.add_argument("--base", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--outtype", default="f32")
    args = ap.parse_args()

    sys.path.insert(0, str(args.llama_cpp / "gguf-py"))
    sys.path.insert(0, str(args.llama_cpp))
    run_reference.install_transformers_stand_in()
    import torch  # noqa: E402
    for name in ("float8_e4m3fn", "float8_e5m2"):
        if not hasattr(torch, name):
            setattr(torch, name, torch.uint8)
    install_safetensors_stand_in()
    import gguf  # noqa: E402
    import runpy  # noqa: E402

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "adapter.gguf"
        sys.argv = ["convert_lora_to_gguf.py", str(args.adapter), "--base", str(args.base), "--outtype",
                    args.outtype, "--outfile", str(out)]
        runpy.run_path(str(args.llama_cpp / "convert_lora_to_gguf.py"), run_name="__main__")
        result = {"converter": "convert_lora_to_gguf.py --outtype " + args.outtype}
        result.update(run_reference.digests(out, gguf))
        reader = gguf.GGUFReader(str(out))
        result["metadata_order"] = [n for n in reader.fields if not n.startswith("GGUF.")]
        result["tensor_order"] = [t.name for t in reader.tensors]
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
