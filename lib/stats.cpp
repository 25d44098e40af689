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
  std::map<std::vector<std::string>, std::int64_t> counts;
  std::vector<std::vector<std::string>> values(dims.size());
  for (const CaseSummary& c : cases) {
    for (std::size_t i = 0; i < dims.size(); ++i) {
      values[i].clear();
      dims[i].values(c, &values[i]);
      if (values[i].empty()) values[i].push_back("");
    }
    if (dims.size() == 1) {
      for (const auto& v : values[0]) ++counts[{v}];
    } else {
      for (const auto& a : values[0])
        for (const auto& b : values[1]) ++counts[{a, b}];
    }
  }
  std::vector<std::pair<std::vector<std::string>, std::int64_t>> rows(counts.begin(), counts.end());
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
  t.columns.push_back({"cases", "cases", ColumnKind::kInt});
  for (const auto& [key, n] : rows) {
    std::vector<Cell> row;
    for (std::size_t i = 0; i < dims.size(); ++i) {
      row.emplace_back(key[i]);
      if (dims[i].has_label) row.emplace_back(label ? label(dims[i].name, key[i]) : std::string());
    }
    row.emplace_back(n);
    t.rows.push_back(std::move(row));
  }
  t.totals.assign(t.columns.size(), Cell{});
  t.totals[0] = std::string("total");
  t.totals.back() = static_cast<std::int64_t>(cases.size());
  return t;
}

}  // namespace mediate
