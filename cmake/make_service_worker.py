#!/usr/bin/env python3
"""Writes dist/sw.js from web/sw.js: the list of files to precache and a cache name derived
from their content, so every build with a change gets a new cache (and an update) and a
build without one does not. First it writes the wasm's size into dist/index.html (the loading
bar's total: a compressing host's Content-Length counts compressed bytes, or is absent).

    make_service_worker.py --template web/sw.js --dist build/web/dist
"""
import argparse
import hashlib
import json
import pathlib
import sys

# Served but not part of the app itself.
SKIP = {"sw.js"}
SKIP_DIRS = {"examples"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--template", required=True)
    parser.add_argument("--dist", required=True)
    args = parser.parse_args()
    dist = pathlib.Path(args.dist)
    files = sorted(
        p for p in dist.rglob("*")
        if p.is_file() and p.name not in SKIP and not (set(p.relative_to(dist).parts[:-1]) & SKIP_DIRS)
    )
    if not any(p.name == "index.html" for p in files):
        print(f"make_service_worker: no index.html in {dist}", file=sys.stderr)
        return 1
    index, wasm = dist / "index.html", dist / "limber.wasm"
    if wasm.is_file():
        page = index.read_text(encoding="utf-8")
        index.write_text(page.replace("__LIMBER_WASM_BYTES__", str(wasm.stat().st_size)), encoding="utf-8")
    digest = hashlib.sha256()
    for p in files:
        rel = p.relative_to(dist).as_posix()
        digest.update(rel.encode() + b"\0" + p.read_bytes() + b"\0")
    # Not "./": a host without directory indexes (an S3 REST endpoint) would fail the install.
    names = ["./" + p.relative_to(dist).as_posix() for p in files]
    template = pathlib.Path(args.template).read_text(encoding="utf-8")
    if "__LIMBER_CACHE__" not in template or "__LIMBER_FILES__" not in template:
        print("make_service_worker: the template lacks __LIMBER_CACHE__ or __LIMBER_FILES__", file=sys.stderr)
        return 1
    out = template.replace("__LIMBER_CACHE__", "limber-" + digest.hexdigest()[:16])
    out = out.replace("__LIMBER_FILES__", json.dumps(names))
    (dist / "sw.js").write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
