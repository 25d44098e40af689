// Store settings of the mediator team (docs/law.md): the yearly training
// requirement, the staffing norm for full-time mediators, and the grade
// thresholds. All of them are local practice, not national law, so each is
// read from mediate.yaml and only defaults to a published local rule:
//
//   training: {yearly_hours: 20}
//   staffing:
//     full_time: {community_committee: 1, street_committee: 2,
//                 industry_committee: 3, district_centre: 5}
//   grades:
//     "4": {years: 2, cases: 50, success_percent: 85, oral_percent_max: 30,
//           training_hours: 20, escalations_max: 0}
//
// Every key is optional; an absent key keeps its default.
#pragma once

#include <map>
#include <string>

#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// What a mediator must show to be eligible for one grade. A threshold of
/// -1 is not checked.
struct GradeThresholds {
  int grade = 4;                 ///< 1 (highest) … 4
  int min_years = -1;            ///< whole years since filing (备案)
  int min_cases = -1;            ///< concluded cases mediated
  int min_success_percent = -1;  ///< agreed ÷ concluded, percent
  int max_oral_percent = -1;     ///< oral agreements ÷ agreements, percent
  int min_training_hours = -1;   ///< training hours recorded up to the date of rating
  int max_escalations = -1;      ///< cases escalated away from the mediator
};

/// The team settings of a store (mediate.yaml `training`, `staffing`,
/// `grades`).
struct TeamSettings {
  /// Training hours each active mediator should receive per calendar year.
  /// Default 20 h: Ya'an rule (10 h pre-job + 14 h skills + 20 h a year),
  /// docs/law.md — store setting, local practice (Law Art. 14 requires
  /// regular training but sets no hours).
  int training_yearly_hours = 20;
  /// Minimum full-time (专职) mediators by organisation kind. Defaults Henan
  /// 2019: ≥1 per village/community committee, ≥2 per street/township
  /// committee, ≥3 per industry committee, ≥5 per county/district centre
  /// (docs/law.md) — store setting, local practice.
  std::map<std::string, int> full_time_norm = {{"community_committee", 1},
                                               {"street_committee", 2},
                                               {"industry_committee", 3},
                                               {"district_centre", 5}};
  /// Thresholds by grade. Default: grade 4 only, Guangdong 2020 (≥2 years'
  /// service, ≥50 disputes mediated, success ≥85%, oral agreements ≤30%,
  /// training completed — taken as one year's training hours — and no
  /// escalation caused by improper mediation), docs/law.md. Grades 1–3 vary
  /// by province and have no default — store setting, local practice.
  std::map<int, GradeThresholds> grades = {{4, GradeThresholds{4, 2, 50, 85, 30, 20, 0}}};

  /// Reads the team keys of a settings document (`root` is mediate.yaml, or
  /// setup.yaml at init); absent keys keep the defaults. kRejected with
  /// every problem at its file:line:column (negative or non-integer
  /// numbers, percentages over 100, grades other than "1"–"4").
  static Result<TeamSettings> FromValue(const Value& root, const std::string& file);

  /// The `training`, `staffing` and `grades` entries as written into
  /// mediate.yaml (all values, defaults included), for `init`.
  void AddTo(Value* root) const;
};

}  // namespace mediate
