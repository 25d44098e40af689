"""docs/law.md stays true: every function it names is defined in the file it
names, every rule row names at least one, and every article cited in lib/ and
cli/ (instrument + article number) is listed in it."""
import os
import re
import unittest

SOURCE = os.environ.get("MEDIATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
LAW_DOC = os.path.join(SOURCE, "docs", "law.md")

# Instruments as the code names them, each with its canonical name. When several
# match before an article, the one ending nearest to it wins ("Civil Procedure
# Law 2023 Art. 205" is not the People's Mediation Law's).
INSTRUMENTS = [
    (r"Civil Procedure Law(?: 2023)?", "Civil Procedure Law 2023"),
    (r"Civil Code", "Civil Code"),
    (r"PIPL|Personal Information Protection Law", "PIPL"),
    (r"SPC interpretation(?: 2022)?|interpretation 2022", "SPC interpretation 2022"),
    (r"SPC 2016", "SPC 2016"),
    (r"Shenzhen(?: 2022)?", "Shenzhen 2022"),
    (r"(?:MoJ )?(?:2002 )?Provisions(?: on People's Mediation Work)?|MoJ 2002|2002",
     "MoJ 2002 Provisions"),
    (r"(?:People's Mediation )?Law", "People's Mediation Law"),
]
# A name may be split over comment lines ("Civil Procedure\n/// Law 2023").
INSTRUMENT_RE = [(re.compile(r"\b(?:" + p.replace(" ", r"\s+") + r")\b"), name)
                 for p, name in INSTRUMENTS]
DEFAULT_INSTRUMENT = "People's Mediation Law"
# "Art. 33", "Arts. 28–30", "Art. 27, 31", "Art. 28/30", "Art. 29 / 30".
ARTICLE_RE = re.compile(r"\bArts?\.\s*(\d+(?:\s*(?:–|-|,|/|and)\s*\d+)*)")
# How far before "Art." the instrument may be named: "(People's Mediation Law Art. 8)".
WINDOW = 80
# Comment leaders and C++ string-literal joins that may split a citation over
# lines; blanked (same length, so offsets keep their line numbers).
JOIN_RE = re.compile(r"\"[ \t]*\n[ \t]*\"|\n[ \t]*(?:///<|///|//|#|\*)")


def blank_joins(text):
    return JOIN_RE.sub(lambda m: "".join("\n" if ch == "\n" else " " for ch in m.group(0)), text)


def numbers(spec):
    """The article numbers of "28–30, 34" → [28, 29, 30, 34]."""
    out = []
    for part in re.split(r"\s*(?:,|/|and)\s*", spec):
        ends = re.split(r"\s*[–-]\s*", part)
        if len(ends) == 2:
            out.extend(range(int(ends[0]), int(ends[1]) + 1))
        else:
            out.append(int(ends[0]))
    return out


def citations(text):
    """[(readings, article, line)] cited in `text`; readings is a tuple of
    the instruments the citation may be of. An article with its instrument
    named just before it has one reading. A bare "Art. N" is read as the
    previous citation's instrument when both are in one parenthesis ("(PIPL
    Art. 28, Art. 31)"); otherwise it is ambiguous: the previous citation's
    instrument or the People's Mediation Law (the code writes "(Art. 29)"
    for the Law, and "escalation (Art. 21)" after a Provisions citation)."""
    text = blank_joins(text)
    out = []
    instrument = None
    prev_end = 0
    for m in ARTICLE_RE.finditer(text):
        window = text[max(prev_end, m.start() - WINDOW):m.start()]
        best = None  # (end, length, name)
        for rx, name in INSTRUMENT_RE:
            for k in rx.finditer(window):
                key = (k.end(), k.end() - k.start(), name)
                if best is None or key[:2] > best[:2]:
                    best = key
        line = text.count("\n", 0, m.start()) + 1
        if best is not None:
            instrument = best[2]
            readings = (instrument,)
        elif instrument is None:
            instrument = DEFAULT_INSTRUMENT
            readings = (instrument,)
        elif ")" in text[prev_end:m.start()] and instrument != DEFAULT_INSTRUMENT:
            readings = (instrument, DEFAULT_INSTRUMENT)
        else:
            readings = (instrument,)
        for n in numbers(m.group(1)):
            out.append((readings, n, line))
        prev_end = m.end()
    return out


def code_files():
    for top in ("lib", "cli"):
        for root, _, files in os.walk(os.path.join(SOURCE, top)):
            for f in sorted(files):
                if f.endswith((".cpp", ".hpp")):
                    yield os.path.join(root, f)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


PAIR_RE = re.compile(r"`((?:lib|cli)/[\w/.-]+\.(?:cpp|hpp))`\s+`([A-Za-z_][\w:]*)`")


def defines(source, name):
    """True when `source` defines function `name` (possibly qualified): at the
    start of a declaration, `Name(`…`)` followed by a body or an initialiser
    list, not a call or a mere declaration."""
    head = re.compile(r"^[ \t]*(?!(?:return|if|else|while|for|switch|case|do|throw)\b)"
                      r"(?:[^\n;{}()=]*?[\s*&])?(?:\w+::)*" + re.escape(name) + r"\s*\(",
                      re.MULTILINE)
    for m in head.finditer(source):
        depth, i = 1, m.end()
        while i < len(source) and depth:
            depth += {"(": 1, ")": -1}.get(source[i], 0)
            i += 1
        tail = source[i:i + 200]
        if re.match(r"\s*(?:const\s*)?(?:noexcept\s*)?(?:override\s*)?(?:->\s*[\w:<>, *&]+?\s*)?[{:]",
                    tail) and not tail.lstrip().startswith("::"):
            return True
    return False


class ParserTest(unittest.TestCase):
    """The checks below are only as good as these two readers."""

    def test_citations(self):
        text = ('// agreed (Law Art. 28), terminated (Art.\n//   26); MoJ 2002 Provisions Art. 21\n'
                '"(Law Art. 33; Civil Procedure Law 2023 Art. 205)" "SPC interpretation 2022 Art. "\n'
                '    "355" (PIPL Arts. 51, 55) the Law (Art. 7–8, 34) Law Art. 29 / 30')
        law, moj = "People's Mediation Law", "MoJ 2002 Provisions"
        got = [(r, n) for r, n, _ in citations(text)]
        self.assertEqual(got, [
            ((law,), 28), ((law,), 26), ((moj,), 21), ((law,), 33),
            (("Civil Procedure Law 2023",), 205), (("SPC interpretation 2022",), 355),
            (("PIPL",), 51), (("PIPL",), 55),
            ((law,), 7), ((law,), 8), ((law,), 34), ((law,), 29), ((law,), 30)])
        self.assertEqual(citations("a\nb Art. 3"), [((law,), 3, 2)])
        self.assertEqual(citations("(2002 Provisions Art. 35) and (Art. 29) Civil Procedure\n"
                                   "/// Law 2023 Art. 205 (PIPL Art. 28,\n// Art. 31)"),
                         [((moj,), 35, 1), ((moj, law), 29, 1),
                          (("Civil Procedure Law 2023",), 205, 2), (("PIPL",), 28, 2),
                          (("PIPL",), 31, 3)])

    def test_defines(self):
        src = ("int Foo(int a,\n        int b) {\n  return Bar(a);\n}\n"
               "Value Settings::ToValue() const {\n}\nvoid Baz(int);\n  x = Qux(1);\n")
        self.assertTrue(defines(src, "Foo"))
        self.assertTrue(defines(src, "ToValue"))
        self.assertTrue(defines(src, "Settings::ToValue"))
        self.assertFalse(defines(src, "Bar"))  # called only
        self.assertFalse(defines(src, "Baz"))  # declared only
        self.assertFalse(defines(src, "Qux"))
        self.assertFalse(defines(src, "Fo"))


class LawDocTest(unittest.TestCase):
    def setUp(self):
        self.doc = read(LAW_DOC)

    def test_named_functions_are_defined_in_their_files(self):
        pairs = PAIR_RE.findall(self.doc)
        self.assertGreater(len(pairs), 50)
        problems = []
        for path, name in pairs:
            full = os.path.join(SOURCE, path)
            if not os.path.isfile(full):
                problems.append("docs/law.md names %s, which does not exist (for %s)" % (path, name))
            elif not defines(read(full), name):
                problems.append("docs/law.md names %s in %s, which does not define it" % (name, path))
        self.assertEqual(problems, [], "\n" + "\n".join(sorted(set(problems))))

    def test_every_rule_row_names_a_function(self):
        problems = []
        in_rules = False
        for n, line in enumerate(self.doc.splitlines(), 1):
            if line.startswith("| source | rule | store setting | enforced by |"):
                in_rules = True
                continue
            if not line.startswith("|"):
                in_rules = False
                continue
            if in_rules and not line.startswith("|---"):
                cells = line.strip("|").split(" | ")
                if len(cells) != 4 or not PAIR_RE.search(cells[3]):
                    problems.append("docs/law.md:%d: a rule row without `file` `Function`" % n)
        self.assertEqual(problems, [], "\n" + "\n".join(problems))

    def test_every_cited_article_is_listed(self):
        listed = {(r[0], n) for r, n, _ in citations(self.doc) if len(r) == 1}
        missing = []
        seen = 0
        for path in code_files():
            rel = os.path.relpath(path, SOURCE)
            for readings, n, line in citations(read(path)):
                seen += 1
                if not any((r, n) in listed for r in readings):
                    missing.append("%s:%d cites %s Art. %d, which docs/law.md does not list"
                                   % (rel, line, " or ".join(readings), n))
        self.assertGreater(seen, 100)
        self.assertEqual(missing, [], "\n" + "\n".join(missing))


if __name__ == "__main__":
    unittest.main()
