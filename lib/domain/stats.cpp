#include "stats.hpp"

#include "i18n.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace mediate {
namespace {

using Getter = std::function<void(const CaseSummary&, std::vector<std::string>*)>;

Getter Field(std::string CaseSummary::*member) {
  return
      [member](const CaseSummary& c, std::vector<std::string>* out) { out->push_back(c.*member); };
}

std::string Quarter(Date d) {
  if (!d.valid()) return "";
  return std::to_string(d.year()) + "Q" + std::to_string((d.month() - 1) / 3 + 1);
}

}  // namespace

std::vector<std::string> DimensionNames() {
  return {"category", "source", "source_group", "status",  "outcome", "risk",
          "level",    "street", "community",    "grid",    "org",     "org_kind",
          "mediator", "form",   "year",         "quarter", "month"};
}

Result<Dimension> FindDimension(const std::string& name,
                                const std::function<std::string(const std::string&)>& group,
                                const Ranker& ranker,
                                const std::function<std::string(const std::string&)>& org_kind) {
  Dimension d;
  d.name = name;
  if (name == "category") {
    d.heading = "类别";
    d.values = Field(&CaseSummary::category);
  } else if (name == "source") {
    d.heading = "来源";
    d.values = Field(&CaseSummary::source);
  } else if (name == "source_group") {
    d.heading = "来源分组";
    d.values = [group](const CaseSummary& c, std::vector<std::string>* out) {
      out->push_back(group ? group(c.source) : std::string());
    };
  } else if (name == "status") {
    d.heading = "状态";
    d.values = Field(&CaseSummary::status);
  } else if (name == "outcome") {
    d.heading = "结果";
    d.values = Field(&CaseSummary::outcome);
  } else if (name == "risk") {
    d.heading = "风险";
    d.values = Field(&CaseSummary::risk);
  } else if (name == "level") {
    d.heading = "层级";
    d.values = Field(&CaseSummary::level);
  } else if (name == "street") {
    d.heading = "街道";
    d.values = Field(&CaseSummary::street);
  } else if (name == "community") {
    d.heading = "社区/村";
    d.values = Field(&CaseSummary::community);
  } else if (name == "grid") {
    d.heading = "网格";
    d.values = Field(&CaseSummary::grid);
  } else if (name == "org") {
    d.heading = "调解组织";
    d.values = Field(&CaseSummary::org);
  } else if (name == "org_kind") {
    d.heading = "组织类型";
    d.values = [org_kind](const CaseSummary& c, std::vector<std::string>* out) {
      out->push_back(org_kind && !c.org.empty() ? org_kind(c.org) : std::string());
    };
  } else if (name == "form") {
    d.heading = "协议形式";
    d.values = Field(&CaseSummary::agreement_form);
  } else if (name == "mediator") {
    d.heading = "调解员";
    d.values = [](const CaseSummary& c, std::vector<std::string>* out) {
      for (const auto& m : c.mediators) out->push_back(m);
    };
  } else if (name == "year") {
    d.has_label = false;
    d.values = [](const CaseSummary& c, std::vector<std::string>* out) {
      out->push_back(c.received.valid() ? std::to_string(c.received.year()) : "");
    };
  } else if (name == "quarter") {
    d.has_label = false;
    d.values = [](const CaseSummary& c, std::vector<std::string>* out) {
      out->push_back(Quarter(c.received));
    };
  } else if (name == "month") {
    d.has_label = false;
    d.values = [](const CaseSummary& c, std::vector<std::string>* out) {
      out->push_back(c.received.MonthString());
    };
  } else {
    std::string known;
    for (const auto& n : DimensionNames()) known += (known.empty() ? "" : ", ") + n;
    return Status::Usage(Tr("unknown dimension \"{0}\"; known: {1}", name, known));
  }
  d.rank = [ranker, name](const std::string& v) { return ranker ? ranker(name, v) : -1; };
  return d;
}

StatsResult CountBy(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                    const Labeler& label) {
  return Aggregate(cases, dims, {Measure::kCases}, label);
}

std::vector<std::string> MeasureNames() {
  return {"cases",         "concluded",   "agreed",     "success_rate", "share",     "open",
          "this_month",    "overdue",     "terminated", "written",      "oral",      "amount",
          "confirmations", "median_days", "mean_days",  "over_limit",   "escalated", "visit_rate",
          "application",   "initiative",  "referral"};
}

std::string MeasureHeading(Measure m) {
  static const char* kHeadings[] = {
      "案件数",     "调结数",         "调解成功",     "调解成功率", "占比",     "未结",
      "本月受理",   "逾期",           "调解不成功",   "书面协议",   "口头协议", "涉及金额",
      "司法确认",   "调结天数中位数", "平均调结天数", "超期调结",   "升级",     "回访率",
      "当事人申请", "主动调解",       "移送委托"};
  return kHeadings[static_cast<std::size_t>(m)];
}

Result<std::vector<Measure>> ParseMeasures(const std::vector<std::string>& names) {
  const auto known = MeasureNames();
  std::vector<Measure> out;
  for (const auto& given : names) {
    const std::string n = given == "succeeded" ? "agreed" : given;
    auto it = std::find(known.begin(), known.end(), n);
    if (it == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      return Status::Usage(Tr("unknown measure \"{0}\"; known: {1}", given, list));
    }
    out.push_back(static_cast<Measure>(it - known.begin()));
  }
  return out;
}

StatsPlan DefaultPlan(const std::vector<std::string>& dimension_names) {
  if (dimension_names.size() == 1 && dimension_names[0] == "level")
    return {{Measure::kCases, Measure::kShare, Measure::kAgreed, Measure::kSuccessRate}, true};
  if (dimension_names.size() == 1 &&
      (dimension_names[0] == "org" || dimension_names[0] == "mediator"))
    return {{Measure::kCases, Measure::kOpen, Measure::kThisMonth, Measure::kOverdue}, false};
  return {{Measure::kCases}, false};
}

std::vector<Measure> MojFormMeasures() {
  return {Measure::kCases,      Measure::kAgreed,  Measure::kSuccessRate,   Measure::kWritten,
          Measure::kOral,       Measure::kAmount,  Measure::kConfirmations, Measure::kApplication,
          Measure::kInitiative, Measure::kReferral};
}

namespace {

bool IsConcludedOutcome(const std::string& outcome) {
  return outcome == "agreed" || outcome == "terminated";
}

/// Counts behind the measures of one row.
struct Tally {
  std::int64_t cases = 0, open = 0, this_month = 0, overdue = 0, amount = 0, escalated = 0;
  std::int64_t application = 0, initiative = 0, referral = 0;
  std::int64_t concluded = 0, agreed = 0, terminated = 0, written = 0, oral = 0;
  std::int64_t confirmations = 0, over_limit = 0, visited = 0;
  std::vector<int> days;  ///< days to conclude of the cases concluded

  void Add(const CaseSummary& c, bool received_in, bool concluded_in, Date today,
           const std::string& group) {
    if (received_in) {
      ++cases;
      if (IsOpenStatus(c.status)) ++open;
      if (IsPendingStatus(c.status) && c.deadline.valid() && today.valid() && c.deadline < today)
        ++overdue;
      if (c.amount && c.amount->fen() > 0) amount += c.amount->fen();
      if (c.escalations > 0) ++escalated;
      if (group == "application") ++application;
      if (group == "initiative") ++initiative;
      if (group == "referral") ++referral;
    }
    if (today.valid() && c.received.valid() && c.received.year() == today.year() &&
        c.received.month() == today.month())
      ++this_month;
    if (concluded_in && IsConcludedOutcome(c.outcome)) {
      ++concluded;
      if (c.outcome == "terminated") ++terminated;
      if (c.outcome == "agreed") {
        ++agreed;
        if (c.agreement_form == "written") ++written;
        if (c.agreement_form == "oral") ++oral;
        if (!c.confirmation.empty() || c.confirmation_applied.valid()) ++confirmations;
        if (c.visited.valid()) ++visited;
      }
      if (c.concluded.valid() && c.deadline.valid() && c.concluded > c.deadline) ++over_limit;
      if (c.concluded.valid() && c.received.valid())
        days.push_back(c.received.DaysUntil(c.concluded));
    }
  }
};

bool IsCount(Measure m) {
  switch (m) {
    case Measure::kSuccessRate:
    case Measure::kShare:
    case Measure::kAmount:
    case Measure::kMedianDays:
    case Measure::kMeanDays:
    case Measure::kVisitRate:
      return false;
    default:
      return true;
  }
}

std::int64_t CountOf(const Tally& t, Measure m) {
  switch (m) {
    case Measure::kConcluded:
      return t.concluded;
    case Measure::kAgreed:
      return t.agreed;
    case Measure::kOpen:
      return t.open;
    case Measure::kThisMonth:
      return t.this_month;
    case Measure::kOverdue:
      return t.overdue;
    case Measure::kTerminated:
      return t.terminated;
    case Measure::kWritten:
      return t.written;
    case Measure::kOral:
      return t.oral;
    case Measure::kConfirmations:
      return t.confirmations;
    case Measure::kOverLimit:
      return t.over_limit;
    case Measure::kEscalated:
      return t.escalated;
    case Measure::kApplication:
      return t.application;
    case Measure::kInitiative:
      return t.initiative;
    case Measure::kReferral:
      return t.referral;
    case Measure::kAmount:
      return t.amount;
    default:
      return t.cases;
  }
}

MeasureValue Ratio(Measure m, std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return MeasureValue::Empty(m);
  return MeasureValue::Real(m, static_cast<double>(part) / static_cast<double>(whole));
}

MeasureValue Median(Measure m, std::vector<int> v) {
  if (v.empty()) return MeasureValue::Empty(m);
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  if (n % 2 == 1) return MeasureValue::Real(m, static_cast<double>(v[n / 2]));
  return MeasureValue::Real(
      m, (static_cast<double>(v[n / 2 - 1]) + static_cast<double>(v[n / 2])) / 2.0);
}

MeasureValue Mean(Measure m, const std::vector<int>& v) {
  if (v.empty()) return MeasureValue::Empty(m);
  double sum = 0;
  for (int d : v) sum += d;
  return MeasureValue::Real(m, sum / static_cast<double>(v.size()));
}

}  // namespace

MeasureKind KindOfMeasure(Measure m) {
  if (IsCount(m)) return MeasureKind::kCount;
  if (m == Measure::kAmount) return MeasureKind::kMoney;
  if (m == Measure::kMedianDays || m == Measure::kMeanDays) return MeasureKind::kDays;
  return MeasureKind::kRatio;
}

const MeasureValue* StatsRow::Value(Measure m) const {
  for (const auto& v : values)
    if (v.measure == m) return &v;
  return nullptr;
}

StatsResult Aggregate(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                      const std::vector<Measure>& measures, const Labeler& label,
                      bool concluded_only) {
  AggregateOptions options;
  options.concluded_only = concluded_only;
  return Aggregate(cases, dims, measures, label, options);
}

StatsResult Aggregate(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                      const std::vector<Measure>& measures, const Labeler& label,
                      const AggregateOptions& options) {
  Aggregation a(dims, measures, options);
  for (const CaseSummary& c : cases) a.Add(c);
  return a.Finish(label);
}

struct Aggregation::Rows {
  std::map<std::vector<std::string>, Tally> tallies;
  Tally total;
  std::vector<std::vector<std::string>> values;  ///< scratch, per dimension
};

Aggregation::Aggregation(std::vector<Dimension> dims, std::vector<Measure> measures,
                         AggregateOptions options)
    : dims_(std::move(dims)),
      measures_(std::move(measures)),
      options_(std::move(options)),
      rows_(std::make_unique<Rows>()) {
  rows_->values.resize(dims_.size());
  // Rows listed whatever the cases (the MoJ form lists every category).
  if (dims_.size() == 1 && !options_.all_values.empty())
    for (const auto& v : options_.all_values[0]) rows_->tallies[{v}];
}

Aggregation::~Aggregation() = default;
Aggregation::Aggregation(Aggregation&&) noexcept = default;
Aggregation& Aggregation::operator=(Aggregation&&) noexcept = default;

void Aggregation::Add(const CaseSummary& c) {
  const Period& period = options_.period;
  const bool concluded_in =
      IsConcludedOutcome(c.outcome) && (!period.set() || period.Contains(c.concluded));
  bool received_in = period.Contains(c.received);
  if (options_.concluded_only) {
    if (received_in || concluded_in) ++considered_;
    if (!concluded_in) {
      if (received_in) ++left_out_;
      return;
    }
    received_in = true;  // the funnel counts concluded cases by conclusion
  } else if (!received_in && !concluded_in) {
    return;
  }
  const std::string group = options_.source_group ? options_.source_group(c.source) : std::string();
  auto& values = rows_->values;
  rows_->total.Add(c, received_in, concluded_in, options_.today, group);
  for (std::size_t i = 0; i < dims_.size(); ++i) {
    values[i].clear();
    dims_[i].values(c, &values[i]);
    if (values[i].empty()) values[i].push_back("");
  }
  auto& tallies = rows_->tallies;
  if (dims_.size() == 1) {
    for (const auto& v : values[0])
      tallies[{v}].Add(c, received_in, concluded_in, options_.today, group);
  } else {
    for (const auto& a : values[0])
      for (const auto& b : values[1])
        tallies[{a, b}].Add(c, received_in, concluded_in, options_.today, group);
  }
}

StatsResult Aggregation::Finish(const Labeler& label) const {
  const auto& dims = dims_;
  const auto& measures = measures_;
  const AggregateOptions& options = options_;
  const Tally& total = rows_->total;
  const std::map<std::vector<std::string>, Tally>& tallies = rows_->tallies;
  std::set<std::vector<std::string>> listed;
  if (dims.size() == 1 && !options.all_values.empty())
    for (const auto& v : options.all_values[0]) listed.insert({v});
  const bool with_cases =
      std::find(measures.begin(), measures.end(), Measure::kCases) != measures.end();
  Measure share_base = Measure::kCases;
  for (Measure m : measures)
    if (IsCount(m)) {
      share_base = m;
      break;
    }
  std::vector<std::pair<std::vector<std::string>, const Tally*>> rows;
  for (const auto& [key, t] : tallies) {
    bool any = false;
    for (Measure m : measures) any = any || (IsCount(m) && CountOf(t, m) > 0);
    if (with_cases || any || listed.count(key)) rows.emplace_back(key, &t);
  }
  auto key_less = [&](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (std::size_t i = 0; i < dims.size(); ++i) {
      // Empty values (no street, not yet concluded) sort last.
      if (a[i].empty() != b[i].empty()) return b[i].empty();
      int ra = dims[i].rank(a[i]), rb = dims[i].rank(b[i]);
      if (ra < 0) ra = 1 << 20;
      if (rb < 0) rb = 1 << 20;
      if (ra != rb) return ra < rb;
      if (a[i] != b[i]) return a[i] < b[i];
    }
    return false;
  };
  std::sort(rows.begin(), rows.end(),
            [&](const auto& x, const auto& y) { return key_less(x.first, y.first); });

  StatsResult t;
  for (const auto& d : dims) t.dimensions.push_back({d.name, d.heading, d.has_label});
  t.measures = measures;
  auto measure_values = [&](const Tally& tally, std::vector<MeasureValue>* out) {
    for (Measure m : measures) {
      if (IsCount(m) || m == Measure::kAmount)
        out->push_back(MeasureValue::Integer(m, CountOf(tally, m)));
      else if (m == Measure::kSuccessRate)
        out->push_back(Ratio(m, tally.agreed, tally.concluded));
      else if (m == Measure::kVisitRate)
        out->push_back(Ratio(m, tally.visited, tally.agreed));
      else if (m == Measure::kMedianDays)
        out->push_back(Median(m, tally.days));
      else if (m == Measure::kMeanDays)
        out->push_back(Mean(m, tally.days));
      else
        out->push_back(Ratio(m, CountOf(tally, share_base), CountOf(total, share_base)));
    }
  };
  for (const auto& [key, tally_ptr] : rows) {
    StatsRow row;
    for (std::size_t i = 0; i < dims.size(); ++i)
      row.key.push_back(
          {key[i], dims[i].has_label && label ? label(dims[i].name, key[i]) : std::string()});
    measure_values(*tally_ptr, &row.values);
    t.rows.push_back(std::move(row));
  }
  measure_values(total, &t.totals.values);
  if (left_out_ > 0)
    t.notes.push_back(
        Tr("{0} of {1} cases not concluded (neither agreed nor terminated) are left out", left_out_,
           considered_));
  if (options.period.set())
    t.notes.push_back(
        options.concluded_only
            ? Tr("period {0}: cases counted by the date received", options.period.name)
            : Tr("period {0}: cases counted by the date received, conclusion measures by the "
                 "date concluded",
                 options.period.name));
  return t;
}

CrossResult CrossTable(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                       Measure measure, const Labeler& label, const AggregateOptions& options) {
  CrossTabulation x(dims, measure, options);
  for (const CaseSummary& c : cases) x.Add(c);
  return x.Finish(label);
}

CrossTabulation::CrossTabulation(const std::vector<Dimension>& dims, Measure measure,
                                 const AggregateOptions& options)
    : dims_(dims),
      measure_(measure),
      pair_(dims, {measure}, options),
      rows_(std::vector<Dimension>{dims.at(0)}, {measure}, options),
      cols_(std::vector<Dimension>{dims.at(1)}, {measure}, options) {}

void CrossTabulation::Add(const CaseSummary& c) {
  pair_.Add(c);
  rows_.Add(c);
  cols_.Add(c);
}

CrossResult CrossTabulation::Finish(const Labeler& label) const {
  const StatsResult pair = pair_.Finish(label);
  const StatsResult rows = rows_.Finish(label);
  const StatsResult cols = cols_.Finish(label);
  CrossResult x;
  x.row_dimension = pair.dimensions[0];
  x.column_dimension = pair.dimensions[1];
  x.measure = measure_;
  std::map<std::string, std::size_t> col_of, row_of;
  for (const StatsRow& r : cols.rows) {
    col_of[r.key[0].code] = x.column_values.size();
    x.column_values.push_back(r.key[0]);
    x.column_totals.push_back(r.values.back());
  }
  for (const StatsRow& r : rows.rows) {
    row_of[r.key[0].code] = x.row_values.size();
    x.row_values.push_back(r.key[0]);
    x.row_totals.push_back(r.values.back());
    x.cells.emplace_back(x.column_values.size(), MeasureValue::Empty(measure_));
  }
  for (const StatsRow& r : pair.rows) {
    auto ri = row_of.find(r.key[0].code);
    auto ci = col_of.find(r.key[1].code);
    if (ri == row_of.end() || ci == col_of.end()) continue;
    x.cells[ri->second][ci->second] = r.values.back();
  }
  x.total = cols.totals.values.back();
  x.notes = pair.notes;
  // In Chinese the dimensions and the measure by their headings: 街道 × 类别：案件数.
  const bool zh = TranslationOn();
  auto dim = [zh](const Dimension& d) { return zh && !d.heading.empty() ? d.heading : d.name; };
  x.notes.push_back(
      Tr("{0} by {1}: {2}", dim(dims_[0]), dim(dims_[1]),
         zh ? MeasureHeading(measure_) : MeasureNames()[static_cast<std::size_t>(measure_)]));
  return x;
}

}  // namespace mediate
