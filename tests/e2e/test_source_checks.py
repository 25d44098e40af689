"""scripts/check-source, the test command's check of the tree's shape: it
names a cli/ file that includes a git, YAML, transaction, journal or lock
header, a lib/ file that calls getenv and a Catch2 test name with a ';',
and passes a tree that has none."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ.get("MEDIATE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CHECK = os.path.join(SOURCE, "scripts", "check-source")


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


class SourceChecksTest(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="mediate-source-")
        write(self.root, "cli/cmd_show.cpp", '#include "store.hpp"\n#include <CLI/CLI.hpp>\n')
        write(self.root, "lib/store/store.cpp",
              '#include "store.hpp"\n// getenv("MEDIATE_X") is read by the CLI, not here\n'
              'int f() { return 1; }\n')

    def tearDown(self):
        shutil.rmtree(self.root)

    def check(self):
        return subprocess.run([sys.executable, CHECK, self.root], capture_output=True, text=True)

    def test_clean_tree_passes(self):
        p = self.check()
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertEqual(p.stdout, "")

    def test_cli_including_io_headers_fails(self):
        write(self.root, "cli/cmd_route.cpp",
              '#include "store.hpp"\n#include "write_transaction.hpp"\n#include <git2.h>\n'
              '#include "yaml_io.hpp"\n')
        write(self.root, "cli/command.hpp", '#pragma once\n#include "git_repo.hpp"\n')
        p = self.check()
        self.assertEqual(p.returncode, 1)
        lines = p.stdout.splitlines()
        self.assertEqual(len(lines), 4, p.stdout)
        self.assertTrue(lines[0].startswith('cli/cmd_route.cpp:2: cli-io: includes "write_transaction.hpp"'))
        self.assertTrue(lines[1].startswith('cli/cmd_route.cpp:3: cli-io: includes "git2.h"'))
        self.assertTrue(lines[2].startswith('cli/cmd_route.cpp:4: cli-io: includes "yaml_io.hpp"'))
        self.assertTrue(lines[3].startswith('cli/command.hpp:2: cli-io: includes "git_repo.hpp"'))

    def test_io_header_behind_a_project_header_fails(self):
        write(self.root, "lib/store/history.hpp", '#pragma once\n#include "git_repo.hpp"\n')
        write(self.root, "lib/report/report.hpp", '#pragma once\n#include "history.hpp"\n')
        write(self.root, "cli/cmd_history.cpp", '#include <string>\n#include "report.hpp"\n')
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            'cli/cmd_history.cpp:2: cli-io: includes "git_repo.hpp" through report.hpp -> '
            'history.hpp; the CLI calls a library operation instead (docs/architecture.md)'])

    def test_getenv_in_lib_fails(self):
        write(self.root, "lib/base/time.cpp",
              '#include <cstdlib>\nconst char* f() {\n  return std::getenv("MEDIATE_NOW");\n}\n')
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            "lib/base/time.cpp:3: lib-getenv: the library reads the environment; read it in cli/ "
            "and pass the value in"])

    def test_semicolon_in_test_name_fails(self):
        write(self.root, "tests/unit/store_test.cpp",
              'TEST_CASE("opens a store", "[store]") {}\n'
              'TEST_CASE("retire sets the date; twice is refused", "[team]") {}\n')
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            'tests/unit/store_test.cpp:2: test-name: "retire sets the date; twice is refused" '
            "holds a ';', which splits it into ctest entries that match no test"])


if __name__ == "__main__":
    unittest.main()
