// lib/report/case_export.cpp: the export schema mediate-export/2 (docs/export.md):
// amount_fen as the last field, lists as JSON arrays, missing dates and
// amounts as null.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "case_export.hpp"
#include "party_lookup.hpp"
#include "render.hpp"

using namespace mediate;

namespace {

Date D(const char* s) { return *Date::Parse(s); }

CaseSummary TwoParties() {
  CaseSummary c;
  c.id = "WBL-2022-000007";
  c.received = D("2022-03-04");
  c.deadline = D("2022-04-03");
  c.category = "neighbour";
  c.status = "mediating";
  c.street = "140109003";
  c.mediators = {"M-0001", "M-0002"};
  c.party_kinds = {"person", "organisation"};
  c.party_masked = {MaskPartyKey("甲;乙|13812345678"), MaskPartyKey("91110105MA00000012")};
  c.amount = Money::FromFen(350050);  // 3500.50 yuan
  return c;
}

}  // namespace

TEST_CASE("export rows carry schema 2 and amount_fen as the last field", "[export]") {
  CaseSummary bare;
  bare.id = "WBL-2022-000008";
  bare.received = D("2022-03-05");
  bare.status = "received";
  Table t = ExportTable({TwoParties(), bare}, nullptr, nullptr, nullptr, D("2022-03-10"), false);
  REQUIRE(t.columns.size() == 49);
  CHECK(t.columns.back().name == "amount_fen");
  CHECK(t.columns.back().kind == ColumnKind::kInt);
  CHECK(std::string(kExportSchema) == "mediate-export/2");
  REQUIRE(t.rows.size() == 2);
  CHECK(std::get<std::string>(t.rows[0][0]) == "mediate-export/2");
  CHECK(std::get<std::int64_t>(t.rows[0].back()) == 350050);
  CHECK(std::holds_alternative<std::monostate>(t.rows[1].back()));

  const std::string csv = RenderCsv(t);
  const std::string head = csv.substr(0, csv.find('\n'));
  CHECK(head.substr(head.size() - std::string(",summary,amount_fen").size()) ==
        ",summary,amount_fen");
  // CSV keeps the ;-joined text; a ';' inside a name is the full-width '；'.
  CHECK(csv.find(",M-0001;M-0002,3500.50,") != std::string::npos);
  CHECK(csv.find(",person;organisation,甲；乙|138****5678;91110105*******012,,350050\n") !=
        std::string::npos);
}

TEST_CASE("export JSONL writes lists as arrays and missing values as null", "[export]") {
  CaseSummary bare;
  bare.id = "WBL-2022-000008";
  bare.received = D("2022-03-05");
  bare.status = "received";
  Table t = ExportTable({TwoParties(), bare}, nullptr, nullptr, nullptr, D("2022-03-10"), false);
  const std::string text = RenderJsonl(t);
  const std::size_t nl = text.find('\n');
  REQUIRE(nl != std::string::npos);
  auto first = nlohmann::json::parse(text.substr(0, nl));
  auto second = nlohmann::json::parse(text.substr(nl + 1));
  CHECK(first["schema"] == "mediate-export/2");
  CHECK(first["mediators"] == nlohmann::json::array({"M-0001", "M-0002"}));
  CHECK(first["party_kinds"] == nlohmann::json::array({"person", "organisation"}));
  CHECK(first["parties"] == nlohmann::json::array({"甲；乙|138****5678", "91110105*******012"}));
  CHECK(first["amount"] == "3500.50");
  CHECK(first["amount_fen"] == 350050);
  CHECK(first["amount_fen"].is_number_integer());
  CHECK(first["received"] == "2022-03-04");
  CHECK(first["street"] == "140109003");
  CHECK(first["concluded"].is_null());
  // No mediators, no parties: empty arrays; no amount, no deadline: null.
  CHECK(second["mediators"] == nlohmann::json::array());
  CHECK(second["parties"] == nlohmann::json::array());
  CHECK(second["amount"].is_null());
  CHECK(second["amount_fen"].is_null());
  CHECK(second["deadline"].is_null());
  auto keys = [](const nlohmann::json& o) {
    std::vector<std::string> k;
    for (auto it = o.begin(); it != o.end(); ++it) k.push_back(it.key());
    return k;
  };
  CHECK(keys(first).size() == 49);
  // JSON (an array) has the same objects.
  auto all = nlohmann::json::parse(RenderJson(t));
  REQUIRE(all.size() == 2);
  CHECK(all[0]["parties"] == first["parties"]);
  CHECK(all[1]["mediators"] == nlohmann::json::array());
}
