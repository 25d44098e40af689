"""End to end: `list`, `stats`, `due` and `export` equal a reference computed here from the
case files, on the example store, on a generated store of 10,000 cases and on a small store
made by hand down the paths the other two do not take.

The reference is a small independent implementation: it reads the store's YAML files
(mediate.yaml, areas/, orgs/, cases/) with PyYAML and schemas/vocab.yaml, replays each
case's timeline as docs/lifecycle.md describes it, and derives every column from the
meanings given in docs/export.md, docs/stats.md, docs/lifecycle.md and docs/law.md (the
30-day time limit, extensions, the store's time zone). `mediate` is only the program under
test: no expected value is computed by it or copied from its output. Output is compared
field by field in the machine-readable formats (CSV and JSON/JSONL).

The stores:
- the example store: the Wanbailin set-up with the 2026 first-quarter and the 2022 ledgers
  imported and every case routed (as scripts/compare-output makes it);
- `bench/generate --cases 10000 --end 2026-12-06 --seed 1` in a temporary directory, made
  once per run (about 15 s on 2 cores), so the test is deterministic;
- nine cases made by hand (HAND_STEPS): withdrawn, refused, court-entrusted with a
  materials date, a performance deadline, a visit's finding, no visit, and so on.
"Now" is pinned at NOW (MEDIATE_NOW) for every reading command.

Columns not compared: `due`'s kind_label and state (their wording is documented nowhere;
kind and days_left carry the same facts). Every column of `list` and of the export
schema (docs/export.md, mediate-export/2, its documented types: lists as JSON arrays,
amount_fen as an integer) is compared.
"""

import collections
import csv
import datetime
import glob
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import unittest
import zoneinfo

import yaml

from mediate_support import EXAMPLE_SETUP, LEDGERS, MEDIATE, SOURCE, run

NOW = "2026-12-06T10:00:00+08:00"
GENERATE = ["--cases", "10000", "--end", "2026-12-06", "--seed", "1"]
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# docs/lifecycle.md: statuses in which the case file is still open, and in which
# mediation is still pending (caseloads, `overdue`, the conclude deadline of `due`).
CLOSED_FILE = ("closed", "withdrawn", "refused")
PENDING = ("received", "routed", "mediating")
OUTCOMES = ("agreed", "terminated", "withdrawn", "refused")

# Event payload keys the reference understands, by event type: those these stores hold
# (docs/lifecycle.md; a note, a reason or a signature changes no column). A timeline with
# any other event or key (a routing rule's deadline_days, an agreement in instalments, …)
# fails the test, so the reference never silently ignores input: teach it the key first.
KNOWN_EVENT_KEYS = {
    "received": {"channel", "date"},
    "routed": {"org", "level", "rule", "grid_worker", "mediator_grade", "date"},
    "assigned": {"mediators", "chosen_by", "by_rule", "materials_received", "date"},
    "escalated": {"org", "level", "from_level", "from_org", "reason", "rule", "date"},
    "extended": {"deadline", "previous", "consent", "reason", "date"},
    "agreed": {"form", "effective", "performance_deadline", "facts", "terms", "manner",
               "place", "signed_by", "mediator_signed", "sealed", "date"},
    "terminated": {"reason", "guidance", "date"},
    "withdrawn": {"reason", "date"},
    "refused": {"reason", "go_to", "date"},
    "confirmation": {"result", "applied", "decided", "court", "date"},
    "performance": {"performance", "date"},
    "visited": {"note", "visitor", "method", "performance", "satisfaction", "renewed_risk",
                "lawsuit", "date"},
    "visit_waived": {"reason", "date"},
    "closed": {"date", "retention"},  # retention: close --retention or the store setting
}
# docs/law.md "Time limits": the conclude limit in days by source (and, for a
# court-entrusted case, by procedure), counted from the date received or, for a
# court-invited case, from the day the mediator signed for the materials (SPC 2016).
COURT_SOURCES = ("court_delegated", "court_entrusted")


def local_date(rfc3339, tz):
    """The local date in `tz` of an RFC 3339 time with offset."""
    return datetime.datetime.fromisoformat(rfc3339).astimezone(tz).date()


def yuan_to_fen(text):
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def fen_text(fen):
    return "%d.%02d" % divmod(fen, 100)


def mask_id(s):
    """docs/export.md: `110105********002X` (6 shown, 8 masked, 4 shown)."""
    return s[:6] + "*" * (len(s) - 10) + s[-4:]


def mask_credit(s):
    """docs/export.md: `91110105*******012` (8 shown, 7 masked, 3 shown)."""
    return s[:8] + "*" * (len(s) - 11) + s[-3:]


def mask_phone(s):
    """docs/export.md: `138****5678` (a mobile number: 3 shown, 4 masked, 4 shown)."""
    assert re.fullmatch(r"1\d{10}", s), f"the reference masks mobile numbers only: {s}"
    return s[:3] + "****" + s[-4:]


def party_key(p):
    """docs/export.md `parties`: ID number or credit code, else `name|phone`, masked; a `;`
    inside an item is written as `；`."""
    if p.get("id_number"):
        key = mask_id(p["id_number"])
    elif p.get("credit_code"):
        key = mask_credit(p["credit_code"])
    else:
        key = p["name"] + "|" + (mask_phone(p["phone"]) if p.get("phone") else "")
    return key.replace(";", "；")


def doc_fields():
    """The export's fields in order with their types, from the table of docs/export.md."""
    with open(os.path.join(SOURCE, "docs", "export.md"), encoding="utf-8") as f:
        text = f.read()
    table = text.split("| field | type | meaning |", 1)[1].split("\n\n", 1)[0]
    return [(m.group(1), m.group(2).strip())
            for m in re.finditer(r"^\| `([a-z_]+)` \| ([^|]+) \|", table, re.M)]


class Store:
    """The reference's view of one store, read from its files."""

    def __init__(self, path, now):
        def load(p):
            with open(p, encoding="utf-8") as f:
                return yaml.load(f, Loader=Loader)

        self.settings = load(os.path.join(path, "mediate.yaml"))
        self.tz = zoneinfo.ZoneInfo(self.settings["time_zone"])
        self.today = local_date(now, self.tz)
        self.limits = self.settings.get("time_limits", {})
        vocab = load(os.path.join(SOURCE, "schemas", "vocab.yaml"))
        for name, extra in (self.settings.get("vocab") or {}).items():
            vocab[name] = vocab.get(name, []) + extra
        self.vocab = vocab
        self.labels = {name: {v["code"]: v["zh"] for v in items} for name, items in vocab.items()}
        self.order = {name: {v["code"]: i for i, v in enumerate(items)}
                      for name, items in vocab.items()}
        self.source_group = {v["code"]: v["group"] for v in vocab["source"]}
        self.streets, self.communities = {}, {}
        for p in glob.glob(os.path.join(path, "areas", "*.yaml")):
            a = load(p)
            self.streets[a["code"]] = a["name"]
            for c in a.get("communities", []):
                # The label shown is the community's short name when it has one
                # (公园路社区 for 公园路社区居委会).
                self.communities[c["code"]] = c.get("short_name") or c["name"]
        self.orgs = {}
        for p in glob.glob(os.path.join(path, "orgs", "*.yaml")):
            o = load(p)
            self.orgs[o["id"]] = o
        self.cases = {}
        for p in glob.glob(os.path.join(path, "cases", "*", "*", "*.yaml")):
            c = self.derive(load(p))
            self.cases[c["id"]] = c
        self.ids = sorted(self.cases)

    def event_date(self, e):
        """docs/lifecycle.md: an event's date is its payload `date`, else the local date of
        `at`."""
        if e.get("date"):
            return datetime.date.fromisoformat(e["date"])
        return local_date(e["at"], self.tz)

    def conclude_days(self, case):
        """docs/law.md "Time limits": MoJ 2002 Provisions Art. 33 (30 days); SPC 2016
        (court-delegated 30, court-entrusted 15 ordinary or 7 summary procedure)."""
        source = case["source"]
        if source == "court_delegated":
            return self.limits.get("court_delegated_days", 30)
        if source == "court_entrusted":
            procedure = case.get("procedure")
            assert procedure in ("court_ordinary", "court_summary"), \
                f"{case['id']}: court-entrusted without a procedure is not in the reference"
            if procedure == "court_summary":
                return self.limits.get("court_entrusted_summary_days", 7)
            return self.limits.get("court_entrusted_ordinary_days", 15)
        return self.limits.get("conclude_days", 30)

    def derive(self, c):
        """The case `c` (a parsed case file) with every column of the reference: the state
        replayed from the timeline, dates local to the store's time zone."""
        cid = c["id"]
        received = local_date(c["received"], self.tz)
        status = level = org = outcome = None
        mediators = []
        deadline = received + datetime.timedelta(days=self.conclude_days(c))
        concluded = effective = form = performance = confirmation = applied = None
        visited = closed = performance_deadline = None
        escalations = 0
        extended = waived = False
        for e in c["events"]:
            t = e["type"]
            unknown = set(e) - {"at", "type", "by"} - KNOWN_EVENT_KEYS.get(t, set())
            assert t in KNOWN_EVENT_KEYS and not unknown, \
                f"{cid}: event {t} {sorted(unknown)} not in the reference"
            d = self.event_date(e)
            if t == "received":
                status = "received"
            elif t in ("routed", "escalated"):
                # Routed or escalated to an organisation at a level; the mediators are
                # assigned anew; a named grid worker starts mediation at once.
                org, level = e["org"], e["level"]
                mediators = []
                status = "mediating" if e.get("grid_worker") else "routed"
                escalations += t == "escalated"
            elif t == "assigned":
                if e.get("mediators"):
                    mediators = list(e["mediators"])
                    status = "mediating"
                if e.get("materials_received") and c["source"] in COURT_SOURCES:
                    deadline = (datetime.date.fromisoformat(e["materials_received"])
                                + datetime.timedelta(days=self.conclude_days(c)))
            elif t == "extended":
                deadline = datetime.date.fromisoformat(e["deadline"])
                extended = True
            elif t in OUTCOMES:
                status = outcome = t
                if t in ("agreed", "terminated"):
                    concluded = d
                if t == "agreed":
                    # Law Art. 29-30: the day it took effect, else the day it was made.
                    effective = (datetime.date.fromisoformat(e["effective"])
                                 if e.get("effective") else d)
                    form = e.get("form")
                    if e.get("performance_deadline"):
                        performance_deadline = datetime.date.fromisoformat(
                            e["performance_deadline"])
            elif t == "confirmation":
                confirmation = e.get("result")
                if applied is None:
                    applied = (datetime.date.fromisoformat(e["applied"]) if e.get("applied")
                               else d)
            elif t == "performance":
                performance = e["performance"]
            elif t == "visited":
                # A return visit's performance finding counts as performance recorded.
                performance = e.get("performance") or performance
                visited = visited or d
            elif t == "visit_waived":
                waived = True
            elif t == "closed":
                status, closed = "closed", d
        place = c.get("place") or {}
        amount = yuan_to_fen(c["amount"]) if c.get("amount") else None
        o = self.orgs.get(org) if org else None
        return {
            "id": cid, "file_no": c.get("file_no") or "", "received": received,
            "year": received.year, "month": received.strftime("%Y-%m"),
            "source": c["source"], "source_group": self.source_group[c["source"]],
            "category": c["category"], "risk": c.get("risk") or "", "status": status,
            "open": status not in CLOSED_FILE,
            "overdue": status in PENDING and deadline < self.today,
            "level": level or "", "outcome": outcome or "",
            "street": place.get("street") or "", "community": place.get("community") or "",
            "grid": place.get("grid") or "", "org": org or "",
            "org_label": o["name"] if o else "", "org_kind": o["kind"] if o else "",
            "mediators": mediators, "amount": amount,
            # docs/export.md gives int columns no empty value (only money, dates and
            # days_to_conclude have one): a case file without people_involved is read as 0.
            "people_involved": c.get("people_involved", 0), "deadline": deadline,
            "concluded": concluded,
            "days_to_conclude": (concluded - received).days if concluded else None,
            "over_limit": bool(concluded and concluded > deadline),
            "agreement_form": form or "", "agreement_effective": effective,
            "performance": performance or "", "confirmation": confirmation or "",
            "confirmation_applied": applied, "visited": visited, "closed": closed,
            "escalations": escalations, "extended": extended, "waived": waived,
            "performance_deadline": performance_deadline,
            "migrated": bool(c.get("migrated")),
            "party_kinds": [p["kind"] for p in c["parties"]],
            "parties": [party_key(p) for p in c["parties"]],
            "summary": c["summary"],
            # kept for the tests of the state fields
            "_stored": {k: c.get(k) for k in ("status", "level", "org", "mediators",
                                              "deadline")},
        }

    def label(self, vocab, code):
        return self.labels[vocab][code] if code else ""

    def column(self, case, field):
        """The value of export field `field` of `case` (Python types: date, int, bool,
        list, str, None)."""
        labels = {"source_label": ("source", "source"), "category_label": ("category", "category"),
                  "status_label": ("status", "status"), "level_label": ("level", "level"),
                  "outcome_label": ("outcome", "outcome")}
        if field == "schema":
            return "mediate-export/2"
        if field in labels:
            vocab, code = labels[field]
            return self.label(vocab, case[code])
        if field == "street_label":
            return self.streets.get(case["street"], "")
        if field == "community_label":
            return self.communities.get(case["community"], "")
        if field == "amount":
            return None if case["amount"] is None else fen_text(case["amount"])
        if field == "amount_fen":
            return case["amount"]
        return case[field]

    def select(self, terms=(), year=None):
        """The ids a filter selects, in id order: `category:X`, `open`; `year` the year
        received (store time zone)."""
        out = []
        for cid in self.ids:
            c = self.cases[cid]
            if year is not None and c["year"] != year:
                continue
            ok = True
            for t in terms:
                if t == "open":
                    ok = ok and c["open"]
                elif t.startswith("category:"):
                    ok = ok and c["category"] in t.split(":", 1)[1].split(",")
                else:
                    raise ValueError(t)
            if ok:
                out.append(cid)
        return out


def csv_cell(value, kind):
    """docs/export.md's CSV conventions for a value of the reference."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(value)
    value = str(value)
    if kind in ("text", "code") and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def json_value(value, kind):
    """docs/export.md's JSON/JSONL conventions for a value of the reference."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None and kind in ("text", "code"):
        return ""
    return value


def mediate(store, *args, check=0):
    return run(["-C", store] + list(args), check=check, env={"MEDIATE_NOW": NOW}).stdout


class ReferenceMixin:
    """The comparisons, run on the store `cls.path` and its reference `cls.ref`
    (made by each class's setUpClass in the temporary directory `cls.tmp`)."""

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def m(self, *args):
        return mediate(self.path, *args)

    def csv(self, *args):
        return list(csv.DictReader(io.StringIO(self.m(*args, "--format", "csv"))))

    def assertRowsEqual(self, got, want, what):
        """Field by field, naming the first differences."""
        self.assertEqual([r.get("id") for r in got], [r.get("id") for r in want],
                         f"{what}: the rows (ids) differ")
        bad = []
        for g, w in zip(got, want):
            for k in w:
                if g.get(k, "<missing>") != w[k]:
                    bad.append(f"{w.get('id')} {k}: mediate {g.get(k, '<missing>')!r}, "
                               f"reference {w[k]!r}")
        self.assertEqual(bad[:20], [], f"{what}: {len(bad)} fields differ")

    # --- the timeline replay agrees with the state fields the files store -------------

    def test_state_fields_are_the_replay(self):
        bad = []
        for cid in self.ref.ids:
            c = self.ref.cases[cid]
            s = c["_stored"]
            mine = {"status": c["status"], "level": c["level"] or None, "org": c["org"] or None,
                    "mediators": c["mediators"], "deadline": c["deadline"].isoformat()}
            stored = dict(s, mediators=s["mediators"] or [])
            if mine != stored:
                bad.append(f"{cid}: replay {mine}, file {stored}")
        self.assertEqual(bad[:10], [], f"{len(bad)} cases")

    # --- list ----------------------------------------------------------------------------

    LIST_FIELDS = ("id", "received", "category", "category_label", "source", "risk", "status",
                   "level", "org", "org_label", "street", "street_label", "community",
                   "community_label", "amount", "deadline", "summary")

    def list_want(self, ids, fmt):
        out = []
        for cid in ids:
            c = self.ref.cases[cid]
            row = {}
            for f in self.LIST_FIELDS:
                v = self.ref.column(c, f)
                row[f] = csv_cell(v, "text") if fmt == "csv" else json_value(v, "text")
            out.append(row)
        return out

    def check_list(self, terms=(), year=None):
        args = list(terms) + (["--year", str(year)] if year else [])
        want_ids = self.ref.select(terms, year)
        self.assertTrue(want_ids, f"list {args}: the reference selects no case")
        got = self.csv("list", *args)
        self.assertEqual(list(got[0]) if got else [], list(self.LIST_FIELDS))
        self.assertRowsEqual(got, self.list_want(want_ids, "csv"), f"list {args} --format csv")
        got = json.loads(self.m("list", *args, "--format", "json"))
        # JSON: amount a string of yuan or null, other empty text "".
        want = self.list_want(want_ids, "json")
        for w in want:
            w["amount"] = self.ref.column(self.ref.cases[w["id"]], "amount")
        self.assertRowsEqual(got, want, f"list {args} --format json")

    def test_list_all(self):
        self.check_list()

    def test_list_category(self):
        self.check_list(["category:labour"])

    def test_list_open(self):
        self.check_list(["open"])

    def test_list_year(self):
        self.check_list(year=self.YEAR)

    def test_list_category_open_year(self):
        self.check_list(["category:neighbour,marriage_family", "open"], year=self.YEAR)

    # --- stats ---------------------------------------------------------------------------

    # docs/stats.md "Measures": which date decides, and what each counts.
    BY_RECEIVED = ("cases", "open", "overdue", "this_month", "amount", "escalated",
                   "application", "initiative", "referral")
    BY_CONCLUDED = ("concluded", "agreed", "terminated", "success_rate", "written", "oral",
                    "confirmations", "median_days", "mean_days", "over_limit", "visit_rate")
    MEASURES = BY_RECEIVED + BY_CONCLUDED

    def stats_want(self, dims, measures, year=None):
        """Rows of `stats --by dims --measure measures [--year]` as dicts of numbers: one row
        per dimension value (vocabulary order, then month) that has a case received in the
        period or, when a measure counts by the date concluded, concluded in it; then the
        totals row."""
        received = collections.defaultdict(list)
        concluded = collections.defaultdict(list)
        def key(c):
            return tuple(c[d] for d in dims)
        by_concluded = any(m in self.BY_CONCLUDED for m in measures)
        for cid in self.ref.ids:
            c = self.ref.cases[cid]
            if year is None or c["year"] == year:
                received[key(c)].append(c)
            if by_concluded and c["concluded"] and (year is None or c["concluded"].year == year):
                concluded[key(c)].append(c)

        def measure(m, rec, con):
            agreed = [c for c in con if c["outcome"] == "agreed"]
            days = [c["days_to_conclude"] for c in con]
            if m == "cases":
                return len(rec)
            if m == "open":
                return sum(c["open"] for c in rec)
            if m == "overdue":
                return sum(c["overdue"] for c in rec)
            if m == "this_month":
                return sum(c["received"].strftime("%Y-%m") == self.ref.today.strftime("%Y-%m")
                           for c in rec)
            if m == "amount":
                return fen_text(sum(c["amount"] or 0 for c in rec))
            if m == "escalated":
                return sum(c["escalations"] > 0 for c in rec)
            if m in ("application", "initiative", "referral"):
                return sum(c["source_group"] == m for c in rec)
            if m == "concluded":
                return len(con)
            if m in ("agreed", "terminated"):
                return sum(c["outcome"] == m for c in con)
            if m == "success_rate":
                return len(agreed) / len(con) if con else None
            if m in ("written", "oral"):
                return sum(c["agreement_form"] == m for c in agreed)
            if m == "confirmations":
                return sum(c["confirmation_applied"] is not None for c in agreed)
            if m == "median_days":
                return float(statistics.median(days)) if days else None
            if m == "mean_days":
                return sum(days) / len(days) if days else None
            if m == "over_limit":
                return sum(c["over_limit"] for c in con)
            if m == "visit_rate":
                visits = sum(c["visited"] is not None for c in agreed)
                return visits / len(agreed) if agreed else None
            raise ValueError(m)

        def sort_key(k):
            return tuple(self.ref.order[d][v] if d in self.ref.order else v
                         for d, v in zip(dims, k))
        rows = []
        for k in sorted(set(received) | set(concluded), key=sort_key):
            row = {d: v for d, v in zip(dims, k)}
            for d in dims:
                if d in self.ref.labels:
                    row[d + "_label"] = self.ref.labels[d][row[d]]
            for m in measures:
                row[m] = measure(m, received[k], concluded[k])
            rows.append(row)
        # The totals row: "total" in the first dimension, no label or other dimension.
        total = {d: None for d in rows[0] if d not in measures}
        total[dims[0]] = "total"
        rec = [c for cs in received.values() for c in cs]
        con = [c for cs in concluded.values() for c in cs]
        for m in measures:
            total[m] = measure(m, rec, con)
        rows.append(total)
        return rows

    def assertStatsEqual(self, got, want, dims, what):
        """Counts exactly; amounts as yuan text; rates to the 4 decimals and days to the 1
        decimal `stats` prints (half a unit of the last place)."""
        def keys(rows):
            return [tuple(r.get(d) for d in dims) for r in rows]
        self.assertEqual(keys(got), keys(want), f"{what}: the rows differ")
        bad = []
        for g, w in zip(got, want):
            for k, v in w.items():
                gv = g.get(k, "<missing>")
                if isinstance(v, float):
                    tol = 0.05 if k.endswith("_days") else 0.00005
                    ok = gv is not None and gv != "" and abs(float(gv) - v) <= tol + 1e-9
                elif isinstance(v, int) and not isinstance(v, bool):
                    ok = gv != "" and gv is not None and int(gv) == v
                elif v is None:
                    ok = gv in (None, "")
                else:
                    ok = gv == v
                if not ok:
                    bad.append(f"{tuple(w.get(d) for d in dims)} {k}: mediate {gv!r}, "
                               f"reference {v!r}")
        self.assertEqual(bad[:20], [], f"{what}: {len(bad)} values differ")

    def check_stats(self, by, measures=None, year=None):
        args = ["stats", "--by", ",".join(by)]
        if measures:
            args += ["--measure", ",".join(measures)]
        if year:
            args += ["--year", str(year)]
        want = self.stats_want(by, measures or ("cases",), year)
        got = self.csv(*args)
        want_csv = [{k: "" if v is None else v for k, v in w.items()} for w in want]
        self.assertStatsEqual(got, want_csv, by, " ".join(args) + " --format csv")
        got = json.loads(self.m(*args, "--format", "json"))
        self.assertStatsEqual(got, want, by, " ".join(args) + " --format json")

    def test_stats_by_category(self):
        self.check_stats(["category"])

    def test_stats_by_category_month(self):
        self.check_stats(["category", "month"])

    def test_stats_by_category_in_a_year(self):
        self.check_stats(["category"], year=self.YEAR)

    def test_stats_by_category_every_measure(self):
        self.check_stats(["category"], self.MEASURES)

    def test_stats_by_category_month_every_measure_in_a_year(self):
        self.check_stats(["category", "month"], self.MEASURES, year=self.YEAR)

    # --- due -----------------------------------------------------------------------------

    def due_want(self, within_days):
        """docs/lifecycle.md "Deadlines": what falls due within `within_days` of today, and
        everything overdue, by kind (conclude, confirmation, visit), then date, then id."""
        today = self.ref.today
        horizon = today + datetime.timedelta(days=within_days)
        rows = []
        kinds = ("conclude", "confirmation", "visit")
        for cid in self.ref.ids:
            c = self.ref.cases[cid]
            # conclude: a pending case by its conclude-by date (after extensions).
            if c["status"] in PENDING and c["deadline"] <= horizon:
                rows.append(("conclude", c["deadline"], c))
            # confirmation: the agreement's effective date + 30 days (Law Art. 33), listed
            # while the window is open, on an agreed case with none applied for.
            if c["status"] == "agreed" and c["confirmation_applied"] is None:
                due = c["agreement_effective"] + datetime.timedelta(
                    days=self.ref.limits.get("confirmation_days", 30))
                if today <= due <= horizon:
                    rows.append(("confirmation", due, c))
            # visit: due from the day after the performance deadline (the day after the
            # agreement took effect when it set none) until a visit or a reason for none
            # is recorded.
            if c["status"] == "agreed" and c["visited"] is None and not c["waived"]:
                due = ((c["performance_deadline"] or c["agreement_effective"])
                       + datetime.timedelta(days=1))
                if due <= horizon:
                    rows.append(("visit", due, c))
        rows.sort(key=lambda r: (kinds.index(r[0]), r[1], r[2]["id"]))
        return [{"kind": k, "id": c["id"], "category": c["category"],
                 "category_label": self.ref.labels["category"][c["category"]],
                 "org": c["org"], "status": c["status"], "due": d.isoformat(),
                 "days_left": (d - today).days} for k, d, c in rows]

    def check_due(self, within=None, days=7):
        args = ["due"] + (["--within", within] if within else [])
        want = self.due_want(days)
        self.assertTrue(want, f"{args}: the reference lists nothing")
        # kind_label and state (the words of days_left) are left out: their wording is not
        # documented; days_left carries the number.
        got = self.csv(*args)
        self.assertRowsEqual(got, [dict(w, days_left=str(w["days_left"])) for w in want],
                             " ".join(args) + " --format csv")
        got = json.loads(self.m(*args, "--format", "json"))
        self.assertRowsEqual(got, want, " ".join(args) + " --format json")

    def test_due_default_week(self):
        self.check_due()

    def test_due_within_30_days(self):
        self.check_due("30d", 30)

    # --- export --------------------------------------------------------------------------

    def export_want(self, fmt, ids=None):
        fields = doc_fields()
        out = []
        for cid in self.ref.ids if ids is None else ids:
            c = self.ref.cases[cid]
            row = {}
            for name, kind in fields:
                v = self.ref.column(c, name)
                row[name] = csv_cell(v, kind) if fmt == "csv" else json_value(v, kind)
            out.append(row)
        return out

    def test_export_csv(self):
        text = self.m("export", "--format", "csv")
        got = list(csv.DictReader(io.StringIO(text)))
        self.assertEqual(text.split("\n", 1)[0].rstrip("\r").split(","),
                         [n for n, _ in doc_fields()])
        self.assertRowsEqual(got, self.export_want("csv"), "export --format csv")

    def test_export_jsonl(self):
        got = [json.loads(line) for line in self.m("export", "--format", "jsonl").splitlines()]
        want = self.export_want("jsonl")
        self.assertEqual([list(g) for g in got[:1]], [[n for n, _ in doc_fields()]])
        self.assertRowsEqual(got, want, "export --format jsonl")

    def test_export_filtered(self):
        # A filter and a period select as in `list`: cases received in the year.
        terms, args = ["category:labour,contract", "open"], ["--year", str(self.YEAR)]
        ids = self.ref.select(terms, self.YEAR)
        self.assertTrue(ids)
        got = list(csv.DictReader(io.StringIO(self.m("export", *terms, *args,
                                                     "--format", "csv"))))
        self.assertRowsEqual(got, self.export_want("csv", ids), "export (filtered) csv")
        got = [json.loads(line) for line in self.m("export", *terms, *args,
                                                   "--format", "jsonl").splitlines()]
        self.assertRowsEqual(got, self.export_want("jsonl", ids), "export (filtered) jsonl")


class ExampleStoreTest(ReferenceMixin, unittest.TestCase):
    """The example store: both bundled ledgers imported, every case routed."""

    YEAR = 2022

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-reference-")
        cls.path = os.path.join(cls.tmp, "example")
        run(["init", cls.path, "--from", EXAMPLE_SETUP], check=0)
        for args in (["import", os.path.join(LEDGERS, "ledger-2026q1.csv")],
                     ["import", os.path.join(LEDGERS, "ledger-2022.csv")], ["route"]):
            mediate(cls.path, *args)
        cls.ref = Store(cls.path, NOW)


class GeneratedStoreTest(ReferenceMixin, unittest.TestCase):
    """10,000 cases from bench/generate with a fixed end date and seed."""

    YEAR = 2026

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-reference-")
        cls.path = os.path.join(cls.tmp, "s10000")
        env = dict(os.environ, MEDIATE=MEDIATE, MEDIATE_NOW=NOW, TZ="UTC")
        env.setdefault("MEDIATE_USER", "测试员 <tester@example.org>")
        subprocess.run([os.path.join(SOURCE, "bench", "generate"), "--store", cls.path]
                       + GENERATE, env=env, check=True, capture_output=True, timeout=600)
        cls.ref = Store(cls.path, NOW)


# The hand-made store: one case down each path the bundled data does not take. Each
# step is (local day it is made, 18:00 Beijing time; arguments).
PLACE = ["--source", "当事人申请", "--street", "万柏林街道", "--community", "东风社区"]
COURT_CASE = """source: "court_entrusted"
category: "contract"
summary: "法院委托调解，简易程序"
procedure: "court_summary"
received: "2026-11-25T09:00:00+08:00"
place: {street: "140109005", community: "140109005001"}
parties:
  - {role: "applicant", kind: "organisation", name: "某公司", credit_code: "91140109MAHDG1926T"}
"""
HAND_STEPS = [
    # 000001: a name with ';' and only a phone number; withdrawn.
    ("2026-10-01", ["intake", "--category", "邻里纠纷", *PLACE, "--summary", "撤回",
                    "--applicant", "甲;乙", "--applicant-phone", "13800001234",
                    "--received", "2026-10-01T09:00:00+08:00"]),
    # 000002: received late in the evening (Beijing), refused before routing.
    ("2026-11-02", ["intake", "--category", "合同纠纷", *PLACE, "--summary", "不予受理",
                    "--applicant", "乙某", "--received", "2026-11-02T23:30:00+08:00"]),
    ("2026-11-03", ["refuse", "WBL-2026-000002", "--reason", "已起诉", "--go-to", "人民法院"]),
    # 000003: court-entrusted, summary procedure: 7 days from the materials.
    ("2026-11-25", ["intake", "--file", "-"]),
    # 000004: a written agreement with a performance deadline; confirmation applied for.
    ("2026-11-03", ["intake", "--category", "劳动争议纠纷", *PLACE, "--summary", "书面协议",
                    "--applicant", "丙某", "--amount", "3500",
                    "--received", "2026-11-03T08:00:00+08:00"]),
    # 000005: an oral agreement; the visit finds it performed; closed.
    ("2026-11-03", ["intake", "--category", "物业纠纷", *PLACE, "--summary", "口头协议",
                    "--applicant", "丁某", "--received", "2026-11-03T08:00:00+08:00"]),
    # 000006: terminated and closed.
    ("2026-11-04", ["intake", "--category", "消费纠纷", *PLACE, "--summary", "终止",
                    "--applicant", "戊某", "--received", "2026-11-04T08:00:00+08:00"]),
    # 000007: escalated and extended, still pending.
    ("2026-10-20", ["intake", "--category", "邻里纠纷", *PLACE, "--summary", "上报延期",
                    "--applicant", "己某", "--received", "2026-10-20T08:00:00+08:00"]),
    # 000008: agreed, performed, no visit with a reason, closed.
    ("2026-11-05", ["intake", "--category", "婚姻家庭纠纷", *PLACE, "--summary", "不回访",
                    "--applicant", "庚某", "--received", "2026-11-05T08:00:00+08:00"]),
    # 000009: a summary a spreadsheet would run as a formula; an amount in jiao; agreed
    # on 2026-12-01, its confirmation window and visit still open.
    ("2026-11-06", ["intake", "--category", "其他纠纷", *PLACE, "--summary", "=口头协议",
                    "--applicant", "辛某", "--amount", "12.5",
                    "--received", "2026-11-06T08:00:00+08:00"]),
    ("2026-11-25", ["route"]),
    ("2026-11-26", ["assign", "--auto", "not:source:court_entrusted"]),
    ("2026-11-28", ["assign", "WBL-2026-000003", "M-0805", "--materials-received",
                    "2026-11-27"]),
    ("2026-11-27", ["withdraw", "WBL-2026-000001", "--reason", "双方和解"]),
    ("2026-11-27", ["agree", "WBL-2026-000004", "--form", "written", "--terms", "支付3500元",
                    "--facts", "欠薪", "--manner", "转账", "--place", "单位",
                    "--deadline", "2026-11-30", "--signed-by", "all", "--mediator-signed",
                    "--sealed"]),
    ("2026-11-28", ["confirm", "WBL-2026-000004", "--result", "applied", "--applied",
                    "2026-11-28", "--court", "万柏林区人民法院"]),
    ("2026-11-27", ["agree", "WBL-2026-000005", "--form", "oral", "--terms", "当场道歉"]),
    ("2026-11-29", ["visit", "WBL-2026-000005", "--method", "phone", "--performance", "full",
                    "--satisfaction", "satisfied"]),
    ("2026-11-29", ["close", "WBL-2026-000005"]),
    ("2026-11-27", ["terminate", "WBL-2026-000006", "--reason", "分歧过大", "--guidance",
                    "可诉讼"]),
    ("2026-11-28", ["close", "WBL-2026-000006"]),
    ("2026-11-26", ["escalate", "WBL-2026-000007", "--reason", "跨社区"]),
    ("2026-11-26", ["extend", "WBL-2026-000007", "--to", "2026-12-05", "--consent",
                    "--reason", "复杂"]),
    ("2026-11-29", ["agree", "WBL-2026-000008", "--form", "oral", "--terms", "和好"]),
    ("2026-11-30", ["perform", "WBL-2026-000008", "full"]),
    ("2026-11-30", ["visit", "WBL-2026-000008", "--none", "--reason", "当事人拒绝"]),
    ("2026-11-30", ["close", "WBL-2026-000008"]),
    ("2026-12-01", ["agree", "WBL-2026-000009", "--form", "oral", "--terms", "赔偿"]),
]


class HandStoreTest(ReferenceMixin, unittest.TestCase):
    """Nine cases made by hand: withdrawn, refused, court-entrusted with a materials date,
    a performance deadline, a visit's performance finding, no visit, a formula-like
    summary, a party known by name and phone only."""

    YEAR = 2026

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-reference-")
        cls.path = os.path.join(cls.tmp, "hand")
        run(["init", cls.path, "--from", EXAMPLE_SETUP], check=0)
        for day, args in HAND_STEPS:
            # 23:59 local: the day's steps, a registration at 23:30 included, are all past.
            run(["-C", cls.path] + args, check=0, env={"MEDIATE_NOW": day + "T23:59:00+08:00"},
                stdin=COURT_CASE if "--file" in args else None)
        cls.ref = Store(cls.path, NOW)

    def test_reference_by_hand(self):
        """The reference itself, checked against dates worked out by hand for 2026-12-06."""
        c = self.ref.cases
        # Court-entrusted, summary procedure: materials 11-27 + 7 days.
        self.assertEqual(c["WBL-2026-000003"]["deadline"], datetime.date(2026, 12, 4))
        # 23:30 Beijing time is 11-02 locally: + 30 days.
        self.assertEqual(c["WBL-2026-000002"]["deadline"], datetime.date(2026, 12, 2))
        self.assertEqual(c["WBL-2026-000007"]["deadline"], datetime.date(2026, 12, 5))
        self.assertEqual(c["WBL-2026-000005"]["performance"], "full")
        self.assertEqual(c["WBL-2026-000001"]["parties"], ["甲；乙|138****1234"])
        self.assertEqual([(r["kind"], r["id"], r["due"], r["days_left"])
                          for r in self.due_want(30)],
                         [("conclude", "WBL-2026-000003", "2026-12-04", -2),
                          ("conclude", "WBL-2026-000007", "2026-12-05", -1),
                          ("confirmation", "WBL-2026-000009", "2026-12-31", 25),
                          # the day after the performance deadline 11-30
                          ("visit", "WBL-2026-000004", "2026-12-01", -5),
                          ("visit", "WBL-2026-000009", "2026-12-02", -4)])


if __name__ == "__main__":
    unittest.main()
