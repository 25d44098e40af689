#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "csv_table.hpp"
#include "ledger_import.hpp"
#include "ledger_mapping.hpp"
#include "lifecycle.hpp"
#include "settings.hpp"

using namespace mediate;

namespace {

const char* kHeader =
    "序号,登记日期,案件来源,纠纷类型,申请人,申请人证件号码,申请人电话,被申请人,被申请人证件号码,"
    "被申请人电话,纠纷简要情况,涉及金额(元),涉及人数,所属街道,所属社区,网格编号,风险等级\n";

// Valid check characters (GB 11643-1999 / GB 32100-2015).
const char* kId1 = "140109198001011239";
const char* kId2 = "140105199107187303";
const char* kCredit = "91140109MA0K3PQ7RG";

/// A small district: 千峰街道 (千峰社区, 后北屯村), 西铭街道 (西铭村).
AreaRegistry SmallAreas() {
  Street qianfeng{"140109005", "千峰街道", "140109", {}};
  qianfeng.communities.push_back(
      {"140109005001",
       "千峰社区居委会",
       "千峰社区",
       {{"140109005001001", "第1网格"}, {"140109005001002", "第2网格"}}});
  qianfeng.communities.push_back(
      {"140109005002", "后北屯村村委会", "后北屯村", {{"140109005002001", "第1网格"}}});
  Street ximing{"140109006", "西铭街道", "140109", {}};
  ximing.communities.push_back(
      {"140109006001", "西铭村村委会", "西铭村", {{"140109006001001", "第1网格"}}});
  return AreaRegistry({qianfeng, ximing});
}

/// The committees of SmallAreas(): 千峰社区's (后北屯村 has none), 千峰街道's
/// (an active one and a retired one), 西铭街道's, and the district centre.
OrgRegistry SmallOrgs() {
  OrgRegistry orgs;
  auto add = [&](std::string id, std::string kind, std::string level, std::string street,
                 std::string community, std::string status = "active") {
    Organisation o;
    o.id = id;
    o.name = id;
    o.kind = std::move(kind);
    o.level = std::move(level);
    o.street = std::move(street);
    o.community = std::move(community);
    o.status = std::move(status);
    orgs.emplace(std::move(id), std::move(o));
  };
  add("C-140109005001", "community_committee", "community", "140109005", "140109005001");
  add("A-OLD-QIANFENG", "street_committee", "street", "140109005", "", "retired");
  add("S-140109005", "street_committee", "street", "140109005", "");
  add("S-140109006", "street_committee", "street", "140109006", "");
  add("WBL-CENTRE", "district_centre", "district", "", "");
  add("WBL-ASSOC", "association", "district", "", "");
  return orgs;
}

Settings TestSettings() {
  Settings s;
  s.vocab = Vocabulary::Builtin();
  s.time_zone = *TimeZone::Find("Asia/Shanghai");
  return s;
}

/// One good row, with `changes` applied as {column index, new text}.
std::string Row(const std::vector<std::pair<int, std::string>>& changes = {}, int no = 1) {
  std::vector<std::string> cells = {std::to_string(no),
                                    "2026-01-05",
                                    "当事人申请",
                                    "邻里纠纷",
                                    "李某",
                                    kId1,
                                    "138 0000 1234",
                                    "王某",
                                    kId2,
                                    "0351-6012345",
                                    "楼上漏水，双方就维修费用发生争执",
                                    "\"3,500.50\"",
                                    "2",
                                    "千峰街道",
                                    "千峰社区",
                                    "140109005001002",
                                    "黄"};
  for (const auto& [i, text] : changes) cells[static_cast<std::size_t>(i)] = text;
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + cells[i];
  return line + "\n";
}

struct Run {
  LedgerImport result;
  std::vector<std::string> errors;    // Diagnostic::ToString of errors
  std::vector<std::string> warnings;  // … of warnings
};

Run Import(const std::string& csv, Date today = *Date::Parse("2026-04-01"),
           const LedgerMapping* mapping = nullptr, bool keep_valid_rows = false) {
  static const AreaRegistry areas = SmallAreas();
  static const OrgRegistry orgs = SmallOrgs();
  static const Settings settings = TestSettings();
  auto table = CsvTable::Parse(csv, "ledger.csv");
  REQUIRE(table.ok());
  LedgerImportOptions o;
  o.display_name = "ledger.csv";
  o.source_name = "ledger.csv";
  o.today = today;
  o.by = "测试员 <t@example.org>";
  o.mapping = mapping;
  o.keep_valid_rows = keep_valid_rows;
  Run r{ImportLedger(*table, settings, areas, orgs, o), {}, {}};
  for (const auto& d : r.result.diagnostics)
    (d.severity == Severity::kError ? r.errors : r.warnings).push_back(d.ToString());
  return r;
}

/// The only error of a one-row ledger whose row has `changes`.
std::string OnlyError(const std::vector<std::pair<int, std::string>>& changes) {
  Run r = Import(std::string(kHeader) + Row(changes));
  REQUIRE(r.errors.size() == 1);
  CHECK_FALSE(r.result.ok());
  CHECK(r.result.cases.empty());
  CHECK(r.result.Summary() == "1 error in 1 row; nothing was imported.");
  return r.errors.front();
}

}  // namespace

TEST_CASE("import: a good ledger row becomes a complete case", "[import]") {
  Run r = Import(std::string(kHeader) + Row() +
                 Row({{4, "太原某物业服务有限公司"},
                      {5, kCredit},
                      {6, ""},
                      {7, ""},
                      {8, ""},
                      {9, ""},
                      {10, "物业费纠纷"},
                      {11, ""},
                      {12, ""},
                      {13, "西铭街道"},
                      {14, "西铭村村委会"},
                      {15, ""},
                      {16, ""},
                      {2, "法院委派"},
                      {3, "物业"}},
                     7));
  INFO(r.errors.size());
  REQUIRE(r.errors.empty());
  CHECK(r.warnings.empty());
  REQUIRE(r.result.cases.size() == 2);
  CHECK(r.result.rows == 2);

  const LedgerCase& first = r.result.cases[0];
  CHECK(first.line == 2);
  const Case& c = first.record;
  CHECK(c.id.empty());
  CHECK(c.file_no.empty());
  CHECK(c.received.ToString() == "2026-01-05T00:00:00+08:00");
  CHECK(c.source == "application");
  CHECK(c.category == "neighbour");
  CHECK(c.summary == "楼上漏水，双方就维修费用发生争执");
  CHECK(c.amount == Money::FromFen(350050));
  CHECK(c.people_involved == 2);
  CHECK(c.place.street == "140109005");
  CHECK(c.place.community == "140109005001");
  CHECK(c.place.grid == "140109005001002");
  CHECK(c.risk == "yellow");
  REQUIRE(c.parties.size() == 2);
  CHECK(c.parties[0].role == "applicant");
  CHECK(c.parties[0].kind == "person");
  CHECK(c.parties[0].name == "李某");
  CHECK(c.parties[0].id_number == kId1);
  CHECK(c.parties[0].phone == "13800001234");
  CHECK(c.parties[1].role == "respondent");
  CHECK(c.parties[1].phone == "0351-6012345");
  REQUIRE(c.events.size() == 1);
  CHECK(c.events[0].type == "received");
  CHECK(c.events[0].at == c.received);
  CHECK(c.events[0].by == "测试员 <t@example.org>");
  CHECK(c.events[0].Get("channel") == "import");
  CHECK(c.state.status == "received");
  CHECK(c.state.deadline.ToString() == "2026-02-04");
  CHECK(c.import.file == "ledger.csv");
  CHECK(c.import.row == 1);
  CHECK(c.import.fingerprint.size() == 64);

  const Case& org = r.result.cases[1].record;
  CHECK(org.import.row == 7);
  CHECK(org.source == "court_delegated");
  CHECK(org.category == "property_management");  // by alias
  CHECK_FALSE(org.amount.has_value());
  CHECK(org.people_involved == 0);
  CHECK(org.risk.empty());
  REQUIRE(org.parties.size() == 1);  // no respondent named
  CHECK(org.parties[0].kind == "organisation");
  CHECK(org.parties[0].credit_code == kCredit);
  CHECK(org.parties[0].id_number.empty());
  CHECK(org.place.street == "140109006");
  CHECK(org.place.community == "140109006001");  // official name
  CHECK(org.place.grid.empty());
  CHECK(org.state.deadline.ToString() == "2026-02-04");  // court-delegated: 30 days
}

TEST_CASE("import: an unknown label names row, column, value and the known labels", "[import]") {
  std::string e = OnlyError({{3, "外星纠纷"}});
  CHECK(e.rfind("ledger.csv:2: column 纠纷类型 (category): unknown label \"外星纠纷\"\n"
                "  known labels: 婚姻家庭纠纷, 邻里纠纷, 房屋宅基地纠纷",
                0) == 0);
  CHECK_THAT(OnlyError({{2, "托梦"}}),
             Catch::StartsWith("ledger.csv:2: column 案件来源 (source): unknown label \"托梦\""));
  CHECK_THAT(OnlyError({{16, "紫"}}),
             Catch::StartsWith("ledger.csv:2: column 风险等级 (risk): unknown label \"紫\"\n"
                               "  known labels: 红, 橙, 黄, 蓝"));
  CHECK_THAT(OnlyError({{3, ""}}),
             Catch::StartsWith("ledger.csv:2: column 纠纷类型 (category): is blank"));
}

TEST_CASE("import: places are checked street > community > grid", "[import]") {
  CHECK(OnlyError({{14, "西铭村"}, {15, ""}}) ==
        "ledger.csv:2: column 所属社区 (community): 西铭村 is in 西铭街道, not in 千峰街道");
  CHECK(OnlyError({{15, "140109005002001"}}) ==
        "ledger.csv:2: column 网格编号 (grid): 140109005002001 is a grid of 后北屯村, not of "
        "千峰社区");
  CHECK_THAT(
      OnlyError({{15, "140109005001999"}}),
      Catch::StartsWith("ledger.csv:2: column 网格编号 (grid): unknown grid 140109005001999"));
  CHECK_THAT(OnlyError({{15, "1.40109E+14"}}), Catch::Contains("scientific notation"));
  CHECK_THAT(OnlyError({{13, "月球街道"}, {14, ""}, {15, ""}}),
             Catch::StartsWith("ledger.csv:2: column 所属街道 (street): unknown street "
                               "\"月球街道\"\n  known streets: 千峰街道, 西铭街道"));
  CHECK_THAT(OnlyError({{14, "火星社区"}, {15, ""}}),
             Catch::StartsWith("ledger.csv:2: column 所属社区 (community): unknown community "
                               "\"火星社区\" in 千峰街道\n  its communities: 千峰社区, 后北屯村"));

  // A blank community is taken from the grid (which must be in the street).
  Run r = Import(std::string(kHeader) + Row({{14, ""}, {15, "140109005002001"}}));
  REQUIRE(r.errors.empty());
  CHECK(r.result.cases.at(0).record.place.community == "140109005002");
  CHECK_THAT(OnlyError({{14, ""}, {15, "140109006001001"}}),
             Catch::Contains("140109006001001 is a grid of 西铭村 in 西铭街道, not in 千峰街道"));
}

TEST_CASE("import: dates must exist and not lie in the future", "[import]") {
  CHECK(OnlyError({{1, "2026-02-30"}}) ==
        "ledger.csv:2: column 登记日期 (received): 2026-02-30 is not a date");
  CHECK(OnlyError({{1, "下周"}}) == "ledger.csv:2: column 登记日期 (received): 下周 is not a date");
  CHECK(OnlyError({{1, "2026-04-02"}}) ==
        "ledger.csv:2: column 登记日期 (received): 2026-04-02 is in the future (today is "
        "2026-04-01)");
  CHECK_THAT(OnlyError({{1, ""}}), Catch::Contains("(received): is blank"));
  // Ledger shapes: 2026年1月5日, 2026/1/5, full-width digits.
  for (const char* shape : {"2026年1月5日", "2026/1/5", "２０２６-０１-０５", "20260105"}) {
    Run r = Import(std::string(kHeader) + Row({{1, shape}}));
    INFO(shape);
    REQUIRE(r.errors.empty());
    CHECK(r.result.cases.at(0).record.received.ToString() == "2026-01-05T00:00:00+08:00");
  }
  // Today itself is fine.
  Run r = Import(std::string(kHeader) + Row({{1, "2026-04-01"}}));
  CHECK(r.errors.empty());
}

TEST_CASE("import: amounts are exact fen and never negative", "[import]") {
  CHECK(OnlyError({{11, "-100"}}) ==
        "ledger.csv:2: column 涉及金额(元) (amount): -100 is negative: the amount involved is 0 "
        "or more");
  CHECK(OnlyError({{11, "三千"}}) ==
        "ledger.csv:2: column 涉及金额(元) (amount): \"三千\" is not an amount in yuan (like 3500 "
        "or 3,500.50)");
  CHECK_THAT(OnlyError({{11, "12.345"}}), Catch::Contains("is not an amount"));
  Run r = Import(std::string(kHeader) + Row({{11, "￥０.10"}}));
  REQUIRE(r.errors.empty());
  CHECK(r.result.cases.at(0).record.amount == Money::FromFen(10));
  CHECK_THAT(OnlyError({{12, "两人"}}),
             Catch::Contains("column 涉及人数 (people_involved): \"两人\" is not a number"));
  CHECK_THAT(OnlyError({{12, "0"}}), Catch::Contains("(people_involved): \"0\""));
}

TEST_CASE("import: parties need names, and IDs and phones are checked", "[import]") {
  CHECK(OnlyError({{4, ""}}) ==
        "ledger.csv:2: column 申请人 (applicant name): is blank: every case names its applicant");
  CHECK(OnlyError({{7, ""}, {8, ""}}) ==
        "ledger.csv:2: column 被申请人 (respondent name): is blank, but the respondent's phone "
        "is given: name the respondent");
  CHECK_THAT(OnlyError({{7, ""}, {9, ""}}), Catch::Contains("respondent's ID number is given"));
  CHECK(OnlyError({{5, "140109198001011234"}}) ==
        "ledger.csv:2: column 申请人证件号码 (applicant ID): 140109198001011234 has check "
        "character 4, expected 9 (GB 11643-1999)");
  CHECK_THAT(OnlyError({{8, "140109198002301234"}}),
             Catch::Contains("(respondent ID): 140109198002301234: birth date 19800230 does not "
                             "exist"));
  CHECK(OnlyError({{6, "12345"}}) ==
        "ledger.csv:2: column 申请人电话 (applicant phone): \"12345\" is neither a mobile number "
        "(11 digits, 13…–19…) nor a landline with its area code (0351-6012345)");

  // A credit code failing its check is a warning only (pilot-era codes).
  Run r = Import(std::string(kHeader) + Row({{7, "太原某机械厂"}, {8, "91140109MA0K3PQ7R0"}}));
  CHECK(r.errors.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] ==
        "ledger.csv:2: warning: column 被申请人证件号码 (respondent ID): 91140109MA0K3PQ7R0 has "
        "check character 0, expected G (GB 32100-2015); kept as written (some pilot-era codes "
        "fail the check)");
  REQUIRE(r.result.cases.size() == 1);
  CHECK(r.result.cases[0].record.parties[1].kind == "organisation");
  CHECK(r.result.cases[0].record.parties[1].credit_code == "91140109MA0K3PQ7R0");
  // A shop written with its owner's citizen ID keeps it as an ID number.
  Run shop = Import(std::string(kHeader) + Row({{7, "张三装修店"}}));
  CHECK(shop.errors.empty());
  CHECK(shop.warnings.empty());
  REQUIRE(shop.result.cases.size() == 1);
  CHECK(shop.result.cases[0].record.parties[1].kind == "organisation");
  CHECK(shop.result.cases[0].record.parties[1].id_number == kId2);
  CHECK(shop.result.cases[0].record.parties[1].credit_code.empty());
  // An organisation's code that is no credit code at all is an error.
  CHECK_THAT(OnlyError({{7, "太原某机械厂"}, {8, "12345"}}),
             Catch::Contains("12345 is not a unified social credit code"));
}

TEST_CASE("import: party kind: organisation names and credit codes", "[import]") {
  CHECK(LooksLikeOrganisationName("太原某物业服务有限公司"));
  CHECK(LooksLikeOrganisationName("万柏林区某某养殖合作社"));
  CHECK(LooksLikeOrganisationName("某村民委员会"));
  CHECK_FALSE(LooksLikeOrganisationName("李某"));
  CHECK_FALSE(LooksLikeOrganisationName("公司"));

  CHECK(ClassifyPartyKind("李某", kId1) == "person");
  CHECK(ClassifyPartyKind("李某", "") == "person");
  CHECK(ClassifyPartyKind("某公司", "") == "organisation");
  CHECK(ClassifyPartyKind("某公司", kId1) == "organisation");  // the name decides
  CHECK(ClassifyPartyKind("恒通", kCredit) == "organisation");
  CHECK(ClassifyPartyKind("恒通", "91140109MA0K3PQ7R0") == "organisation");  // 9…: no citizen ID
  // 18 digits with a province prefix: a credit code only if its check passes.
  CHECK(ClassifyPartyKind("某单位", "12140109012345678J") == "organisation");
  CHECK(ClassifyPartyKind("李某", "140109198001011234") == "person");  // bad check: reported
}

TEST_CASE("import: every error of every row is listed, then a summary", "[import]") {
  std::string csv = std::string(kHeader) + Row() + Row({{3, "外星纠纷"}, {1, "2026-02-30"}}, 2) +
                    "3,2026-01-06,当事人申请\n" + Row({{14, "西铭村"}, {15, ""}}, 4);
  Run r = Import(csv);
  CHECK_FALSE(r.result.ok());
  CHECK(r.result.cases.empty());
  REQUIRE(r.errors.size() == 4);
  CHECK_THAT(r.errors[0], Catch::StartsWith("ledger.csv:3: column 登记日期 (received)"));
  CHECK_THAT(r.errors[1], Catch::StartsWith("ledger.csv:3: column 纠纷类型 (category)"));
  CHECK(r.errors[2] ==
        "ledger.csv:4: the row has 3 cells; the header has 17 (a cell is missing or the row is "
        "cut short)");
  CHECK_THAT(r.errors[3], Catch::StartsWith("ledger.csv:5: column 所属社区 (community)"));
  CHECK(r.result.Summary() == "4 errors in 3 rows; nothing was imported.");
  Status st = r.result.ToStatus();
  REQUIRE_FALSE(st.ok());
  CHECK(st.kind() == ErrorKind::kRejected);
  CHECK(st.diagnostics().size() == 4);

  // Extra non-blank cells shift columns: refused; Excel's trailing empty cells are fine.
  Run extra = Import(std::string(kHeader) + Row().substr(0, Row().size() - 1) + ",x\n");
  REQUIRE(extra.errors.size() == 1);
  CHECK_THAT(extra.errors[0], Catch::Contains("the row has 18 cells"));
  Run blank = Import(std::string(kHeader) + Row().substr(0, Row().size() - 1) + ",,\n");
  CHECK(blank.errors.empty());
}

TEST_CASE("import: the header must have the required columns", "[import]") {
  Run r = Import("序号,登记日期,申请人,备注\n1,2026-01-05,李某,x\n");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0] ==
        "ledger.csv:1: missing column(s) 案件来源, 纠纷类型, 纠纷简要情况, 所属街道; the header "
        "is: 序号,登记日期,申请人,备注");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] ==
        "ledger.csv:1: warning: column 备注: is not a ledger column; not imported");
  CHECK(r.result.Summary() == "1 error in the header; nothing was imported.");

  Run empty = Import(kHeader);
  REQUIRE(empty.errors.size() == 1);
  CHECK(empty.errors[0] == "ledger.csv:1: the ledger has no rows below its header");

  // Full-width brackets and common variants are accepted; 序号 may be absent.
  Run v = Import(
      "登记日期,案件来源,纠纷类型,申请人,纠纷简要情况,涉及金额（元）,所属街道,所属社区\n"
      "2026-01-05,网格排查,劳动争议,张某,拖欠工资,\"1,200\",千峰街道,后北屯村\n");
  REQUIRE(v.errors.empty());
  REQUIRE(v.result.cases.size() == 1);
  CHECK(v.result.cases[0].record.import.row == 1);
  CHECK(v.result.cases[0].record.amount == Money::FromFen(120000));
  CHECK(v.result.cases[0].record.category == "labour");
  CHECK(v.result.cases[0].record.source == "grid_screening");
}

TEST_CASE("import: fingerprints follow the normalised content", "[import]") {
  auto fp = [](const std::string& row) {
    Run r = Import(std::string(kHeader) + row);
    REQUIRE(r.errors.empty());
    return r.result.cases.at(0).record.import.fingerprint;
  };
  const std::string base = fp(Row());
  // Not part of the identity: row number, amount, phone, place, risk, date shape.
  CHECK(fp(Row({{11, "99"}, {6, ""}, {16, "红"}, {15, ""}}, 5)) == base);
  CHECK(fp(Row({{1, "2026年1月5日"}})) == base);
  // Width and spacing of the same text.
  CHECK(fp(Row({{10, "\" 楼上漏水,双方就维修费用发生争执 \""}})) == base);
  CHECK(fp(Row({{5, "１４０１０９１９８００１０１１２３９"}})) == base);
  // Part of it: date, parties, category, summary.
  CHECK(fp(Row({{1, "2026-01-06"}})) != base);
  CHECK(fp(Row({{5, kId2}, {8, kId1}})) != base);
  CHECK(fp(Row({{3, "合同纠纷"}})) != base);
  CHECK(fp(Row({{10, "楼上漏水"}})) != base);
  CHECK(fp(Row({{5, ""}})) != base);  // the name stands in for a missing ID

  // A row repeated within one ledger is imported once, with a warning.
  Run r = Import(std::string(kHeader) + Row() + Row({{11, "1"}}, 2));
  CHECK(r.errors.empty());
  CHECK(r.result.cases.size() == 1);
  CHECK(r.result.repeated == 1);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] ==
        "ledger.csv:3: warning: same registration date, parties, category and summary as row 1 "
        "(line 2); imported once");

  // Cases imported before are dropped.
  Run two = Import(std::string(kHeader) + Row() + Row({{10, "另一件事"}}, 2));
  std::vector<LedgerCase> cases = two.result.cases;
  REQUIRE(cases.size() == 2);
  CHECK(DropAlreadyImported(&cases, {base}) == 1);
  REQUIRE(cases.size() == 1);
  CHECK(cases[0].record.import.row == 2);
}

TEST_CASE("import: a bad row is refused even when its twin was imported", "[import]") {
  Run r = Import(std::string(kHeader) + Row({{6, "12345"}}));
  CHECK_FALSE(r.result.ok());
  CHECK(r.result.cases.empty());
}

TEST_CASE("import: SHA-256 matches FIPS 180-4 examples", "[import]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("import commit message and counts", "[import]") {
  CHECK(ImportCommitMessage(120, "ledger-2026q1.csv") ==
        "import: 120 cases from ledger-2026q1.csv\n\nMediate-Action: import\n"
        "Mediate-Source: ledger-2026q1.csv\n");
  CHECK(ImportCommitMessage(1, "a.csv").rfind("import: 1 case from a.csv\n", 0) == 0);
  CHECK(GroupThousands(0) == "0");
  CHECK(GroupThousands(999) == "999");
  CHECK(GroupThousands(3100) == "3,100");
  CHECK(GroupThousands(1234567) == "1,234,567");
}

TEST_CASE("import: progress is reported row by row", "[import]") {
  static const AreaRegistry areas = SmallAreas();
  static const Settings settings = TestSettings();
  auto table = CsvTable::Parse(std::string(kHeader) + Row() + Row({{10, "x"}}, 2), "l.csv");
  REQUIRE(table.ok());
  LedgerImportOptions o;
  o.display_name = "l.csv";
  o.source_name = "l.csv";
  std::vector<std::pair<std::size_t, std::size_t>> calls;
  o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
  LedgerImport r = ImportLedger(*table, settings, areas, OrgRegistry{}, o);
  CHECK(r.ok());
  REQUIRE(calls.size() == 2);
  CHECK(calls[1] == std::make_pair<std::size_t, std::size_t>(2, 2));
}

// ---- ledger shapes people have ------------------------------

TEST_CASE("import: messy cells: date shapes, amounts, ID forms, phones", "[import]") {
  // 2026.1.5 and spaces around a full-width date.
  for (const char* shape : {"2026.1.5", " ２０２６年１月５日 "}) {
    Run r = Import(std::string(kHeader) + Row({{1, shape}}));
    INFO(shape);
    REQUIRE(r.errors.empty());
    CHECK(r.result.cases.at(0).record.received.ToString() == "2026-01-05T00:00:00+08:00");
  }
  // Amounts: ¥3500 → 350000 fen, 3500元, full-width ￥ and digits.
  const std::vector<std::pair<const char*, std::int64_t>> amounts = {
      {"¥3500", 350000}, {"3500元", 350000}, {"￥３,５００.５", 350050}, {" 3500 ", 350000}};
  for (const auto& [text, fen] : amounts) {
    Run r = Import(std::string(kHeader) + Row({{11, std::string("\"") + text + "\""}}));
    INFO(text);
    REQUIRE(r.errors.empty());
    CHECK(r.result.cases.at(0).record.amount == Money::FromFen(fen));
  }
  // A lower-case x check character is the same ID (and the same fingerprint).
  Run upper = Import(std::string(kHeader) + Row({{5, "14010919850312118X"}}));
  Run lower = Import(std::string(kHeader) + Row({{5, "14010919850312118x"}}));
  REQUIRE(upper.errors.empty());
  REQUIRE(lower.errors.empty());
  CHECK(lower.result.cases.at(0).record.parties[0].id_number == "14010919850312118X");
  CHECK(lower.result.cases[0].record.import.fingerprint ==
        upper.result.cases[0].record.import.fingerprint);
  // A legacy 15-digit ID (YYMMDD, no check character) is a person's ID.
  Run legacy = Import(std::string(kHeader) + Row({{5, "140109800101123"}}));
  REQUIRE(legacy.errors.empty());
  CHECK(legacy.result.cases.at(0).record.parties[0].kind == "person");
  CHECK(legacy.result.cases[0].record.parties[0].id_number == "140109800101123");
  // Landlines with or without the dash; full-width digits in a mobile.
  Run phones =
      Import(std::string(kHeader) + Row({{6, "１３８０００１２３４５"}, {9, "(0351)6012345"}}));
  REQUIRE(phones.errors.empty());
  CHECK(phones.result.cases.at(0).record.parties[0].phone == "13800012345");
  CHECK(phones.result.cases[0].record.parties[1].phone == "0351-6012345");
  // Quoted cells with commas, quotes and a line break; the row's line is where it starts.
  Run quoted = Import(std::string(kHeader) + Row({{10, "\"楼上漏水, 说\"\"不赔\"\"\n次日又漏\""}}) +
                      Row({}, 2));
  REQUIRE(quoted.errors.empty());
  REQUIRE(quoted.result.cases.size() == 2);
  CHECK(quoted.result.cases[0].record.summary == "楼上漏水, 说\"不赔\"\n次日又漏");
  CHECK(quoted.result.cases[1].line == 4);
}

TEST_CASE("import: places by division code as well as by name", "[import]") {
  Run r = Import(std::string(kHeader) + Row({{13, "140109005"}, {14, "140109005002"}, {15, ""}}));
  REQUIRE(r.errors.empty());
  CHECK(r.result.cases.at(0).record.place.street == "140109005");
  CHECK(r.result.cases[0].record.place.community == "140109005002");
  CHECK(OnlyError({{13, "140109005"}, {14, "140109006001"}, {15, ""}}) ==
        "ledger.csv:2: column 所属社区 (community): 140109006001 is in 西铭街道, not in 千峰街道");
}

TEST_CASE("import: columns are found by header, alias or field name", "[import]") {
  CHECK(FindLedgerColumn("纠纷类型") == 3);
  CHECK(FindLedgerColumn("category") == 3);
  CHECK(FindLedgerColumn("Category") == 3);
  CHECK(FindLedgerColumn("applicant_name") == 4);
  CHECK(FindLedgerColumn("applicant name") == 4);
  CHECK(FindLedgerColumn("涉及金额（元）") == 11);
  CHECK(FindLedgerColumn("people_involved") == 12);
  CHECK(FindLedgerColumn("回访日期") == 23);
  CHECK(FindLedgerColumn("visited") == 23);
  CHECK(FindLedgerColumn("备注") == -1);
  CHECK(FindLedgerColumn("") == -1);
  CHECK(LedgerColumns().size() == 42);  // 24, and 7 details of two roles and 4 of a third party
}

TEST_CASE("import: --skip-invalid keeps the good rows and lists the bad ones", "[import]") {
  std::string csv = std::string(kHeader) + Row() + Row({{3, "外星纠纷"}, {6, "12345"}}, 2) +
                    "3,2026-01-06,当事人申请\n" + Row({{10, "另一件事"}}, 4);
  Run strict = Import(csv);
  CHECK(strict.result.cases.empty());
  CHECK(strict.result.rejected.size() == 2);

  Run r = Import(csv, *Date::Parse("2026-04-01"), nullptr, true);
  CHECK_FALSE(r.result.ok());
  CHECK(r.result.header_ok);
  REQUIRE(r.result.cases.size() == 2);
  CHECK(r.result.cases[0].record.import.row == 1);
  CHECK(r.result.cases[1].record.import.row == 4);
  REQUIRE(r.result.rejected.size() == 2);
  CHECK(r.result.rejected[0].index == 1);
  CHECK(r.result.rejected[0].line == 3);
  REQUIRE(r.result.rejected[0].errors.size() == 2);
  CHECK(r.result.rejected[0].errors[0].field == "column 纠纷类型 (category)");
  CHECK(r.result.rejected[0].errors[1].field == "column 申请人电话 (applicant phone)");
  CHECK(r.result.rejected[1].index == 2);
  REQUIRE(r.result.rejected[1].errors.size() == 1);
  CHECK_THAT(r.result.rejected[1].errors[0].message, Catch::StartsWith("the row has 3 cells"));

  // A header error refuses everything, even so.
  Run header =
      Import("登记日期,申请人\n2026-01-05,李某\n", *Date::Parse("2026-04-01"), nullptr, true);
  CHECK_FALSE(header.result.header_ok);
  CHECK(header.result.cases.empty());
}

TEST_CASE("import: a mapping reads other headers and labels", "[import]") {
  auto mapping = ParseLedgerMapping(
      "columns:\n"
      "  受理时间: received\n"
      "  来源渠道: source\n"
      "  类别: category\n"
      "  当事人: 申请人\n"
      "  事由: summary\n"
      "  街道名称: street\n"
      "  社区名称: community\n"
      "  备注: ignore\n"
      "  不存在的列: risk\n"
      "values:\n"
      "  source: {来电: phone}\n"
      "  category: {邻里矛盾: neighbour}\n"
      "  street: {千峰: \"140109005\"}\n"
      "  风险等级: {高: red}\n",
      "map.yaml", Vocabulary::Builtin());
  REQUIRE(mapping.ok());
  Run r = Import(
      "受理时间,来源渠道,类别,当事人,事由,街道名称,社区名称,风险等级,备注\n"
      "2026.1.5,来电,邻里矛盾,李某,楼上漏水,千峰,140109005002, 高 ,随便写的\n",
      *Date::Parse("2026-04-01"), &*mapping);
  INFO(r.errors.size());
  REQUIRE(r.errors.empty());
  // The mapped column that is not in the ledger is the only warning.
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0] ==
        "map.yaml: warning: columns.不存在的列: the ledger has no column 不存在的列; mapping not "
        "used");
  REQUIRE(r.result.cases.size() == 1);
  const Case& c = r.result.cases[0].record;
  CHECK(c.received.ToString() == "2026-01-05T00:00:00+08:00");
  CHECK(c.source == "phone");
  CHECK(c.category == "neighbour");
  CHECK(c.parties.at(0).name == "李某");
  CHECK(c.summary == "楼上漏水");
  CHECK(c.place.street == "140109005");
  CHECK(c.place.community == "140109005002");
  CHECK(c.risk == "red");

  // Unmapped labels are still checked, and named by the ledger's own header.
  Run bad = Import(
      "受理时间,来源渠道,类别,当事人,事由,街道名称\n"
      "2026-01-05,来信,邻里矛盾,李某,楼上漏水,千峰\n",
      *Date::Parse("2026-04-01"), &*mapping);
  REQUIRE(bad.errors.size() == 1);
  CHECK_THAT(bad.errors[0],
             Catch::StartsWith("ledger.csv:2: column 来源渠道 (source): unknown label \"来信\""));
}

// ---- migrating history --------------------------------------

namespace {

const std::string kHistoryHeader =
    std::string(kHeader).substr(0, std::string(kHeader).size() - 1) +
    ",化解层级,调解结果,协议形式,结案日期,履行情况,司法确认日期,回访日期\n";

/// The good row with history cells appended (level, result, form, concluded,
/// performance, confirmed, visited).
std::string HRow(const std::vector<std::string>& history,
                 const std::vector<std::pair<int, std::string>>& changes = {}, int no = 1) {
  std::string row = Row(changes, no);
  row.pop_back();
  for (const auto& h : history) row += "," + h;
  return row + "\n";
}

/// The only error of a one-row history ledger.
std::string HistoryError(const std::vector<std::string>& history,
                         const std::vector<std::pair<int, std::string>>& changes = {}) {
  Run r = Import(kHistoryHeader + HRow(history, changes));
  INFO(::Catch::Detail::stringify(r.errors));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.result.cases.empty());
  return r.errors.front();
}

/// "type date" of each event; checks every `at` is local midnight of its
/// `date`, that the lifecycle accepts the timeline (migrated relaxations),
/// and that the stored state is its replay.
std::vector<std::string> Timeline(const Case& c) {
  static const Settings settings = TestSettings();
  DiagnosticSink sink;
  CheckTimeline(c, settings, "case.yaml", &sink);
  for (const auto& d : sink.items()) FAIL_CHECK(d.ToString());
  CHECK(Replay(c, settings).state.status == c.state.status);
  std::vector<std::string> out;
  for (const Event& e : c.events) {
    std::string date = e.Get("date");
    CHECK(e.at.ToString() == date + "T00:00:00+08:00");
    CHECK(e.by == "测试员 <t@example.org>");
    out.push_back(e.type + " " + date);
  }
  return out;
}

}  // namespace

TEST_CASE("import: a settled grid case is migrated through to closed", "[import]") {
  Run r = Import(kHistoryHeader + HRow({"网格", "调解成功", "书面", "2026-01-20", "已履行",
                                        "2026-02-01", "2026-02-10"}));
  REQUIRE(r.errors.empty());
  CHECK(r.warnings.empty());
  CHECK(r.result.migrated == 1);
  REQUIRE(r.result.cases.size() == 1);
  const Case& c = r.result.cases[0].record;
  CHECK(c.migrated);
  CHECK(Timeline(c) == std::vector<std::string>{"received 2026-01-05", "routed 2026-01-05",
                                                "agreed 2026-01-20", "confirmation 2026-02-01",
                                                "performance 2026-02-10", "visited 2026-02-10",
                                                "closed 2026-02-10"});
  const Event& routed = c.events[1];
  CHECK(routed.Get("org") == "C-140109005001");
  CHECK(routed.Get("level") == "grid");
  const Value* worker = routed.payload.Find("grid_worker");
  REQUIRE(worker != nullptr);  // a grid worker handled it…
  CHECK(worker->is_null());    // …whose name the ledger does not give
  CHECK(routed.payload.Find("rule") == nullptr);
  CHECK(c.events[2].Get("form") == "written");
  CHECK(c.events[2].payload.Find("effective") == nullptr);  // not invented
  CHECK(c.events[3].Get("result") == "confirmed");
  CHECK(c.events[3].Get("applied") == "2026-02-01");
  CHECK(c.events[4].Get("performance") == "full");
  // No assignment, no mediators: left unknown.
  for (const Event& e : c.events) CHECK(e.type != "assigned");
  CHECK(c.state.status == "closed");
  CHECK(c.state.level == "grid");
  CHECK(c.state.org == "C-140109005001");
  CHECK(c.state.mediators.empty());
  CHECK(c.state.deadline.ToString() == "2026-02-04");
}

TEST_CASE("import: migrated outcomes at each level", "[import]") {
  // Street, oral, instalments, no return visit: stays agreed, due for its visit.
  // The active street committee is chosen over a retired one.
  Run street =
      Import(kHistoryHeader + HRow({"街道", "调解成功", "口头", "2026-01-06", "分期履行", "", ""}));
  REQUIRE(street.errors.empty());
  const Case& s = street.result.cases.at(0).record;
  CHECK(Timeline(s) == std::vector<std::string>{"received 2026-01-05", "routed 2026-01-05",
                                                "agreed 2026-01-06", "performance 2026-01-06"});
  CHECK(s.events[1].Get("org") == "S-140109005");
  CHECK(s.events[1].payload.Find("grid_worker") == nullptr);
  CHECK(s.events[2].Get("form") == "oral");
  CHECK(s.events[3].Get("performance") == "instalment");
  CHECK(s.state.status == "agreed");
  CHECK(s.state.level == "street");

  // District, failed: terminated and closed on the date concluded.
  Run district = Import(kHistoryHeader + HRow({"区", "调解不成功", "", "2026-02-20", "", "", ""}));
  REQUIRE(district.errors.empty());
  const Case& d = district.result.cases.at(0).record;
  CHECK(Timeline(d) == std::vector<std::string>{"received 2026-01-05", "routed 2026-01-05",
                                                "terminated 2026-02-20", "closed 2026-02-20"});
  CHECK(d.events[1].Get("org") == "WBL-CENTRE");
  CHECK(d.state.status == "closed");
  CHECK(d.state.level == "district");

  // Community; the court confirmed after the visit: the file is closed with the papers in it.
  Run late = Import(kHistoryHeader + HRow({"社区", "调解成功", "书面", "2026-01-20", "未履行",
                                           "2026-03-01", "2026-02-10"}));
  REQUIRE(late.errors.empty());
  const Case& l = late.result.cases.at(0).record;
  CHECK(Timeline(l) == std::vector<std::string>{"received 2026-01-05", "routed 2026-01-05",
                                                "agreed 2026-01-20", "performance 2026-02-10",
                                                "visited 2026-02-10", "confirmation 2026-03-01",
                                                "closed 2026-03-01"});
  CHECK(l.events[1].Get("org") == "C-140109005001");
  CHECK(l.events[1].Get("level") == "community");
  CHECK(l.events[3].Get("performance") == "none");
  CHECK(l.state.status == "closed");

  // Visited but no performance recorded: cannot close; a warning says so.
  Run unperformed = Import(kHistoryHeader +
                           HRow({"社区", "调解成功", "书面", "2026-01-20", "", "", "2026-02-10"}));
  REQUIRE(unperformed.errors.empty());
  REQUIRE(unperformed.warnings.size() == 1);
  CHECK_THAT(unperformed.warnings[0],
             Catch::StartsWith("ledger.csv:2: warning: column 履行情况 (performance): is blank, so "
                               "the visited case cannot be closed"));
  CHECK(unperformed.result.cases.at(0).record.state.status == "agreed");

  // No form given: a warning, and the form is left out (unknown).
  Run formless = Import(kHistoryHeader +
                        HRow({"社区", "调解成功", "", "2026-01-20", "已履行", "", "2026-01-21"}));
  REQUIRE(formless.errors.empty());
  REQUIRE(formless.warnings.size() == 1);
  CHECK(formless.warnings[0] ==
        "ledger.csv:2: warning: column 协议形式 (form): is blank for a successful case: the "
        "agreement form is left unknown");
  CHECK(formless.result.cases.at(0).record.events[2].payload.Find("form") == nullptr);
  CHECK(formless.result.cases[0].record.state.status == "closed");

  // A row without history in a history ledger is an ordinary registration.
  Run plain = Import(kHistoryHeader + HRow({"", "", "", "", "", "", ""}));
  REQUIRE(plain.errors.empty());
  CHECK(plain.result.migrated == 0);
  const Case& p = plain.result.cases.at(0).record;
  CHECK_FALSE(p.migrated);
  CHECK(p.events.size() == 1);
  CHECK(p.state.status == "received");
}

TEST_CASE("import: impossible histories are refused, not fixed", "[import]") {
  CHECK(HistoryError({"网格", "调解成功", "书面", "2026-01-04", "已履行", "", ""}) ==
        "ledger.csv:2: column 结案日期 (concluded): 2026-01-04 is before the date registered "
        "(2026-01-05): a case is concluded after it is received");
  CHECK(HistoryError({"网格", "调解成功", "书面", "2026-01-20", "已履行", "", "2026-01-19"}) ==
        "ledger.csv:2: column 回访日期 (visited): 2026-01-19 is before the date concluded "
        "(2026-01-20): a return visit follows the conclusion");
  CHECK(HistoryError({"网格", "调解成功", "书面", "2026-01-20", "已履行", "2026-01-10", ""}) ==
        "ledger.csv:2: column 司法确认日期 (confirmed): 2026-01-10 is before the date concluded "
        "(2026-01-20): judicial confirmation is applied for after the agreement (Law Art. 33)");
  CHECK(HistoryError({"区", "调解不成功", "", "2026-01-20", "", "2026-01-25", ""}) ==
        "ledger.csv:2: column 司法确认日期 (confirmed): a judicial confirmation on 2026-01-25, "
        "but a failed mediation (调解不成功) has no agreement to confirm (Law Art. 26)");
  CHECK(HistoryError({"区", "调解不成功", "", "2026-01-20", "已履行", "", ""}) ==
        "ledger.csv:2: column 履行情况 (performance): 已履行 is given, but a failed mediation "
        "(调解不成功) has no agreement to perform (Law Art. 26)");
  CHECK(HistoryError({"区", "调解不成功", "", "2026-01-20", "", "", "2026-03-01"}) ==
        "ledger.csv:2: column 回访日期 (visited): a return visit on 2026-03-01, but a failed "
        "mediation (调解不成功) has no agreement whose performance a visit checks (Law Art. 31)");
  CHECK(HistoryError({"区", "调解不成功", "口头", "2026-01-20", "", "", ""}) ==
        "ledger.csv:2: column 协议形式 (form): 口头 is given, but a failed mediation (调解不成功) "
        "has "
        "no agreement (Law Art. 26)");
  CHECK(HistoryError({"", "", "", "", "", "2026-01-25", ""}) ==
        "ledger.csv:2: column 司法确认日期 (confirmed): a judicial confirmation on 2026-01-25 "
        "without a conclusion (化解层级, 调解结果 and 结案日期 are blank)");
  CHECK(HistoryError({"", "", "", "", "", "", "2026-01-25"}) ==
        "ledger.csv:2: column 回访日期 (visited): a return visit on 2026-01-25 without a "
        "conclusion (化解层级, 调解结果 and 结案日期 are blank)");
  CHECK(HistoryError({"", "", "", "", "已履行", "", ""}) ==
        "ledger.csv:2: column 履行情况 (performance): 已履行 is given without a conclusion "
        "(化解层级, "
        "调解结果 and 结案日期 are blank)");
  CHECK(HistoryError({"网格", "调解成功", "书面", "", "已履行", "", ""}) ==
        "ledger.csv:2: column 结案日期 (concluded): is blank, but the row has a history: give the "
        "date the case was concluded (调结)");
  CHECK(HistoryError({"", "调解成功", "书面", "2026-01-20", "已履行", "", ""}) ==
        "ledger.csv:2: column 化解层级 (level): is blank, but the row has an outcome: say where "
        "the case was settled (网格, 社区, 街道 or 区)");
  CHECK(HistoryError({"网格", "", "书面", "2026-01-20", "已履行", "", ""}) ==
        "ledger.csv:2: column 调解结果 (outcome): is blank, but the row has a history: say "
        "调解成功 or 调解不成功");
  CHECK(HistoryError({"网格", "调解成功", "书面", "2026-04-02", "已履行", "", ""}) ==
        "ledger.csv:2: column 结案日期 (concluded): 2026-04-02 is in the future (today is "
        "2026-04-01)");
  CHECK(HistoryError({"网格", "调解成功", "书面", "2026-02-30", "已履行", "", ""}) ==
        "ledger.csv:2: column 结案日期 (concluded): 2026-02-30 is not a date");
  CHECK_THAT(HistoryError({"村委", "调解成功", "书面", "2026-01-20", "已履行", "", ""}),
             Catch::StartsWith("ledger.csv:2: column 化解层级 (level): unknown label \"村委\"\n"
                               "  known labels: 网格, 社区/村, 街道/乡镇, 区, 市"));
  CHECK(HistoryError({"市", "调解成功", "书面", "2026-01-20", "已履行", "", ""}) ==
        "ledger.csv:2: column 化解层级 (level): 市 is not a level a district ledger settles at: "
        "网格, 社区, 街道 or 区");
  CHECK(HistoryError({"网格", "撤回", "", "2026-01-20", "", "", ""}) ==
        "ledger.csv:2: column 调解结果 (outcome): 撤回 cannot be migrated: a ledger's history is "
        "调解成功 (agreed) or 调解不成功 (terminated)");
  CHECK_THAT(HistoryError({"网格", "调解成功", "手写", "2026-01-20", "已履行", "", ""}),
             Catch::StartsWith("ledger.csv:2: column 协议形式 (form): unknown label \"手写\""));
  CHECK_THAT(HistoryError({"网格", "调解成功", "书面", "2026-01-20", "还了一半", "", ""}),
             Catch::StartsWith("ledger.csv:2: column 履行情况 (performance): unknown label "
                               "\"还了一半\"\n  known labels: 已履行, 分期履行, 未履行"));
  // The settling organisation must be in the store.
  CHECK(HistoryError({"社区", "调解成功", "书面", "2026-01-20", "已履行", "", ""},
                     {{14, "后北屯村"}, {15, "140109005002001"}}) ==
        "ledger.csv:2: column 化解层级 (level): 社区: no community committee of 140109005002 in "
        "orgs/: register it before migrating its cases");
}

TEST_CASE("import: the parties' own details and a third party from their columns", "[import]") {
  const std::string header =
      "登记日期,案件来源,纠纷类型,申请人,申请人证件号码,申请人住所,申请人民族,申请人职业,"
      "申请人委托代理人,申请人代理人电话,被申请人,被申请人证件号码,被申请人法定代表人,"
      "被申请人法定代表人职务,第三人,第三人电话,第三人住所,纠纷简要情况,所属街道\n";
  auto row = [&](const std::string& third, const std::string& third_phone,
                 const std::string& third_address) {
    return std::string("2026-01-05,当事人申请,邻里纠纷,李某,") + kId1 +
           ",千峰社区12号楼3单元501,回族,教师,张律师,139-1111-2222,太原某物业服务有限公司," +
           kCredit + ",赵某,经理," + third + "," + third_phone + "," + third_address +
           ",楼上漏水,千峰街道\n";
  };
  Run r = Import(header + row("孙某", "13600003333", "千峰社区7号"));
  REQUIRE(r.errors.empty());
  const Case& c = r.result.cases.at(0).record;
  REQUIRE(c.parties.size() == 3);
  const Party& a = c.parties[0];
  CHECK(a.address == "千峰社区12号楼3单元501");
  CHECK(a.ethnicity == "回族");
  CHECK(a.occupation == "教师");
  REQUIRE(a.agents.size() == 1);
  CHECK(a.agents[0].name == "张律师");
  CHECK(a.agents[0].phone == "13911112222");  // dashes dropped
  const Party& o = c.parties[1];
  CHECK(o.kind == "organisation");
  CHECK(o.credit_code == kCredit);
  CHECK(o.representative == "赵某");
  CHECK(o.representative_title == "经理");
  CHECK(o.agents.empty());
  const Party& t = c.parties[2];
  CHECK(t.role == "third_party");
  CHECK(t.name == "孙某");
  CHECK(t.phone == "13600003333");
  CHECK(t.address == "千峰社区7号");

  // The details count in no fingerprint: the same row in the bundled
  // ledgers' columns (no details, no third party) gives the same one as
  // this row without its third party.
  Run plain = Import(std::string("登记日期,案件来源,纠纷类型,申请人,申请人证件号码,被申请人,"
                                 "被申请人证件号码,纠纷简要情况,所属街道\n") +
                     "2026-01-05,当事人申请,邻里纠纷,李某," + kId1 + ",太原某物业服务有限公司," +
                     kCredit + ",楼上漏水,千峰街道\n");
  Run detailed = Import(header + row("", "", ""));
  REQUIRE(plain.errors.empty());
  REQUIRE(detailed.errors.empty());
  CHECK(detailed.result.cases.at(0).record.parties.size() == 2);
  CHECK(detailed.result.cases.at(0).record.import.fingerprint ==
        plain.result.cases.at(0).record.import.fingerprint);

  // Details without the party they belong to are refused.
  Run orphan = Import(header + row("", "13600003333", ""));
  REQUIRE(orphan.errors.size() == 1);
  CHECK(orphan.errors[0] ==
        "ledger.csv:2: column 第三人 (third party name): is blank, but the third party's phone "
        "is given: name the third party");
}
