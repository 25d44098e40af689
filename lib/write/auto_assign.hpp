// Mediator assignment by rule (`assign --auto`): among the active mediators
// of the organisation handling a case, those whose specialties include the
// case's category come first; a routing rule may require a grade; within
// the preferred group the mediator with the fewest open cases of that group
// is chosen, then the fewest open cases overall, then the lowest id — so
// the result is deterministic and, over a batch, balanced.
//
// Sources: People's Mediation Law Art. 19 (one or more mediators, appointed
// by the committee); grades 1 (highest) to 4 by the mediators' association
// (docs/law.md) — a rule "grade 2 or higher" means grade number ≤ 2, and an
// ungraded mediator ranks below grade 4; the preference for specialists and
// the balancing are local practice (store rules, docs/routing.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "case.hpp"
#include "mediator.hpp"
#include "query.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// What assignment needs to know of a case: who handles it, its category,
/// and the grade its routing rule asked for (0 = none). For a case already
/// assigned, `mediators` holds its mediators (they count in caseloads).
struct AssignableCase {
  std::string id;
  std::string org;
  std::string category;
  int required_grade = 0;  ///< grade number ≤ this; 0 = any grade, ungraded included
  std::vector<std::string> mediators;
};

/// One mediator considered for a case.
struct AssignCandidate {
  std::string id;
  std::string name;
  int grade = 0;            ///< 0 = ungraded
  bool specialist = false;  ///< specialties include the case's category
  bool eligible = false;    ///< meets the grade requirement
  bool preferred = false;   ///< in the preferred group
  int group_load = 0;       ///< open cases of the same preference group held before this choice
  int open_load = 0;        ///< all open cases held before this choice
  std::string note;         ///< why not eligible / not preferred / not chosen
};

/// The choice for one case.
struct AssignChoice {
  std::string case_id;
  std::string org;
  std::string category;
  int required_grade = 0;
  std::string group;  ///< "specialists in labour" or "all eligible mediators of ORG"
  std::vector<AssignCandidate> candidates;  ///< every active mediator of the org, by id
  std::string chosen;                       ///< "" when nobody is eligible
  std::string because;                      ///< why the chosen one won, or why nobody could
};

/// The preferred group of mediator ids (sorted) for a case: the active
/// mediators of `org` meeting the grade requirement whose specialties
/// include `category`, or when there are none, all that meet it. Empty when
/// nobody meets it.
std::vector<std::string> PreferenceGroup(const std::string& org, const std::string& category,
                                         int required_grade, const MediatorRegistry& mediators);

/// True when a mediator of `grade` (0 = ungraded) meets "grade `required`
/// or higher" (grade number ≤ required; 0 = no requirement).
bool MeetsGrade(int grade, int required);

/// Chooses a mediator for each of `to_assign`, in the order given, given
/// the open cases already assigned (`open`, their mediators counted in the
/// caseloads). Each choice counts in the caseloads of the later ones. Pure.
/// The texts (group, because, notes) are in the interface's language
/// (i18n.hpp), naming categories as `categories` shows them
/// (VocabList::Shown: labels in Chinese), or by code when it is null.
std::vector<AssignChoice> PlanAssignments(const std::vector<AssignableCase>& to_assign,
                                          const std::vector<AssignableCase>& open,
                                          const MediatorRegistry& mediators,
                                          const VocabList* categories = nullptr);

/// The grade the last routing (routed or escalated event, payload
/// mediator_grade) asked for; 0 when none.
int RequiredGrade(const Case& c);

/// What `assign --auto` did.
struct AutoAssignOutcome {
  std::vector<AssignChoice> choices;  ///< one per case, by id
  std::string commit;                 ///< "" for a dry run or when there was nothing to assign
};

/// `assign --auto [FILTER]`: every routed case without mediators (not at
/// grid level, where the grid worker handles it) that `filter` selects gets
/// a mediator by PlanAssignments, recorded as an `assigned` event
/// {mediators, chosen_by: "appointed", by_rule: "auto"} on each, all in one
/// commit "assign: N cases (auto)", through `w` (the locked store; a dry
/// run checks and writes nothing). kRejected, nothing written, when any selected case has no
/// eligible mediator (each such case a diagnostic saying why: exit 3) or
/// fails its checks; kBusy/kIo from the write.
Result<AutoAssignOutcome> AutoAssign(StoreWrite& w, const Filter& filter, const Signature& op,
                                     Timestamp now, Date today);

}  // namespace mediate
