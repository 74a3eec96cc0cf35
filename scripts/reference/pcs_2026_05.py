#!/usr/bin/env python3
"""Independent reference calculator: Business Applications, Modern Work and Security, 2026-05.

Requires Python 3.8+ and PyYAML (`python3 -c "import yaml"`; if that fails,
`pip install pyyaml`). Nothing else outside the standard library; the small readers
(months, dates, certification slugs) are shared with azure_2026_05.py beside it.

Written from the specification page alone (designations-2026-05.md, with editions.md
for AZ.SKILL.COUNT and AZ.ATTAINED), never from the Rust engine, so that the scenarios'
`expected:` cards and the engine's output are checked by a second implementation. Every
amount, usage, count and point is an exact `fractions.Fraction`; YAML numbers are read
from their source text, never through binary floating point.

Usage:
    pcs_2026_05.py [--card | --json] [--clauses DESIGNATIONS_MD] PATH...

PATH is a scenario file or a folder (searched for *.yaml / *.yml). For each file whose
designation is business-applications, modern-work or security and whose edition (named,
or in force for as_of: EDITION.CHOICE) is 2026-05, the card is computed and compared
with the WHOLE card under `expected:` (a missing key is reported too, so the scenarios
stay full cards; values compare by value with the shown value, PCS.EXPECTED.DECIMALS).
Other files are skipped and listed. `--card` prints each computed card as
`score --format yaml` would, and for Modern Work and Security both paths' cards.
`--json` prints, instead of the comparison, one line of JSON per scored file shaped like
`pcscore score --format json` (path, points, categories, total, attained, and `paths`
for Modern Work and Security; plus `file`, `designation`, `as_of`, `edition`).
`--clauses FILE` lists, per designation, the clause ids of FILE (its rule tables and
the ids in backticks of its rule text) that no checked scenario of that designation
cites.

Exit status: 0 when every checked card matched, 1 otherwise, 2 on unreadable input.
"""

import json
import re
import sys
from fractions import Fraction
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from azure_2026_05 import (  # noqa: E402  (shared readers, see the docstring)
    Bad,
    SourceTextLoader,
    cert_slug,
    date,
    edition_of,
    files_under,
    month,
    month_text,
    people_holding,
    service_key,
)

DESIGNATIONS = ("business-applications", "modern-work", "security")
ZERO = Fraction(0)

# ---------------------------------------------------------------- the page's lists

CPOR = frozenset({"CPOR", "CPOR-OSA", "CPOR-REVREC", "CPOR-REVREC-PERF", "CPOR-OSU"})
ALL_CODES = CPOR | {"PAL", "DPOR", "CSP"}

# BA.WORKLOADS.NCA
BA_REVENUE = frozenset("""
ai-builder business-central ce-bundle commerce contact-center copilot-studio
copilot-studio-payg customer-insights customer-service fo-bundle field-service finance
human-resources intelligent-order-management mixed-reality omni-channel power-apps
power-automate power-bi power-pages power-virtual-agent project-operations sales
supply-chain non-workload-specific-fo non-workload-specific
""".split())
# BA.ATTR.NCA
BA_NCA_CODES = frozenset({"CPOR-REVREC", "CPOR-OSA", "CPOR-REVREC-PERF", "CSP", "DPOR"})
# BA.MCV.RATES
BA_RATES = {
    "business-central": 1000, "contact-center": 200, "core-hr": 1000,
    "customer-engagement": 200, "customer-insights": Fraction(1, 5),
    "finance-and-operations": 100, "guides": 1000, "portals": 100, "power-apps": 200,
    "power-automate": 200, "power-bi": 200, "remote-assist": 1000, "retail": 100,
    "talent-attract": 1000, "talent-onboard": 1000,
}
# BA.ATTR.CS: the two groups and the codes each accepts; they do not mix
BA_D365 = frozenset("""business-central contact-center core-hr customer-engagement
finance-and-operations guides remote-assist retail talent-attract talent-onboard""".split())
BA_PP = frozenset("power-apps power-automate power-bi portals customer-insights".split())
BA_D365_CODES = frozenset({"CPOR-OSU", "DPOR", "CSP"})
BA_PP_CODES = frozenset({"PAL"})

# MW.WORKLOADS: the first list (sizes, net customer adds) and the one usage growth and
# deployments read (the first list plus teams-premium)
MW_LIST = frozenset("""
exchange-online intune m365-copilot microsoft-365-apps entra-id-p1 sharepoint-online
teams teams-apps teams-frontline-workers teams-meetings teams-phone teams-phone-calling
teams-phone-enabled-users teams-rooms-devices viva-connections viva-engage viva-goals
viva-insights viva-learning viva-topics windows-365
""".split())
MW_CS_LIST = MW_LIST | {"teams-premium"}
# MW.ATTR: the path's codes, and its association types t (MW.CS.UG.FORMULA)
MW_PATH_CODES = {"enterprise": CPOR | {"DPOR"}, "smb": CPOR | {"CSP"}}
MW_TYPES = {
    "enterprise": {"CPOR": CPOR, "DPOR": frozenset({"DPOR"})},
    "smb": {"CPOR": CPOR, "CSP": frozenset({"CSP"})},
}
MW_UG_THRESHOLD = {("enterprise", "CPOR"): 1000, ("enterprise", "DPOR"): 4000,
                   ("smb", "CPOR"): 500, ("smb", "CSP"): 2000}
MW_DEP_VALUE = {("enterprise", "CPOR"): Fraction(5), ("enterprise", "DPOR"): Fraction(5, 2),
                ("smb", "CPOR"): Fraction(5), ("smb", "CSP"): Fraction(5, 2)}

# SEC.AZ.SERVICES (matched as deployments' names: case and surrounding spaces aside)
SEC_SERVICES = frozenset(service_key(s) for s in [
    "Application Gateway", "Azure Active Directory B2C",
    "Azure Active Directory for External Identities", "Azure Bastion",
    "Azure DDoS Protection", "Azure Firewall", "Azure Firewall Manager",
    "Azure Front Door Service", "Azure IoT Security", "Key Vault",
    "Microsoft Defender for Cloud", "Microsoft Entra", "Microsoft Entra Domain Services",
    "Microsoft Entra Verified ID", "Microsoft Purview", "Microsoft Security Copilot",
    "Sentinel"])
SEC_AZ_CODES = frozenset({"PAL", "CSP"})  # SEC.AZ.ATTR
SEC_M365_LIST = frozenset("""entra-id-p1 defender-for-office-365 defender-for-endpoint-p2
defender-for-identity purview-information-protection intune""".split())
SEC_M365_CODES = CPOR | {"CSP"}  # SEC.M365.TENANT

# PCS.DATA.UNUSED: a slug is known when some list of some rulebook names it
KNOWN_WORKLOADS = BA_REVENUE | frozenset(BA_RATES) | MW_CS_LIST | SEC_M365_LIST

# Skilling lists. A grace month is the last M at which the certification scores.
BA_INT = frozenset("""
dynamics-365-finance-functional-consultant-associate
dynamics-365-finance-and-operations-apps-developer-associate
dynamics-365-supply-chain-management-functional-consultant-associate
dynamics-365-customer-service-functional-consultant-associate
dynamics-365-field-service-functional-consultant-associate
dynamics-365-business-central-functional-consultant-associate data-analyst-associate
power-platform-functional-consultant-associate power-platform-developer-associate
power-automate-rpa-developer-associate dynamics-365-customer-experience-analyst-associate
dynamics-365-sales-ai-consultant-associate intelligent-applications-builder-associate
dynamics-365-contact-center-ai-engineer-associate
""".split())
BA_ADV = frozenset("""
dynamics-365-supply-chain-management-functional-consultant-expert
dynamics-365-finance-and-operations-apps-solution-architect-expert
power-platform-solution-architect-expert dynamics-365-business-central-developer-associate
agentic-ai-business-solutions-architect
""".split())
MW_INT = {  # slug -> last M it scores in (None: no limit)
    "microsoft-365-fundamentals": "2027-03", "teams-administrator-associate": None,
    "identity-and-access-administrator-associate": None,
    "collaboration-communications-systems-engineer-associate": None,
    "endpoint-administrator-associate": None,
    "copilot-and-agent-administration-fundamentals": None,
}
MW_ADV = {"enterprise-administrator-expert": "2027-11",
          "teams-meetings-and-meeting-rooms-technical-assessment": "2027-06"}
SEC_STEP1 = frozenset({"azure-security-engineer-associate", "cloud-and-ai-security-engineer-associate"})
SEC_STEP2 = frozenset({"security-operations-analyst-associate"})
SEC_STEP3 = frozenset({"cybersecurity-architect-expert", "identity-and-access-administrator-associate",
                       "information-protection-administrator-associate",
                       "information-security-administrator-associate"})

# Subcategories: (key, category, maximum)
SUBS = {
    "business-applications": [
        ("net_customer_adds", "performance", 15), ("intermediate_certifications", "skilling", 20),
        ("advanced_certifications", "skilling", 15), ("usage_growth", "customer_success", 30),
        ("deployments", "customer_success", 20)],
    "modern-work": [
        ("net_customer_adds", "performance", 20), ("intermediate_certifications", "skilling", 10),
        ("advanced_certifications", "skilling", 15), ("usage_growth", "customer_success", 30),
        ("deployments", "customer_success", 25)],
    "security": [
        ("net_customer_adds", "performance", 20), ("intermediate_certifications", "skilling", 40),
        ("usage_growth", "customer_success", 20), ("deployments", "customer_success", 20)],
}
CATEGORIES = ("performance", "skilling", "customer_success")


# ---------------------------------------------------------------- small readers

def exact(text, where):
    """Money and usage: a non-negative decimal, exact."""
    if isinstance(text, bool) or not re.fullmatch(r"\d+(\.\d+)?", str(text)):
        raise Bad(f"{where}: expected a non-negative decimal number, found {text!r}")
    return Fraction(str(text))


def whole(text, where):
    """Licences and users: a whole non-negative number."""
    if isinstance(text, bool) or not re.fullmatch(r"\d+", str(text)):
        raise Bad(f"{where}: expected a whole non-negative number, found {text!r}")
    return Fraction(int(str(text)))


def month_map(value, where, read):
    out = {}
    if value is None:
        return out
    if not isinstance(value, dict):
        raise Bad(f"{where}: expected a map of months")
    for k, v in value.items():
        out[month(k, f"{where}")] = read(v, f"{where}.{k}")
    return out


def attribution(value, where):
    """A list of (code, since month index or None) (PCS.ATTR.SINCE)."""
    if not isinstance(value, list):
        raise Bad(f"{where}: expected a list of attribution codes")
    out = []
    for i, entry in enumerate(value):
        since = None
        if isinstance(entry, dict):
            extra = set(entry) - {"type", "since"}
            if extra:
                raise Bad(f"{where}[{i}]: unknown field {sorted(extra)[0]!r}")
            code = entry.get("type")
            if entry.get("since") is not None:
                since = month(entry["since"], f"{where}[{i}].since")
        else:
            code = entry
        if code not in ALL_CODES:
            raise Bad(f"{where}[{i}]: unknown attribution code {code!r}")
        out.append((code, since))
    return out


def in_force(attr, codes, x):
    """PCS.ATTR.SINCE: some entry of these codes is in force in month x."""
    return any(code in codes and (since is None or since <= x) for code, since in attr)


def since_of(attr, codes):
    """PCS.ATTR.SINCE: the earliest `since` of a type group; None when the group has an
    entry without one (or has no entry)."""
    months = []
    for code, since in attr:
        if code in codes:
            if since is None:
                return None
            months.append(since)
    return min(months) if months else None


class Workload:
    def __init__(self, raw, where):
        if not isinstance(raw, dict):
            raise Bad(f"{where}: expected a mapping")
        extra = set(raw) - {"workload", "attribution", "revenue", "usage", "paid_licences", "active_users"}
        if extra:
            raise Bad(f"{where}: unknown field {sorted(extra)[0]!r}")
        self.slug = str(raw.get("workload"))
        if self.slug not in KNOWN_WORKLOADS:
            raise Bad(f"{where}.workload: unknown workload {self.slug!r}")
        self.attribution = (attribution(raw["attribution"], f"{where}.attribution")
                            if "attribution" in raw else None)
        self.revenue = month_map(raw.get("revenue"), f"{where}.revenue", exact)
        self.usage = month_map(raw.get("usage"), f"{where}.usage", exact)
        self.paid = month_map(raw.get("paid_licences"), f"{where}.paid_licences", whole)
        self.users = month_map(raw.get("active_users"), f"{where}.active_users", whole)


class Customer:
    def __init__(self, raw, where):
        self.id = str(raw["id"])
        self.attribution = attribution(raw.get("attribution"), f"{where}.attribution")
        self.workloads = {}
        for j, w in enumerate(raw.get("workloads") or []):
            wl = Workload(w, f"{where}.workloads[{j}]")
            if wl.slug in self.workloads:
                raise Bad(f"{where}.workloads[{j}].workload: {wl.slug!r} is listed twice")
            self.workloads[wl.slug] = wl
        # PCS.DATA.UNUSED: several names of the same service are summed
        self.acr_by_service = {}
        abs_ = raw.get("acr_by_service") or {}
        if not isinstance(abs_, dict):
            raise Bad(f"{where}.acr_by_service: expected a map of services")
        for name, months in abs_.items():
            key = service_key(name)
            acc = self.acr_by_service.setdefault(key, {})
            for x, v in month_map(months, f"{where}.acr_by_service.{name}", exact).items():
                acc[x] = acc.get(x, ZERO) + v

    # -- sums over a list of workloads in a month (a missing month is 0)
    def paid(self, slugs, x):
        return sum((w.paid.get(x, ZERO) for s, w in self.workloads.items() if s in slugs), ZERO)

    def users(self, slugs, x):
        return sum((w.users.get(x, ZERO) for s, w in self.workloads.items() if s in slugs), ZERO)

    def sizes(self, slugs, smb_low, x):
        """(Enterprise-size, SMB-size) in month x without the carry-over."""
        ent = smb = False
        for s, w in self.workloads.items():
            if s in slugs:
                n = w.paid.get(x, ZERO)
                ent = ent or n > 300
                smb = smb or smb_low <= n <= 300
        return ent, smb

    def security_acr(self, x):
        return sum((m.get(x, ZERO) for k, m in self.acr_by_service.items() if k in SEC_SERVICES), ZERO)

    def security_ttm(self, x):
        """SEC.AZ.SERVICES, SEC.AZ.TTM_ALL: all twelve months X-11..X, whatever the attribution."""
        return sum((self.security_acr(y) for y in range(x - 11, x + 1)), ZERO)




def clamp(x, low, high):
    return max(low, min(x, high))


def floor(x):
    return x.numerator // x.denominator


# ---------------------------------------------------------------- Business Applications

def ba_card(m, path_given, customers, holds):
    # A pair is one (customer, workload) entry with its own attribution, else the customer's.
    pairs = [(w, w.attribution if w.attribution is not None else c.attribution)
             for c in customers for w in c.workloads.values()]

    def revenue_counts(w, attr, x):  # BA.WORKLOADS.NCA, BA.ATTR.NCA judged in month x
        return w.slug in BA_REVENUE and in_force(attr, BA_NCA_CODES, x)

    def rev(w, x):
        return w.revenue.get(x, ZERO)

    # BA.PATH.EXPLICIT / BA.PATH.DERIVED
    if path_given is not None:
        path = path_given
    else:
        big = sum(1 for w, a in pairs
                  if revenue_counts(w, a, m) and revenue_counts(w, a, m - 12)
                  and rev(w, m) > 5000 and rev(w, m - 12) > 5000)
        path = "enterprise" if big >= 5 else "smb"
    ent = path == "enterprise"

    # BA.PERF.NCA.QUALIFY / .POINTS
    t = 1500 if ent else 250

    def qualifying(x):
        return sum(1 for w, a in pairs if revenue_counts(w, a, x) and rev(w, x) >= t)

    nca = Fraction(3 * clamp(qualifying(m) - qualifying(m - 12), 0, 5))

    # BA.MCV.RATES / BA.ATTR.CS: the counting MCV of a pair in month x, or None
    def mcv(w, attr, x):
        if w.slug not in BA_RATES:
            return None
        codes = BA_D365_CODES if w.slug in BA_D365 else BA_PP_CODES
        if not in_force(attr, codes, x):
            return None
        return w.usage.get(x, ZERO) * BA_RATES[w.slug]

    def total_mcv(x):
        return sum((v for v in (mcv(w, a, x) for w, a in pairs) if v is not None), ZERO)

    # BA.CS.UG.FORMULA / .BASELINE / .POINTS
    last, prior = total_mcv(m), total_mcv(m - 12)
    if prior >= (50000 if ent else 25000):
        ug = Fraction(clamp(floor((last - prior) / prior * 100), 0, 30))
    else:
        ug = ZERO

    # BA.CS.DEP.QUALIFY / .POINTS
    d = 10000 if ent else 5000

    def deployments(x):
        return sum(1 for w, a in pairs if (v := mcv(w, a, x)) is not None and v >= d)

    dep = Fraction(4 * clamp(deployments(m) - deployments(m - 12), 0, 5))

    # BA.SKILL.INT / BA.SKILL.ADV: no prerequisite, a person counts once per subcategory
    n_int = sum(1 for h in holds if h & BA_INT)
    n_adv = sum(1 for h in holds if h & BA_ADV)
    intermediate = min(n_int * (1 if ent else 4), 20)
    advanced = min(n_adv * (Fraction(15, 7) if ent else Fraction(15, 2)), 15)

    return path, {"net_customer_adds": nca, "intermediate_certifications": Fraction(intermediate),
                  "advanced_certifications": Fraction(advanced), "usage_growth": ug,
                  "deployments": dep}


# ---------------------------------------------------------------- Modern Work

def mw_points(path, m, customers, holds):
    ent = path == "enterprise"

    def path_size(c, x, carry=True):
        """MW.TENANT.SIZE, with MW.TENANT.CARRY at M (MW.CS.DEP.SINCE_MONTH: at M only)."""
        e, s = c.sizes(MW_LIST, 11, x)
        if ent:
            return e
        if carry and x == m and e and not s:
            s = c.sizes(MW_LIST, 11, m - 12)[1]
        return s

    def path_tenant(c, codes, x):  # MW.ATTR
        return path_size(c, x) and in_force(c.attribution, codes, x)

    # MW.PERF.NCA
    def tenants(x):
        return sum(1 for c in customers if path_tenant(c, MW_PATH_CODES[path], x))

    net = clamp(tenants(m) - tenants(m - 12), 0, 5 if ent else 10)
    nca = Fraction(min(net * (4 if ent else 2), 20))

    def deployed(c, x):  # MW.CS.DEP.QUALIFY, the share (path size is tested apart)
        paid = c.paid(MW_CS_LIST, x)
        return paid > 0 and c.users(MW_CS_LIST, x) * 100 >= 40 * paid

    ug_best = dep_best = ZERO
    for t, codes in MW_TYPES[path].items():
        now_set = [c for c in customers if path_tenant(c, codes, m)]
        before_set = [c for c in customers if path_tenant(c, codes, m - 12)]
        # MW.CS.UG.FORMULA / .SINCE
        now = sum((c.users(MW_CS_LIST, m) for c in now_set), ZERO)
        before = sum((c.users(MW_CS_LIST, m - 12) for c in before_set), ZERO)
        for c in now_set:
            since = since_of(c.attribution, codes)
            if since is not None and since > m - 12:
                before += c.users(MW_CS_LIST, since)
        ug_t = clamp((now - before) / MW_UG_THRESHOLD[(path, t)] * 30, ZERO, Fraction(30))
        ug_best = max(ug_best, ug_t)
        # MW.CS.DEP.QUALIFY / .EXCLUDE / .POINTS
        at_m = 0
        for c in now_set:
            if not deployed(c, m):
                continue
            since = since_of(c.attribution, codes)
            if since is not None and since > m - 12 and path_size(c, since) and deployed(c, since):
                continue  # already deployed in its `since` month
            at_m += 1
        at_before = sum(1 for c in before_set if deployed(c, m - 12))
        dep_t = clamp((at_m - at_before) * MW_DEP_VALUE[(path, t)], ZERO, Fraction(25))
        dep_best = max(dep_best, dep_t)

    # MW.SKILL.INT / MW.SKILL.ADV: a certification with a grace month scores while M <= it
    def scoring(table):
        return {s for s, last in table.items() if last is None or m <= month(last, "")}

    n_int = sum(1 for h in holds if h & scoring(MW_INT))
    n_adv = sum(1 for h in holds if h & scoring(MW_ADV))
    intermediate = min(n_int * (Fraction(5, 2) if ent else Fraction(5)), 10)
    advanced = min(n_adv * (Fraction(15, 2) if ent else Fraction(15)), 15)
    return {"net_customer_adds": nca, "intermediate_certifications": Fraction(intermediate),
            "advanced_certifications": Fraction(advanced), "usage_growth": ug_best,
            "deployments": dep_best}


# ---------------------------------------------------------------- Security

def sec_points(path, m, customers, holds):
    ent = path == "enterprise"

    def azure(c, x):  # SEC.AZ.ATTR
        return in_force(c.attribution, SEC_AZ_CODES, x)

    def path_size(c, x):
        """SEC.M365.TENANT: in force, of the path's size (5 to 300 for SMB), carry-over at M."""
        if not in_force(c.attribution, SEC_M365_CODES, x):
            return False
        e, s = c.sizes(SEC_M365_LIST, 5, x)
        if ent:
            return e
        if x == m and e and not s:
            s = c.sizes(SEC_M365_LIST, 5, m - 12)[1]
        return s

    def net(test):  # SEC.SIDES: each side's net floored at 0
        return max(sum(1 for c in customers if test(c, m)) - sum(1 for c in customers if test(c, m - 12)), 0)

    # SEC.PERF.NCA.AZURE / .M365 / .POINTS
    az_nca = net(lambda c, x: azure(c, x) and c.security_ttm(x) >= 600)
    m365_nca = net(path_size)
    nca = Fraction(min((az_nca + m365_nca) * (2 if ent else 4), 20))

    # SEC.CS.DEP.AZURE / .M365 / .POINTS
    def az_deployed(c, x):
        ttm = c.security_ttm(x)
        return azure(c, x) and (ttm > 12000 if ent else 750 <= ttm <= 12000)

    def m365_deployed(c, x):
        paid = c.paid(SEC_M365_LIST, x)
        return path_size(c, x) and paid > 0 and c.users(SEC_M365_LIST, x) * 100 >= 15 * paid

    dep = min((net(az_deployed) + net(m365_deployed)) * Fraction(20, 6), Fraction(20))

    # SEC.CS.UG.AZURE / .M365 / .POINTS
    def in_class(c, x):
        ttm = c.security_ttm(x)
        return azure(c, x) and (ttm > 12000 if ent else 0 < ttm <= 12000)

    g = (sum((c.security_ttm(m) for c in customers if in_class(c, m)), ZERO)
         - sum((c.security_ttm(m - 12) for c in customers if in_class(c, m - 12)), ZERO))
    az_ug = max(floor(g / (1250 if ent else 750)), 0)
    u = (sum((c.users(SEC_M365_LIST, m) for c in customers if path_size(c, m)), ZERO)
         - sum((c.users(SEC_M365_LIST, m - 12) for c in customers if path_size(c, m - 12)), ZERO))
    m365_ug = max(floor(u / (125 if ent else 50)), 0)
    ug = Fraction(min(az_ug + m365_ug, 20))

    # SEC.SKILL.*
    s1 = sum(1 for h in holds if h & SEC_STEP1)
    s2 = sum(1 for h in holds if h & SEC_STEP2)
    s3 = sum(1 for h in holds if h & SEC_STEP3)
    if ent:
        skill = s3 * Fraction(40, 6) if s1 >= 2 and s2 >= 2 else ZERO
    else:
        skill = Fraction(4 * (s1 >= 1) + 4 * (s2 >= 1) + (8 * s3 if s1 >= 1 and s2 >= 1 else 0))
    skill = min(skill, Fraction(40))
    return {"net_customer_adds": nca, "intermediate_certifications": skill,
            "usage_growth": ug, "deployments": dep}


# ---------------------------------------------------------------- the card

def full_card(designation, path, points):
    """Exact points -> categories, total, attained (AZ.ATTAINED on the exact values)."""
    cats = {k: ZERO for k in CATEGORIES}
    for key, cat, _ in SUBS[designation]:
        cats[cat] += points[key]
    total = sum(cats.values(), ZERO)
    attained = total >= 70 and all(points[k] >= 1 for k, _, _ in SUBS[designation])
    return {"path": path, "points": {k: points[k] for k, _, _ in SUBS[designation]},
            "categories": cats, "total": total, "attained": attained}


def choose(cards):
    """MW.PATH.BEST / SEC.PATH: the one that attains; else the higher exact total; a tie
    is Enterprise."""
    e, s = cards["enterprise"], cards["smb"]
    if e["attained"] != s["attained"]:
        return "enterprise" if e["attained"] else "smb"
    return "smb" if s["total"] > e["total"] else "enterprise"


def score(doc):
    """The exact card of a file, and for Modern Work and Security both paths' cards."""
    designation = doc.get("designation")
    m = month(doc.get("as_of"), "as_of")
    path_given = doc.get("path")
    if path_given is not None and path_given not in ("smb", "enterprise"):
        raise Bad(f"path: expected smb or enterprise, found {path_given!r}")
    customers, seen = [], set()
    for i, c in enumerate(doc.get("customers") or []):
        cust = Customer(c, f"customers[{i}]")
        if cust.id in seen:
            raise Bad(f"customers[{i}].id: duplicate id {cust.id!r}")
        seen.add(cust.id)
        customers.append(cust)
    holds = people_holding(doc.get("people") or [], m)
    if designation == "business-applications":
        path, points = ba_card(m, path_given, customers, holds)
        return full_card(designation, path, points), None
    scorer = mw_points if designation == "modern-work" else sec_points
    cards = {p: full_card(designation, p, scorer(p, m, customers, holds)) for p in ("enterprise", "smb")}
    chosen = path_given if path_given is not None else choose(cards)
    return cards[chosen], cards


# ---------------------------------------------------------------- shown values

def shown(x):
    """PCS.POINTS.SHOWN: truncated (never rounded) to 2 decimals; points are never negative."""
    return Fraction(floor(x * 100), 100)


def shown_text(x):
    s = shown(x)
    if s.denominator == 1:
        return str(s.numerator)
    hundredths = s.numerator * (100 // s.denominator)
    return f"{hundredths // 100}.{hundredths % 100:02d}"


def shown_card(card):
    return {
        "path": card["path"],
        "points": {k: shown_text(v) for k, v in card["points"].items()},
        "categories": {k: shown_text(v) for k, v in card["categories"].items()},
        "total": shown_text(card["total"]),
        "attained": card["attained"],
    }


def card_yaml(card):
    c = shown_card(card)
    lines = [f"path: {c['path']}", "points:"]
    lines += [f"  {k}: {v}" for k, v in c["points"].items()]
    lines.append("categories:")
    lines += [f"  {k}: {v}" for k, v in c["categories"].items()]
    lines += [f"total: {c['total']}", f"attained: {str(c['attained']).lower()}"]
    return "\n".join(lines)


NUMBER = "\u0000num:"


def card_json(f, doc, card, paths, edition):
    def numbers(c):
        s = shown_card(c)
        for group in ("points", "categories"):
            s[group] = {k: NUMBER + v for k, v in s[group].items()}
        s["total"] = NUMBER + s["total"]
        return s

    out = numbers(card)
    out.update({"designation": doc.get("designation"), "as_of": str(doc.get("as_of")),
                "edition": edition, "file": str(f)})
    if paths is not None:
        out["paths"] = {p: numbers(c) for p, c in paths.items()}
    text = json.dumps(out, separators=(",", ":"))
    # PCS.POINTS.SHOWN: JSON writes the shown text as a number
    return re.sub(r'"\\u0000num:([0-9.]+)"', r"\1", text)


# ---------------------------------------------------------------- comparing

def expected_value(text, where):
    """PCS.EXPECTED.DECIMALS: up to 2 decimals; a third is a bad value."""
    if isinstance(text, bool) or not re.fullmatch(r"\d+(\.\d{1,2})?", str(text)):
        raise Bad(f"expected.{where}: expected a number with at most 2 decimals, found {text!r}")
    return Fraction(str(text))


def differences(expected, card):
    out = []
    if not isinstance(expected, dict):
        return ["expected: is not a mapping"]
    for k in ("path", "points", "categories", "total", "attained"):
        if k not in expected:
            out.append(f"{k}: missing from expected (card: {shown_card(card)[k]!r})")
    for k in expected:
        if k not in card:
            out.append(f"{k}: expected {expected[k]!r}, the card has no such key")
    if "path" in expected and expected["path"] != card["path"]:
        out.append(f"path: expected {expected['path']!r}, computed {card['path']!r}")
    if "attained" in expected and expected["attained"] is not card["attained"]:
        out.append(f"attained: expected {expected['attained']!r}, computed {card['attained']!r}")
    if "total" in expected and expected_value(expected["total"], "total") != shown(card["total"]):
        out.append(f"total: expected {expected['total']}, computed {shown_text(card['total'])}")
    for group in ("points", "categories"):
        if group not in expected:
            continue
        want = expected[group] or {}
        for k in list(card[group]) + [k for k in want if k not in card[group]]:
            if k not in card[group]:
                out.append(f"{group}.{k}: expected {want[k]}, the card has no such key")
            elif k not in want:
                out.append(f"{group}.{k}: missing from expected (card: {shown_text(card[group][k])})")
            elif expected_value(want[k], f"{group}.{k}") != shown(card[group][k]):
                out.append(f"{group}.{k}: expected {want[k]}, computed {shown_text(card[group][k])}")
    return out


# PCS.* ids that concern one designation only; the others apply to all three
PCS_ONLY = {"PCS.ONE.CUSTOMER": {"security"}}
PREFIX = {"business-applications": "BA.", "modern-work": "MW.", "security": "SEC."}


def page_ids(page):
    """PCS.CLAUSE.IDS: the ids of the rule tables and the ids in backticks of rule text."""
    ids = []
    for token in re.findall(r"`((?:PCS|BA|MW|SEC)(?:\.[A-Z0-9_]+)+)`", page.read_text(encoding="utf-8")):
        if token not in ids:
            ids.append(token)
    return ids


def main(argv):
    show = "--card" in argv
    as_json = "--json" in argv
    argv = [x for x in argv if x not in ("--card", "--json")]
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
    cited = {d: set() for d in DESIGNATIONS}
    names = {}
    for f in files_under(argv):
        try:
            doc = yaml.load(f.read_text(encoding="utf-8"), Loader=SourceTextLoader)
            designation = doc.get("designation", "digital-app-innovation")
            m = month(doc.get("as_of"), "as_of")
            edition = edition_of(doc, m)
            if designation not in DESIGNATIONS or edition != "2026-05":
                if not as_json:
                    print(f"skip      {f}  ({designation}, edition {edition})")
                skipped += 1
                continue
            card, paths = score(doc)
            expected = doc.get("expected")
            diffs = (None if as_json else
                     ["no expected: block"] if expected is None else differences(expected, card))
        except (Bad, KeyError, TypeError, AttributeError, yaml.YAMLError) as e:
            print(f"refused   {f}  {e}", file=sys.stderr if as_json else sys.stdout)
            bad = True
            continue
        if as_json:
            print(card_json(f, doc, card, paths, edition))
            continue
        name = doc.get("name")
        if name in names:
            print(f"duplicate {f}  name also used by {names[name]}")
            bad = True
        names[name] = f
        cited[designation].update(str(c) for c in (doc.get("clauses") or []))
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
            if paths is not None:
                for p, c in paths.items():
                    print(f"            paths.{p}: " + " ".join(
                        f"{k}={shown_text(v)}" for k, v in c["points"].items())
                        + f" total={shown_text(c['total'])} exact={c['total']}"
                        + f" attained={str(c['attained']).lower()}")
    if as_json:
        return 2 if bad else 0
    if clauses_md is not None:
        ids = page_ids(clauses_md)
        for d in DESIGNATIONS:
            own = [i for i in ids if i.startswith(PREFIX[d])
                   or (i.startswith("PCS.") and d in PCS_ONLY.get(i, {d}))]
            missing = [i for i in own if i not in cited[d]]
            print(f"{d}: {len(own) - len(missing)} of {len(own)} clauses of {clauses_md.name} cited"
                  + (f"; not cited: {', '.join(missing)}" if missing else ""))
            unknown = sorted(c for c in cited[d] if c not in own)
            if unknown:
                print(f"{d}: cited but not its clauses in {clauses_md.name}: {', '.join(unknown)}")
    print(f"{matched} matched, {differed} differed, {skipped} skipped"
          + (", some files refused" if bad else ""))
    return 2 if bad else (1 if differed else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
