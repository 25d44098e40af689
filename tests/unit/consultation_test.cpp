// lib/domain/consultation.cpp: consultations counted by the local year they
// were asked (the table: consultation_table_test.cpp).
#include <catch2/catch.hpp>

#include "consultation.hpp"

using namespace mediate;

namespace {

Consultation At(const char* at, const char* case_id = "", const char* referred = "") {
  Consultation c;
  c.at = *Timestamp::Parse(at);
  c.case_id = case_id;
  c.referred = referred;
  return c;
}

}  // namespace

TEST_CASE("consultations are counted by the local year they were asked", "[consult]") {
  auto tz = TimeZone::Find("Asia/Shanghai");
  REQUIRE(tz);
  std::vector<Consultation> all = {
      At("2025-06-01T10:00:00+08:00", "WBL-2025-000001"),
      // 2025-12-31 16:30 UTC is 2026-01-01 00:30 in Shanghai.
      At("2025-12-31T16:30:00Z", "", "县法院"),
      At("2026-03-01T09:00:00+08:00", "WBL-2026-000002", "C-1"),
      At("2026-04-01T09:00:00+08:00"),
  };
  ConsultationCounts n = CountConsultations(all, *tz);
  REQUIRE(n.by_year.size() == 2);
  const ConsultationCount& y2025 = n.by_year.at(2025);
  CHECK(y2025.consultations == 1);
  CHECK(y2025.to_case == 1);
  CHECK(y2025.referred == 0);
  const ConsultationCount& y2026 = n.by_year.at(2026);
  CHECK(y2026.consultations == 3);
  CHECK(y2026.to_case == 1);
  CHECK(y2026.referred == 2);
  CHECK(n.total.consultations == 4);
  CHECK(n.total.to_case == 2);
  CHECK(n.total.referred == 2);
  CHECK(CountConsultations({}, *tz).total.consultations == 0);
}
