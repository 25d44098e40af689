// Training sessions of the mediator team (trainings/<yyyy>/<id>.yaml,
// docs/law.md): date, kind, title, level, hours, lecturer and attendance.
// The county justice bureau trains mediators regularly (People's Mediation
// Law Art. 14); the hours it requires are local practice (team_settings.hpp).
//
// Reading trainings.csv (init --from, `training import`), planning an
// idempotent import, allocating IDs, and loading the store's sessions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mediator.hpp"
#include "status.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

class Store;
class Vocabulary;

/// One training session (培训) and who attended it.
struct Training {
  std::string id;             ///< "T-2020-023"
  Date date;                  ///< day of the session
  std::string kind;           ///< training_kind code: theory | practice | new_media | psychology
  std::string title;          ///< "人民调解法解读"
  std::string level;          ///< level code of the organiser: city | district | street | community
  int hours_tenths = 0;       ///< length in tenths of an hour (6 h = 60, 1.5 h = 15)
  std::string lecturer;       ///< a mediator id (授课骨干) or "external"
  std::string lecturer_name;  ///< name of an external lecturer (optional)
  std::vector<std::string> attendees;  ///< mediator ids, as given, no repeats
  /// Keys this version does not know (a later version's, or added by hand),
  /// in the order read; written back after the known keys.
  Value extra = Value::Map();

  /// Reads a training record; every problem at its file:line:column
  /// (kRejected). Checks codes against `vocab`, not mediator references
  /// (see CheckTrainingReferences). Keys it does not know are kept in
  /// `extra` and named in warnings: in the returned status on failure,
  /// appended to `warnings` (when given) on success.
  static Result<Training> FromValue(const Value& root, const std::string& file,
                                    const Vocabulary& vocab, DiagnosticSink* warnings = nullptr);
  /// The record as written (schema "training/1"; the keys kept in `extra` last).
  Value ToValue() const;
  /// "trainings/<yyyy of date>/<id>.yaml".
  std::string Path() const;
};

/// Parses hours "6", "1.5", "2.0" (at most one decimal, > 0) into tenths;
/// nullopt otherwise.
std::optional<int> ParseHoursTenths(std::string_view text);

/// "6", "1.5": tenths of an hour as people write them.
std::string FormatHours(std::int64_t tenths);

/// Appends to `sink` an error for every reference of `t` that the roster
/// does not hold: the lecturer (unless "external") and each attendee, at
/// `where` (a record's file or a CSV row).
void CheckTrainingReferences(const Training& t, const MediatorRegistry& mediators,
                             const Location& where, DiagnosticSink* sink);

/// Reads trainings.csv text (id,date,kind,title,level,hours,lecturer,
/// attendees; attendees `;`-separated mediator ids; kind and level as codes
/// or Chinese labels; optional column lecturer_name). Every row is checked
/// (dates, codes, hours, duplicate ids and attendees, lecturer and
/// attendees on the roster); kRejected listing all problems as file:line:
/// column name.
Result<std::vector<Training>> ReadTrainingsCsv(const std::string& text, const std::string& file,
                                               const Vocabulary& vocab,
                                               const MediatorRegistry& mediators);

/// What importing sessions would change: the sessions to write (new, or
/// an existing id whose content differs — an update) and how many are
/// already in the store exactly as given (skipped, so importing the same
/// sessions again adds nothing).
struct TrainingImportPlan {
  std::vector<Training> added;
  std::vector<Training> updated;
  std::size_t unchanged = 0;
  /// Paths of updated sessions whose date moved to another year (their old
  /// file is removed).
  std::vector<std::string> moved_from;
};

/// Compares `incoming` with the store's sessions (by id). An updated
/// session keeps the keys its record held that this version does not know
/// (`extra`); they alone do not make a session differ.
TrainingImportPlan PlanTrainingImport(const std::vector<Training>& existing,
                                      const std::vector<Training>& incoming);

/// Every session of the store (trainings/<yyyy>/*.yaml), sorted by date
/// then id. kRejected listing the files that cannot be read.
Result<std::vector<Training>> LoadTrainings(const Store& store);

}  // namespace mediate
