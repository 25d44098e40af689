// Three-way merge of a case file (卷宗), for the merge driver
// (docs/offices.md). On top of the record merge (record_merge.hpp):
//
//   - **the timeline is a union**: the events of both sides, each side's
//     own order kept, interleaved by `at` (ours first on a tie); an event
//     on both sides (equal field by field) is kept once;
//   - **derived fields are re-derived**, never conflict: status, level,
//     org, mediators and deadline from a replay of the merged timeline; a
//     file number (file_no) set on one side is taken, ours when both differ;
//   - tags and sensitive-data flags merge as sets;
//   - a merged timeline the state machine forbids (agreed here and
//     terminated there; two agreements; a step dated before the step it
//     follows: CheckTimeline) is a conflict on `events`: the file keeps
//     ours' timeline and records both sides' new events;
//   - every conflict goes into the case's `conflicts:` block (ours kept in
//     the record), with each side's latest new event's `by` and `at`.
#pragma once

#include <string>

#include "record_merge.hpp"
#include "settings.hpp"
#include "status.hpp"

namespace mediate {

/// The timeline `ours` with the events of `theirs` that ours does not have
/// (equal field by field), interleaved by `at` keeping each side's own
/// order, ours first on a tie. Events are the records' YAML maps.
std::vector<Value> UnionOfEvents(const std::vector<Value>& ours, const std::vector<Value>& theirs);

/// What merging a case file gave.
struct CaseMerge {
  std::string text;           ///< the merged case file, as mediate writes it
  std::size_t conflicts = 0;  ///< conflicts recorded by this merge
};

/// Merges three versions of the case file at `path` (texts as read; `base`
/// "" when both sides added the file). Errors (kRejected, naming `path`; the
/// caller keeps ours and reports a conflict git stops on): a version that
/// does not read as a case; both sides added the file with different
/// `received` events, parties or summary — two different cases under one
/// ID, which `mediate renumber` separates.
Result<CaseMerge> MergeCaseFile(const std::string& base, const std::string& ours,
                                const std::string& theirs, const std::string& path,
                                const Settings& settings, const MergeStamp& stamp);

}  // namespace mediate
