// The writes to the mediator roster (mediators/*.yaml): add, edit, retire,
// rate, import. Each is one library operation on a StoreWrite: it reads the
// roster under the write lock, composes the records, checks them
// (CheckMediator), stages them and makes one commit whose message is
//
//   <subject>\n\nMediate-Action: mediator-<verb>\n<trailer>\n
//
// e.g. "mediator edit: M-0307 employment, phone" with the trailer
// "Mediate-Mediator: M-0307" (import: "Mediate-Source: mediators.csv").
// On a dry run (StoreWrite::DryRun) nothing is staged or committed; the
// outcome says what would be written. The committee problems a change
// brings to an organisation (People's Mediation Law Art. 8; store
// setting `staffing`) are returned, never refused.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "mediator.hpp"
#include "roster.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "time.hpp"

namespace mediate {

/// What a roster write did.
struct RosterWriteOutcome {
  std::string commit;      ///< full commit id; "" for a dry run or when nothing changed
  std::string subject;     ///< first line of the commit message ("mediator add: M-0012 张三")
  Mediator mediator;       ///< the record as written (add, edit, retire, rate)
  bool unchanged = false;  ///< edit: the record already had those values
  std::vector<Diagnostic> warnings;   ///< warnings of CheckMediator (errors refuse the write)
  std::vector<std::string> problems;  ///< new committee problems: "<org id> <name> <problem>"
};

/// `mediator add`: the id (empty: the next free M-NNNN) and the fields
/// given ("name" → "张三", as MediatorEditableFields; values as typed).
struct AddMediatorRequest {
  std::string id;
  std::map<std::string, std::string> fields;
};

/// Adds a mediator; `filed` defaults to the write's today (local date).
/// kRejected when the id is taken or the record has errors (nothing
/// written; diagnostics name the field), kUsage for a bad field value,
/// errors of StoreWrite::Commit.
Result<RosterWriteOutcome> AddMediator(StoreWrite& w, const Signature& op,
                                       const AddMediatorRequest& request);

/// `mediator edit ID --FIELD VALUE …`: changes the given fields and keeps
/// every other field of the record (ratings, unknown keys).
struct EditMediatorRequest {
  std::string id;
  std::map<std::string, std::string> fields;  ///< at least one
};

/// Edits a mediator. `unchanged` (no commit) when the fields already had
/// those values. kUsage when no field is given, kNotFound for an unknown
/// id, kRejected when the record would have errors (nothing written).
Result<RosterWriteOutcome> EditMediator(StoreWrite& w, const Signature& op,
                                        const EditMediatorRequest& request);

/// `mediator retire ID`: status retired as of `date` (local date).
struct RetireMediatorRequest {
  std::string id;
  Date date;
};

/// Retires a mediator. kNotFound for an unknown id, kRejected when already
/// retired.
Result<RosterWriteOutcome> RetireMediator(StoreWrite& w, const Signature& op,
                                          const RetireMediatorRequest& request);

/// `mediator rate ID --grade G --basis B`: a grade rating (等级评定) on
/// `date` (local date), rated by the operator.
struct RateMediatorRequest {
  std::string id;
  int grade = 0;  ///< 1 (highest) to 4
  Date date;
  std::string basis;  ///< the decision or record the rating rests on
};

/// Records a rating (ApplyRating: grade 1–4, a basis; kUsage otherwise).
/// kNotFound for an unknown id.
Result<RosterWriteOutcome> RateMediator(StoreWrite& w, const Signature& op,
                                        const RateMediatorRequest& request);

/// `mediator import FILE`: the roster CSV's text (UTF-8) and its file name
/// (used in diagnostics and in the commit's Mediate-Source trailer).
struct ImportRosterRequest {
  std::string text;
  std::string file_name;  ///< "mediators.csv"
};

/// What an import did (or would do on a dry run).
struct ImportRosterOutcome {
  std::string commit;   ///< full commit id; "" for a dry run or when nothing changed
  std::string subject;  ///< "mediator import: 2 added, 1 updated, 3 unchanged from mediators.csv"
  MediatorImportPlan plan;
  std::vector<Diagnostic> warnings;
  std::vector<std::string> problems;  ///< as RosterWriteOutcome::problems
};

/// Adds new mediators and updates known ones (PlanMediatorImport) in one
/// commit; nothing when every row is already on the roster as given.
/// kRejected when the CSV cannot be read or a record has errors ("…;
/// nothing was imported").
Result<ImportRosterOutcome> ImportRoster(StoreWrite& w, const Signature& op,
                                         const ImportRosterRequest& request);

}  // namespace mediate
