// Names for codes, and codes for names, from a store's vocabularies and
// registries: what turns "140109005" into 万柏林街道 in a table and 邻里纠纷
// into "neighbour" in a filter. Also the shared "select the cases a filter
// names" step of every reading command.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "query.hpp"
#include "stats.hpp"
#include "store.hpp"

namespace mediate {

/// The label of `code` in dimension/field `field` (category, source,
/// source_group, status, outcome, risk, level, form, org_kind, street,
/// community, grid, org, mediator); "" when unknown. Registries must be loaded for
/// places, organisations and mediators (else those labels are "").
std::string LabelOf(const Store& store, const std::string& field, const std::string& code);

/// The name of a record or filter field ("category", "mediators") as the
/// interface shows it: its Chinese name when translation is on (类别,
/// 调解员), else the field itself; a field without a Chinese name as is.
std::string FieldLabel(const std::string& field);

/// A sensitive-data reason (SensitiveReasons, sensitive.hpp: health, minor,
/// financial, biometric, religion, location, other) as the interface shows
/// it to a person: its Chinese name when translation is on (the kinds of
/// PIPL Art. 28: 健康信息, 不满十四周岁的未成年人, …), else the code;
/// an unknown code as is.
std::string SensitiveReasonShown(const std::string& code);

/// Sensitive-data reasons as SensitiveReasonShown shows them, joined by
/// "、" when translation is on, else by ", ".
std::string SensitiveReasonsShown(const std::vector<std::string>& codes);

/// The vocabulary rank of `code` in `field` (levels lowest first, categories
/// in docs/law.md order), or -1.
int RankOf(const Store& store, const std::string& field, const std::string& code);

/// The stats dimension `name` (stats.hpp FindDimension; or its Chinese
/// heading, "类别") with the store's source groups, vocabulary ranks and
/// organisation kinds. kUsage for an unknown name. Registries must be
/// loaded for org_kind.
Result<Dimension> StoreDimension(const Store& store, const std::string& name);

/// LabelOf bound to `store` (which must outlive the result).
Labeler StoreLabeler(const Store& store);

/// Aggregate options for `store`: its source groups, `today` (local date)
/// and `period`.
AggregateOptions StoreAggregateOptions(const Store& store, Date today, const Period& period);

/// The codes of vocabulary `vocab` ("category") in vocabulary order,
/// including the store's extensions.
std::vector<std::string> VocabCodes(const Store& store, const std::string& vocab);

/// Turns what a user typed for a filter field into the stored code: a
/// Chinese label or alias (邻里纠纷 → neighbour; 红 → red), a street or
/// community name (和平街道 → 140109003). Unchanged when already a code or
/// unknown.
std::string NormalizeFilterValue(const Store& store, const std::string& field,
                                 const std::string& value);

/// Parses filter terms with the store's normaliser and source groups.
/// kUsage for a syntax error (Filter::Parse) and for a value of a closed set
/// that the store does not know: a vocabulary code or label, a street,
/// community, grid, organisation or mediator ("category:martian" is an
/// error, not "no cases"); the message starts `field:value:` and says what
/// to give instead. An organisation may be given by its full name, a
/// mediator by ID (any letter case) or name (mediator:康军 → M-0307); a
/// name several mediators share is refused, listing each one's ID and
/// organisation. Free text (text:) is never checked: it may match nothing.
Result<Filter> ParseStoreFilter(const Store& store, const std::vector<std::string>& terms);

/// Options for SelectCases and VisitCases.
struct SelectOptions {
  bool keep_going = false;  ///< report unreadable files as warnings and go on
  bool use_index = true;
  /// Only cases received in this period (local dates, store time zone);
  /// unset: every case.
  Period received;
};

/// Every case the filter matches (and received in `options.received`),
/// sorted by id. Unreadable case files fail the selection (kRejected naming
/// each: never skip silently) unless `keep_going`, when they are
/// returned in `skipped`. A case id held by two files fails it too, even
/// with `keep_going` (kRejected naming both files and `mediate renumber`:
/// RefuseDuplicateCaseIds), since the case would be counted twice. Cases the filter drops are freed
/// as they are read (ScanOptions::keep), so memory grows with the selection, not the store.
Result<std::vector<CaseSummary>> SelectCases(const Store& store, const Filter& filter, Date today,
                                             const SelectOptions& options,
                                             std::vector<Diagnostic>* skipped);

/// The streaming form of SelectCases, for counts over a large store
/// (a million cases in under 400 MB): calls `visit` once for
/// every case the filter matches, in no particular order, never
/// concurrently, and keeps none of them. Same errors as SelectCases; on an
/// error `visit` may already have seen some cases, so callers discard what
/// they gathered.
Status VisitCases(const Store& store, const Filter& filter, Date today,
                  const SelectOptions& options,
                  const std::function<void(const CaseSummary&)>& visit,
                  std::vector<Diagnostic>* skipped);

}  // namespace mediate
