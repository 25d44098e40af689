// The write path (lib/write/store_write.hpp, lib/write/intake.hpp): a change that would
// leave a record failing validation is refused whole, naming every file,
// and nothing is written; a valid change is one commit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include "case.hpp"
#include "case_record.hpp"
#include "intake.hpp"
#include "store.hpp"
#include "store_fixture.hpp"
#include "store_write.hpp"
#include "test_support.hpp"
#include "validate.hpp"
#include "yaml_io.hpp"

using namespace mediate;
using test::Head;
using test::MakeStore;
namespace fs = std::filesystem;

namespace {

const Signature kOp{"测试员", "test@example.org"};

/// A case file that names no category, source, summary or parties: the
/// schema requires them.
Value BrokenCase(const std::string& id) {
  auto v = ParseYaml("schema: \"case/1\"\nid: \"" + id + "\"\n", "test");
  REQUIRE(v.ok());
  return *v;
}

/// A draft any store accepts: category, source, summary, an applicant.
Case GoodDraft() {
  Case c;
  c.category = "neighbour";
  c.source = "application";
  c.summary = "楼上漏水";
  Party p;
  p.role = "applicant";
  p.kind = "person";
  p.name = "李某";
  c.parties.push_back(p);
  return c;
}

/// The day the writes of these tests are made.
const Date kToday = Date::Parse("2026-03-02").value();
/// The moment the intakes of these tests are made, on kToday.
const Timestamp kNine = Timestamp::Parse("2026-03-02T09:00:00+08:00").value();

/// A write on `store` dated kToday that commits.
StoreWrite BeginWrite(Store& store) {
  auto w = StoreWrite::Begin(store, WriteOptions{}, kToday);
  REQUIRE(w.ok());
  return std::move(w.value());
}

/// A dry run on `store` dated kToday: checks, writes nothing.
StoreWrite DryRun(Store& store) {
  auto w = StoreWrite::DryRun(store, kToday);
  REQUIRE(w.ok());
  return std::move(w.value());
}

/// Stages GoodDraft() in `w` as an intake at kNine (channel "intake", no
/// consultation) and gives the case it registered.
Case StageGood(StoreWrite& w) {
  auto c = StageIntake(w, GoodDraft(), kOp, kNine, "intake", "", nullptr);
  REQUIRE(c.ok());
  return *c;
}

}  // namespace

TEST_CASE("a write whose record fails validation is refused, naming the file", "[store_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  const std::string head = Head(store);
  StoreWrite w = BeginWrite(store);
  const std::string path = "cases/2026/03/WBL-2026-000001.yaml";
  w.Put(path, BrokenCase("WBL-2026-000001"));
  auto commit = w.Commit(kOp, "intake: test\n");
  REQUIRE_FALSE(commit.ok());
  const Status st = commit.status();
  CHECK(st.kind() == ErrorKind::kRejected);
  CHECK(st.message().find(path) != std::string::npos);
  REQUIRE_FALSE(st.diagnostics().empty());
  for (const auto& d : st.diagnostics()) CHECK(d.where.file == path);
  // Nothing written: no file, HEAD where it was.
  CHECK_FALSE(fs::exists(fs::path(store.root()) / path));
  CHECK(Head(store) == head);
}

TEST_CASE("a batch with two bad files lists both and writes none", "[store_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  const std::string head = Head(store);
  StoreWrite w = BeginWrite(store);
  const std::string bad1 = "cases/2026/03/WBL-2026-000001.yaml";
  const std::string bad2 = "cases/2026/03/WBL-2026-000003.yaml";
  // A good case between the two bad ones: it is not written either.
  CHECK(StageGood(w).id == "WBL-2026-000001");  // the first case of the store's office in 2026
  w.Put(bad1, BrokenCase("WBL-2026-000001"));   // replaces the good one at that path
  w.Put(bad2, BrokenCase("WBL-2026-000003"));
  auto commit = w.Commit(kOp, "import: test\n");
  REQUIRE_FALSE(commit.ok());
  const Status st = commit.status();
  CHECK(st.kind() == ErrorKind::kRejected);
  const std::string& m = st.message();
  CHECK(m.find("2 file(s)") != std::string::npos);
  CHECK(m.find(bad1) != std::string::npos);
  CHECK(m.find(bad2) != std::string::npos);
  CHECK_FALSE(fs::exists(fs::path(store.root()) / bad1));
  CHECK_FALSE(fs::exists(fs::path(store.root()) / bad2));
  CHECK(Head(store) == head);
}

TEST_CASE("an intake through the write path is one commit with the next id", "[store_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  const std::string head = Head(store);
  StoreWrite w = BeginWrite(store);
  std::vector<Diagnostic> warnings;
  auto done = IntakeCase(w, GoodDraft(), kOp, kNine, &warnings);
  REQUIRE(done.ok());
  CHECK(done->record.id == "WBL-2026-000001");
  CHECK(done->category_label == "邻里纠纷");
  CHECK(fs::exists(fs::path(store.root()) / "cases/2026/03/WBL-2026-000001.yaml"));
  CHECK(Head(store) != head);
  CHECK(done->commit.size() == 40);
  // IDs staged in one write are not handed out twice.
  StoreWrite w2 = DryRun(store);
  CHECK(*w2.NextCaseId(2026) == "WBL-2026-000002");
  CHECK(*w2.NextCaseId(2026) == "WBL-2026-000003");
  CHECK(*w2.NextCaseIds(2025, 2) == std::vector<std::string>{"WBL-2025-000001", "WBL-2025-000002"});
}

TEST_CASE("a dry run checks the records and writes nothing", "[store_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  StoreWrite w = DryRun(store);
  CHECK(w.dry_run());
  w.Put("cases/2026/03/WBL-2026-000001.yaml", BrokenCase("WBL-2026-000001"));
  auto refused = w.Commit(kOp, "x\n");
  CHECK_FALSE(refused.ok());
  StoreWrite w2 = DryRun(store);
  StageGood(w2);
  auto ok = w2.Commit(kOp, "x\n");
  REQUIRE(ok.ok());
  CHECK(ok->empty());
  CHECK_FALSE(fs::exists(fs::path(store.root()) / "cases/2026/03/WBL-2026-000001.yaml"));
}

TEST_CASE("a refused record's problems are placed at their line in the text it would have had",
          "[store_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  StoreWrite w = DryRun(store);
  const Case c = StageGood(w);
  Case bad = c;
  bad.category = "no-such-category";
  const std::string path = "cases/2026/03/WBL-2026-000001.yaml";
  const std::string text = EmitYaml(CaseToValue(bad));
  w.Put(path, CaseToValue(bad));  // replaces the good record at that path
  auto refused = w.Commit(kOp, "x\n");
  REQUIRE_FALSE(refused.ok());
  // The line of "category:" in the text that would have been written.
  const std::size_t at = text.find("\ncategory:");
  REQUIRE(at != std::string::npos);
  const int line = 2 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  bool placed = false;
  const Status st = refused.status();
  for (const auto& d : st.diagnostics())
    if (d.where.file == path && d.field == "category") placed = d.where.line == line;
  CHECK(placed);
}

TEST_CASE("CheckRecordValue finds in a built record what the text check finds", "[store_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  StoreWrite w = DryRun(store);
  const Case c = StageGood(w);
  const std::string path = "cases/2026/03/WBL-2026-000001.yaml";
  DiagnosticSink good;
  CheckRecordValue(store, path, CaseToValue(c), kToday, {}, &good);
  CHECK_FALSE(good.has_errors());
  // Filed under the wrong month: the path check of the record's kind.
  DiagnosticSink misplaced;
  CheckRecordValue(store, "cases/2026/04/WBL-2026-000001.yaml", CaseToValue(c), kToday, {},
                   &misplaced);
  REQUIRE(misplaced.has_errors());
  CHECK(misplaced.items().front().field == "id");
  Case bad = c;
  bad.category = "no-such-category";
  DiagnosticSink unknown;
  CheckRecordValue(store, path, CaseToValue(bad), kToday, {}, &unknown);
  CHECK(unknown.has_errors());
}
