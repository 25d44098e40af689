// Maintaining the mediator roster (docs/law.md): checking a mediator
// record, applying edits given as field/value pairs, grade ratings, the
// idempotent import plan of mediators.csv, and the roster's tables (list,
// one mediator, counts by grade/employment). Pure functions over records.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "mediator.hpp"
#include "organisation.hpp"
#include "status.hpp"
#include "table.hpp"
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

/// The next free roster id "M-NNNN" (highest numeric id + 1, four digits
/// at least).
std::string NextMediatorId(const MediatorRegistry& mediators);

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

/// The roster as a table with the record's field names as columns: id,
/// name, sex, born, org, role, employment, grade, graded, specialties,
/// lecturer, honours, filed, status, phone (lists `;`-joined, lecturer
/// true/false, grade empty when not graded). Phone numbers are masked
/// (docs/law.md) unless `reveal`. Rows in id order, those `keep` accepts.
Table RosterTable(const MediatorRegistry& mediators, bool reveal,
                  const std::function<bool(const Mediator&)>& keep);

/// Counts of active mediators: by grade (4, 3, 2, 1, grades 1–2 together,
/// not graded), by employment, by role, by sex, lecturers (授课骨干), with
/// any honour, and by honour. Columns: dimension, value, label, mediators.
/// `label` gives the Chinese label of a (vocabulary, code) pair.
Table RosterStatsTable(
    const MediatorRegistry& mediators,
    const std::function<std::string(const std::string&, const std::string&)>& label);

/// One mediator as field/value lines for `mediator show` (phone masked
/// unless `reveal`; ratings one line each). Columns: field, value.
Table MediatorCard(const Mediator& m, const OrgRegistry& orgs, bool reveal);

}  // namespace mediate
