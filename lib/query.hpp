// The filter grammar shared by every reading command (DESIGN §2), with no
// character a shell treats specially:
//
//   field:value[,value…]      any of the values
//   field:LO..HI              a range of dates or amounts, either end open
//                             (received:2026-01-01..  amount:..5000)
//   not:field:value[,…]       none of the values
//   text:漏水                  the summary contains the text
//   open | overdue            words: file not closed / past the deadline
//
// Several terms combine with AND. Fields: id, status, category, source,
// source_group, risk, level, street, community, grid, org, mediator,
// outcome, form (agreement form), received, concluded, deadline (dates),
// amount (yuan), people (count), migrated (true/false).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "case_summary.hpp"
#include "status.hpp"

namespace mediate {

/// Normalises a value a user typed for a field (e.g. a Chinese category
/// label to its code, a street name to its division code). Returns the
/// value unchanged when it knows nothing better.
using ValueNormalizer = std::function<std::string(const std::string& field, const std::string& value)>;

/// Maps a source code to its group (application / initiative / referral).
using SourceGrouper = std::function<std::string(const std::string& source)>;

/// A parsed filter: a conjunction of terms. Cheap to copy; thread-safe to
/// evaluate concurrently.
class Filter {
 public:
  /// Matches every case.
  Filter();
  /// Parses `terms`. kUsage naming the term and what is wrong: unknown
  /// field (listing the known ones), empty value, a range on a field that
  /// is not a date or amount, a date that does not exist, a bad amount.
  static Result<Filter> Parse(const std::vector<std::string>& terms,
                              const ValueNormalizer& normalize = nullptr,
                              const SourceGrouper& group = nullptr);

  /// True when `c` satisfies every term. `today` (local date) decides `overdue`.
  bool Matches(const CaseSummary& c, Date today) const;

  bool empty() const;
  /// The terms as parsed, for messages.
  const std::vector<std::string>& terms() const;

 private:
  struct Term;
  std::shared_ptr<const std::vector<Term>> terms_parsed_;
  std::vector<std::string> terms_;
};

}  // namespace mediate
