#!/usr/bin/env bash
# Scores generated partner files for Business Applications, Modern Work and Security
# (2026-05) with `pcscore score --format json` and with the independent reference
# calculator, and reports every file where the two cards differ.
#
# Usage: scripts/reference/compare_2026_05.sh [--pcscore BIN] [--count N] [--seed S] [--out DIR]
#
#   --pcscore BIN  the binary to check (default: target/release/pcscore, else pcscore on PATH)
#   --count N      files per designation (default 200)
#   --seed S       generator seed (default 1); the same seed writes the same files
#   --out DIR      where the files and results go (default: a new temporary folder, kept)
#
# Compared: `path`, every `points` and `categories` value, `total`, `attained`, and for
# Modern Work and Security both cards under `paths`, numbers by value. Exit status: 0 when
# every file agrees, 1 when some differ or pcscore refuses a file, 2 on a usage error.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=""
count=200
seed=1
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pcscore) bin=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "compare_2026_05.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$bin" ]; then
  if [ -x "${CARGO_TARGET_DIR:-$root/target}/release/pcscore" ]; then
    bin="${CARGO_TARGET_DIR:-$root/target}/release/pcscore"
  else
    bin=$(command -v pcscore || true)
  fi
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "compare_2026_05.sh: no pcscore binary (cargo build --release, or --pcscore BIN)" >&2
  exit 2
fi
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/pcscore-compare.XXXXXX")}
mkdir -p "$out/engine"

python3 "$here/generate_2026_05.py" --seed "$seed" --count "$count" --out "$out/files"
python3 "$here/pcs_2026_05.py" --json "$out/files" > "$out/reference.jsonl"

# One pcscore run per file; a refusal keeps its message in place of the card.
for f in "$out"/files/*/*.yaml; do
  name=$(basename "$(dirname "$f")")-$(basename "$f" .yaml)
  if ! "$bin" score "$f" --format json > "$out/engine/$name.json" 2> "$out/engine/$name.err"; then
    echo "refused" >> "$out/engine/$name.err"
  fi
done

python3 - "$out" <<'PY'
import json
import sys
from decimal import Decimal
from pathlib import Path

out = Path(sys.argv[1])
KEYS = ("path", "points", "categories", "total", "attained")


def shape(card):
    """The compared part of a card: the five keys, and `paths` when there."""
    s = {k: card.get(k) for k in KEYS}
    if "paths" in card:
        s["paths"] = {p: {k: c.get(k) for k in KEYS} for p, c in card["paths"].items()}
    return s


def diff(a, b, at=""):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                yield f"{at}{k}: pcscore {a.get(k, '(absent)')}, reference {b.get(k, '(absent)')}"
            else:
                yield from diff(a[k], b[k], f"{at}{k}.")
    elif a != b or type(a) is not type(b):
        yield f"{at[:-1]}: pcscore {a}, reference {b}"


same = differ = refused = 0
for line in (out / "reference.jsonl").read_text().splitlines():
    ref = json.loads(line, parse_float=Decimal, parse_int=Decimal)
    f = Path(ref["file"])
    name = f"{f.parent.name}-{f.stem}"
    err = (out / "engine" / f"{name}.err").read_text()
    if err.strip().endswith("refused"):
        refused += 1
        print(f"REFUSED  {f}\n         {err.strip().splitlines()[0]}")
        continue
    eng = json.loads((out / "engine" / f"{name}.json").read_text(), parse_float=Decimal, parse_int=Decimal)
    ds = list(diff(shape(eng), shape(ref)))
    if ds:
        differ += 1
        print(f"DIFFERS  {f}")
        for d in ds:
            print(f"         {d}")
    else:
        same += 1
print(f"{same} agree, {differ} differ, {refused} refused by pcscore (files in {out})")
sys.exit(1 if differ or refused else 0)
PY
