"""scripts/check-source, the test command's check of the tree's shape: it
names a cli/ file that includes a git, YAML, transaction, journal or lock
header, a lib/ file that includes a header of a higher layer or lies in no
layer, two headers of one name, an include cycle, a source file over 600
lines, a citation of a document outside the repository, a lib/ file that
calls getenv, a Catch2 test name with a ';', and a presentation Table below
the rendering layer or a column looked up by name outside the renderers, and
passes a tree that has none."""
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
        write(self.root, "lib/store/store.hpp", '#pragma once\n#include "time.hpp"\n')
        write(self.root, "lib/base/time.hpp", '#pragma once\n#include <string>\n')
        write(self.root, "lib/domain/routing.hpp", '#pragma once\n#include "store.hpp"\n')
        write(self.root, "docs/architecture.md",
              "# Architecture\n\nLayers, lowest first: `base` → `store` →\n`domain` → `report`; `cli/` on top.\n")

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

    def test_include_from_a_higher_layer_fails(self):
        write(self.root, "lib/base/time.cpp", '#include "time.hpp"\n#include "routing.hpp"\n')
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            'lib/base/time.cpp:2: lib-layer: includes "routing.hpp" of the domain layer, above '
            'base (docs/architecture.md)',
            # routing.hpp includes store.hpp, which includes time.hpp: a cycle too.
            "include-cycle: routing -> store -> time -> routing; move what both need into a "
            "lower module"])

    def test_file_outside_the_layers_fails(self):
        write(self.root, "lib/misc/util.cpp", "int g() { return 2; }\n")
        write(self.root, "lib/flat.cpp", "int h() { return 3; }\n")
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            "lib/flat.cpp: lib-layer: not in a layer folder of lib/ (base, store, domain, "
            "report; docs/architecture.md)",
            "lib/misc/util.cpp: lib-layer: not in a layer folder of lib/ (base, store, domain, "
            "report; docs/architecture.md)"])

    def test_two_headers_of_one_name_fail(self):
        write(self.root, "lib/domain/time.hpp", "#pragma once\n")
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            "lib/domain/time.hpp: header-name: time.hpp is also lib/base/time.hpp; header base "
            "names are unique"])

    def test_include_cycle_fails(self):
        # Both in one layer, so only the cycle is wrong.
        write(self.root, "lib/store/index.hpp", '#pragma once\n#include "store.hpp"\n')
        write(self.root, "lib/store/store.cpp", '#include "store.hpp"\n#include "index.hpp"\n')
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            "include-cycle: index -> store -> index; move what both need into a lower module"])

    def test_missing_layer_order_fails(self):
        os.remove(os.path.join(self.root, "docs", "architecture.md"))
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertIn("lib-layer: declares no layer order", p.stdout)

    def test_long_file_fails(self):
        write(self.root, "lib/store/big.cpp", "int x;\n" * 601)
        write(self.root, "cli/cmd_ok.cpp", "int y;\n" * 600)  # at the limit: fine
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            "lib/store/big.cpp: file-size: 601 lines; split it by concept (at most 600)"])

    def test_citing_documents_outside_the_tree_fails(self):
        # Spelled in pieces so that this file does not cite them itself.
        design, domain, tracker = "DES" + "IGN.md", "DOM" + "AIN \u00a73", "iss" + "ue 7"
        write(self.root, "docs/team.md", f"# Team\n\nAs {design} says.\n")
        write(self.root, "lib/base/time.hpp", f"#pragma once\n// ({tracker} item 6) and {domain}\n")
        write(self.root, "build/notes.md", design)  # build output is not the tree
        p = self.check()
        self.assertEqual(p.returncode, 1)
        out = p.stdout.splitlines()
        self.assertEqual(len(out), 3, p.stdout)
        self.assertTrue(out[0].startswith(f'docs/team.md:3: outside-docs: "{design}"'), out[0])
        self.assertTrue(out[1].startswith('lib/base/time.hpp:2: outside-docs: "(' + tracker + '"'),
                        out[1])
        self.assertTrue(out[2].startswith(f'lib/base/time.hpp:2: outside-docs: "{domain[:-1]}"'),
                        out[2])

    def test_tables_below_the_rendering_layer_fail(self):
        # The renderers and the CLI may build Tables and look columns up.
        write(self.root, "lib/report/table.hpp",
              "#pragma once\nstruct Table { int ColumnIndex(const char* n) const; };\n")
        write(self.root, "lib/report/report_render.cpp",
              '#include "table.hpp"\nint f(const Table& t) { return t.ColumnIndex("x"); }\n')
        write(self.root, "cli/cmd_list.cpp", '#include "table.hpp"\nTable t;\n')
        write(self.root, "lib/domain/csv_table.hpp", "// A Table is built later\nstruct CsvTable {};\n")
        self.assertEqual(self.check().returncode, 0, self.check().stdout)
        # A domain module that builds a Table, and a report that reads one back by name.
        write(self.root, "lib/domain/alerts.cpp", "struct Row {};\nTable AlertsTable();\n")
        write(self.root, "lib/report/report.cpp",
              '#include "table.hpp"\nint n(const Table& t) { return t.ColumnIndex("cases"); }\n')
        write(self.root, "cli/cmd_roster.cpp", 'int i = t.ColumnIndex ("id");\n')
        p = self.check()
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.splitlines(), [
            "lib/domain/alerts.cpp:2: table-render: a presentation Table below the report layer; "
            "return a typed result and lay it out in lib/report/",
            "lib/report/report.cpp:2: table-render: looks a column up by name; read the typed "
            "result (only the renderers do that)",
            "cli/cmd_roster.cpp:1: table-render: looks a column up by name; read the typed "
            "result (only the renderers do that)"])


if __name__ == "__main__":
    unittest.main()
