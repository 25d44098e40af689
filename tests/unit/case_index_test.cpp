// The derived index (lib/store/case_index.hpp): whatever happens to the files or
// to the index, a scan through the index equals a cold parse of every file.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <unordered_set>

#include "case_index.hpp"
#include "case_record.hpp"
#include "git_repo.hpp"
#include "index_watch.hpp"
#include "keyed_hash.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "settings.hpp"
#include "store.hpp"
#include "test_support.hpp"
#include "watchman.hpp"
#include "yaml_io.hpp"

using namespace mediate;
namespace fs = std::filesystem;

namespace {

const char* kSettings =
    "schema: \"settings/1\"\n"
    "district: {code: \"140109\", name: \"万柏林区\"}\n"
    "office: \"WBL\"\n"
    "time_zone: \"Asia/Shanghai\"\n"
    "file_no_word: \"万人调字\"\n";

/// Restores the real racy margin when a test ends.
struct RacyMargin {
  explicit RacyMargin(std::int64_t ns) { SetRacyMarginForTesting(ns); }
  ~RacyMargin() { SetRacyMarginForTesting(kRacyMarginNs); }
};

Event Ev(const std::string& at, const std::string& type,
         std::vector<std::pair<std::string, Value>> payload = {}) {
  Event e;
  e.at = *Timestamp::Parse(at);
  e.type = type;
  e.by = "王某 <wang@example.org>";
  for (auto& [k, v] : payload) e.payload.Set(k, std::move(v));
  return e;
}

/// A case received on 2026-`month`-`day`, carried through `stage` steps
/// of a full life: 0 received, 1 routed, 2 assigned, 3 agreed, 4
/// confirmation + performance + visit, 5 closed.
Case MakeCase(int seq, int month, int day, const std::string& category, int stage) {
  Case c;
  c.id = FormatCaseId("WBL", 2026, seq);
  c.file_no = "（2026）万人调字第" + std::to_string(seq) + "号";
  char at[64];
  std::snprintf(at, sizeof at, "2026-%02d-%02dT09:30:00+08:00", month, day);
  c.received = *Timestamp::Parse(at);
  c.source = seq % 3 == 0 ? "court_delegated" : "application";
  c.category = category;
  c.summary = "楼上卫生间漏水致楼下天花板受损，双方就维修费用发生争执";
  if (seq % 2) c.amount = Money::FromFen(350000 + seq);
  c.people_involved = 2;
  c.place = {"140109005", "140109005001", "140109005001007", "3号楼2单元"};
  c.parties.push_back({"applicant", "person", "李某", "140109198001011239", "", "13800001234"});
  c.parties.push_back(
      {"respondent", "organisation", "太原某物业服务有限公司", "", "91140109MA0K3PQ7RG", ""});
  c.risk = seq % 4 == 0 ? "orange" : "yellow";
  c.migrated = seq % 5 == 0;
  std::string date = std::string(at).substr(0, 10);
  auto t = [&](const char* hm) { return date + "T" + hm + ":00+08:00"; };
  c.events.push_back(Ev(at, "received"));
  if (stage >= 1)
    c.events.push_back(Ev(t("10:05"), "routed",
                          {{"org", Value::String("C-140109005001")},
                           {"level", Value::String("community")},
                           {"rule", Value::String("default-community")}}));
  if (stage >= 2) {
    c.events.push_back(Ev(t("11:00"), "assigned", {{"mediators", Value::Strings({"M-0307"})}}));
    if (seq % 2 == 0)
      c.events.push_back(Ev(t("11:30"), "extended", {{"deadline", Value::String("2026-12-31")}}));
  }
  if (stage >= 3)
    c.events.push_back(Ev(t("15:00"), "agreed", {{"form", Value::String("written")}}));
  if (stage >= 4) {
    c.events.push_back(Ev(t("15:30"), "confirmation", {{"result", Value::String("applied")}}));
    c.events.push_back(Ev(t("16:00"), "performance", {{"performance", Value::String("full")}}));
    c.events.push_back(Ev(t("17:00"), "visited"));
  }
  if (stage >= 5) c.events.push_back(Ev(t("18:00"), "closed"));
  Settings s;
  s.time_zone = *TimeZone::Find("Asia/Shanghai");
  Derived d = Replay(c, s);
  c.state = d.state;
  return c;
}

/// A store in a temporary directory: mediate.yaml, an empty .git/, cases.
class TestStore {
 public:
  TestStore() {
    test::WriteFile(dir_.path() / "mediate.yaml", kSettings);
    fs::create_directories(dir_.path() / ".git");
  }
  const fs::path& root() const { return dir_.path(); }
  Store Open() const {
    auto s = Store::Open(dir_.str());
    REQUIRE(s.ok());
    return std::move(s.value());
  }
  /// Writes case `c` where the store keeps it; returns its relative path.
  std::string Put(const Case& c) {
    std::string rel = c.PathIn(*TimeZone::Find("Asia/Shanghai"));
    test::WriteFile(root() / rel, EmitYaml(CaseToValue(c)));
    return rel;
  }
  std::string Read(const std::string& rel) const { return test::ReadFile(root() / rel); }
  void Write(const std::string& rel, const std::string& text) {
    test::WriteFile(root() / rel, text);
  }
  fs::path IndexDir() const { return root() / ".git" / "mediate" / "index"; }

 private:
  test::TempDir dir_;
};

/// Fills a store with `n` cases over three months, at every stage.
std::vector<std::string> Fill(TestStore& ts, int n, int first_seq = 1) {
  const char* cats[] = {"neighbour", "contract", "labour", "business", "marriage_family"};
  std::vector<std::string> paths;
  for (int i = 0; i < n; ++i) {
    int seq = first_seq + i;
    paths.push_back(ts.Put(MakeCase(seq, 1 + seq % 3, 1 + seq % 28, cats[seq % 5], seq % 6)));
  }
  return paths;
}

/// The scan through the index equals a cold scan, field by field.
CaseScan RequireSameAsCold(const Store& store) {
  CaseScan warm = ScanWithIndex(store, {});
  ScanOptions cold_options;
  cold_options.use_index = false;
  CaseScan cold = store.ScanCases(cold_options);
  REQUIRE(warm.cases.size() == cold.cases.size());
  for (std::size_t i = 0; i < cold.cases.size(); ++i) {
    INFO(cold.cases[i].path);
    CHECK(SummaryDifference(warm.cases[i], cold.cases[i]) == "");
  }
  CHECK(warm.unreadable == cold.unreadable);
  REQUIRE(warm.problems.size() == cold.problems.size());
  for (std::size_t i = 0; i < cold.problems.size(); ++i)
    CHECK(warm.problems[i].ToString() == cold.problems[i].ToString());
  return warm;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

struct timespec MtimeOf(const fs::path& p) {
  struct stat st;
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mtim;
}

void SetMtime(const fs::path& p, struct timespec mtime) {
  struct timespec times[2] = {mtime, mtime};
  REQUIRE(::utimensat(AT_FDCWD, p.c_str(), times, 0) == 0);
}

std::vector<fs::path> Segments(const TestStore& ts) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(ts.IndexDir()))
    if (e.path().extension() == ".seg") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("The index serves unchanged files and equals a cold scan", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  Fill(ts, 40);
  Store store = ts.Open();
  CaseScan first = RequireSameAsCold(store);
  CHECK(first.parsed == 40);
  CHECK_FALSE(first.from_index);
  CHECK(Segments(ts).size() == 3);  // one per month directory

  CaseScan second = RequireSameAsCold(store);
  CHECK(second.from_index);
  CHECK(second.parsed == 0);
  REQUIRE(second.cases.size() == 40);
  // Sorted by id, every derived field carried through the index.
  CHECK(second.cases[0].id == "WBL-2026-000001");
  const CaseSummary& closed = second.cases[4];  // seq 5: stage 5
  CHECK(closed.status == "closed");
  CHECK(closed.outcome == "agreed");
  CHECK(closed.agreement_form == "written");
  CHECK(closed.confirmation == "applied");
  CHECK(closed.confirmation_applied.valid());
  CHECK(closed.performance == "full");
  CHECK(closed.visited.valid());
  CHECK(closed.closed.valid());
  CHECK(closed.migrated);
  CHECK(closed.mediators == std::vector<std::string>{"M-0307"});
  // The numbers only masked and hashed under the clone's key.
  CHECK(closed.party_masked ==
        std::vector<std::string>{"140109********1239", "91140109*******7RG"});
  const std::string& key = store.LookupKey();
  REQUIRE(key.size() == 64);
  CHECK(closed.party_hashes == std::vector<std::string>{KeyedHash(key, "140109198001011239"),
                                                        KeyedHash(key, "91140109MA0K3PQ7RG")});
  CHECK(closed.party_kinds == std::vector<std::string>{"person", "organisation"});
  CHECK(second.cases[3].extended);  // seq 4: extended
  CHECK(second.cases[2].amount == Money::FromFen(350003));
  CHECK_FALSE(second.cases[1].amount.has_value());
}

TEST_CASE("Files changed too recently to trust are parsed again", "[index]") {
  TestStore ts;  // the real 2 s margin: everything was just written
  Fill(ts, 10);
  Store store = ts.Open();
  RequireSameAsCold(store);
  CaseScan again = RequireSameAsCold(store);
  CHECK(again.parsed == 10);
  CHECK_FALSE(again.from_index);
}

TEST_CASE("A hand edit is seen by the next scan", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  auto paths = Fill(ts, 12);
  Store store = ts.Open();
  RequireSameAsCold(store);

  SECTION("an edit that changes the size") {
    ts.Write(paths[0], Replace(ts.Read(paths[0]), "\"contract\"", "\"labour\""));
    CaseScan s = RequireSameAsCold(store);
    CHECK(s.parsed == 1);
    CHECK(s.from_index);
    CHECK(s.cases[0].category == "labour");
  }
  SECTION("a same-size edit in the same instant, mtime set back") {
    // seq 3 is "business"; "contract" has the same length.
    const std::string& rel = paths[2];
    auto before = MtimeOf(ts.root() / rel);
    std::string text = ts.Read(rel);
    std::string edited = Replace(text, "\"business\"", "\"contract\"");
    REQUIRE(edited.size() == text.size());
    ts.Write(rel, edited);
    SetMtime(ts.root() / rel, before);
    CaseScan s = RequireSameAsCold(store);
    CHECK(s.cases[2].category == "contract");
  }
  SECTION("the same edit under the real racy margin") {
    SetRacyMarginForTesting(kRacyMarginNs);
    const std::string& rel = paths[2];
    auto before = MtimeOf(ts.root() / rel);
    ts.Write(rel, Replace(ts.Read(rel), "\"business\"", "\"contract\""));
    SetMtime(ts.root() / rel, before);
    CHECK(RequireSameAsCold(store).cases[2].category == "contract");
  }
  SECTION("an edit that makes the file unreadable, then a fix") {
    std::string good = ts.Read(paths[1]);
    ts.Write(paths[1], Replace(good, "\"labour\"", "\"no-such-category\""));
    CaseScan bad = RequireSameAsCold(store);
    CHECK(bad.unreadable == 1);
    CHECK(bad.cases.size() == 11);
    // Unreadable files are never cached: still reported the next time,
    // without rewriting their month's segment each time.
    fs::path seg = ts.IndexDir() / "2026_03.seg";
    struct stat before;
    REQUIRE(::stat(seg.c_str(), &before) == 0);
    CHECK(RequireSameAsCold(store).unreadable == 1);
    struct stat after;
    REQUIRE(::stat(seg.c_str(), &after) == 0);
    CHECK(before.st_ino == after.st_ino);
    ts.Write(paths[1], good);
    CaseScan fixed = RequireSameAsCold(store);
    CHECK(fixed.unreadable == 0);
    CHECK(fixed.cases.size() == 12);
  }
}

TEST_CASE("Added and removed files and directories are followed", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  auto paths = Fill(ts, 12);
  Store store = ts.Open();
  RequireSameAsCold(store);

  Fill(ts, 5, 100);  // added
  fs::remove(ts.root() / paths[3]);
  fs::remove(ts.root() / paths[4]);
  CaseScan s = RequireSameAsCold(store);
  CHECK(s.cases.size() == 15);
  CHECK(s.parsed == 5);

  // A whole month goes: its segment goes too.
  for (const auto& p : fs::directory_iterator(ts.root() / "cases" / "2026" / "01"))
    fs::remove(p.path());
  fs::remove(ts.root() / "cases" / "2026" / "01");
  RequireSameAsCold(store);
  CHECK(Segments(ts).size() == 2);
  CHECK_FALSE(fs::exists(ts.IndexDir() / "2026_01.seg"));

  // Files the store does not treat as cases are ignored alike.
  ts.Write("cases/2026/02/.hidden.yaml", "garbage");
  ts.Write("cases/2026/02/notes.txt", "garbage");
  fs::create_directories(ts.root() / "cases/2026/02/dir.yaml");
  RequireSameAsCold(store);
}

TEST_CASE("A deleted index makes the next scan cold", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  Fill(ts, 9);
  Store store = ts.Open();
  RequireSameAsCold(store);
  REQUIRE(DropIndex(store).ok());
  CHECK_FALSE(fs::exists(ts.IndexDir()));
  CHECK(DropIndex(store).ok());  // nothing to drop is fine
  CaseScan s = RequireSameAsCold(store);
  CHECK(s.parsed == 9);
  CHECK(fs::exists(ts.IndexDir()));
  CHECK(RequireSameAsCold(store).parsed == 0);
}

TEST_CASE("A segment of another format version is ignored", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  Fill(ts, 9);
  Store store = ts.Open();
  CaseScan truth = RequireSameAsCold(store);
  // Forge every segment: another version, and a lie in its content that a
  // reader of the wrong version would serve; the checksum is made right.
  for (const auto& seg : Segments(ts)) {
    std::string data = test::ReadFile(seg);
    std::uint32_t other = kCaseIndexVersion + 1;
    std::memcpy(data.data() + 8, &other, 4);
    auto at = data.find("neighbour");
    if (at != std::string::npos) data.replace(at, 9, "neighbouR");
    std::uint64_t sum = SegmentChecksum(data);
    std::memcpy(data.data() + data.size() - 8, &sum, 8);
    test::WriteFile(seg, data);
  }
  auto st = CheckIndex(store);
  REQUIRE(st.ok());
  CHECK(st->bad_segments == 3);
  CHECK(st->fresh == 0);
  REQUIRE_FALSE(st->bad_reasons.empty());
  CHECK(st->bad_reasons[0].find("format version") != std::string::npos);
  CaseScan s = RequireSameAsCold(store);
  CHECK(s.parsed == 9);
  // ... and rewritten in this version.
  CHECK(RequireSameAsCold(store).parsed == 0);
}

TEST_CASE("Changed settings invalidate the index", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  Fill(ts, 9);
  {
    Store store = ts.Open();
    RequireSameAsCold(store);
  }
  // A longer time limit changes every deadline.
  ts.Write("mediate.yaml", std::string(kSettings) + "time_limits: {conclude_days: 45}\n");
  Store store = ts.Open();
  CaseScan s = RequireSameAsCold(store);
  CHECK(s.parsed == 9);
}

TEST_CASE("A checkout of an older commit is seen", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  auto paths = Fill(ts, 12);
  Store store = ts.Open();
  // "Commit 1": remember every file's bytes and times.
  std::map<std::string, std::pair<std::string, struct timespec>> old;
  for (const auto& p : paths) old[p] = {ts.Read(p), MtimeOf(ts.root() / p)};
  RequireSameAsCold(store);

  // "Commit 2": cases move on (same sizes where possible), one is added,
  // one is removed.
  for (int i = 0; i < 6; ++i) {
    Case c = MakeCase(i + 1, 1 + (i + 1) % 3, 1 + (i + 1) % 28, "other", 5);
    ts.Put(c);
  }
  std::string added = ts.Put(MakeCase(200, 2, 2, "labour", 1));
  fs::remove(ts.root() / paths[7]);
  CHECK(RequireSameAsCold(store).cases.size() == 12);

  // Check out commit 1 again: its contents come back - with their old
  // mtimes, as tools that preserve times (rsync -t, tar) would do.
  fs::remove(ts.root() / added);
  for (const auto& [p, v] : old) {
    ts.Write(p, v.first);
    SetMtime(ts.root() / p, v.second);
  }
  CaseScan s = RequireSameAsCold(store);
  CHECK(s.cases.size() == 12);
  CHECK(s.cases[0].category == "contract");  // seq 1 as in commit 1, not "other"
  CHECK(s.cases[4].category == "neighbour");
}

TEST_CASE("A corrupt index falls back to parsing", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  Fill(ts, 20);
  Store store = ts.Open();
  CaseScan truth = RequireSameAsCold(store);
  auto segs = Segments(ts);
  REQUIRE(segs.size() == 3);

  SECTION("truncated") {
    std::string d = test::ReadFile(segs[0]);
    test::WriteFile(segs[0], d.substr(0, d.size() / 2));
  }
  SECTION("a flipped byte") {
    std::string d = test::ReadFile(segs[1]);
    d[d.size() / 2] ^= 0x5a;
    test::WriteFile(segs[1], d);
  }
  SECTION("garbage and empty files") {
    test::WriteFile(segs[0], std::string(1000, '\xff'));
    test::WriteFile(segs[1], "");
    test::WriteFile(segs[2], "MEDIDX\r\n");
  }
  SECTION("garbage that passes the checksum") {
    for (const auto& seg : segs) {
      std::string d = test::ReadFile(seg);
      for (std::size_t i = 40; i + 8 < d.size(); i += 7) d[i] = static_cast<char>(d[i] * 31 + 7);
      std::uint64_t sum = SegmentChecksum(d);
      std::memcpy(d.data() + d.size() - 8, &sum, 8);
      test::WriteFile(seg, d);
    }
  }
  SECTION("a directory where a segment should be") {
    fs::remove(segs[2]);
    fs::create_directories(segs[2]);
  }
  SECTION("stray files in the index directory") {
    test::WriteFile(ts.IndexDir() / "1999_01.seg", "old");
    test::WriteFile(ts.IndexDir() / ".tmp-1-2-2026_01.seg", "partial");
  }
  CaseScan s = RequireSameAsCold(store);
  CHECK(s.cases.size() == truth.cases.size());
  RequireSameAsCold(store);
  CHECK_FALSE(fs::exists(ts.IndexDir() / "1999_01.seg"));
}

TEST_CASE("index --check finds entries that disagree with their files", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  Fill(ts, 10);
  Store store = ts.Open();
  RequireSameAsCold(store);
  auto st = CheckIndex(store);
  REQUIRE(st.ok());
  CHECK(st->ok());
  CHECK(st->files == 10);
  CHECK(st->entries == 10);
  CHECK(st->fresh == 10);
  CHECK(st->segments == 3);

  // A segment whose content lies (forged, with a good checksum).
  auto segs = Segments(ts);
  for (const auto& seg : segs) {
    std::string d = test::ReadFile(seg);
    auto at = d.find("contract");
    if (at == std::string::npos) continue;
    d.replace(at, 8, "business");
    std::uint64_t sum = SegmentChecksum(d);
    std::memcpy(d.data() + d.size() - 8, &sum, 8);
    test::WriteFile(seg, d);
  }
  st = CheckIndex(store);
  REQUIRE(st.ok());
  CHECK_FALSE(st->ok());
  REQUIRE_FALSE(st->mismatches.empty());
  CHECK(st->mismatches[0].field == "category");

  // A rebuild repairs it.
  auto rebuilt = RebuildIndex(store);
  REQUIRE(rebuilt.ok());
  CHECK(rebuilt->cases.size() == 10);
  st = CheckIndex(store);
  REQUIRE(st.ok());
  CHECK(st->ok());
  CHECK(st->fresh == 10);
}

TEST_CASE("Concurrent scans and writers leave a correct index", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  auto paths = Fill(ts, 30);
  Store store = ts.Open();
  std::atomic<bool> stop{false};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t)
    readers.emplace_back([&] {
      ScanOptions o;
      o.threads = 2;
      while (!stop) (void)ScanWithIndex(store, o);
    });
  const char* cats[] = {"labour", "contract", "business", "neighbour"};
  for (int round = 0; round < 40; ++round) {
    const std::string& rel = paths[round % paths.size()];
    std::string text = ts.Read(rel);
    for (const char* from :
         {"\"neighbour\"", "\"contract\"", "\"labour\"", "\"business\"", "\"marriage_family\""}) {
      auto at = text.find(from);
      if (at == std::string::npos) continue;
      text.replace(at, std::strlen(from), std::string("\"") + cats[round % 4] + "\"");
      break;
    }
    ts.Write(rel, text);
    if (round % 10 == 0) ts.Put(MakeCase(500 + round, 2, 3, "labour", 2));
  }
  stop = true;
  for (auto& t : readers) t.join();
  RequireSameAsCold(store);
  auto st = CheckIndex(store);
  REQUIRE(st.ok());
  CHECK(st->ok());
}

TEST_CASE("Without a git directory the index is neither read nor written", "[index]") {
  TestStore ts;
  Fill(ts, 3);
  Store store = ts.Open();
  fs::remove_all(ts.root() / ".git");
  test::WriteFile(ts.root() / ".git", "gitdir: /nonexistent/x\n");
  CHECK(CaseIndexDir(store).empty());
  RequireSameAsCold(store);
  CHECK_FALSE(RebuildIndex(store).ok());
  CHECK(DropIndex(store).ok());
}

TEST_CASE("keep drops cases as they are read, through the index or not", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  Fill(ts, 30);
  Store store = ts.Open();
  auto labour = [](const CaseSummary& c) { return c.category == "labour"; };
  for (int round = 0; round < 2; ++round) {  // cold, then from the index
    std::size_t seen = 0;
    ScanOptions o;
    o.keep = [&](const CaseSummary& c) {
      ++seen;
      return labour(c);
    };
    CaseScan warm = ScanWithIndex(store, o);
    o.use_index = false;
    CaseScan cold = store.ScanCases(o);
    CHECK(seen == 60);
    REQUIRE(warm.cases.size() == 6);
    REQUIRE(cold.cases.size() == 6);
    for (std::size_t i = 0; i < 6; ++i)
      CHECK(SummaryDifference(warm.cases[i], cold.cases[i]) == "");
    CHECK(warm.from_index == (round == 1));
  }
  // Dropped cases are still indexed.
  CHECK(RequireSameAsCold(store).parsed == 0);
}

TEST_CASE("VisitCases sees each matching case once and keeps none", "[index]") {
  // Fill(30): case seq has category cats[seq % 5] and month 1 + seq % 3, so
  // labour is seq 2, 7, 12, 17, 22, 27; in February (seq % 3 == 1): 7, 22.
  RacyMargin margin(0);
  TestStore ts;
  std::vector<std::string> paths = Fill(ts, 30);
  Store store = ts.Open();
  auto labour = Filter::Parse({"category:labour"});
  REQUIRE(labour.ok());
  const Date today = *Date::Parse("2026-11-29");
  for (int round = 0; round < 2; ++round) {  // cold, then from the index
    std::multiset<std::string> seen;
    Status st = VisitCases(
        store, *labour, today, {}, [&](const CaseSummary& c) { seen.insert(c.id); }, nullptr);
    REQUIRE(st.ok());
    CHECK(seen == std::multiset<std::string>{"WBL-2026-000002", "WBL-2026-000007",
                                             "WBL-2026-000012", "WBL-2026-000017",
                                             "WBL-2026-000022", "WBL-2026-000027"});
  }
  SelectOptions february;
  february.received = {*Date::Parse("2026-02-01"), *Date::Parse("2026-02-28"), "2026-02"};
  auto selected = SelectCases(store, *labour, today, february, nullptr);
  REQUIRE(selected.ok());
  REQUIRE(selected->size() == 2);
  CHECK((*selected)[0].id == "WBL-2026-000007");
  CHECK((*selected)[1].id == "WBL-2026-000022");

  // An unreadable file fails the visit unless keep_going, never silently.
  ts.Write(paths[6], Replace(ts.Read(paths[6]), "\"labour\"", "\"no-such-category\""));
  std::size_t visited = 0;
  Status failed = VisitCases(
      store, *labour, today, {}, [&](const CaseSummary&) { ++visited; }, nullptr);
  CHECK(failed.kind() == ErrorKind::kRejected);
  CHECK(failed.message().find("1 case file(s) cannot be read") != std::string::npos);
  SelectOptions keep_going;
  keep_going.keep_going = true;
  std::vector<Diagnostic> skipped;
  visited = 0;
  REQUIRE(VisitCases(
              store, *labour, today, keep_going, [&](const CaseSummary&) { ++visited; }, &skipped)
              .ok());
  CHECK(visited == 5);
  REQUIRE(!skipped.empty());
  CHECK(skipped[0].where.file == paths[6]);
}

TEST_CASE("Import fingerprints come from the index and follow the files", "[index]") {
  RacyMargin margin(0);
  TestStore ts;
  const std::string fp2(64, '2'), fp4(64, '4'), fp9(64, '9');
  std::vector<std::string> paths;
  for (int seq = 1; seq <= 6; ++seq) {
    Case c = MakeCase(seq, 1 + seq % 3, 1 + seq, "neighbour", seq % 6);
    if (seq == 2 || seq == 4) {
      c.import.file = "ledger.csv";
      c.import.row = seq + 1;
      c.import.fingerprint = seq == 2 ? fp2 : fp4;
    }
    paths.push_back(ts.Put(c));
  }
  Store store = ts.Open();
  using Set = std::unordered_set<std::string>;

  FingerprintScan cold = ScanImportFingerprints(store);  // no index yet: every file parsed
  CHECK(cold.fingerprints == Set{fp2, fp4});
  CHECK(cold.unreadable == 0);
  CHECK(Segments(ts).size() == 3);
  FingerprintScan warm = ScanImportFingerprints(store);  // from the segments
  CHECK(warm.fingerprints == Set{fp2, fp4});

  // A hand edit of one fingerprint: that file is parsed, its month's segment
  // rewritten with the other entries' summaries decoded on the way.
  ts.Write(paths[1], Replace(ts.Read(paths[1]), fp2, fp9));
  CHECK(ScanImportFingerprints(store).fingerprints == Set{fp9, fp4});
  CaseScan after = RequireSameAsCold(store);
  CHECK(after.parsed == 0);  // every segment was rewritten whole and right
  CHECK(after.cases[1].import_fingerprint == fp9);

  // An unreadable file is counted with its problem, never cached.
  ts.Write(paths[3], Replace(ts.Read(paths[3]), "\"neighbour\"", "\"no-such-category\""));
  FingerprintScan bad = ScanImportFingerprints(store);
  CHECK(bad.unreadable == 1);
  CHECK(bad.problems.size() >= 1);
  CHECK(bad.fingerprints == Set{fp9});
  CHECK(ScanImportFingerprints(store).unreadable == 1);
}

// ---------------------------------------------------------------------------
// Freshness through Watchman, with a scripted server.

namespace {

/// What the scripted Watchman answers and what it was asked.
struct ScriptedServer {
  std::string root;                 ///< the watched root (the store's real path)
  std::vector<std::string> report;  ///< names (relative to cases/) the next query reports
  bool fresh = false;               ///< the next query answers is_fresh_instance
  bool error = false;               ///< the next query answers an error object
  int tick = 1;
  std::vector<nlohmann::json> sent;
};

/// A WatchmanClient answering from a ScriptedServer.
class ScriptedWatchman : public WatchmanClient {
 public:
  explicit ScriptedWatchman(std::shared_ptr<ScriptedServer> s) : s_(std::move(s)) {}
  Result<nlohmann::json> Call(const nlohmann::json& command) override {
    using nlohmann::json;
    s_->sent.push_back(command);
    const std::string what = command[0];
    std::string clock = "c:1:2:3:" + std::to_string(++s_->tick);
    if (what == "watch-project") return json{{"watch", s_->root}, {"version", "4.9.0"}};
    if (what == "clock") return json{{"clock", clock}};
    if (what == "get-sockname") return json{{"sockname", "/scripted/sock"}};
    if (s_->error) return json{{"error", "unable to resolve root: not watched"}};
    json files = json::array();
    for (const auto& name : s_->report)
      files.push_back({{"name", name}, {"exists", true}, {"type", "f"}});
    json answer = {{"is_fresh_instance", s_->fresh}, {"files", files}, {"clock", clock}};
    s_->report.clear();
    s_->fresh = false;
    return answer;
  }

 private:
  std::shared_ptr<ScriptedServer> s_;
};

/// Installs a ScriptedWatchman as every scan's client for a test's length.
struct ScriptedWatchmanScope {
  std::shared_ptr<ScriptedServer> server = std::make_shared<ScriptedServer>();
  ScriptedWatchmanScope() {
    auto s = server;
    SetWatchmanClientFactoryForTesting([s] { return std::make_unique<ScriptedWatchman>(s); });
  }
  ~ScriptedWatchmanScope() { SetWatchmanClientFactoryForTesting({}); }
};

/// A TestStore whose .git is a real repository (mediate.watchman is read
/// from its config).
void MakeGitRepo(const TestStore& ts) {
  fs::remove_all(ts.root() / ".git");
  REQUIRE(GitRepo::Init(ts.root().string()).ok());
}

/// The `last-scan` line of the index's Watchman state ("" when there is none).
std::string LastScan(const TestStore& ts) {
  fs::path p = ts.IndexDir() / kWatchmanStateName;
  if (!fs::exists(p)) return "";
  std::string text = test::ReadFile(p);
  auto at = text.find("\nlast-scan ");
  REQUIRE(at != std::string::npos);
  auto end = text.find('\n', at + 1);
  return text.substr(at + 11, end - at - 11);
}

/// A git-backed TestStore of 12 cases in three month folders
/// (WBL-2026-000001 in 2026/02), every scan's Watchman scripted, no racy margin.
struct WatchedStore {
  RacyMargin margin{0};
  ScriptedWatchmanScope wm;
  TestStore ts;
  std::vector<std::string> paths;
  WatchedStore() {
    MakeGitRepo(ts);
    wm.server->root = fs::canonical(ts.root()).string();
    paths = Fill(ts, 12);
  }
};

std::string CategoryOf(const CaseScan& scan, const std::string& id) {
  for (const auto& c : scan.cases)
    if (c.id == id) return c.category;
  return "";
}

}  // namespace

TEST_CASE("With Watchman, folders with no reported change are served without a stat",
          "[index][watchman]") {
  WatchedStore w;
  auto& [margin, wm, ts, paths] = w;
  Store store = ts.Open();

  RequireSameAsCold(store);  // no clock yet: a walk, after taking one
  CHECK(LastScan(ts) == "walk folders=3 unchanged=0 walked=3 reason=no clock stored");
  REQUIRE(wm.server->sent.size() == 3);
  CHECK(wm.server->sent[0][0] == "watch-project");
  CHECK(wm.server->sent[1][0] == "clock");
  CHECK(wm.server->sent[2][0] == "get-sockname");  // later reads go to the socket itself
  CHECK(test::ReadFile(ts.IndexDir() / kWatchmanStateName).find("\nsock /scripted/sock\n") !=
        std::string::npos);
  RequireSameAsCold(store);
  CHECK(LastScan(ts) == "watchman folders=3 unchanged=3 walked=0");
  CHECK(wm.server->sent.back()[0] == "query");
  CHECK(wm.server->sent.back()[2]["since"] == "c:1:2:3:3");  // the clock taken before the walk

  // An edit Watchman does not report is not seen: the proof that the
  // folder was neither listed nor stat'ed (Watchman always reports one).
  ts.Write(paths[0], Replace(ts.Read(paths[0]), "\"contract\"", "\"labour\""));
  CHECK(CategoryOf(ScanWithIndex(store, {}), "WBL-2026-000001") == "contract");
  CHECK(LastScan(ts) == "watchman folders=3 unchanged=3 walked=0");

  // Reported: that folder alone is walked, and the edit is seen.
  wm.server->report = {paths[0].substr(6)};  // "2026/02/WBL-2026-000001.yaml"
  CaseScan seen = RequireSameAsCold(store);
  CHECK(CategoryOf(seen, "WBL-2026-000001") == "labour");
  CHECK(LastScan(ts) == "watchman folders=3 unchanged=2 walked=1");

  // A new month folder is listed and walked, whatever Watchman says.
  Case extra = MakeCase(40, 12, 1, "neighbour", 0);
  ts.Put(extra);
  CHECK(RequireSameAsCold(store).cases.size() == 13);
  CHECK(LastScan(ts) == "watchman folders=4 unchanged=3 walked=1");

  // Import fingerprints go the same way.
  ScanImportFingerprints(store);
  CHECK(LastScan(ts) == "watchman folders=4 unchanged=4 walked=0");
}

TEST_CASE("A fresh instance, an error or a segment rewritten since means a walk",
          "[index][watchman]") {
  WatchedStore w;
  auto& [margin, wm, ts, paths] = w;
  Store store = ts.Open();
  RequireSameAsCold(store);
  RequireSameAsCold(store);
  REQUIRE(LastScan(ts) == "watchman folders=3 unchanged=3 walked=0");
  ts.Write(paths[0], Replace(ts.Read(paths[0]), "\"contract\"", "\"labour\""));

  SECTION("fresh instance") {
    wm.server->fresh = true;
    CHECK(CategoryOf(RequireSameAsCold(store), "WBL-2026-000001") == "labour");
    CHECK(LastScan(ts) ==
          "walk folders=3 unchanged=0 walked=3 reason=watchman lost track since the stored clock "
          "(fresh instance)");
  }
  SECTION("an error answer") {
    wm.server->error = true;
    CHECK(CategoryOf(RequireSameAsCold(store), "WBL-2026-000001") == "labour");
    CHECK(LastScan(ts) == "");  // the state is dropped: the next scan starts over
  }
  SECTION("a segment another scan rewrote") {
    // A scan with Watchman off rewrites the edited folder's segment; the
    // state no longer vouches for it, though Watchman reports nothing.
    test::WriteFile(ts.root() / ".git" / "config", test::ReadFile(ts.root() / ".git" / "config") +
                                                       "[mediate]\n\twatchman = false\n");
    std::size_t asked = wm.server->sent.size();
    CHECK(CategoryOf(RequireSameAsCold(store), "WBL-2026-000001") == "labour");
    CHECK(wm.server->sent.size() == asked);  // off: Watchman is not asked at all
    CHECK(LastScan(ts) == "watchman folders=3 unchanged=3 walked=0");  // untouched
    ts.Write(paths[0], Replace(ts.Read(paths[0]), "\"labour\"", "\"business\""));
    CHECK(CategoryOf(RequireSameAsCold(store), "WBL-2026-000001") == "business");
    std::string config = test::ReadFile(ts.root() / ".git" / "config");
    test::WriteFile(ts.root() / ".git" / "config",
                    Replace(config, "[mediate]\n\twatchman = false\n", ""));
    // On again, nothing reported: the rewritten folder is walked, the others are not.
    CHECK(CategoryOf(RequireSameAsCold(store), "WBL-2026-000001") == "business");
    CHECK(LastScan(ts) == "watchman folders=3 unchanged=2 walked=1");
  }
}
