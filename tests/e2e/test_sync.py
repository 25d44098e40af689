"""End to end: `mediate sync` against a real git server. The test starts `git daemon` with
receive-pack enabled on 127.0.0.1 at a free port, serving a bare copy of an example store;
desks are made with `mediate clone git://127.0.0.1:PORT/...` and exchange their work with
`sync` only (docs/offices.md, "Syncing").

Expected values come from what the test registered (each office's numbers start at 1 in
the year; a ledger of N rows takes the next N numbers), never from the program's output."""
import csv
import glob
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
import unittest

import yaml

from mediate_support import EXAMPLE_SETUP, LEDGERS, MEDIATE, citizen_id, operator_env, run_at

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STREET, COMMUNITY, GRID = "140109005", "140109005003", "140109005003011"
MEDIATOR = "M-0318"  # an active mediator of C-140109005003 (examples/wanbailin/mediators.csv)
SHARED = "WBL-2026-000001"  # registered, routed and assigned before the desks are cloned
LEDGER_ROWS = 10


def git(repo, *args, env=None):
    return subprocess.run(["git", "-C", repo] + list(args), capture_output=True, text=True,
                          env=env)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def street_offices():
    """(code, street code) of every street office in examples/wanbailin/offices.csv."""
    with open(os.path.join(EXAMPLE_SETUP, "offices.csv"), encoding="utf-8") as f:
        return [(r["code"], r["street_code"]) for r in csv.DictReader(f) if r["street_code"]]


class GitServer:
    """`git daemon` serving the bare repositories under `base` on 127.0.0.1."""

    def __init__(self, base, env):
        self.base = base
        for _ in range(20):
            self.port = free_port()
            self.proc = subprocess.Popen(
                ["git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack",
                 "--listen=127.0.0.1", "--port=%d" % self.port, "--base-path=" + base, base],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.time() + 10
            while time.time() < deadline and self.proc.poll() is None:
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                    return
                except OSError:
                    time.sleep(0.05)
            self.stop()
        raise RuntimeError("git daemon did not start")

    def url(self, name):
        return "git://127.0.0.1:%d/%s" % (self.port, name)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


class SyncTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="mediate-sync-")
        cls.env = operator_env(cls.base, "测试员 <t@example.org>")
        with open(cls.env["GIT_CONFIG_GLOBAL"], "w") as f:
            f.write("[user]\n\tname = 测试员\n\temail = t@example.org\n"
                    "[init]\n\tdefaultBranch = main\n")
        cls.template = os.path.join(cls.base, "S")
        cls.ok(["init", cls.template, "--from", EXAMPLE_SETUP], "2026-03-01T08:00:00+08:00")
        cls.ok(["-C", cls.template, "intake", "--received", "2026-03-02T09:30:00+08:00",
                "--source", "application", "--category", "neighbour", "--summary", "楼上漏水",
                "--street", STREET, "--community", COMMUNITY, "--grid", GRID,
                "--amount", "3500", "--applicant", "李某",
                "--applicant-id", citizen_id("14010919800101123"),
                "--respondent", "王某"], "2026-03-02T09:30:00+08:00")
        cls.ok(["-C", cls.template, "route", "id:" + SHARED], "2026-03-02T11:00:00+08:00")
        cls.ok(["-C", cls.template, "assign", SHARED, MEDIATOR], "2026-03-02T14:00:00+08:00")
        cls.repos = os.path.join(cls.base, "srv")
        os.makedirs(cls.repos)
        cls.server = GitServer(cls.repos, cls.env)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.base, ignore_errors=True)

    @classmethod
    def ok(cls, args, now):
        r = run_at(cls.env, now, args)
        assert r.returncode == 0, "mediate %s: exit %d: %s" % (args, r.returncode, r.stderr)
        return r

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="t-", dir=self.base)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers --------------------------------------------------------------

    def new_server_repo(self, name):
        """A bare copy of the template under the daemon, refusing non-fast-forward pushes
        as docs/offices.md tells the district to set up its server."""
        bare = os.path.join(self.repos, name)
        subprocess.run(["git", "clone", "-q", "--bare", self.template, bare], check=True,
                       env=self.env)
        git(bare, "config", "receive.denyNonFastForwards", "true")
        return bare

    def clone(self, url, name, office):
        desk = os.path.join(self.tmp, name)
        self.ok(["clone", url, desk, "--office", office], "2026-03-03T08:00:00+08:00")
        return desk

    def at(self, desk, now, *args, code=0, env=None):
        r = subprocess.run([MEDIATE, "-C", desk] + list(args), capture_output=True, text=True,
                           env=dict(self.env, MEDIATE_NOW=now, **(env or {})), timeout=600)
        if code is not None:
            self.assertEqual(r.returncode, code, "%s: %s%s" % (args, r.stdout, r.stderr))
        return r

    def intake(self, desk, street, now, summary):
        self.at(desk, now, "intake", "--received", now, "--source", "application",
                "--category", "neighbour", "--summary", summary, "--street", street,
                "--applicant", "张某", "--respondent", "赵某")

    def head(self, repo, ref="HEAD"):
        return git(repo, "rev-parse", ref).stdout.strip()

    def server_cases(self, bare):
        names = git(bare, "ls-tree", "-r", "--name-only", "main", "cases").stdout.split()
        return [os.path.basename(n)[:-5] for n in names if n.endswith(".yaml")]

    def case(self, desk, case_id):
        [path] = glob.glob(os.path.join(desk, "cases", "*", "*", case_id + ".yaml"))
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=LOADER)

    def assertNoMarkers(self, desk):
        for f in glob.glob(os.path.join(desk, "**", "*.yaml"), recursive=True):
            with open(f, encoding="utf-8") as fh:
                text = fh.read()
            for marker in ("<<<<<<<", ">>>>>>>", "\n=======\n"):
                self.assertNotIn(marker, text, f)

    # -- tests ----------------------------------------------------------------

    def test_fourteen_offices_and_a_second_desk_sync_through_the_server(self):
        bare = self.new_server_repo("district.git")
        url = self.server.url("district.git")
        offices = street_offices()
        self.assertEqual(len(offices), 14)
        desks = {code: self.clone(url, code.lower(), code) for code, _ in offices}
        # A second XJY desk made by copying the first desk's folder instead of with
        # `mediate clone`: it shares the first desk's name and so its reserved blocks
        # (docs/offices.md) — the one way two desks can still give one number.
        second = os.path.join(self.tmp, "xjy-2")
        shutil.copytree(desks["XJY"], second, symlinks=True)
        streets = dict(offices)
        expected = {SHARED}

        # Offline: every office registers one case; XJY also imports a ledger.
        for i, (code, street) in enumerate(offices):
            self.intake(desks[code], street, "2026-03-04T%02d:00:00+08:00" % (8 + i % 10),
                        "%s的纠纷" % code)
            expected.add("%s-2026-000001" % code)
        # The copied desk registers offline too: the same first number. Whichever syncs
        # later has its case renumbered to the next number of the blocks free there.
        self.intake(second, streets["XJY"], "2026-03-04T15:00:00+08:00", "第二个窗口的纠纷")
        expected.add("XJY-2026-%06d" % (2 + LEDGER_ROWS))
        ledger = os.path.join(self.tmp, "ledger.csv")
        with open(os.path.join(LEDGERS, "ledger-2026q1.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines(True)
        with open(ledger, "w", encoding="utf-8") as f:
            f.writelines(lines[:1 + LEDGER_ROWS])
        self.at(desks["XJY"], "2026-03-05T09:00:00+08:00", "import", ledger)
        expected.update("XJY-2026-%06d" % n for n in range(2, 2 + LEDGER_ROWS))

        # The shared case: a session and an extension merge into one timeline; an
        # agreement and a termination on two other desks are a planted conflict.
        self.at(desks["WH"], "2026-03-09T15:00:00+08:00", "session", SHARED, "--mode",
                "on_site")
        self.at(desks["HP"], "2026-03-10T09:00:00+08:00", "extend", SHARED, "--to",
                "2026-04-30", "--consent")
        self.at(desks["DS"], "2026-03-11T09:00:00+08:00", "agree", SHARED, "--form", "oral",
                "--terms", "当场赔偿")
        self.at(desks["XM"], "2026-03-12T09:00:00+08:00", "terminate", SHARED, "--reason",
                "分歧过大")

        # Sync rounds in a shuffled order; two desks sync at the same moment.
        order = list(desks)
        random.Random(20261207).shuffle(order)
        pair, rest = order[:2], order[2:]
        procs = [subprocess.Popen([MEDIATE, "-C", desks[c], "sync"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=dict(self.env, MEDIATE_NOW="2026-03-13T08:00:00+08:00"))
                 for c in pair]
        for p in procs:
            out, err = p.communicate(timeout=300)
            self.assertEqual(p.returncode, 0, out + err)
        for code in rest:
            self.at(desks[code], "2026-03-13T09:00:00+08:00", "sync")

        # The second XJY desk syncs last: its offline case had taken a number first
        # given on the server.
        self.at(second, "2026-03-13T10:00:00+08:00", "sync")

        # The conflict is on the server: a desk lists it, settles it and syncs.
        fixer = desks["WBJ"]
        self.at(fixer, "2026-03-14T09:00:00+08:00", "sync")
        listed = self.at(fixer, "2026-03-14T09:00:00+08:00", "conflicts", "--format", "csv",
                         code=1)
        rows = listed.stdout.strip().splitlines()[1:]
        self.assertEqual(len(rows), 1, listed.stdout)
        self.assertTrue(rows[0].startswith(SHARED + ",events,"), rows[0])
        self.at(fixer, "2026-03-14T09:30:00+08:00", "resolve", SHARED, "--take", "ours",
                "--reason", "以先到者为准")
        self.at(fixer, "2026-03-14T10:00:00+08:00", "sync")

        # A final round: every desk equals the server.
        for desk in list(desks.values()) + [second]:
            self.at(desk, "2026-03-15T09:00:00+08:00", "sync")
        server_head = self.head(bare, "main")
        cases = self.server_cases(bare)
        self.assertEqual(sorted(cases), sorted(expected))
        self.assertEqual(len(cases), len(set(cases)))
        for desk in list(desks.values()) + [second]:
            self.assertEqual(self.head(desk), server_head, desk)
            self.assertEqual(git(desk, "status", "--porcelain").stdout, "", desk)
        probe = desks["QF"]
        self.assertNoMarkers(probe)
        self.at(probe, "2026-03-15T10:00:00+08:00", "validate")
        self.at(probe, "2026-03-15T10:00:00+08:00", "conflicts")
        self.at(probe, "2026-03-15T10:00:00+08:00", "audit")
        file_nos = [self.case(probe, c).get("file_no") for c in expected]
        file_nos = [n for n in file_nos if n]
        self.assertEqual(len(file_nos), len(set(file_nos)))
        shared = self.case(probe, SHARED)
        types = [e["type"] for e in shared["events"]]
        # Both mergeable steps are in the timeline, in time order, with one of the two
        # conflicting ends, and the resolution.
        self.assertEqual(types[:5], ["received", "routed", "assigned", "session", "extended"])
        self.assertIn(types[5], ("agreed", "terminated"))
        self.assertEqual(types[6:], ["resolved"])
        self.assertNotIn("conflicts", shared)
        self.assertEqual(shared["deadline"], "2026-04-30")
        # One case was renumbered, keeping the number it was registered under.
        renumbered = []
        for c in expected:
            for e in self.case(probe, c)["events"]:
                if e["type"] == "renumbered":
                    renumbered.append((c, e["from"]))
        self.assertEqual(len(renumbered), 1, renumbered)
        self.assertEqual(renumbered[0], ("XJY-2026-%06d" % (2 + LEDGER_ROWS), "XJY-2026-000001"))
        # Its file number, derived from the old id, follows the new one (XJY: 万小人调字).
        moved = self.case(probe, renumbered[0][0])
        self.assertEqual(moved["file_no"], "（2026）万小人调字第%d号" % (2 + LEDGER_ROWS))
        event = [e for e in moved["events"] if e["type"] == "renumbered"][0]
        self.assertEqual(event["file_no_from"], "（2026）万小人调字第1号")
        # Merge commits carry the trailer.
        log = git(probe, "log", "--merges", "--format=%B").stdout
        self.assertIn("Mediate-Action: sync", log)

    def test_uncommitted_changes_are_refused_by_name(self):
        self.new_server_repo("dirty.git")
        desk = self.clone(self.server.url("dirty.git"), "a", "HP")
        path = os.path.join(desk, "mediate.yaml")
        with open(path, "a", encoding="utf-8") as f:
            f.write("# 手改\n")
        before = self.head(desk)
        r = self.at(desk, "2026-03-05T09:00:00+08:00", "sync", code=3)
        self.assertIn("mediate.yaml", r.stderr)
        self.assertIn("uncommitted", r.stderr)
        self.assertEqual(self.head(desk), before)

    def test_a_store_without_a_remote_is_told_how_to_get_one(self):
        r = self.at(self.template, "2026-03-05T09:00:00+08:00", "sync", code=3)
        self.assertIn("mediate clone", r.stderr)

    def test_a_kill_at_any_step_leaves_before_or_after_and_the_next_sync_completes(self):
        """A desk with one new case syncs with a server that has another desk's case. Killed
        at the N-th durable step for every N the sync passes: after `recover` the clone is as
        before (HEAD, clean tree) or as after (a merge of both), and the next sync completes
        with both cases here and on the server."""
        seed = self.new_server_repo("seed.git")
        a = self.clone(self.server.url("seed.git"), "a", "HP")
        b = self.clone(self.server.url("seed.git"), "b", "WH")
        self.intake(a, "140109003", "2026-03-04T09:00:00+08:00", "和平的纠纷")
        self.intake(b, "140109015", "2026-03-04T10:00:00+08:00", "王化的纠纷")
        self.at(b, "2026-03-04T11:00:00+08:00", "sync")
        theirs = self.head(seed, "main")
        mine = self.head(a)
        want = {SHARED, "HP-2026-000001", "WH-2026-000001"}
        killed_at, states = [], set()
        for n in range(1, 60):
            name = "kill-%d.git" % n
            shutil.copytree(seed, os.path.join(self.repos, name))
            desk = os.path.join(self.tmp, "a-%d" % n)
            shutil.copytree(a, desk, symlinks=True)
            git(desk, "remote", "set-url", "origin", self.server.url(name))
            r = self.at(desk, "2026-03-05T09:00:00+08:00", "sync", code=None,
                        env={"MEDIATE_FAULT": "kill-at:%d" % n})
            if r.returncode == 0:
                break
            self.assertEqual(r.returncode, -9, r.stderr)
            killed_at.append(n)
            self.at(desk, "2026-03-05T09:01:00+08:00", "recover")
            head = self.head(desk)
            self.assertEqual(git(desk, "status", "--porcelain").stdout, "", "kill-at:%d" % n)
            states.add("before" if head == mine else "after")
            if head != mine:
                parents = git(desk, "log", "-1", "--format=%P").stdout.split()
                self.assertEqual(parents, [mine, theirs], "kill-at:%d" % n)
            self.at(desk, "2026-03-05T09:02:00+08:00", "sync")
            self.assertEqual(self.head(desk), self.head(os.path.join(self.repos, name), "main"))
            self.assertEqual(sorted(self.server_cases(os.path.join(self.repos, name))),
                             sorted(want), "kill-at:%d" % n)
            self.at(desk, "2026-03-05T09:03:00+08:00", "validate")
            shutil.rmtree(desk)
        # The steps: fetch, the journal, the files, the objects, the ref, the push.
        self.assertGreaterEqual(len(killed_at), 6, killed_at)
        self.assertEqual(states, {"before", "after"})


if __name__ == "__main__":
    unittest.main()
