#!/usr/bin/env python3
"""Dev-side only: converts a synthetic Hugging Face folder with llama.cpp's convert_hf_to_gguf.py and writes
the digests that test_hf_architectures compares against (per-tensor type, shape and sha256; per metadata key
the sha256 of its GGUF encoding). Optionally also quantizes the result with llama-quantize and records those
tensor digests, so our one-step quant is checked against llama.cpp's convert-then-quantize.

Runs under Debian's python3 (python3-torch, python3-numpy) without transformers: a small `transformers`
stand-in is installed first. AutoConfig always fails, so the converter reads config.json itself (its own
fallback); AutoTokenizer reads tokenizer.json's vocabulary and added tokens, which is all _set_vocab_gpt2
uses, except for the pre-tokenizer hash: that needs a real tokenizer, so the pre-tokenizer name is given
with --pre (the name llama.cpp's hash table gives for the real tokenizer the cut one came from).

usage: run_reference.py --llama-cpp DIR --folder HF_DIR --out DIGESTS.json --pre qwen2 [--quantize BIN]
                        [--outtype auto|f16|bf16|f32]
"""
import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import types
from pathlib import Path


def install_transformers_stand_in() -> None:
    class AddedToken:
        def __init__(self, d):
            self.content = d["content"]
            self.normalized = d.get("normalized", True)
            self.special = d.get("special", False)

    class Tokenizer:
        def __init__(self, folder: Path):
            j = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
            self.vocab = dict(j["model"]["vocab"])
            self._added = {a["content"]: a["id"] for a in j["added_tokens"]}
            self.vocab.update(self._added)
            self.added_tokens_decoder = {a["id"]: AddedToken(a) for a in j["added_tokens"]}

        def get_vocab(self):
            return dict(self.vocab)

        def get_added_vocab(self):
            return dict(self._added)

        # Only used to round-trip added tokens (unchanged for these tokenizers) and for the pre hash.
        def encode(self, text, **_):
            return [text]

        def decode(self, ids, **_):
            return "".join(ids)

        def convert_tokens_to_ids(self, token):
            return self.vocab.get(token)

    class AutoTokenizer:
        @staticmethod
        def from_pretrained(path, **_):
            return Tokenizer(Path(path))

    class AutoConfig:
        @staticmethod
        def from_pretrained(*_, **__):
            raise OSError("transformers stand-in: read config.json")

    if "tqdm" not in sys.modules:
        try:
            import tqdm  # noqa: F401
        except ImportError:  # the writer's progress bar only
            class Bar:
                def __init__(self, *_, **__):
                    pass

                def update(self, *_):
                    pass

                def close(self):
                    pass

            tqdm_module = types.ModuleType("tqdm")
            tqdm_module.tqdm = Bar
            sys.modules["tqdm"] = tqdm_module

    module = types.ModuleType("transformers")
    module.AutoTokenizer = AutoTokenizer
    module.AutoConfig = AutoConfig
    sys.modules["transformers"] = module


def decode_fp8_on_load(gguf) -> None:
    """torch 1.13 cannot read float8_e4m3fn: F8_E4M3 tensors are handed to the converter as the F32 values
    their codes stand for (exact, as torch's fp8.float() gives), so its dequant_simple(weight.float() *
    scale) computes what it computes under a torch that has the dtype."""
    import numpy as np

    codes = np.arange(256, dtype=np.uint8)
    sign = np.where(codes & 0x80, -1.0, 1.0)
    exp = (codes >> 3) & 15
    mant = (codes & 7).astype(np.float64)
    value = np.where(exp == 0, np.ldexp(mant, -9), np.ldexp(1.0 + mant / 8.0, exp.astype(np.int32) - 7))
    value = np.where((codes & 0x7F) == 0x7F, np.nan, value)
    table = (sign * value).astype(np.float32)

    class DecodedFp8:
        def __init__(self, t):
            self.dtype = "F32"
            self.shape = t.shape
            self._t = t

        def mmap_bytes(self):
            return table[np.asarray(self._t.mmap_bytes())].view(np.uint8)

    original = gguf.utility.SafetensorsLocal.__init__

    def init(self, filename):
        original(self, filename)
        self.tensors = {k: DecodedFp8(v) if v.dtype == "F8_E4M3" else v for k, v in self.tensors.items()}

    gguf.utility.SafetensorsLocal.__init__ = init


def digests(path: Path, gguf) -> dict:
    reader = gguf.GGUFReader(str(path))
    metadata = {}
    for name, field in reader.fields.items():
        if name.startswith("GGUF."):
            continue
        raw = b"".join(bytes(p.tobytes()) for p in field.parts[2:])
        entry = {"sha256": hashlib.sha256(raw).hexdigest()}
        if field.types and field.types[0] != gguf.GGUFValueType.ARRAY:
            value = field.contents()
            entry["value"] = value if isinstance(value, (int, float, str, bool)) else str(value)
        metadata[name] = entry
    tensors = {}
    for t in reader.tensors:
        tensors[t.name] = {
            "type": int(t.tensor_type),
            "shape": [int(d) for d in t.shape],
            "sha256": hashlib.sha256(t.data.tobytes()).hexdigest(),
        }
    return {"metadata": metadata, "tensors": tensors}


def prepare_converter(llama_cpp: Path, pre: str):
    """Imports llama.cpp's gguf-py and convert_hf_to_gguf from the checkout `llama_cpp`, with the stand-ins
    above; the pre-tokenizer name is `pre`. Returns (gguf, convert_hf_to_gguf)."""
    sys.path.insert(0, str(llama_cpp / "gguf-py"))
    sys.path.insert(0, str(llama_cpp))
    install_transformers_stand_in()
    import torch  # noqa: E402
    # Debian 12's torch 1.13 has no float8 dtypes; the converter only names them in tables (FP8 folders
    # are dequantized by our own code in fp8 mode, see the README).
    for name in ("float8_e4m3fn", "float8_e5m2"):
        if not hasattr(torch, name):
            setattr(torch, name, torch.uint8)
    import gguf  # noqa: E402
    decode_fp8_on_load(gguf)
    import conversion.base as base  # noqa: E402
    base.TextModel.get_vocab_base_pre = lambda self, tokenizer: pre
    import convert_hf_to_gguf  # noqa: E402
    return gguf, convert_hf_to_gguf


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--llama-cpp", required=True, type=Path)
    ap.add_argument("--folder", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--pre", required=True)
    # auto: the converter's own default (BF16 for a BF16 checkpoint, else F16), which is ours too.
    ap.add_argument("--outtype", default="auto")
    ap.add_argument("--quantize", type=Path, help="llama-quantize binary: also record its Q4_K_M digests")
    ap.add_argument("--keep", type=Path, help="keep the converted GGUF here")
    ap.add_argument("--allow-requantize", action="store_true", help="llama-quantize's --allow-requantize")
    ap.add_argument("--no-lazy", action="store_true",
                    help="the converter's --no-lazy (torch 1.13's meta tensors cannot repeat_interleave FP8 scales)")
    args = ap.parse_args()

    gguf, convert_hf_to_gguf = prepare_converter(args.llama_cpp, args.pre)
    with tempfile.TemporaryDirectory() as tmp:
        f16 = Path(tmp) / "model.gguf"
        sys.argv = ["convert_hf_to_gguf.py", str(args.folder), "--outtype", args.outtype, "--outfile", str(f16)]
        if args.no_lazy:
            sys.argv.append("--no-lazy")
        convert_hf_to_gguf.main()
        result = {"converter": "convert_hf_to_gguf.py --outtype " + args.outtype, "pre": args.pre}
        result.update(digests(f16, gguf))
        if args.quantize:
            q = Path(tmp) / "q4_k_m.gguf"
            # An MXFP4 source (gpt-oss experts) is requantized only when asked.
            extra = ["--allow-requantize"] if args.allow_requantize else []
            subprocess.run([str(args.quantize), *extra, str(f16), str(q), "Q4_K_M"], check=True, capture_output=True)
            result["q4_k_m"] = digests(q, gguf)["tensors"]
        if args.keep:
            args.keep.write_bytes(f16.read_bytes())
    args.out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
