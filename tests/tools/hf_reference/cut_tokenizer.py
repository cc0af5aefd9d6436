#!/usr/bin/env python3
"""Cuts a byte-level BPE tokenizer (tokenizer.json + tokenizer_config.json) down to its first KEEP tokens,
deterministically, so the synthetic Hugging Face folders of test_hf_architectures stay small.

Kept: model.vocab ids < KEEP, the merges whose two parts and result are all kept (in their order), and every
added token, renumbered to KEEP, KEEP+1, ... in id order. Ids that tokenizer_config.json and the
post-processor name are renumbered the same way. Output is written with sorted keys off, compact separators,
so the same input always gives the same bytes.

usage: cut_tokenizer.py SRC_DIR OUT_DIR [KEEP]
"""
import json
import sys
from pathlib import Path


def main() -> None:
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    keep = int(sys.argv[3]) if len(sys.argv) > 3 else 1024
    tok = json.loads((src / "tokenizer.json").read_text(encoding="utf-8"))
    vocab = {t: i for t, i in tok["model"]["vocab"].items() if i < keep}
    merges = []
    for m in tok["model"]["merges"]:
        a, b = m.split(" ", 1) if isinstance(m, str) else m
        if a in vocab and b in vocab and (a + b) in vocab:
            merges.append(m)
    tok["model"]["vocab"] = vocab
    tok["model"]["merges"] = merges
    remap = {}
    for n, added in enumerate(sorted(tok["added_tokens"], key=lambda t: t["id"])):
        remap[added["id"]] = keep + n
        added["id"] = keep + n
    tok["added_tokens"].sort(key=lambda t: t["id"])

    def fix_ids(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "ids" and isinstance(v, list):
                    node[k] = [remap.get(i, i) for i in v]
                else:
                    fix_ids(v)
        elif isinstance(node, list):
            for v in node:
                fix_ids(v)

    fix_ids(tok.get("post_processor"))
    out.mkdir(parents=True, exist_ok=True)
    (out / "tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    cfg_path = src / "tokenizer_config.json"
    if cfg_path.is_file():
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        if "added_tokens_decoder" in cfg:
            cfg["added_tokens_decoder"] = {str(remap.get(int(k), int(k))): v
                                           for k, v in cfg["added_tokens_decoder"].items()}
        (out / "tokenizer_config.json").write_text(json.dumps(cfg, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{out}: {len(vocab)} tokens, {len(merges)} merges, {len(remap)} added tokens")


if __name__ == "__main__":
    main()
