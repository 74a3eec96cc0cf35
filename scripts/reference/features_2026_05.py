#!/usr/bin/env python3
"""Checks the Business Applications, Modern Work and Security feature examples with the
reference calculator (pcs_2026_05.py), independently of the engine.

Usage:
    features_2026_05.py FEATURE...

For each scenario with a `Given this partner file:` doc string whose designation the
calculator scores, the Then / And steps on points, categories, totals, attainment and
paths are evaluated on the calculator's cards. Steps it does not know are listed as
unchecked. Exit status: 0 when every checked step holds, 1 otherwise, 2 on bad input.
"""

import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pcs_2026_05 import DESIGNATIONS, Bad, SourceTextLoader, score, shown  # noqa: E402
from fractions import Fraction  # noqa: E402

SUB = r"(net customer adds|intermediate certifications|advanced certifications|usage growth|deployments)"
NUM = r"(\d+(?:\.\d{1,2})?)"
PATH = r"(SMB|smb|Enterprise|enterprise)"


def key(words):
    return words.replace(" ", "_")


def scenarios(text):
    """(name, doc string, [step text]) per scenario."""
    out, name, doc, steps, in_doc, buf = [], None, None, [], False, []
    for line in text.splitlines():
        s = line.strip()
        if in_doc:
            if s == '"""':
                in_doc = False
                indent = min((len(x) - len(x.lstrip()) for x in buf if x.strip()), default=0)
                doc = "\n".join(x[indent:] for x in buf)
            else:
                buf.append(line)
            continue
        if s == '"""':
            in_doc, buf = True, []
        elif s.startswith(("Scenario:", "Scenario Outline:")):
            if name:
                out.append((name, doc, steps))
            name, doc, steps = s.split(":", 1)[1].strip(), None, []
        elif re.match(r"(Then|And|But) ", s) and name:
            steps.append(s.split(" ", 1)[1])
    if name:
        out.append((name, doc, steps))
    return out


def check(step, card, paths, doc):
    """True / False for a step it knows, None otherwise."""
    pick = lambda p: paths[p.lower()] if paths else (card if card["path"] == p.lower() else None)
    if m := re.fullmatch(rf"{SUB} earns? {NUM} points?", step):
        return shown(card["points"][key(m[1])]) == Fraction(m[2])
    if m := re.fullmatch(rf"the (performance|skilling|customer success) category comes to {NUM} points?", step):
        return shown(card["categories"][key(m[1])]) == Fraction(m[2])
    if m := re.fullmatch(rf"the total is {NUM} points?", step):
        return shown(card["total"]) == Fraction(m[1])
    if m := re.fullmatch(r"the designation is (not )?attained", step):
        return card["attained"] == (m[1] is None)
    if m := re.fullmatch(rf"the partner is scored on the {PATH} path(?:, (derived from the data|as the file says))?", step):
        named = re.search(r"(?m)^path:", doc) is not None
        ok = card["path"] == m[1].lower()
        return ok and (m[2] is None or named == (m[2] == "as the file says"))
    if m := re.fullmatch(rf"the chosen path is {PATH} because (.+)", step):
        p, reason = m[1].lower(), m[2]
        if card["path"] != p:
            return False
        if reason == "the file names it":
            return re.search(r"(?m)^path:", doc) is not None
        mine, theirs = paths[p], paths["smb" if p == "enterprise" else "enterprise"]
        return {
            "only it attains": mine["attained"] and not theirs["attained"],
            "both attain and its total is higher": mine["attained"] and theirs["attained"] and mine["total"] > theirs["total"],
            "neither attains and its total is higher": not mine["attained"] and not theirs["attained"] and mine["total"] > theirs["total"],
            "the totals tie": mine["attained"] == theirs["attained"] and mine["total"] == theirs["total"] and p == "enterprise",
        }.get(reason)
    if m := re.fullmatch(rf"the {PATH} path totals {NUM} points?", step):
        c = pick(m[1])
        return c is not None and shown(c["total"]) == Fraction(m[2])
    if m := re.fullmatch(rf"on the {PATH} path, {SUB} earns? {NUM} points?", step):
        c = pick(m[1])
        return c is not None and shown(c["points"][key(m[2])]) == Fraction(m[3])
    if m := re.fullmatch(rf"the {PATH} path is (not )?attained", step):
        c = pick(m[1])
        return c is not None and c["attained"] == (m[2] is None)
    if step == "the JSON card shows both paths":
        return paths is not None
    if step == "the JSON card shows no paths":
        return paths is None
    return None


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    held = failed = unchecked = 0
    for f in argv:
        for name, doc, steps in scenarios(Path(f).read_text(encoding="utf-8")):
            if doc is None:
                continue
            try:
                data = yaml.load(doc, Loader=SourceTextLoader)
            except yaml.YAMLError:
                continue  # a doc string that is not a partner file (a feature, a CSV)
            try:
                if not isinstance(data, dict) or data.get("designation") not in DESIGNATIONS:
                    continue
                card, paths = score(data)
            except (Bad, KeyError, TypeError, AttributeError, yaml.YAMLError) as e:
                print(f"refused   {f}: {name}: {e}")
                return 2
            for step in steps:
                r = check(step, card, paths, doc)
                if r is None:
                    unchecked += 1
                    print(f"unchecked {f}: {name}: {step}")
                elif r:
                    held += 1
                else:
                    failed += 1
                    print(f"FAILS     {f}: {name}: {step}")
    print(f"{held} steps hold, {failed} fail, {unchecked} unchecked")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
