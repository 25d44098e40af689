// Blocks of numbers reserved for one desk (docs/offices.md, "Numbers that
// never collide"). Every desk of the district works in a clone, often
// offline, and still hands out case IDs (hence file numbers), consultation,
// mediator and training IDs that no other desk hands out: each number comes
// from a block the desk reserved earlier from the district's server, where
// one record lists every block of every desk.
//
// The record (`numbers.yaml` on the server's branch `mediate/numbers`,
// schema `numbers/1`) only grows: a block, once reserved, is never given to
// another desk. A series is what one sequence counts: "case/XJY/2026" (the
// office's case IDs of a year received), "consultation/XJY/2026",
// "training/2026", "mediator". This file holds the record and the pure
// arithmetic on it; reading it from git and reserving online are the
// store's and the write layer's (number_ref.hpp, number_reserve.hpp).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// A run of numbers of one series held by one desk.
struct NumberBlock {
  std::string series;  ///< "case/XJY/2026"
  int first = 0;       ///< first number of the run (≥ 1)
  int last = 0;        ///< last number of the run (≥ first)
  std::string desk;    ///< the desk holding it (git config mediate.desk)
  std::string by;      ///< who reserved it: "王某 <wang@example.org>"
  std::string at;      ///< when: RFC 3339 in the store's time zone
};

/// The record of every block reserved in a district, as read; `root` keeps
/// what this version does not understand, so a rewrite loses nothing.
struct NumberBlocks {
  std::vector<NumberBlock> blocks;  ///< in the order reserved
  Value root = Value::Map();        ///< the whole record as read (or a fresh one)
};

/// How a series is reserved: numbers per block, and how few free numbers
/// make `sync` reserve another block (store rule, docs/offices.md). Cases
/// and consultations: 20 and 10; trainings and mediators, which a desk makes
/// rarely and whose IDs have fewer digits: 5 and 1.
struct SeriesPolicy {
  int block = 20;  ///< numbers in one new block
  int low = 10;    ///< reserve another block when fewer are free
};

/// The policy of `series` (by its kind, the part before the first '/').
SeriesPolicy PolicyOf(const std::string& series);

/// "case/XJY/2026": the case IDs of office `office` for cases received in
/// `year` (store-local year, as the ID's middle part).
std::string CaseSeries(const std::string& office, int year);
/// "consultation/XJY/2026": the office's consultation records of a year.
std::string ConsultationSeries(const std::string& office, int year);
/// "training/2026": the district's training IDs of a year (T-2026-NNN).
std::string TrainingSeries(int year);
/// "mediator": the district's mediator IDs (M-NNNN).
std::string MediatorSeries();

/// The ID that number `n` of `series` gives: "XJY-2026-000012" (case),
/// "XJY-ZX-2026-000003" (consultation), "T-2026-007" (training),
/// "M-0838" (mediator); "" for a series of no known kind.
std::string SeriesId(const std::string& series, int n);

/// Reads the record `text` (file `file`, for messages). kRejected naming
/// the file, the line and the field when a block lacks a series or a desk,
/// or its numbers are no whole numbers with 1 ≤ first ≤ last, or the schema
/// is not "numbers/1" (a newer one names the version to install). Empty
/// text is an empty record.
Result<NumberBlocks> ParseNumberBlocks(const std::string& text, const std::string& file);

/// The record as YAML, unknown keys kept.
std::string EmitNumberBlocks(const NumberBlocks& record);

/// Adds `block` to the record (its typed list and its `root`).
void AddNumberBlock(NumberBlocks* record, const NumberBlock& block);

/// The first `count` numbers of `series` in `desk`'s blocks, in block
/// order and ascending, that are not in `used`. Fewer (possibly none) when
/// the desk's blocks hold fewer free numbers.
std::vector<int> FreeNumbers(const NumberBlocks& record, const std::string& series,
                             const std::string& desk, const std::set<int>& used, std::size_t count);

/// How many numbers of `series` in `desk`'s blocks are not in `used`.
int FreeNumberCount(const NumberBlocks& record, const std::string& series, const std::string& desk,
                    const std::set<int>& used);

/// The block reserved next for `desk` in `series`: `size` numbers
/// (PolicyOf's block size when 0), starting after both the highest number
/// any desk's block of the series holds and `highest_used` (the highest
/// number the store already holds, e.g. from before blocks existed). `by`
/// and `at` are copied in.
NumberBlock NextNumberBlock(const NumberBlocks& record, const std::string& series,
                            const std::string& desk, int highest_used, const std::string& by,
                            const std::string& at, int size = 0);

/// The number `id` ends in when it is `prefix` followed by digits only
/// ("M-0837" after "M-" → 837), else nullopt.
std::optional<int> NumberAfter(const std::string& id, const std::string& prefix);

/// The numbers of the ids in `ids` that are `prefix` and digits
/// (NumberAfter), as a set: what a series already holds.
std::set<int> NumbersAfter(const std::vector<std::string>& ids, const std::string& prefix);

/// `prefix` and `n` padded with zeros to `width` digits: ("M-", 837, 4) →
/// "M-0837".
std::string PaddedNumber(const std::string& prefix, int n, int width);

/// True when the record holds two blocks of one series that share a number
/// — never, unless the record was edited by hand; then `*clash` names them.
bool FindOverlap(const NumberBlocks& record, std::string* clash);

}  // namespace mediate
