// Case-quality review (案件质量评查, docs/law.md): the automatic typed checks
// of case files, and the reproducible sample a review team reads.
//
// Finding codes are stable (vocab review_finding; exports and tests rely
// on them). The automatic ones:
//   over_time_limit        concluded after the case's time limit (received
//                          + the store's conclude_days, or the court
//                          limits for court-referred cases) with no
//                          extension recorded — MoJ 2002 Provisions Art. 33
//   oral_instalments       an oral agreement performed in instalments — a
//                          written agreement is required where rights and
//                          obligations are involved (2002 Provisions Art. 34)
//   no_return_visit        an agreed case with no return visit recorded
//                          (Law Art. 31: the committee supervises performance)
//   late_confirmation      judicial confirmation applied more than
//                          confirmation_days (30) after the agreement took
//                          effect — Law Art. 33
//   written_agreement_terms_missing  a written agreement that records no
//                          manner or no time limit of performance — Law
//                          Art. 29 (not checked for migrated cases, whose
//                          ledgers do not carry the terms)
//   invalid_id_number      a person party's citizen ID number fails
//                          GB 11643-1999
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "case.hpp"
#include "case_summary.hpp"
#include "settings.hpp"
#include "status.hpp"

namespace mediate {

class Store;

/// The codes `review check` reports, in report order.
const std::vector<std::string>& AutomaticFindingCodes();

/// What a written agreement says about performance (Law Art. 29), from the
/// payload of the case's last "agreed" event (as `mediate agree` writes it):
/// `performance_deadline` (the time limit, YYYY-MM-DD) and `manner` (e.g.
/// "一次性转账").
struct AgreementTerms {
  bool deadline = false;
  bool manner = false;
};

/// The terms of `c`'s agreement; nullopt when the case has no agreed event.
std::optional<AgreementTerms> AgreementTermsOf(const Case& c);

/// The automatic findings of one case (codes, in AutomaticFindingCodes
/// order). `terms` is the agreement's terms when known (needed only for a
/// written, non-migrated agreement; when null that check is skipped).
/// Time limits come from `limits` (store settings).
std::vector<std::string> FindingsOf(const CaseSummary& c, const TimeLimits& limits,
                                    const AgreementTerms* terms);

/// The findings of many cases.
struct ReviewCheckResult {
  std::size_t cases = 0;                                    ///< cases checked
  std::map<std::string, std::vector<std::string>> by_code;  ///< code → case ids (sorted)
  std::size_t cases_with_findings = 0;
};

/// Runs FindingsOf over `cases`, reading the agreement terms of written,
/// non-migrated agreements from their case files through `store`. kRejected
/// naming a case file that cannot be read.
Result<ReviewCheckResult> CheckCases(const Store& store, const std::vector<CaseSummary>& cases);

/// CheckCases over a scan that holds no case: Add every case (in any
/// order), then Finish. Reads the terms of a written agreement from its case
/// file when needed; keeps only the ids of cases with findings.
class ReviewCheckScan {
 public:
  /// A check of the cases of `store` (its time limits: store settings).
  explicit ReviewCheckScan(const Store& store);
  /// Checks `c`.
  void Add(const CaseSummary& c);
  /// The findings, ids sorted; kRejected naming every case file whose
  /// agreement could not be read. Call once, after every Add.
  Result<ReviewCheckResult> Finish();

 private:
  const Store& store_;
  ReviewCheckResult result_;
  DiagnosticSink unreadable_;
};

/// The same over summaries only, with `terms_of` giving the terms of a case
/// (nullopt: unknown, check skipped). For tests and callers with the terms
/// at hand.
ReviewCheckResult CheckSummaries(
    const std::vector<CaseSummary>& cases, const TimeLimits& limits,
    const std::function<std::optional<AgreementTerms>(const CaseSummary&)>& terms_of);

/// Parses a sampling rate "10%", "12.5%" or "0.1" into a fraction 0..1;
/// nullopt otherwise.
std::optional<double> ParseRate(const std::string& text);

/// Sampling rates: judicially confirmed cases and the others (docs/law.md:
/// one county reviews 10% of confirmed cases and 5% of the rest).
struct SampleRates {
  double confirmed = 0.1;
  double other = 0.1;
};

/// SampleCases over a scan that holds no case: Add every case (in any
/// order), then Drawn gives the ids of the sample (sorted), the same as
/// SampleCases over the same cases. Keeps a hash and an id per case.
class SampleDraw {
 public:
  SampleDraw(const SampleRates& rates, std::uint64_t seed) : rates_(rates), seed_(seed) {}
  /// Counts `c` in its stratum.
  void Add(const CaseSummary& c);
  /// The ids drawn, sorted. Call once, after every Add.
  std::vector<std::string> Drawn();
  /// Cases added, and of them judicially confirmed.
  std::size_t cases() const { return confirmed_.size() + other_.size(); }
  std::size_t confirmed() const { return confirmed_.size(); }

 private:
  SampleRates rates_;
  std::uint64_t seed_;
  std::vector<std::pair<std::uint64_t, std::string>> confirmed_, other_;
};

/// A reproducible sample: within each stratum (confirmation "confirmed",
/// and the rest) the cases are ordered by a hash of (`seed`, case id) —
/// SplitMix64 over FNV-1a, fixed here, independent of platform and of the
/// order of `cases` — and the first round(rate × n) are drawn (at least one
/// when rate > 0 and the stratum is not empty). Returned sorted by id. The
/// same cases, rates and seed always give the same sample; adding cases
/// moves a case in or out only by its own hash.
std::vector<CaseSummary> SampleCases(const std::vector<CaseSummary>& cases,
                                     const SampleRates& rates, std::uint64_t seed);

}  // namespace mediate
