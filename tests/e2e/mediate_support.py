"""Shared helpers for the end-to-end tests: run the built binary, make stores."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

MEDIATE = os.environ.get("MEDIATE", "mediate")
SOURCE = os.environ.get("MEDIATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLE_SETUP = os.path.join(SOURCE, "examples", "wanbailin")
LEDGERS = os.path.join(SOURCE, "examples", "ledgers")
OPERATOR = "测试员 <tester@example.org>"


def run(args, cwd=None, stdin=None, env=None, check=None, preexec=None):
    """Runs mediate with `args`; returns CompletedProcess (text mode). `preexec` runs in the
    child before exec (limits, signal dispositions)."""
    full_env = dict(os.environ)
    full_env["MEDIATE_USER"] = OPERATOR  # never the caller's identity
    full_env["TZ"] = full_env.get("TZ", "UTC")
    if env:
        full_env.update(env)
    p = subprocess.run([MEDIATE] + list(args), cwd=cwd, input=stdin, env=full_env,
                       capture_output=True, text=True, preexec_fn=preexec)
    if check is not None and p.returncode != check:
        raise AssertionError(f"mediate {' '.join(args)} exited {p.returncode}, expected {check}\n"
                             f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p


# Every variable that chooses the language (docs/translation.md, "Which language").
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MEDIATE_LANG",
                      "MEDIATE_LOCALEDIR", "LOCPATH")


def run_in_language(store, language, args):
    """mediate -C store ARGS as the test operator, with only the language variables of
    `language` (a dict such as {"MEDIATE_LANG": "zh_CN", "LC_ALL": "C.UTF-8"}); TZ=UTC."""
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    env.update(language)
    env.update({"MEDIATE_USER": OPERATOR, "TZ": "UTC"})
    return subprocess.run([MEDIATE, "-C", store] + list(args), env=env, capture_output=True,
                          text=True)


def operator_env(home, operator):
    """The environment of a test that runs mediate itself as `operator` ("Name <email>"):
    the caller's, with git's configuration and HOME under `home`, TZ=UTC, MEDIATE_USER set
    to `operator`, and no office, clock (each run pins MEDIATE_NOW) or fault injection
    inherited."""
    env = dict(os.environ)
    env.update({
        "HOME": home,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.path.join(home, "gitconfig"),
        "MEDIATE_USER": operator,
        "TZ": "UTC",
    })
    for k in ("MEDIATE_OFFICE", "MEDIATE_FAULT", "MEDIATE_NOW"):
        env.pop(k, None)
    return env


def isolated_env(home, now):
    """The environment of a test that runs mediate itself: the caller's, with git's
    configuration and HOME under `home`, the clock pinned at `now`, TZ=UTC, and no
    office, operator or fault injection inherited."""
    env = operator_env(home, "")
    del env["MEDIATE_USER"]
    env["MEDIATE_NOW"] = now
    return env


def run_at(env, now, args):
    """Runs mediate with `args` in `env` with the clock pinned at `now` (RFC 3339, e.g.
    "2026-03-02T09:30:00+08:00"); returns CompletedProcess (text mode). No check of the
    exit status; ten minutes at most."""
    return subprocess.run([MEDIATE] + list(args), capture_output=True, text=True,
                          env=dict(env, MEDIATE_NOW=now), timeout=600)


def citizen_id(first17):
    """The 18-character citizen ID number whose first 17 digits are `first17`: GB 11643-1999,
    ISO 7064 MOD 11-2 check character."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


def git(store, *args):
    return subprocess.run(["git", "-C", store] + list(args), capture_output=True, text=True,
                          check=True).stdout


class StoreTestCase(unittest.TestCase):
    """A fresh Wanbailin store in a temporary directory for each test."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mediate-e2e-")
        self.store = os.path.join(self.tmp, "store")
        run(["init", self.store, "--from", EXAMPLE_SETUP], check=0)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def m(self, *args, check=0, **kw):
        return run(["-C", self.store] + list(args), check=check, **kw)

    def commits(self):
        return git(self.store, "rev-list", "--count", "HEAD").strip()

    def assertClean(self):
        self.assertEqual(git(self.store, "status", "--porcelain"), "")


# What an untranslated message looks like in Chinese output: two or more English words
# in a row. Exempt, because they stay as typed in every language: option names (--date,
# -C), case and record ids (WBL-2026-000001, M-0001), paths and file names (cases/…,
# ledger.csv), `mediate COMMAND`, and the words a test passes in `allowed` (codes of the
# machine formats, names in the data). In help: the usage line and the example lines (a
# command line as typed, its positional names included) and the names in a list of
# subcommands.
_EXEMPT = [
    r"(?m)^(?:用法|Usage): .*$",            # mediate tag [选项] id tags...
    r"(?m)^\s*mediate\s.*$",                # example lines: mediate org show C-…
    r"[`“‘'](?:mediate|git) [^`”’'\n]*[`”’']",  # a command quoted: “git config mediate.office CODE”
    r"(?m)^  [a-z][a-z-]+(?= {2,})",        # a subcommand's name in a list of them
    r"--?[A-Za-z][A-Za-z0-9-]*",            # option names
    r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b",   # ids: WBL-2026-000001, C-140109004012
    r"\S*/\S*",                             # paths
    r"\S+\.(?:yaml|csv|xlsx|json|jsonl|md|txt|html|docx)\b",
    r"\bmediate(?:\s+[a-z][a-z-]*)?",       # a command: mediate show
]
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ \t]+[A-Za-z]{2,})+")


def english_runs(text, allowed=()):
    """The runs of two or more English words left in `text` once the exempt tokens above
    and the words of `allowed` are taken out: [] when Chinese output is fully translated."""
    for pattern in _EXEMPT:
        text = re.sub(pattern, " ", text)
    for word in allowed:
        text = re.sub(r"(?<![A-Za-z_])" + re.escape(word) + r"(?![A-Za-z_])", " ", text)
    return _ENGLISH_RUN.findall(text)
