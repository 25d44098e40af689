// The writes to the training register (trainings/<year>/*.yaml): import of
// a training CSV and `training add`. Each is one library operation on a
// StoreWrite: it reads the register under the write lock, composes and
// checks the sessions, stages them and makes one commit:
//
//   training add: <id> <title>\n\nMediate-Action: training-add\nMediate-Training: <id>\n
//   training import: <n> sessions from <file>\n\nMediate-Action: training-import\n
//       Mediate-Source: <file>\n
//
// On a dry run (StoreWrite::DryRun) nothing is staged or committed.
#pragma once

#include <string>
#include <vector>

#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"
#include "training.hpp"

namespace mediate {

/// `training add`: the options as typed. `kind` and `level` are codes or
/// labels of the vocabularies training_kind and level; `hours` is decimal
/// hours ("6", "1.5"); `date` is a local date YYYY-MM-DD.
struct AddTrainingRequest {
  std::string id;  ///< empty: the next free id of the session's year (StoreWrite::TakeNumbers)
  std::string date;
  std::string kind;
  std::string title;
  std::string level;  ///< may be empty
  std::string hours;
  std::string lecturer;                ///< mediator id, "external", or empty
  std::string lecturer_name;           ///< name of an external lecturer
  std::vector<std::string> attendees;  ///< mediator ids, each once
};

/// What a training write did.
struct TrainingWriteOutcome {
  std::string commit;       ///< full commit id; "" for a dry run or when nothing changed
  Training training;        ///< add: the session as written
  TrainingImportPlan plan;  ///< import: what was (or would be) added and updated
};

/// Records one training session. kRejected listing every problem (each a
/// diagnostic "training add" naming the option: bad date, unknown kind or
/// level, bad hours, an attendee twice, unknown mediators, an id already
/// recorded); nothing written then. Errors of StoreWrite::Commit.
Result<TrainingWriteOutcome> AddTraining(StoreWrite& w, const Signature& op,
                                         const AddTrainingRequest& request);

/// Imports the sessions of a training CSV (`text`, UTF-8; `file_name` used in
/// diagnostics and the Mediate-Source trailer) in one commit
/// (PlanTrainingImport: sessions already recorded are skipped, updated ones
/// rewritten, moved ones removed from their old year). kRejected when the
/// CSV has errors ("…; nothing was imported").
Result<TrainingWriteOutcome> ImportTrainings(StoreWrite& w, const Signature& op,
                                             const std::string& text, const std::string& file_name);

}  // namespace mediate
