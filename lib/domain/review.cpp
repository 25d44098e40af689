#include "review.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "i18n.hpp"
#include "pii.hpp"
#include "store.hpp"
#include "timeline.hpp"

namespace mediate {

namespace {

std::uint64_t Fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t SplitMix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

bool NeedsTerms(const CaseSummary& c) {
  return c.outcome == "agreed" && c.agreement_form == "written" && !c.migrated;
}

}  // namespace

const std::vector<std::string>& AutomaticFindingCodes() {
  static const std::vector<std::string> kCodes = {"over_time_limit",
                                                  "oral_instalments",
                                                  "no_return_visit",
                                                  "late_confirmation",
                                                  "written_agreement_terms_missing",
                                                  "invalid_id_number"};
  return kCodes;
}

std::optional<AgreementTerms> AgreementTermsOf(const Case& c) {
  const Event* agreed = nullptr;
  for (const auto& e : c.events)
    if (ParseEventKind(e.type) == EventKind::kAgreed) agreed = &e;
  if (!agreed) return std::nullopt;
  AgreementTerms t;
  t.deadline = Date::Parse(agreed->Get("performance_deadline")).has_value();
  t.manner = !agreed->Get("manner").empty();
  return t;
}

std::vector<std::string> FindingsOf(const CaseSummary& c, const TimeLimits& limits,
                                    const AgreementTerms* terms) {
  std::vector<std::string> out;
  if (c.concluded.valid() && !c.extended && c.received.valid()) {
    Date limit = c.deadline.valid() ? c.deadline : c.received.AddDays(limits.conclude_days);
    if (c.concluded > limit) out.push_back("over_time_limit");
  }
  bool agreed = c.outcome == "agreed";
  if (agreed && c.agreement_form == "oral" && c.performance == "instalment")
    out.push_back("oral_instalments");
  if (agreed && !c.visited.valid()) out.push_back("no_return_visit");
  if (c.confirmation_applied.valid()) {
    Date effective = c.agreement_effective.valid() ? c.agreement_effective : c.concluded;
    if (effective.valid() && c.confirmation_applied > effective.AddDays(limits.confirmation_days))
      out.push_back("late_confirmation");
  }
  if (NeedsTerms(c) && terms && (!terms->deadline || !terms->manner))
    out.push_back("written_agreement_terms_missing");
  if (c.party_id_invalid) out.push_back("invalid_id_number");
  return out;
}

namespace {

/// Counts `c` into `r`, asking `terms_of` for the terms when the checks need
/// them.
void CheckOne(const CaseSummary& c, const TimeLimits& limits,
              const std::function<std::optional<AgreementTerms>(const CaseSummary&)>& terms_of,
              ReviewCheckResult* r) {
  ++r->cases;
  std::optional<AgreementTerms> terms;
  if (NeedsTerms(c) && terms_of) terms = terms_of(c);
  auto found = FindingsOf(c, limits, terms ? &*terms : nullptr);
  if (!found.empty()) ++r->cases_with_findings;
  for (const auto& code : found) r->by_code[code].push_back(c.id);
}

ReviewCheckResult EmptyCheck() {
  ReviewCheckResult r;
  for (const auto& code : AutomaticFindingCodes()) r.by_code[code];
  return r;
}

}  // namespace

ReviewCheckResult CheckSummaries(
    const std::vector<CaseSummary>& cases, const TimeLimits& limits,
    const std::function<std::optional<AgreementTerms>(const CaseSummary&)>& terms_of) {
  ReviewCheckResult r = EmptyCheck();
  for (const auto& c : cases) CheckOne(c, limits, terms_of, &r);
  for (auto& [code, ids] : r.by_code) std::sort(ids.begin(), ids.end());
  return r;
}

ReviewCheckScan::ReviewCheckScan(const Store& store) : store_(store), result_(EmptyCheck()) {}

void ReviewCheckScan::Add(const CaseSummary& c) {
  CheckOne(
      c, store_.settings().limits,
      [&](const CaseSummary& s) -> std::optional<AgreementTerms> {
        LoadedCase lc = store_.LoadCaseFile(s.path);
        if (!lc.ok) {
          unreadable_.Append(lc.diagnostics);
          return std::nullopt;
        }
        return AgreementTermsOf(lc.record);
      },
      &result_);
}

Result<ReviewCheckResult> ReviewCheckScan::Finish() {
  MEDIATE_RETURN_IF_ERROR(
      unreadable_.ToStatus(_("case files could not be read; nothing was checked")));
  for (auto& [code, ids] : result_.by_code) std::sort(ids.begin(), ids.end());
  return std::move(result_);
}

Result<ReviewCheckResult> CheckCases(const Store& store, const std::vector<CaseSummary>& cases) {
  ReviewCheckScan scan(store);
  for (const auto& c : cases) scan.Add(c);
  return scan.Finish();
}

std::optional<double> ParseRate(const std::string& text) {
  std::string s = text;
  bool percent = !s.empty() && s.back() == '%';
  if (percent) s.pop_back();
  if (s.empty() || s.size() > 12) return std::nullopt;
  int dots = 0;
  for (char c : s) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  if (dots > 1 || s == ".") return std::nullopt;
  double v = std::stod(s);
  if (percent) v /= 100.0;
  if (v < 0 || v > 1) return std::nullopt;
  return v;
}

namespace {

/// The first round(rate × n) entries of `stratum` by (hash, id), at least
/// one when rate > 0 and the stratum is not empty.
template <typename Entry, typename IdOf>
void DrawFrom(std::vector<Entry>& stratum, double rate, IdOf id_of, std::vector<std::string>* out) {
  if (stratum.empty() || rate <= 0) return;
  std::sort(stratum.begin(), stratum.end(), [&](const Entry& a, const Entry& b) {
    return a.first != b.first ? a.first < b.first : id_of(a) < id_of(b);
  });
  auto n = static_cast<std::size_t>(std::floor(rate * static_cast<double>(stratum.size()) + 0.5));
  n = std::clamp<std::size_t>(n, 1, stratum.size());
  for (std::size_t i = 0; i < n; ++i) out->push_back(id_of(stratum[i]));
}

}  // namespace

void SampleDraw::Add(const CaseSummary& c) {
  std::uint64_t key = SplitMix64(seed_ ^ Fnv1a(c.id));
  (c.confirmation == "confirmed" ? confirmed_ : other_).emplace_back(key, c.id);
}

std::vector<std::string> SampleDraw::Drawn() {
  std::vector<std::string> out;
  auto id_of = [](const std::pair<std::uint64_t, std::string>& e) { return e.second; };
  DrawFrom(confirmed_, rates_.confirmed, id_of, &out);
  DrawFrom(other_, rates_.other, id_of, &out);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<CaseSummary> SampleCases(const std::vector<CaseSummary>& cases,
                                     const SampleRates& rates, std::uint64_t seed) {
  SampleDraw draw(rates, seed);
  for (const auto& c : cases) draw.Add(c);
  std::vector<std::string> ids = draw.Drawn();
  std::vector<CaseSummary> out;
  for (const auto& c : cases)
    if (std::binary_search(ids.begin(), ids.end(), c.id)) out.push_back(c);
  std::sort(out.begin(), out.end(),
            [](const CaseSummary& a, const CaseSummary& b) { return a.id < b.id; });
  return out;
}

}  // namespace mediate
