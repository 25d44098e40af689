// Maintaining the mediator roster (docs/law.md): checking a mediator
// record, applying edits given as field/value pairs, grade ratings, the
// idempotent import plan of mediators.csv, and the roster's counts (by
// grade, employment, role, sex, honours). Pure functions over records; the
// tables are laid out in roster_table.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "mediator.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "time.hpp"

namespace mediate {

class Vocabulary;

/// Fields `mediator add` and `mediator edit` accept, in the record's field order
/// plus the further docs/law.md items: name, sex, born, org, role,
/// employment, grade, graded, specialties, lecturer, honours, filed, phone,
/// education, sanctions, term_end, court_roster.
const std::vector<std::string>& MediatorEditableFields();

/// Checks a mediator as a whole and reports every problem to `sink` at
/// `where`: id and name present; sex male/female; born a date and the
/// mediator an adult on `today` (People's Mediation Law Art. 14: adult
/// citizens); org on the register (and not retired, for an active
/// mediator); role, employment and specialties known codes; grade 0–4 and a
/// graded date only with a grade; a phone that is neither a mobile nor a
/// landline number is a warning.
void CheckMediator(const Mediator& m, const Vocabulary& vocab, const OrgRegistry& orgs, Date today,
                   const Location& where, DiagnosticSink* sink);

/// Sets the fields named in `fields` (MediatorEditableFields) on `m`, from
/// text as typed: lists `,`- or `;`-separated; booleans true/false; dates
/// YYYY-MM-DD; grade 1–4 or "" (not graded); role/employment/specialties as
/// codes or Chinese labels. kUsage for an unknown field; kRejected listing
/// every unreadable value. Does not run CheckMediator.
Status ApplyMediatorFields(Mediator* m, const std::map<std::string, std::string>& fields,
                           const Vocabulary& vocab);

/// Records a grade rating (等级评定): sets grade and graded, and appends
/// {grade, date, by, basis} to the ratings. kRejected when the grade is not
/// 1–4, the basis is empty, or the mediator is retired.
Status ApplyRating(Mediator* m, int grade, Date date, const std::string& by,
                   const std::string& basis);

/// What importing a roster CSV would change.
struct MediatorImportPlan {
  std::vector<Mediator> added;
  std::vector<Mediator> updated;                         ///< merged records whose content changed
  std::vector<std::vector<std::string>> changed_fields;  ///< per updated mediator
  std::size_t unchanged = 0;
};

/// Compares rows read by ReadMediatorsCsv with the roster: a new id is
/// added; a known id takes the CSV's fields (the record's fields) and keeps
/// the record's others (ratings, education, sanctions, …); a row that
/// changes nothing is counted unchanged, so importing the same file again
/// adds nothing.
MediatorImportPlan PlanMediatorImport(const MediatorRegistry& existing,
                                      const std::vector<Mediator>& incoming);

/// Counts of the active mediators of a roster (status "active"; retired
/// ones are not counted). Every count is a number of mediators.
struct RosterCounts {
  std::int64_t active = 0;               ///< active mediators (在册调解员)
  std::map<int, std::int64_t> by_grade;  ///< grade 1–4, 0 = not graded; absent = none
  std::map<std::string, std::int64_t> by_employment;  ///< employment code → mediators
  std::map<std::string, std::int64_t> by_role;        ///< mediator_role code → mediators
  std::map<std::string, std::int64_t> by_sex;         ///< sex code → mediators
  std::int64_t lecturers = 0;                         ///< lecturer (授课骨干) true
  std::int64_t honoured = 0;                          ///< with at least one honour
  std::map<std::string, std::int64_t> by_honour;  ///< honour as written → mediators holding it

  /// Mediators of grade `g` (0 = not graded); 0 when there are none.
  std::int64_t grade(int g) const {
    auto it = by_grade.find(g);
    return it == by_grade.end() ? 0 : it->second;
  }
};

/// Counts the active mediators of `mediators` by grade, employment, role,
/// sex, lecturer and honours (a mediator with several honours counts once
/// under each, and once in `honoured`). Pure.
RosterCounts CountRoster(const MediatorRegistry& mediators);

}  // namespace mediate
