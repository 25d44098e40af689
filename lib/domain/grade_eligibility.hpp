// Grade eligibility (等级评定, docs/law.md): each mediator's record computed
// from the case files and training records — years since filing, cases
// mediated, success rate, share of oral agreements, training hours,
// escalations away from them — checked against the store's thresholds per
// grade (team_settings.hpp; grade-4 defaults Guangdong 2020, others local
// practice).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "case.hpp"
#include "case_summary.hpp"
#include "mediator.hpp"
#include "status.hpp"
#include "team_settings.hpp"
#include "training.hpp"

namespace mediate {

class Store;

/// One mediator's record as of a date.
struct MediatorRecord {
  int years = -1;                    ///< whole years since filing (备案); -1 when no filing date
  int cases = 0;                     ///< concluded cases (agreed or terminated) naming the mediator
  int agreed = 0;                    ///< of them agreed
  int oral = 0;                      ///< of the agreed, with an oral agreement
  int escalations = 0;               ///< cases escalated away while the mediator was assigned
  std::int64_t training_tenths = 0;  ///< training hours attended, tenths

  /// agreed ÷ cases (0 when no cases).
  double success() const { return cases ? static_cast<double>(agreed) / cases : 0.0; }
  /// oral ÷ agreed (0 when none agreed).
  double oral_share() const { return agreed ? static_cast<double>(oral) / agreed : 0.0; }
};

/// The mediators assigned at each escalation of `c` (the assignment in
/// force when an "escalated" event happened), without repeats.
std::vector<std::string> EscalatedFrom(const Case& c);

/// Records of every mediator on the roster as of `as_of`: cases concluded
/// on or before `as_of` (a case counts for each mediator its summary names),
/// training sessions held on or before `as_of`, escalations from
/// `escalated_from` (case id → mediators, see EscalatedFrom) for cases
/// received on or before `as_of`. Pure.
std::map<std::string, MediatorRecord> ComputeRecordsFrom(
    const std::vector<CaseSummary>& cases,
    const std::map<std::string, std::vector<std::string>>& escalated_from,
    const std::vector<Training>& trainings, const MediatorRegistry& mediators, Date as_of);

/// ComputeRecordsFrom over the store: scans case summaries (the derived
/// index where fresh) and reads the full file of each escalated case.
/// kRejected naming unreadable case files, or a case id two files hold
/// (RefuseDuplicateCaseIds).
Result<std::map<std::string, MediatorRecord>> ComputeMediatorRecords(
    const Store& store, const std::vector<Training>& trainings, Date as_of);

/// The thresholds `r` misses for `g`, as short phrases ("cases 12 < 50",
/// "success 80.0% < 85%"); empty when eligible.
std::vector<std::string> UnmetThresholds(const MediatorRecord& r, const GradeThresholds& g);

/// One active mediator checked against the thresholds of one grade.
struct GradeCheck {
  std::string id;         ///< roster id
  std::string name;       ///< the mediator's name
  std::string org;        ///< the mediator's organisation id
  int current_grade = 0;  ///< the grade held now, 0 = not graded
  int checked_grade = 0;  ///< the grade checked, 1–4
  MediatorRecord record;  ///< the mediator's record (all zero, years -1, when none was computed)
  std::vector<std::string> unmet;  ///< UnmetThresholds(record, thresholds); empty = eligible

  /// True when the mediator meets every threshold of the grade.
  bool eligible() const { return unmet.empty(); }
};

/// Active mediators (status "active") of `mediators` against each grade in
/// `grades` that `team.grades` has thresholds for (grades without are left
/// out): one check per mediator and grade, by grade checked (lowest
/// first), then id. A mediator without an entry in `records` is checked
/// with an empty record. Thresholds are store settings (mediate.yaml
/// grades; grade 4 defaults Guangdong 2020, others local practice). Pure.
std::vector<GradeCheck> CheckGrades(const std::map<std::string, MediatorRecord>& records,
                                    const MediatorRegistry& mediators, const TeamSettings& team,
                                    const std::vector<int>& grades);

}  // namespace mediate
