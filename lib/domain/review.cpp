#include "review.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

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
  for (std::size_t i = 0; i < c.party_keys.size(); ++i) {
    bool person = i >= c.party_kinds.size() || c.party_kinds[i] != "organisation";
    const std::string& key = c.party_keys[i];
    // A key with '|' is name|phone: the party has no ID number recorded.
    if (!person || key.empty() || key.find('|') != std::string::npos) continue;
    if (!CheckCitizenId(key).valid) {
      out.push_back("invalid_id_number");
      break;
    }
  }
  return out;
}

ReviewCheckResult CheckSummaries(
    const std::vector<CaseSummary>& cases, const TimeLimits& limits,
    const std::function<std::optional<AgreementTerms>(const CaseSummary&)>& terms_of) {
  ReviewCheckResult r;
  for (const auto& code : AutomaticFindingCodes()) r.by_code[code];
  for (const auto& c : cases) {
    ++r.cases;
    std::optional<AgreementTerms> terms;
    if (NeedsTerms(c) && terms_of) terms = terms_of(c);
    auto found = FindingsOf(c, limits, terms ? &*terms : nullptr);
    if (!found.empty()) ++r.cases_with_findings;
    for (const auto& code : found) r.by_code[code].push_back(c.id);
  }
  for (auto& [code, ids] : r.by_code) std::sort(ids.begin(), ids.end());
  return r;
}

Result<ReviewCheckResult> CheckCases(const Store& store, const std::vector<CaseSummary>& cases) {
  DiagnosticSink sink;
  auto r = CheckSummaries(cases, store.settings().limits,
                          [&](const CaseSummary& c) -> std::optional<AgreementTerms> {
                            LoadedCase lc = store.LoadCaseFile(c.path);
                            if (!lc.ok) {
                              sink.Append(lc.diagnostics);
                              return std::nullopt;
                            }
                            return AgreementTermsOf(lc.record);
                          });
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus("case files could not be read; nothing was checked"));
  return r;
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

std::vector<CaseSummary> SampleCases(const std::vector<CaseSummary>& cases,
                                     const SampleRates& rates, std::uint64_t seed) {
  std::vector<std::pair<std::uint64_t, const CaseSummary*>> confirmed, other;
  for (const auto& c : cases) {
    std::uint64_t key = SplitMix64(seed ^ Fnv1a(c.id));
    (c.confirmation == "confirmed" ? confirmed : other).push_back({key, &c});
  }
  std::vector<CaseSummary> out;
  auto draw = [&](std::vector<std::pair<std::uint64_t, const CaseSummary*>>& stratum, double rate) {
    if (stratum.empty() || rate <= 0) return;
    std::sort(stratum.begin(), stratum.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
    });
    auto n = static_cast<std::size_t>(std::floor(rate * static_cast<double>(stratum.size()) + 0.5));
    n = std::clamp<std::size_t>(n, 1, stratum.size());
    for (std::size_t i = 0; i < n; ++i) out.push_back(*stratum[i].second);
  };
  draw(confirmed, rates.confirmed);
  draw(other, rates.other);
  std::sort(out.begin(), out.end(),
            [](const CaseSummary& a, const CaseSummary& b) { return a.id < b.id; });
  return out;
}

}  // namespace mediate
