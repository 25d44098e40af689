// The team registry writes as library operations (lib/write/roster_write.hpp,
// lib/write/org_write.hpp, lib/write/training_write.hpp): each makes one commit with
// the message the CLI has always written, and keeps the record's other
// fields.
#include <catch2/catch.hpp>

#include <string>

#include "git_repo.hpp"
#include "org_write.hpp"
#include "roster_write.hpp"
#include "store.hpp"
#include "store_fixture.hpp"
#include "store_write.hpp"
#include "test_support.hpp"
#include "training_write.hpp"

using namespace mediate;
using test::Head;
using test::MakeStore;

namespace {

const Signature kOp{"测试员", "test@example.org"};
const Date kToday = Date::Parse("2026-03-02").value();

/// The commits that touched `path`, newest first.
std::vector<CommitInfo> Log(const Store& store, const std::string& path) {
  auto repo = GitRepo::Open(store.root());
  REQUIRE(repo.ok());
  auto log = repo->Log(path);
  REQUIRE(log.ok());
  return *log;
}

/// The store at `root` as it is on disk now, registries loaded.
Store Reopen(const Store& store) {
  auto again = Store::Open(store.root());
  REQUIRE(again.ok());
  REQUIRE(again->LoadRegistries().ok());
  return std::move(again.value());
}

/// A write on `store` dated kToday that commits (not a dry run).
StoreWrite BeginWrite(Store& store) {
  auto w = StoreWrite::Begin(store, WriteOptions{}, kToday);
  REQUIRE(w.ok());
  return std::move(w.value());
}

/// A training session held on 2026-03-01: `kind`, `title` and `hours` as
/// typed on the command line (hours in decimal hours, e.g. "1.5"); no level,
/// lecturer or attendees.
AddTrainingRequest Session(const std::string& kind, const std::string& title,
                           const std::string& hours) {
  AddTrainingRequest request;
  request.date = "2026-03-01";
  request.kind = kind;
  request.title = title;
  request.hours = hours;
  return request;
}

}  // namespace

TEST_CASE("mediator edit changes the given field, keeps the others, one commit", "[team_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  const std::string path = "mediators/M-0001.yaml";
  REQUIRE(Log(store, path).size() == 1);  // the init commit
  const std::string before = Head(store);

  StoreWrite w = BeginWrite(store);
  auto done = EditMediator(w, kOp, {"M-0001", {{"phone", "13800001234"}}});
  REQUIRE(done.ok());
  CHECK_FALSE(done->unchanged);
  CHECK(done->subject == "mediator edit: M-0001 phone");

  auto log = Log(store, path);
  REQUIRE(log.size() == 2);
  CHECK(log[0].id == done->commit);
  CHECK(Head(store) == done->commit);
  CHECK(Head(store) != before);
  CHECK(log[0].message ==
        "mediator edit: M-0001 phone\n\nMediate-Action: mediator-edit\n"
        "Mediate-Mediator: M-0001\n");
  CHECK(log[0].author.name == "测试员");

  // examples/wanbailin/mediators.csv row M-0001, phone replaced.
  Store after = Reopen(store);
  const Mediator& m = after.mediators().at("M-0001");
  CHECK(m.phone == "13800001234");
  CHECK(m.name == "汪雪强");
  CHECK(m.sex == "male");
  CHECK(m.born == Date::Parse("1979-12-08").value());
  CHECK(m.org == "WBL-CENTRE");
  CHECK(m.role == "engaged");
  CHECK(m.employment == "full_time");
  CHECK(m.grade == 3);
  CHECK(m.graded == Date::Parse("2021-10-15").value());
  CHECK(m.filed == Date::Parse("2011-06-01").value());
  CHECK(m.status == "active");
}

TEST_CASE("mediator edit to the values it has makes no commit", "[team_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  const std::string before = Head(store);
  StoreWrite w = BeginWrite(store);
  auto done = EditMediator(w, kOp, {"M-0001", {{"phone", "13760439571"}}});
  REQUIRE(done.ok());
  CHECK(done->unchanged);
  CHECK(done->commit.empty());
  CHECK(Head(store) == before);
}

TEST_CASE("mediator retire sets status and date in one commit, and twice is refused",
          "[team_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  {
    StoreWrite w = BeginWrite(store);
    auto done = RetireMediator(w, kOp, {"M-0002", Date::Parse("2026-03-01").value()});
    REQUIRE(done.ok());
    auto log = Log(store, "mediators/M-0002.yaml");
    REQUIRE(log.size() == 2);
    CHECK(log[0].id == done->commit);
    CHECK(log[0].message ==
          "mediator retire: M-0002 万桂\n\nMediate-Action: mediator-retire\n"
          "Mediate-Mediator: M-0002\n");
  }
  Store after = Reopen(store);
  const Mediator& m = after.mediators().at("M-0002");
  CHECK(m.status == "retired");
  CHECK(m.retired == Date::Parse("2026-03-01").value());
  CHECK(m.name == "万桂");
  CHECK(m.grade == 3);

  StoreWrite w = BeginWrite(after);
  auto again = RetireMediator(w, kOp, {"M-0002", kToday});
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().kind() == ErrorKind::kRejected);
  CHECK(again.status().message() == "M-0002 is already retired");
  CHECK(Log(store, "mediators/M-0002.yaml").size() == 2);
}

TEST_CASE("org edit changes the name, keeps kind and level, one commit", "[team_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  StoreWrite w = BeginWrite(store);
  auto done = EditOrg(w, kOp, {"WBL-ASSOC", {{"name", "万柏林区调解协会"}}});
  REQUIRE(done.ok());
  CHECK(done->subject == "org edit: WBL-ASSOC name");
  auto log = Log(store, done->org.Path());
  REQUIRE(log.size() == 2);
  CHECK(log[0].id == done->commit);
  CHECK(log[0].message ==
        "org edit: WBL-ASSOC name\n\nMediate-Action: org-edit\nMediate-Org: WBL-ASSOC\n");
  Store after = Reopen(store);
  const Organisation& o = after.orgs().at("WBL-ASSOC");
  CHECK(o.name == "万柏林区调解协会");
  CHECK(o.kind == "association");
  CHECK(o.level == "district");
  CHECK(o.status == "active");
}

TEST_CASE("training add records a session under the next id of its year", "[team_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  const std::string before = Head(store);
  StoreWrite w = BeginWrite(store);
  AddTrainingRequest request = Session("theory", "人民调解法解读", "1.5");
  request.level = "street";
  request.lecturer = "M-0009";
  request.attendees = {"M-0001", "M-0002"};
  auto done = AddTraining(w, kOp, request);
  REQUIRE(done.ok());
  // No session of 2026 in examples/wanbailin/trainings.csv: the first id.
  CHECK(done->training.id == "T-2026-001");
  CHECK(done->training.hours_tenths == 15);
  const std::string path = "trainings/2026/T-2026-001.yaml";
  auto log = Log(store, path);
  REQUIRE(log.size() == 1);
  CHECK(log[0].id == done->commit);
  CHECK(Head(store) == done->commit);
  CHECK(Head(store) != before);
  CHECK(log[0].message ==
        "training add: T-2026-001 人民调解法解读\n\nMediate-Action: training-add\n"
        "Mediate-Training: T-2026-001\n");
  auto text = store.ReadText(path);
  REQUIRE(text.ok());
  CHECK(text->find("M-0002") != std::string::npos);
}

TEST_CASE("training add with an unknown kind is refused and writes nothing", "[team_write]") {
  test::TempDir dir;
  Store store = MakeStore(dir, kOp);
  const std::string before = Head(store);
  StoreWrite w = BeginWrite(store);
  auto done = AddTraining(w, kOp, Session("juggling", "x", "2"));
  REQUIRE_FALSE(done.ok());
  CHECK(done.status().kind() == ErrorKind::kRejected);
  REQUIRE(done.status().diagnostics().size() == 1);
  CHECK(done.status().diagnostics()[0].field == "--kind");
  CHECK(Head(store) == before);
}
