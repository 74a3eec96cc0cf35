#!/usr/bin/env python3
"""Independent reference calculator: the 2026-05 edition of the three Azure designations.

Requires Python 3.8+ and PyYAML (`python3 -c "import yaml"`; if that fails,
`pip install pyyaml`). Nothing else outside the standard library.

Written from the specification alone (editions.md, with interpretation.md for the
2025-01 readings the AZ.* rules restate, and the PCS.ATTR.SINCE / PCS.SKILL.RETIRING
readings of designations-2026-05.md), never from the Rust engine, so that the scenarios'
`expected:` cards are checked by a second implementation. Money is exact (`decimal`,
growth as a `fractions.Fraction`); YAML numbers are read from their source text, never
through binary floating point.

Usage:
    azure_2026_05.py [--card] [--clauses EDITIONS_MD] PATH...

PATH is a scenario file or a folder (searched for *.yaml / *.yml). For each file whose
designation is digital-app-innovation, infrastructure or data-ai and whose edition
(named, or in force for as_of: EDITION.CHOICE) is 2026-05, the card is computed and
compared with the WHOLE card under `expected:` (a missing key is reported too, so the
scenarios stay full cards). Other files are skipped and listed. `--card` prints each
computed card. `--clauses FILE` lists the clause ids in backticks of FILE's rule tables
that no checked scenario cites.

Exit status: 0 when every checked card matched, 1 otherwise, 2 on unreadable input.
"""

import calendar
import re
import sys
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

import yaml

AZURE = ("digital-app-innovation", "infrastructure", "data-ai")
ELIGIBLE_CODES = {"PAL", "DPOR", "CSP"}
ALL_CODES = ELIGIBLE_CODES | {"CPOR", "CPOR-OSA", "CPOR-REVREC", "CPOR-REVREC-PERF", "CPOR-OSU"}
EXCLUDED_SERVICES = {"virtual machines", "virtual machines licenses"}

# Slug -> exam code alias (None when the certification has no alias). The union of
# scenario-format.md (2025-01), editions.md and designations-2026-05.md: a slug of any
# list is a known certification; a known one a designation does not list scores nothing.
CERTS = {
    # scenario-format.md
    "azure-administrator-associate": "AZ-104",
    "azure-developer-associate": "AZ-204",
    "power-platform-developer-associate": "PL-400",
    "azure-solutions-architect-expert": "AZ-305",
    "azure-iot-developer-specialty": "AZ-220",
    "azure-devops-engineer-expert": "AZ-400",
    "power-platform-solution-architect-expert": "PL-600",
    # editions.md
    "azure-ai-cloud-developer-associate": None,
    "github-agentic-ai-developer": None,
    "github-actions": "GH-200",
    "github-administration": "GH-100",
    "github-advanced-security": "GH-500",
    "github-copilot": "GH-300",
    "azure-network-engineer-associate": "AZ-700",
    "windows-server-hybrid-administrator-associate": "AZ-800",
    "azure-virtual-desktop-specialty": "AZ-140",
    "azure-for-sap-workloads-specialty": "AZ-120",
    "azure-database-administrator-associate": "DP-300",
    "azure-ai-engineer-associate": "AI-102",
    "azure-data-scientist-associate": "DP-100",
    "data-analyst-associate": "PL-300",
    "azure-cosmos-db-developer-specialty": "DP-420",
    "fabric-analytics-engineer-associate": "DP-600",
    "fabric-data-engineer-associate": "DP-700",
    "sql-ai-developer-associate": None,
    "azure-ai-apps-and-agents-developer-associate": None,
    "machine-learning-operations-engineer-associate": None,
    "azure-databricks-data-engineer-associate": None,
    # designations-2026-05.md
    "dynamics-365-finance-functional-consultant-associate": "MB-310",
    "dynamics-365-finance-and-operations-apps-developer-associate": "MB-500",
    "dynamics-365-supply-chain-management-functional-consultant-associate": "MB-330",
    "dynamics-365-customer-service-functional-consultant-associate": "MB-230",
    "dynamics-365-field-service-functional-consultant-associate": "MB-240",
    "dynamics-365-business-central-functional-consultant-associate": "MB-800",
    "power-platform-functional-consultant-associate": "PL-200",
    "power-automate-rpa-developer-associate": "PL-500",
    "dynamics-365-customer-experience-analyst-associate": "MB-280",
    "dynamics-365-sales-ai-consultant-associate": None,
    "intelligent-applications-builder-associate": None,
    "dynamics-365-contact-center-ai-engineer-associate": None,
    "dynamics-365-supply-chain-management-functional-consultant-expert": "MB-335",
    "dynamics-365-finance-and-operations-apps-solution-architect-expert": "MB-700",
    "dynamics-365-business-central-developer-associate": "MB-820",
    "agentic-ai-business-solutions-architect": None,
    "microsoft-365-fundamentals": "MS-900",
    "teams-administrator-associate": "MS-700",
    "identity-and-access-administrator-associate": "SC-300",
    "collaboration-communications-systems-engineer-associate": "MS-721",
    "endpoint-administrator-associate": "MD-102",
    "copilot-and-agent-administration-fundamentals": None,
    "enterprise-administrator-expert": "MS-102",
    "teams-meetings-and-meeting-rooms-technical-assessment": None,
    "azure-security-engineer-associate": "AZ-500",
    "cloud-and-ai-security-engineer-associate": None,
    "security-operations-analyst-associate": "SC-200",
    "cybersecurity-architect-expert": "SC-100",
    "information-protection-administrator-associate": "SC-400",
    "information-security-administrator-associate": "SC-401",
}
ALIASES = {code: slug for slug, code in CERTS.items() if code}
ALIASES["AZ-801"] = "windows-server-hybrid-administrator-associate"  # editions.md: "AZ-801 accepted too"
ALIASES["power-bi-data-analyst-associate"] = "data-analyst-associate"  # the printed older name

ADMIN = "azure-administrator-associate"
ARCHITECT = "azure-solutions-architect-expert"

# 2026-05 lists (editions.md). A subcategory is (prerequisite steps, scoring list, cap).
DAI_INT = {"azure-developer-associate", "power-platform-developer-associate",
           "azure-ai-cloud-developer-associate", "github-agentic-ai-developer"}
DAI_ADV = {"azure-devops-engineer-expert", "power-platform-solution-architect-expert",
           "github-actions", "github-administration", "github-advanced-security", "github-copilot"}
INF_INT = {"azure-network-engineer-associate", "windows-server-hybrid-administrator-associate"}
INF_ADV = {"azure-virtual-desktop-specialty", "azure-for-sap-workloads-specialty"}
DAT_STEP3 = {"azure-database-administrator-associate", "azure-ai-engineer-associate",
             "azure-data-scientist-associate", "data-analyst-associate",
             "azure-cosmos-db-developer-specialty", "fabric-analytics-engineer-associate",
             "fabric-data-engineer-associate", "sql-ai-developer-associate",
             "azure-ai-apps-and-agents-developer-associate",
             "machine-learning-operations-engineer-associate",
             "azure-databricks-data-engineer-associate"}

SKILLING = {
    "digital-app-innovation": {
        "intermediate_certifications": ([ADMIN], DAI_INT, 20),
        "advanced_certifications": ([ARCHITECT], DAI_ADV, 20),
    },
    "infrastructure": {
        "intermediate_certifications": ([ADMIN], INF_INT, 20),
        "advanced_certifications": ([ARCHITECT], INF_ADV, 20),
    },
    "data-ai": {
        "intermediate_certifications": ([ADMIN, ARCHITECT], DAT_STEP3, 40),
    },
}


class Bad(Exception):
    """Input this calculator refuses (the engine would exit 2)."""


class SourceTextLoader(yaml.SafeLoader):
    """SafeLoader that keeps numbers and dates as their source text (exact, no floats)."""


def _as_text(loader, node):
    return loader.construct_scalar(node)


for _tag in ("int", "float", "timestamp"):
    SourceTextLoader.add_constructor("tag:yaml.org,2002:" + _tag, _as_text)


# ---------------------------------------------------------------- small readers

def month(text, where):
    m = re.fullmatch(r"(\d{4})-(\d{2})", str(text))
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise Bad(f"{where}: expected a month YYYY-MM, found {text!r}")
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


def month_text(index):
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def date(text, where):
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(text))
    if not m:
        raise Bad(f"{where}: expected a date YYYY-MM-DD, found {text!r}")
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
        raise Bad(f"{where}: no such date {text!r}")
    return (y, mo, d)


def money(text, where):
    if isinstance(text, bool) or not re.fullmatch(r"\d+(\.\d+)?", str(text)):
        raise Bad(f"{where}: expected a non-negative decimal amount, found {text!r}")
    try:
        return Decimal(str(text))
    except InvalidOperation as e:
        raise Bad(f"{where}: {e}") from e


def cert_slug(text, where):
    text = str(text)
    if text in CERTS:
        return text
    if text in ALIASES:
        return ALIASES[text]
    raise Bad(f"{where}: unknown certification {text!r}")


def eligible_at(attribution, m_index, where):
    """PCS.ATTR.SINCE: an Azure attribution is judged at M; an entry with `since` is in
    force from that month on. AZ.ATTR.ELIGIBLE: PAL, DPOR or CSP."""
    if not isinstance(attribution, list):
        raise Bad(f"{where}: expected a list of attribution codes")
    for i, entry in enumerate(attribution):
        since = None
        if isinstance(entry, dict):
            code = entry.get("type")
            if "since" in entry:
                since = month(entry["since"], f"{where}[{i}].since")
        else:
            code = entry
        if code not in ALL_CODES:
            raise Bad(f"{where}[{i}]: unknown attribution code {code!r}")
        if code in ELIGIBLE_CODES and (since is None or since <= m_index):
            return True
    return False


def people_holding(people, m):
    """AZ.SKILL.COUNT: for each associated person, the slugs active on the last day of M."""
    y, mo = m // 12, m % 12 + 1
    last_day = (y, mo, calendar.monthrange(y, mo)[1])
    holds, seen = [], set()
    for i, p in enumerate(people):
        pid = str(p["id"])
        if pid in seen:
            raise Bad(f"people[{i}].id: duplicate id {pid!r}")
        seen.add(pid)
        associated = p.get("associated", True)
        if not isinstance(associated, bool):
            raise Bad(f"people[{i}].associated: expected true or false")
        active = set()
        for j, c in enumerate(p.get("certifications") or []):
            where = f"people[{i}].certifications[{j}]"
            slug = cert_slug(c["cert"], f"{where}.cert")
            earned = date(c["earned"], f"{where}.earned")
            expires = date(c["expires"], f"{where}.expires") if c.get("expires") is not None else None
            if earned <= last_day and (expires is None or expires >= last_day):
                active.add(slug)
        if associated:
            holds.append(active)
    return holds


def service_key(name):
    return str(name).strip().lower()


# ---------------------------------------------------------------- the rules

def edition_of(doc, m_index):
    """EDITION.CHOICE."""
    if "edition" in doc and doc["edition"] is not None:
        return str(doc["edition"])
    return "2025-01" if m_index <= month("2026-04", "") else "2026-05"


def score(doc):
    designation = doc.get("designation", "digital-app-innovation")
    m = month(doc.get("as_of"), "as_of")
    customers = doc.get("customers") or []
    people = doc.get("people") or []
    deployments = doc.get("deployments") or []
    path_given = doc.get("path")

    # Customers: id -> (eligible at M, segment, acr by month index)
    table = {}
    for i, c in enumerate(customers):
        where = f"customers[{i}]"
        cid = str(c["id"])
        if cid in table:
            raise Bad(f"{where}.id: duplicate id {cid!r}")
        acr = {}
        for k, v in (c.get("acr") or {}).items():
            acr[month(k, f"{where}.acr")] = money(v, f"{where}.acr.{k}")
        seg = c.get("segment")
        if seg is not None and seg not in ("smb", "smc", "enterprise"):
            raise Bad(f"{where}.segment: unknown segment {seg!r}")
        if path_given is None and seg is None:
            raise Bad(f"{where}.segment: needed to derive the path")
        table[cid] = (eligible_at(c.get("attribution"), m, f"{where}.attribution"), seg, acr)

    def a(acr, month_index):  # AZ.WINDOW: a missing month is 0
        return acr.get(month_index, Decimal(0))

    eligible = [(seg, acr) for ok, seg, acr in table.values() if ok]

    # AZ.PATH.EXPLICIT / AZ.PATH.SHARE
    if path_given is not None:
        if path_given not in ("smb", "enterprise"):
            raise Bad(f"path: expected smb or enterprise, found {path_given!r}")
        path = path_given
    else:
        base = [seg for seg, acr in eligible if a(acr, m) > 0]
        small = sum(1 for seg in base if seg in ("smb", "smc"))
        path = "smb" if not base or small * 100 >= 80 * len(base) else "enterprise"

    # AZ.PERF.NCA
    t = Decimal(1000) if path == "enterprise" else Decimal(500)
    net = 0
    for _, acr in eligible:
        recent = [a(acr, m - 1), a(acr, m)]
        baseline = [a(acr, m - 13), a(acr, m - 12)]
        if all(x == 0 for x in baseline) and any(x >= t for x in recent):
            net += 1
        elif any(x >= t for x in baseline) and all(x < t for x in recent):
            net -= 1
    nca = 10 * min(max(net, 0), 3)

    # AZ.CS.UG
    last = sum((a(acr, m) for _, acr in eligible), Decimal(0))
    prior = sum((a(acr, m - 12) for _, acr in eligible), Decimal(0))
    if last < 1000 or prior == 0:
        ug = 0
    else:
        growth = (Fraction(last) - Fraction(prior)) / Fraction(prior) * 100
        ug = min(max(growth.numerator // growth.denominator, 0), 20)

    # AZ.CS.DEP.ELIGIBLE / AZ.CS.DEP
    services = set()
    for i, d in enumerate(deployments):
        where = f"deployments[{i}]"
        cid = str(d["customer"])
        if cid not in table:
            raise Bad(f"{where}.customer: not a listed customer {cid!r}")
        if "attribution" in d:
            ok = eligible_at(d["attribution"], m, f"{where}.attribution")
        else:
            ok = table[cid][0]
        level = str(d["service_level"])
        dm = month(d["month"], f"{where}.month")
        key = service_key(d["service"])
        if ok and level == "2" and key not in EXCLUDED_SERVICES and m - 11 <= dm <= m:
            services.add(key)
    dep = 2 * min(len(services), 5)

    # AZ.SKILL.COUNT: who holds what, active on the last day of M, associated only
    holds = people_holding(people, m)

    points = {"net_customer_adds": nca}
    for sub, (steps, scoring, cap) in SKILLING[designation].items():
        pts = 0
        unlocked = True
        for step in steps:
            holders = sum(1 for h in holds if step in h)
            if path == "enterprise":  # AZ.SKILL.GATE.ENT
                unlocked = unlocked and holders >= 2
            else:  # AZ.SKILL.GATE.SMB
                if holders >= 1:
                    pts += 4
                else:
                    unlocked = False
        if unlocked:  # AZ.SKILL.SCORE: 4 per person, once per person
            pts += 4 * sum(1 for h in holds if h & scoring)
        points[sub] = min(pts, cap)
    points["usage_growth"] = ug
    points["deployments"] = dep

    categories = {
        "performance": nca,
        "skilling": sum(v for k, v in points.items() if k.endswith("_certifications")),
        "customer_success": ug + dep,
    }
    total = sum(categories.values())
    # AZ.ATTAINED
    attained = total >= 70 and all(v >= 1 for v in points.values())
    return {"path": path, "points": points, "categories": categories,
            "total": total, "attained": attained}


# ---------------------------------------------------------------- comparing

def normalise_expected(value):
    """Expected values come in as source text; make whole numbers ints, keep booleans."""
    if isinstance(value, dict):
        return {k: normalise_expected(v) for k, v in value.items()}
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def differences(expected, card, prefix=""):
    out = []
    for k in sorted(set(expected) | set(card), key=lambda k: (k not in card, k)):
        key = prefix + k
        if k not in card:
            out.append(f"{key}: expected {expected[k]!r}, the card has no such key")
        elif k not in expected:
            out.append(f"{key}: missing from expected (card: {card[k]!r})")
        elif isinstance(card[k], dict):
            if not isinstance(expected[k], dict):
                out.append(f"{key}: expected {expected[k]!r}, card is a mapping")
            else:
                out.extend(differences(expected[k], card[k], key + "."))
        elif expected[k] != card[k] or type(expected[k]) is not type(card[k]):
            out.append(f"{key}: expected {expected[k]!r}, computed {card[k]!r}")
    return out


def card_yaml(card):
    lines = [f"path: {card['path']}", "points:"]
    lines += [f"  {k}: {v}" for k, v in card["points"].items()]
    lines.append("categories:")
    lines += [f"  {k}: {v}" for k, v in card["categories"].items()]
    lines += [f"total: {card['total']}", f"attained: {str(card['attained']).lower()}"]
    return "\n".join(lines)


def files_under(paths):
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml"))
        else:
            yield p


def main(argv):
    show = "--card" in argv
    argv = [x for x in argv if x != "--card"]
    clauses_md = None
    if "--clauses" in argv:
        i = argv.index("--clauses")
        clauses_md = Path(argv[i + 1])
        del argv[i:i + 2]
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    matched = differed = skipped = 0
    bad = False
    cited = set()
    names = {}
    for f in files_under(argv):
        try:
            doc = yaml.load(f.read_text(encoding="utf-8"), Loader=SourceTextLoader)
            designation = doc.get("designation", "digital-app-innovation")
            m = month(doc.get("as_of"), "as_of")
            edition = edition_of(doc, m)
            if designation not in AZURE or edition != "2026-05":
                why = "EDITION.MISSING refusal" if designation != "digital-app-innovation" else "2025-01 rules"
                print(f"skip      {f}  ({designation}, edition {edition}: {why})")
                skipped += 1
                continue
            card = score(doc)
        except (Bad, KeyError, TypeError, AttributeError, yaml.YAMLError) as e:
            print(f"refused   {f}  {e}")
            bad = True
            continue
        name = doc.get("name")
        if name in names:
            print(f"duplicate {f}  name also used by {names[name]}")
            bad = True
        names[name] = f
        cited.update(str(c) for c in (doc.get("clauses") or []))
        expected = doc.get("expected")
        diffs = ["no expected: block"] if expected is None else differences(normalise_expected(expected), card)
        if diffs:
            differed += 1
            print(f"DIFFERS   {f}")
            for d in diffs:
                print(f"            {d}")
        else:
            matched += 1
            print(f"ok        {f}")
        if show:
            print("            " + card_yaml(card).replace("\n", "\n            "))
    if clauses_md is not None:
        ids = []
        for line in clauses_md.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\|\s*`([A-Z]+(?:\.[A-Z0-9_]+)+)`\s*\|", line)
            if m and m.group(1) not in ids:
                ids.append(m.group(1))
        missing = [i for i in ids if i not in cited]
        print(f"clauses of {clauses_md.name}: {len(ids) - len(missing)} of {len(ids)} cited"
              + (f"; not cited: {', '.join(missing)}" if missing else ""))
        unknown = sorted(c for c in cited if c not in ids)
        if unknown:
            print(f"cited but not in {clauses_md.name}: {', '.join(unknown)}")
    print(f"{matched} matched, {differed} differed, {skipped} skipped"
          + (", some files refused" if bad else ""))
    return 2 if bad else (1 if differed else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
