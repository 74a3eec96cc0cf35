#!/usr/bin/env python3
"""Writes random partner files for Business Applications, Modern Work and Security (2026-05).

Usage:
    generate_2026_05.py [--seed S] [--count N] [--designation SLUG]... --out DIR

Writes N partner files per designation (default 200, seed 1, all three designations) to
DIR/<designation>/gen-NNNNN.yaml: partner files without `expected:`, for
compare_2026_05.sh to score with `pcscore score --format json` and with the reference
calculator. The same seed writes the same files.

The values are drawn to hit the page's boundaries often: amounts at a threshold, a cent
or a unit either side of it (USD 250 / 1,500 / 5,000 revenue; MCV 5,000 / 10,000 and
25,000 / 50,000 baselines; 600 / 750 / 12,000 security TTM), licences at 4 / 5 / 10 / 11
/ 300 / 301, active users at 15% and 40% of licences and one user either side,
attributions whose `since` is M-13, M-12, M-11 or later, the grace months of the Modern
Work certifications, certifications that expire on the last day of M or the day before,
unassociated people, both paths given or derived, and workloads or services a
designation does not read. Only the Python standard library is used.
"""

import argparse
import random
from pathlib import Path

DESIGNATIONS = ("business-applications", "modern-work", "security")
CODES = ["PAL", "DPOR", "CSP", "CPOR", "CPOR-OSA", "CPOR-REVREC", "CPOR-REVREC-PERF", "CPOR-OSU"]

BA_REVENUE = """ai-builder business-central ce-bundle commerce contact-center copilot-studio
copilot-studio-payg customer-insights customer-service fo-bundle field-service finance
human-resources intelligent-order-management mixed-reality omni-channel power-apps
power-automate power-bi power-pages power-virtual-agent project-operations sales
supply-chain non-workload-specific-fo non-workload-specific""".split()
BA_RATES = {"business-central": 1000, "contact-center": 200, "core-hr": 1000,
            "customer-engagement": 200, "customer-insights": 0.2, "finance-and-operations": 100,
            "guides": 1000, "portals": 100, "power-apps": 200, "power-automate": 200,
            "power-bi": 200, "remote-assist": 1000, "retail": 100, "talent-attract": 1000,
            "talent-onboard": 1000}
MW_LIST = """exchange-online intune m365-copilot microsoft-365-apps entra-id-p1
sharepoint-online teams teams-apps teams-frontline-workers teams-meetings teams-phone
teams-phone-calling teams-phone-enabled-users teams-rooms-devices viva-connections
viva-engage viva-goals viva-insights viva-learning viva-topics windows-365""".split()
SEC_LIST = """entra-id-p1 defender-for-office-365 defender-for-endpoint-p2
defender-for-identity purview-information-protection intune""".split()
SEC_SERVICES = ["Application Gateway", "Azure Active Directory B2C",
                "Azure Active Directory for External Identities", "Azure Bastion",
                "Azure DDoS Protection", "Azure Firewall", "Azure Firewall Manager",
                "Azure Front Door Service", "Azure IoT Security", "Key Vault",
                "Microsoft Defender for Cloud", "Microsoft Entra", "Microsoft Entra Domain Services",
                "Microsoft Entra Verified ID", "Microsoft Purview", "Microsoft Security Copilot",
                "Sentinel"]
OTHER_SERVICES = ["Virtual Machines", "Azure Monitor", "Storage", "Azure SQL Database"]

CERTS = {
    "business-applications": [
        "MB-310", "MB-500", "MB-330", "MB-230", "MB-240", "MB-800", "PL-300", "PL-200", "PL-400",
        "PL-500", "MB-280", "dynamics-365-sales-ai-consultant-associate",
        "intelligent-applications-builder-associate",
        "dynamics-365-contact-center-ai-engineer-associate", "MB-335", "MB-700", "PL-600",
        "MB-820", "agentic-ai-business-solutions-architect"],
    "modern-work": [
        "MS-900", "MS-700", "SC-300", "MS-721", "MD-102",
        "copilot-and-agent-administration-fundamentals", "MS-102",
        "teams-meetings-and-meeting-rooms-technical-assessment"],
    "security": [
        "AZ-500", "cloud-and-ai-security-engineer-associate", "SC-200", "SC-100", "SC-300",
        "SC-400", "SC-401"],
}
OTHER_CERTS = ["AZ-104", "AZ-305", "AZ-204", "DP-600"]
# M: ordinary months and the Modern Work grace months either side of their bounds.
AS_OF = ["2026-05", "2026-10", "2027-01", "2027-03", "2027-04", "2027-06", "2027-07",
         "2027-11", "2027-12"]


def month_index(text):
    y, m = text.split("-")
    return int(y) * 12 + int(m) - 1


def month_text(i):
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def money(cents):
    cents = max(cents, 0)
    return f"{cents // 100}" if cents % 100 == 0 else f"{cents // 100}.{cents % 100:02d}"


class Gen:
    def __init__(self, rng, m):
        self.r = rng
        self.m = m

    def near(self, thresholds, spread, cents=True):
        """An amount at a threshold or just either side of it, or anywhere below 2x the top."""
        r = self.r
        if r.random() < 0.7:
            t = r.choice(thresholds) * 100
            d = r.choice([0, 0, 1, -1, 100, -100, r.randint(-spread * 100, spread * 100)])
            v = t + d
        else:
            v = r.randint(0, int(max(thresholds) * 200))
        if not cents:
            v -= v % 100
        return money(v)

    def attribution(self, pool=CODES):
        r = self.r
        out = []
        for code in r.sample(pool, r.choice([0, 1, 1, 1, 2, 2, 3])):
            if r.random() < 0.3:
                since = self.m + r.choice([-13, -12, -12, -11, -11, -6, -1, 0, 1])
                out.append(f"{{type: {code}, since: {month_text(since)}}}")
            else:
                out.append(code)
        return "[" + ", ".join(out) + "]"

    def months(self, value, extra=()):
        """A month map with M, M-12 and maybe other months."""
        ms = {self.m: value(), self.m - 12: value()}
        for x in extra:
            ms[x] = value()
        if self.r.random() < 0.3:
            ms[self.m + self.r.choice([-11, -6, -1, -13, -23])] = value()
        return "{" + ", ".join(f"{month_text(k)}: {v}" for k, v in sorted(ms.items()) if v != "0") + "}"

    def people(self, designation):
        r = self.r
        last = self.m  # the last day of M is compared with dates around it
        y, mo = last // 12, last % 12 + 1
        import calendar
        end = calendar.monthrange(y, mo)[1]
        out = []
        for i in range(r.choice([0, 1, 2, 3, 4, 5, 6, 8, 10])):
            certs = []
            for cert in r.sample(CERTS[designation] + OTHER_CERTS, r.choice([1, 1, 2, 3])):
                earned = r.choice([f"{y - 1:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{end:02d}",
                                   f"{y - 2:04d}-01-15", f"{y + (mo == 12):04d}-{mo % 12 + 1:02d}-01"])
                e = f"{{cert: {cert}, earned: {earned}"
                expiries = [x for x in (f"{y:04d}-{mo:02d}-{end:02d}", f"{y:04d}-{mo:02d}-{end - 1:02d}",
                                        f"{y + 1:04d}-{mo:02d}-01") if x >= earned]
                if expiries and r.random() < 0.3:
                    e += ", expires: " + r.choice(expiries)
                certs.append(e + "}")
            assoc = ", associated: false" if r.random() < 0.1 else ""
            out.append(f"  - {{id: p{i}{assoc}, certifications: [{', '.join(certs)}]}}")
        return out


def ba_customer(g, i):
    r = g.r
    lines = [f"  - id: c{i}", f"    attribution: {g.attribution()}", "    workloads:"]
    slugs = r.sample(BA_REVENUE + list(BA_RATES) + ["teams", "intune"], r.choice([1, 1, 2, 3, 4]))
    for slug in dict.fromkeys(slugs):
        w = f"      - {{workload: {slug}"
        if r.random() < 0.25:
            w += f", attribution: {g.attribution()}"
        if r.random() < 0.7:
            w += ", revenue: " + g.months(lambda: g.near([250, 1500, 5000], 60))
        if slug in BA_RATES and r.random() < 0.8:
            rate = BA_RATES[slug]

            def usage():
                target = r.choice([5000, 10000, 25000, 50000, 12500, 3000])
                units = target / rate
                d = r.choice([0, 0, 0.001, -0.001, 1, -1, r.uniform(-units / 3, units / 3)])
                return f"{max(units + d, 0):.3f}".rstrip("0").rstrip(".") or "0"
            w += ", usage: " + g.months(usage)
        if slug in ("teams", "intune"):
            w += ", paid_licences: " + g.months(lambda: str(r.randint(0, 500)))
        lines.append(w + "}")
    return lines


def mw_like_customer(g, i, slugs, share_points, extra_slugs):
    r = g.r
    lines = [f"  - id: t{i}", f"    attribution: {g.attribution()}", "    workloads:"]
    since_month = g.m + r.choice([-11, -6, -3, -1, 0])
    for slug in dict.fromkeys(r.sample(slugs + extra_slugs, r.choice([1, 1, 2, 3]))):
        paid = {}
        users = {}
        for x in (g.m, g.m - 12, since_month):
            n = max(r.choice([4, 5, 10, 11, 300, 301, r.randint(0, 600), r.randint(0, 60)])
                    + r.choice([0, 0, 0, 1, -1]), 0)
            if r.random() < 0.15:
                n = 0
            paid[x] = n
            share = r.choice(share_points)
            u = n * share // 100 + r.choice([0, 0, 1, -1, r.randint(-n // 4 - 1, n // 4 + 1)])
            users[x] = max(u, 0)
        w = f"      - {{workload: {slug}"
        for field, d in (("paid_licences", paid), ("active_users", users)):
            kept = [f"{month_text(k)}: {v}" for k, v in sorted(d.items()) if v]
            if kept:  # an empty map is left out, as analysts would
                w += f", {field}: {{{', '.join(kept)}}}"
        lines.append(w + "}")
    return lines


def sec_customer(g, i):
    r = g.r
    lines = mw_like_customer(g, i, SEC_LIST, [15, 15, 40, 5, 100], ["teams", "business-central"])
    if r.random() < 0.6:
        lines.insert(2, "    acr_by_service:")
        names = r.sample(SEC_SERVICES, r.choice([1, 1, 2])) + r.sample(OTHER_SERVICES, r.choice([0, 0, 1]))
        if r.random() < 0.2:
            names.append(" " + names[0].lower() + " ")  # another spelling, summed
        at = 3
        for name in dict.fromkeys(names):
            months = {}
            for base in (g.m, g.m - 12):  # TTM(M) and TTM(M-12) never share a month
                target = r.choice([600, 750, 12000, 1250 * r.randint(1, 12),
                                   750 * r.randint(1, 20), 300]) * 100
                target += r.choice([0, 0, 1, -1, 100, -100])
                spread = sorted(r.sample(range(base - 11, base + 1), r.choice([1, 2, 3, 12])))
                each = target // len(spread)
                for x in spread:
                    months[x] = each
                months[spread[-1]] += target - each * len(spread)
                if r.random() < 0.2:
                    months[base - 12 - r.randint(0, 3)] = 5000  # outside both windows
            text = "{" + ", ".join(f"{month_text(k)}: {money(v)}" for k, v in sorted(months.items()) if v > 0) + "}"
            lines.insert(at, f'      "{name}": {text}')
            at += 1
    if r.random() < 0.1:
        lines.insert(2, f"    acr: {{{month_text(g.m)}: {r.randint(0, 9000)}}}")
    return lines


def partner(designation, rng):
    m_text = rng.choice(AS_OF)
    g = Gen(rng, month_index(m_text))
    out = [f"designation: {designation}", f"as_of: {m_text}"]
    path = rng.choice([None, None, None, "smb", "enterprise"])
    if path:
        out.append(f"path: {path}")
    n = rng.choice([0, 1, 2, 3, 5, 8, 12, 15])
    if n:
        out.append("customers:")
    for i in range(n):
        if designation == "business-applications":
            out += ba_customer(g, i)
        elif designation == "modern-work":
            out += mw_like_customer(g, i, MW_LIST, [40, 40, 39, 41, 10, 100],
                                    ["teams-premium", "defender-for-identity"])
        else:
            out += sec_customer(g, i)
    people = g.people(designation)
    if people:
        out.append("people:")
        out += people
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--designation", action="append", choices=DESIGNATIONS)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    for d in a.designation or DESIGNATIONS:
        rng = random.Random(f"{a.seed}:{d}")
        folder = Path(a.out) / d
        folder.mkdir(parents=True, exist_ok=True)
        for k in range(a.count):
            (folder / f"gen-{k + 1:05d}.yaml").write_text(partner(d, rng), encoding="utf-8")
    print(f"wrote {a.count} files per designation to {a.out}")


if __name__ == "__main__":
    main()
