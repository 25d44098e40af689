"""The Chinese staff guide (docs/zh/) runs as written.

Its chapters are read in the order docs/zh/README.md lists them. Every ```console block is
executed, command by command, by one bash in a fresh work folder that holds only `examples/`
(the repository's example data), with `mediate` on PATH: the guide itself creates its
practice store from the example set-up and ledger, so this is a fresh example store. Each
command must exit 0, or the status a block names (```console exit=1). A block's output lines
must each appear in what its command printed (stdout and stderr together; "…" stands for any
text within a line, and a line of "…" alone for lines left out; runs of spaces count as one,
as table columns widen with what they hold). The guide sets the clock itself, as a reader
would, with `export MEDIATE_NOW=…`, so a case moves from intake to archive over weeks.

Nothing here is copied from the program: the guide's output is what a member of staff is told
to expect, and this test fails when the program says something else.
"""
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import unittest

from mediate_support import MEDIATE, SOURCE, english_runs

GUIDE = os.path.join(SOURCE, "docs", "zh")
END = "\x1eEND"


class Command:
    def __init__(self, where, line, expect_exit):
        self.where, self.line, self.expect_exit = where, line, expect_exit
        self.expected = []  # output lines the guide shows


def chapters():
    """The chapter files in the order docs/zh/README.md links them, README first."""
    with open(os.path.join(GUIDE, "README.md"), encoding="utf-8") as f:
        index = f.read()
    names = re.findall(r"\]\((\d\d-[a-z-]+\.md)\)", index)
    return ["README.md"] + list(dict.fromkeys(names))


def commands_of(name):
    """The commands of one chapter's console blocks, in order."""
    out = []
    block = None  # None outside a console block, else its expected exit status
    path = os.path.join(GUIDE, name)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        where = f"docs/zh/{name}:{i + 1}"
        if block is None:
            m = re.match(r"```console(?: exit=(\d+))?\s*$", line)
            if m:
                block = int(m.group(1) or 0)
        elif line.startswith("```"):
            block = None
        elif line.startswith("$ "):
            text = line[2:]
            while text.endswith("\\") and i + 1 < len(lines):
                i += 1
                text = text + "\n" + lines[i]
            out.append(Command(where, text, block))
        elif out and line.strip():
            out[-1].expected.append(line.rstrip())
        i += 1
    return out


def squeeze(line):
    """A line with each run of spaces made one: table columns widen with their contents."""
    return re.sub(r"\s+", " ", line).strip()


def matches(expected, actual_lines):
    """Whether `expected` (… for any text) is one of the printed lines, spacing aside."""
    if expected.strip() == "…":
        return True
    pattern = ".*".join(re.escape(part) for part in squeeze(expected).split("…"))
    return any(re.fullmatch(pattern, squeeze(a)) for a in actual_lines)


class GuideTest(unittest.TestCase):
    def test_every_command_of_the_guide_runs_as_written(self):
        commands = [c for name in chapters() for c in commands_of(name)]
        self.assertGreater(len(commands), 40, "the guide lost its commands")

        work = tempfile.mkdtemp(prefix="mediate-guide-")
        self.addCleanup(shutil.rmtree, work, ignore_errors=True)
        os.symlink(os.path.join(os.path.abspath(SOURCE), "examples"),
                   os.path.join(work, "examples"))
        bin_dir = os.path.join(work, ".bin")
        os.mkdir(bin_dir)
        os.symlink(os.path.abspath(shutil.which(MEDIATE) or MEDIATE),
                   os.path.join(bin_dir, "mediate"))
        home = os.path.join(work, ".home")
        os.mkdir(home)

        script = ["exec 2>&1", "cd " + shlex.quote(work)]
        for c in commands:
            script.append(c.line)
            script.append(f"printf '\\n{END} %d\\n' $?")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("MEDIATE_", "LC_", "LANGUAGE", "GIT_"))}
        env.update({"PATH": bin_dir + os.pathsep + env.get("PATH", ""), "HOME": home,
                    "GIT_CONFIG_NOSYSTEM": "1", "TZ": "Asia/Shanghai", "LANG": "C.UTF-8",
                    "EDITOR": "false"})
        p = subprocess.run(["bash", "-c", "\n".join(script)], env=env, capture_output=True,
                           text=True, timeout=600)
        parts = p.stdout.split(END + " ")
        self.assertEqual(len(parts), len(commands) + 1, p.stdout[-3000:] + p.stderr)
        printed = parts[0]
        for c, part in zip(commands, parts[1:]):
            status, _, rest = part.partition("\n")
            lines = [l.rstrip() for l in printed.splitlines()]
            context = f"{c.where}: $ {c.line}\n--- printed ---\n{printed}"
            self.assertEqual(int(status), c.expect_exit, context)
            for want in c.expected:
                self.assertTrue(matches(want, lines), f"{context}--- missing ---\n{want}")
            if c.line.startswith("mediate ") and "--format" not in c.line:
                self.assertEqual(english_runs(printed, allowed=["libyaml"]), [], context)
            printed = rest


if __name__ == "__main__":
    unittest.main()
