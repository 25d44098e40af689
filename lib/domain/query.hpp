// The filter grammar shared by every reading command, with no
// character a shell treats specially:
//
//   field:value[,value…]      any of the values
//   field:LO..HI              a range of dates or amounts, either end open
//                             (received:2026-01-01..  amount:..5000)
//   not:field:value[,…]       none of the values
//   text:漏水                  the summary, a party's name or a session's
//                             notes contains the text
//   party:李秀英                a party by full name, ID number or phone
//   open | overdue            words: file not closed / past the deadline (also 未结 | 逾期)
//   WBL-2026-000042           a case id alone: id:WBL-2026-000042
//
// Several terms combine with AND. Fields: id, status, category, source,
// source_group, risk, level, street, community, grid, org, mediator,
// outcome, form (agreement form), received, concluded, deadline (dates),
// amount (yuan), people (count), migrated (true/false), text, party.
//
// Details:
// - Dates are YYYY-MM-DD, or YYYY-MM / YYYY for the whole month / year, on
//   either side of a range (received:2026-01..2026-03 is Jan 1 – Mar 31) or
//   alone (received:2026-03). Amounts are yuan with at most two decimals,
//   parsed exactly to fen. people takes whole numbers. Every value of a
//   date, amount or people field may be a range: received:2025,2026-03..
// - A case without the date (concluded) or amount never matches a range on
//   it (so not:concluded:2026 includes the cases not yet concluded).
// - mediator matches when any of the case's mediators is listed.
// - text: matches when the summary, a party's name (as normalised for
//   lookup) or a session's notes contains any of the values (bytes, case-
//   sensitive).
// - party: matches a party whose whole name equals the value (trimmed,
//   full-width and half-width alike, spaces dropped: NormalizeLookupName),
//   or — through the store's normaliser (ParseStoreFilter) — whose ID
//   number, credit code or phone equals it (spaces and dashes dropped, x
//   upper-cased), compared as keyed hashes (party_lookup.hpp). Without the
//   store's normaliser only names are compared.
// - open is IsOpenStatus(status); overdue is IsPendingStatus(status) with a
//   deadline before `today` (a case due today is not overdue).
// - status, level, outcome and form take only their fixed codes
//   (schemas/vocab.yaml), checked after normalisation; category, source, risk and the
//   division codes are extendable per store and not checked here.
// - Case ids (a bare id or id:) are taken in either letter case:
//   wbl-2026-000042 is WBL-2026-000042.
// - Aliases: agreement_form = form, people_involved = people.
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
using ValueNormalizer =
    std::function<std::string(const std::string& field, const std::string& value)>;

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
  /// is not a date or amount, a date that does not exist, a bad amount,
  /// an empty range (LO after HI), a status/level/outcome/form that does
  /// not exist. Messages read `<term>: <problem>`, e.g.
  /// `received:2026-02-30..: 2026-02-30 is not a date`.
  /// Every comma-separated value (ranges whole) goes through `normalize`
  /// (field name as listed above) before it is parsed. `group` is needed
  /// only for source_group (kInternal without it); it is called during
  /// Matches and must be thread-safe.
  static Result<Filter> Parse(const std::vector<std::string>& terms,
                              const ValueNormalizer& normalize = nullptr,
                              const SourceGrouper& group = nullptr);

  /// True when `c` satisfies every term. `today` (local date) decides
  /// `overdue`. Allocates nothing (source_group: whatever `group` does).
  bool Matches(const CaseSummary& c, Date today) const;

  bool empty() const;
  /// The terms as parsed, for messages.
  const std::vector<std::string>& terms() const;

 private:
  struct Term;
  std::shared_ptr<const std::vector<Term>> terms_parsed_;
  std::vector<std::string> terms_;
};

/// The names of the fields a filter term may name ("id", "status",
/// "category", …, "party"), in the order query.hpp lists them; aliases left
/// out. For the shell completion.
std::vector<std::string> FilterFieldNames();

}  // namespace mediate
