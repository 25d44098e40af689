"""scripts/catalogue, the ctest checks of the message catalogues (catalogue.*): on a small
tree of its own, each check passes a sound catalogue and fails, naming the entry, when a
translation is missing or fuzzy, when po/ is behind the marked source, when msgfmt --check
fails, when a translation's fmt placeholders differ from its English text's, and when a
literal with English words is neither marked nor listed in po/unmarked.txt."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ.get("MEDIATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CATALOGUE = os.path.join(SOURCE, "scripts", "catalogue")

CPP = '''#include "i18n.hpp"
void f(int n, const char* a, const char* b) {
  _("hello");
  Tr("{0} and {1}", a, b);
  TrN("{} case", "{} cases", n, n);
}
'''
HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: zh_CN\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n')
ENTRIES = {
    "hello": 'msgid "hello"\nmsgstr "你好"\n',
    "and": 'msgid "{0} and {1}"\nmsgstr "{0}和{1}"\n',
    "case": 'msgid "{} case"\nmsgid_plural "{} cases"\nmsgstr[0] "{}件案件"\n',
}


class CatalogueChecksTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="mediate-po-")
        os.makedirs(os.path.join(self.root, "cli"))
        os.makedirs(os.path.join(self.root, "po"))
        self.write("cli/a.cpp", CPP)
        self.write_po(dict(ENTRIES))
        self.catalogue("update")

    def tearDown(self):
        shutil.rmtree(self.root)

    def write(self, rel, text):
        with open(os.path.join(self.root, rel), "w", encoding="utf-8") as f:
            f.write(text)

    def write_po(self, entries, header=HEADER):
        self.write("po/zh_CN.po", header + "\n".join(entries.values()))

    def catalogue(self, *args):
        return subprocess.run([sys.executable, CATALOGUE] + list(args) + ["--root", self.root],
                              capture_output=True, text=True)

    def check(self, name):
        return self.catalogue("check", name)

    def assertFails(self, name, *needles):
        p = self.check(name)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        for n in needles:
            self.assertIn(n, p.stdout)

    def test_a_sound_catalogue_passes_every_check(self):
        for name in ("translated", "current", "msgfmt", "placeholders"):
            with self.subTest(name):
                p = self.check(name)
                self.assertEqual((p.returncode, p.stdout), (0, ""), p.stderr)

    def test_an_empty_or_fuzzy_translation_fails(self):
        self.write_po(dict(ENTRIES, hello='msgid "hello"\nmsgstr ""\n'))
        self.assertFails("translated", "not translated: 'hello'")
        self.write_po(dict(ENTRIES, hello='#, fuzzy\nmsgid "hello"\nmsgstr "你好"\n'))
        self.assertFails("translated", "fuzzy", "'hello'")

    def test_a_catalogue_behind_the_source_fails(self):
        self.write("cli/b.cpp", '#include "i18n.hpp"\nvoid g() { _("goodbye"); }\n')
        self.assertFails("current", "po/mediate.pot: lacks the message marked in the source: "
                                    "'goodbye'", "po/zh_CN.po: lacks")
        self.catalogue("update")
        self.assertEqual(self.check("current").returncode, 0)
        # Merged in, but not yet translated.
        self.assertFails("translated", "not translated: 'goodbye'")
        # A message the source no longer marks.
        os.remove(os.path.join(self.root, "cli", "b.cpp"))
        self.assertFails("current", "no longer marks: 'goodbye'")

    def test_msgfmt_check_failure_fails(self):
        header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        self.write_po(ENTRIES, header=header)  # plural entries without Plural-Forms
        self.assertFails("msgfmt", "po/zh_CN.po: msgfmt --check fails")

    def test_different_placeholders_fail(self):
        bad = {
            "{0}和{2}": "placeholders {0} {2} in the translation",
            "{0}和": "placeholders {0} in the translation",
            "{0}和{1:>4}": "placeholders {0} {1:>4} in the translation",
            "{0}和{1": "unmatched '{'",
            "{}和{1}": "mixed",
        }
        for text, needle in bad.items():
            with self.subTest(text):
                self.write_po(dict(ENTRIES, **{"and": f'msgid "{{0}} and {{1}}"\nmsgstr "{text}"\n'}))
                self.assertFails("placeholders", needle)
        # A plural translation is compared with the English plural.
        self.write_po(dict(ENTRIES, case='msgid "{} case"\nmsgid_plural "{} cases"\n'
                                         'msgstr[0] "案件"\n'))
        self.assertFails("placeholders", "placeholders none in the translation '案件'")
        # Reordered positional fields, and automatic ones counted in order, pass.
        self.write_po(dict(ENTRIES, **{"and": 'msgid "{0} and {1}"\nmsgstr "{1}与{0}"\n'},
                           case='msgid "{} case"\nmsgid_plural "{} cases"\nmsgstr[0] "{0}件"\n'))
        p = self.check("placeholders")
        self.assertEqual((p.returncode, p.stdout), (0, ""))

    def test_unmarked_literals_fail_unless_listed_with_why(self):
        self.write("po/unmarked.txt", "# nothing is exempt\n")
        p = self.check("marked")
        self.assertEqual((p.returncode, p.stdout), (0, ""))  # the plural half of TrN counts too
        self.write("cli/b.cpp", '#include "i18n.hpp"\n'
                                '// "a comment with words" is no literal\n'
                                'const char* kA = "two words";\n'
                                'const char* kB = _("marked text") ;\n'
                                'const char* kC = R"(raw text here)";\n'
                                "const char kD = 'x';\n"
                                'const char* kE = "one";\n'
                                'std::string f() { return Tr("a {0}", "value with words"); }\n')
        self.assertFails("marked", 'cli/b.cpp:3: not marked for translation: "two words"',
                         'cli/b.cpp:5: not marked for translation: "raw text here"',
                         'cli/b.cpp:8: not marked for translation: "value with words"')
        p = self.check("marked")
        self.assertNotIn("marked text", p.stdout)
        self.assertNotIn("comment", p.stdout)
        self.assertEqual(len(p.stdout.splitlines()), 3, p.stdout)
        # Listed with why: they pass; an entry that matches nothing is itself a problem.
        self.write("po/unmarked.txt", "# machine text\ncli/b.cpp ^(two words|raw text here)$\n"
                                      "cli/*.cpp ^value with words$\ncli/a.cpp ^gone$\n")
        self.assertFails("marked", "po/unmarked.txt:4: cli/a.cpp ^gone$: matches no unmarked")
        self.assertEqual(len(self.check("marked").stdout.splitlines()), 1)


if __name__ == "__main__":
    unittest.main()
