"""End to end: shell completion (packaging/completion/, cmake/completion.cmake). The bash
script the build puts in build/share/bash-completion/completions/ is sourced in a real bash
and asked, as bash asks it (COMP_LINE, COMP_POINT), to complete: a command prefix, an
option, a vocabulary value by code and by Chinese label, a filter term, a case ID of the
example store given by -C, and a file name. The zsh script is run in a real zsh with
_describe and _files replaced by functions that print what they are given. `__complete` is
hidden from --help.

Expected values come from the input, by another route: the categories from
schemas/vocab.yaml (PyYAML), the case IDs from the store's file names."""
import os
import shutil
import subprocess
import tempfile
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, LEDGERS, MEDIATE, SOURCE, run

SHARE = os.path.join(os.path.dirname(os.path.realpath(MEDIATE)), "..", "share")
BASH_SCRIPT = os.path.join(SHARE, "bash-completion", "completions", "mediate")
ZSH_SCRIPT = os.path.join(SHARE, "zsh", "vendor-completions", "_mediate")


def categories():
    with open(os.path.join(SOURCE, "schemas", "vocab.yaml"), encoding="utf-8") as f:
        return [t["code"] for t in yaml.safe_load(f)["category"]]


class CompletionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="mediate-completion-")
        cls.store = os.path.join(cls.tmp, "store")
        run(["init", cls.store, "--from", EXAMPLE_SETUP], check=0)
        run(["-C", cls.store, "import", os.path.join(LEDGERS, "ledger-2026q1.csv")], check=0)
        cls.ids = sorted(name[:-len(".yaml")]
                         for _, _, files in os.walk(os.path.join(cls.store, "cases"))
                         for name in files if name.endswith(".yaml"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def bash(self, line, cwd=None):
        """What the bash completion offers for `line` with the cursor at its end."""
        script = ('source "$1"; COMP_LINE=$2; COMP_POINT=${#2}; _mediate; '
                  'printf "%s\\n" "${COMPREPLY[@]}"')
        p = subprocess.run(["bash", "-c", script, "bash", BASH_SCRIPT, line], cwd=cwd or self.tmp,
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
        self.assertEqual(p.returncode, 0, p.stderr)
        return [w for w in p.stdout.split("\n") if w]

    def line(self, *words):
        return " ".join([MEDIATE, "-C", self.store] + list(words))

    def test_the_scripts_are_built_beside_the_program(self):
        self.assertTrue(os.path.isfile(BASH_SCRIPT), BASH_SCRIPT)
        self.assertTrue(os.path.isfile(ZSH_SCRIPT), ZSH_SCRIPT)

    def test_a_command_prefix(self):
        self.assertEqual(self.bash(MEDIATE + " sho"), ["show"])
        self.assertEqual(sorted(self.bash(MEDIATE + " re")),
                         ["recover", "refuse", "renumber", "report", "resolve", "review"])

    def test_an_option(self):
        self.assertEqual(self.bash(self.line("intake", "--cat")), ["--category"])
        self.assertEqual(self.bash(self.line("session", "WBL-2026-000001", "--mo")), ["--mode"])

    def test_vocabulary_values(self):
        self.assertEqual(self.bash(self.line("intake", "--category", "")), categories())
        self.assertEqual(self.bash(self.line("intake", "--category", "nei")), ["neighbour"])
        # A Chinese label is accepted wherever its code is, so it completes too.
        self.assertEqual(self.bash(self.line("intake", "--category", "邻")), ["邻里纠纷"])
        self.assertEqual(self.bash(self.line("session", "WBL-2026-000001", "--mode", "")),
                         ["on_site", "phone", "video", "online"])
        # After "--risk=", bash replaces what follows the '='.
        self.assertEqual(self.bash(self.line("intake", "--risk=o")), ["orange"])

    def test_a_filter_term(self):
        # bash replaces only what follows the last ':' of the word.
        self.assertEqual(self.bash(self.line("list", "categ")), ["category:"])
        self.assertEqual(self.bash(self.line("list", "category:neig")), ["neighbour"])
        self.assertEqual(self.bash(self.line("stats", "not:risk:r")), ["red"])

    def test_case_ids_of_the_store_given_by_c(self):
        self.assertEqual(len(self.ids), 120)  # one per row of the ledger
        expected = [i for i in self.ids if i.startswith("WBL-2026-00001")]
        self.assertEqual(len(expected), 10)
        self.assertEqual(self.bash(self.line("show", "WBL-2026-00001")), expected)
        # Letters in any case: the ids are upper case, people type lower.
        self.assertEqual(self.bash(self.line("history", "wbl-2026-00001")), expected)
        self.assertEqual(self.bash(self.line("show", "")), self.ids)
        # Only one id: the second word of `show` is not an id.
        self.assertEqual(self.bash(self.line("show", self.ids[0], "WBL")), [])

    def test_a_path(self):
        folder = os.path.join(self.tmp, "ledgers")
        os.makedirs(folder, exist_ok=True)
        open(os.path.join(folder, "台账-2026.csv"), "w").close()
        self.assertEqual(self.bash(self.line("import", "台账"), cwd=folder), ["台账-2026.csv"])

    def test_zsh_offers_words_with_their_descriptions(self):
        script = ('_describe() { print -rl -- "${(@P)4}" }; _files() { print -r -- "FILES $*" }; '
                  'words=("${(@)argv[2,-1]}"); CURRENT=$#words; source "$1"')
        def zsh(*words):
            p = subprocess.run(["zsh", "-fc", script, "zsh", ZSH_SCRIPT, MEDIATE, "-C", self.store]
                               + list(words), capture_output=True, text=True, cwd=self.tmp)
            return p.stdout.splitlines()
        self.assertEqual(zsh("intake", "--category", "neig"), ["neighbour:邻里纠纷"])
        self.assertEqual(zsh("show", "WBL-2026-000001"),
                         ["WBL-2026-000001:" + self.summary("WBL-2026-000001")])
        self.assertEqual(zsh("list", "categ"), ["category\\:"])
        self.assertEqual(zsh("import", ""), ["FILES "])

    def summary(self, case_id):
        for folder, _, files in os.walk(os.path.join(self.store, "cases")):
            if case_id + ".yaml" in files:
                with open(os.path.join(folder, case_id + ".yaml"), encoding="utf-8") as f:
                    return yaml.safe_load(f)["summary"]
        raise AssertionError(case_id)

    def test_the_helper_command_is_hidden(self):
        p = run(["--help"], env={"MEDIATE_LANG": "en"}, check=0)
        self.assertNotIn("__complete", p.stdout)
        self.assertIn("show", p.stdout)


if __name__ == "__main__":
    unittest.main()
