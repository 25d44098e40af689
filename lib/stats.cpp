#include "stats.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace mediate {
namespace {

using Getter = std::function<void(const CaseSummary&, std::vector<std::string>*)>;

Getter Field(std::string CaseSummary::*member) {
  return [member](const CaseSummary& c, std::vector<std::string>* out) {
    out->push_back(c.*member);
  };
}

std::string Quarter(Date d) {
  if (!d.valid()) return "";
  return std::to_string(d.year()) + "Q" + std::to_string((d.month() - 1) / 3 + 1);
}

}  // namespace

std::vector<std::string> DimensionNames() {
  return {"category", "source",  "source_group", "status", "outcome", "risk",
          "level",    "street",  "community",    "grid",   "org",     "mediator",
          "form",     "year",    "quarter",      "month"};
}

Result<Dimension> FindDimension(const std::string& name,
                                const std::function<std::string(const std::string&)>& group,
                                const Ranker& ranker) {
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
    return Status::Usage("unknown dimension \"" + name + "\"; known: " + known);
  }
  d.rank = [ranker, name](const std::string& v) { return ranker ? ranker(name, v) : -1; };
  return d;
}

Table CountBy(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
              const Labeler& label) {
  return Aggregate(cases, dims, {Measure::kCases}, label);
}

std::vector<std::string> MeasureNames() {
  return {"cases", "concluded", "agreed", "success_rate", "share"};
}

Result<std::vector<Measure>> ParseMeasures(const std::vector<std::string>& names) {
  static const Measure kAll[] = {Measure::kCases, Measure::kConcluded, Measure::kAgreed,
                                 Measure::kSuccessRate, Measure::kShare};
  const auto known = MeasureNames();
  std::vector<Measure> out;
  for (const auto& n : names) {
    auto it = std::find(known.begin(), known.end(), n);
    if (it == known.end()) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      return Status::Usage("unknown measure \"" + n + "\"; known: " + list);
    }
    out.push_back(kAll[it - known.begin()]);
  }
  return out;
}

StatsPlan DefaultPlan(const std::vector<std::string>& dimension_names) {
  if (dimension_names.size() == 1 && dimension_names[0] == "level")
    return {{Measure::kCases, Measure::kShare, Measure::kAgreed, Measure::kSuccessRate}, true};
  return {{Measure::kCases}, false};
}

namespace {

/// Counts behind the measures of one row.
struct Tally {
  std::int64_t cases = 0, concluded = 0, agreed = 0;
  void Add(const CaseSummary& c) {
    ++cases;
    if (c.outcome == "agreed" || c.outcome == "terminated") ++concluded;
    if (c.outcome == "agreed") ++agreed;
  }
};

std::int64_t CountOf(const Tally& t, Measure m) {
  switch (m) {
    case Measure::kConcluded:
      return t.concluded;
    case Measure::kAgreed:
      return t.agreed;
    default:
      return t.cases;
  }
}

bool IsCount(Measure m) {
  return m == Measure::kCases || m == Measure::kConcluded || m == Measure::kAgreed;
}

Cell Ratio(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return Cell{};
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

Table Aggregate(const std::vector<CaseSummary>& cases, const std::vector<Dimension>& dims,
                const std::vector<Measure>& measures, const Labeler& label, bool concluded_only) {
  std::map<std::vector<std::string>, Tally> tallies;
  Tally total;
  std::size_t left_out = 0;
  std::vector<std::vector<std::string>> values(dims.size());
  for (const CaseSummary& c : cases) {
    if (concluded_only && c.outcome != "agreed" && c.outcome != "terminated") {
      ++left_out;
      continue;
    }
    total.Add(c);
    for (std::size_t i = 0; i < dims.size(); ++i) {
      values[i].clear();
      dims[i].values(c, &values[i]);
      if (values[i].empty()) values[i].push_back("");
    }
    if (dims.size() == 1) {
      for (const auto& v : values[0]) tallies[{v}].Add(c);
    } else {
      for (const auto& a : values[0])
        for (const auto& b : values[1]) tallies[{a, b}].Add(c);
    }
  }
  const bool with_cases =
      std::find(measures.begin(), measures.end(), Measure::kCases) != measures.end();
  Measure share_base = Measure::kCases;
  for (Measure m : measures)
    if (IsCount(m)) {
      share_base = m;
      break;
    }
  std::vector<std::pair<std::vector<std::string>, Tally>> rows;
  for (const auto& [key, t] : tallies) {
    bool any = false;
    for (Measure m : measures) any = any || (IsCount(m) && CountOf(t, m) > 0);
    if (with_cases || any) rows.emplace_back(key, t);
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

  Table t;
  for (const auto& d : dims) {
    t.columns.push_back({d.name, d.name, ColumnKind::kCode});
    if (d.has_label) t.columns.push_back({d.name + "_label", d.heading, ColumnKind::kText});
  }
  const auto names = MeasureNames();
  for (Measure m : measures)
    t.columns.push_back({names[static_cast<std::size_t>(m)], names[static_cast<std::size_t>(m)],
                         IsCount(m) ? ColumnKind::kInt : ColumnKind::kPercent});
  auto measure_cells = [&](const Tally& tally, std::vector<Cell>* row) {
    for (Measure m : measures) {
      if (IsCount(m))
        row->emplace_back(CountOf(tally, m));
      else if (m == Measure::kSuccessRate)
        row->push_back(Ratio(tally.agreed, tally.concluded));
      else
        row->push_back(Ratio(CountOf(tally, share_base), CountOf(total, share_base)));
    }
  };
  for (const auto& [key, tally] : rows) {
    std::vector<Cell> row;
    for (std::size_t i = 0; i < dims.size(); ++i) {
      row.emplace_back(key[i]);
      if (dims[i].has_label) row.emplace_back(label ? label(dims[i].name, key[i]) : std::string());
    }
    measure_cells(tally, &row);
    t.rows.push_back(std::move(row));
  }
  std::vector<Cell> totals(t.columns.size() - measures.size(), Cell{});
  totals[0] = std::string("total");
  measure_cells(total, &totals);
  t.totals = std::move(totals);
  if (left_out > 0)
    t.notes.push_back(std::to_string(left_out) + " of " + std::to_string(cases.size()) +
                      " cases not concluded (neither agreed nor terminated) are left out");
  return t;
}

}  // namespace mediate
