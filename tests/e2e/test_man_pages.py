"""End to end: the manual pages the build makes (`mediate help --man`, cmake/man.cmake).
Every page renders without a warning (`man --warnings -l`); there is one page per command
`mediate --help` lists, plus mediate(1); each page names every option and positional the
command's own `--help` names, and those of its subcommands; mediate(1) holds the shared
sections; the Chinese pages have Chinese headings and sections.

What a page must name is read from `--help` (CLI11's listing), not from the generator."""
import glob
import gzip
import os
import re
import subprocess
import unittest

from mediate_support import MEDIATE

BUILD = os.environ.get("MEDIATE_BUILD_DIR", os.path.dirname(MEDIATE))
EN = os.path.join(BUILD, "man", "man1")
ZH = os.path.join(BUILD, "man", "zh_CN", "man1")
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="", MEDIATE_LANG="en")


def page(folder, name):
    with gzip.open(os.path.join(folder, name + ".1.gz"), "rt", encoding="utf-8") as f:
        return f.read()


def helptext(*words):
    return subprocess.run([MEDIATE] + list(words) + ["--help"], capture_output=True, text=True,
                          env=ENV, check=True).stdout


def commands(text):
    """The commands a --help lists under its commands heading."""
    out, inside = [], False
    for line in text.splitlines():
        if re.match(r"^(Subcommands|Commands):", line):
            inside = True
            continue
        if inside:
            m = re.match(r"^  (\S+)\s", line)
            if m:
                out.append(m.group(1))
            elif line and not line.startswith(" "):
                inside = False
    return out


def option_names(text):
    """The option names (every spelling) and positionals a --help listing names: options are
    the entries that start with '-', positionals the entries under "Positionals:"."""
    names, positionals = set(), False
    for line in text.splitlines():
        if line and not line.startswith(" "):
            positionals = line.startswith("Positionals:")
            continue
        m = re.match(r"^  (\S.*?)(?:\s{2,}|$)", line)
        if not m:
            continue
        head = m.group(1)
        if head.startswith("-"):
            names.update(t for t in re.split(r"[ ,]+", head)
                         if re.fullmatch(r"--?[A-Za-z][\w-]*", t))
        elif positionals:
            names.add(head.split()[0])
    return names


class ManPagesTest(unittest.TestCase):
    def test_every_page_renders_without_a_warning(self):
        pages = sorted(glob.glob(os.path.join(EN, "*.1.gz")) + glob.glob(os.path.join(ZH, "*.1.gz")))
        self.assertGreater(len(pages), 2)
        for path in pages:
            r = subprocess.run(["man", "--warnings", "-l", path], capture_output=True, text=True,
                               env=dict(ENV, MANWIDTH="80", MANPAGER="cat", PAGER="cat"))
            self.assertEqual(r.returncode, 0, path)
            self.assertEqual(r.stderr, "", path)
            self.assertIn("mediate", r.stdout)

    def test_one_page_per_command_naming_every_option(self):
        top = helptext()
        names = commands(top)
        self.assertIn("intake", names)
        self.assertEqual(sorted(os.listdir(EN)),
                         sorted(["mediate.1.gz"] + ["mediate-%s.1.gz" % n for n in names]))
        self.assertEqual(sorted(os.listdir(ZH)), sorted(os.listdir(EN)))
        for name in names:
            roff = page(EN, "mediate-" + name).replace("\\-", "-")
            text = helptext(name)
            wanted = option_names(text)
            for sub in commands(text):
                wanted |= option_names(helptext(name, sub))
                self.assertIn('.SS "mediate %s %s"' % (name, sub), roff)
            for option in wanted:
                self.assertIn(option, roff, "mediate-%s(1) does not name %s" % (name, option))
        roff = page(EN, "mediate").replace("\\-", "-")
        for option in option_names(top) - set(names):
            self.assertIn(option, roff)

    def test_the_shared_sections(self):
        roff = page(EN, "mediate")
        for heading in ("FILTERS", "PERIODS", "EXIT STATUS", "ENVIRONMENT", "FILES"):
            self.assertIn(".SH " + heading + "\n", roff)
        self.assertIn("\\fBMEDIATE_USER\\fR", roff)
        self.assertIn("\\fB4\\fR\nthe store is busy", roff)
        zh = page(ZH, "mediate")
        for heading in ("名称", "概要", "筛选条件", "退出状态", "环境变量"):
            self.assertIn(".SH " + heading + "\n", zh)
        self.assertIn("案件库正忙", zh)
        self.assertIn(".SH 选项\n", page(ZH, "mediate-intake"))


if __name__ == "__main__":
    unittest.main()
