// Rendering a Report (report.hpp): JSON, Markdown, and one self-contained
// HTML file with inline SVG charts. Numbers come only from the Report.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "column_view.hpp"
#include "money.hpp"
#include "render.hpp"
#include "report.hpp"

namespace mediate {
namespace {

/// Text of a table cell, counts with thousands separators.
std::string ShownCell(const Cell& c, ColumnKind k) {
  if (k == ColumnKind::kInt)
    if (const auto* v = std::get_if<std::int64_t>(&c)) return Thousands(*v);
  return CellText(c, k);
}

double NumberOf(const Cell& c) {
  if (const auto* v = std::get_if<std::int64_t>(&c)) return static_cast<double>(*v);
  if (const auto* d = std::get_if<double>(&c)) return *d;
  return 0;
}

std::string TextOf(const Cell& c) {
  if (const auto* s = std::get_if<std::string>(&c)) return *s;
  return {};
}

/// (label, value) pairs a chart draws.
std::vector<std::pair<std::string, double>> ChartPoints(const ReportSection& s) {
  std::vector<std::pair<std::string, double>> pts;
  int li = s.table.ColumnIndex(s.chart_label), vi = s.table.ColumnIndex(s.chart_value);
  int ci = s.table.ColumnIndex(s.chart_label.size() > 6 &&
                                       s.chart_label.substr(s.chart_label.size() - 6) == "_label"
                                   ? s.chart_label.substr(0, s.chart_label.size() - 6)
                                   : s.chart_label);
  if (li < 0 || vi < 0) return pts;
  for (const auto& row : s.table.rows) {
    std::string label = TextOf(row[static_cast<std::size_t>(li)]);
    if (label.empty() && ci >= 0) label = TextOf(row[static_cast<std::size_t>(ci)]);
    if (label.empty()) label = "（无）";
    pts.emplace_back(label, NumberOf(row[static_cast<std::size_t>(vi)]));
  }
  return pts;
}

std::string Num(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return Thousands(static_cast<std::int64_t>(v));
  return fmt::format("{:.1f}", v);
}

std::string BarsSvg(const ReportSection& s) {
  auto pts = ChartPoints(s);
  if (pts.empty()) return "";
  double max = 0;
  for (const auto& p : pts) max = std::max(max, p.second);
  const int row_h = 22, label_w = 200, bar_w = 420, width = label_w + bar_w + 80;
  const int height = static_cast<int>(pts.size()) * row_h + 10;
  std::string out = fmt::format(
      "<svg class=\"chart bars\" data-chart=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
      EscapeHtml(s.key), width, height, width, height, EscapeHtml(s.title));
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const int y = static_cast<int>(i) * row_h + 5;
    const double w = max > 0 ? pts[i].second / max * bar_w : 0;
    out += fmt::format(
        "  <text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text>\n"
        "  <rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#3b6ea5\"/>\n"
        "  <text x=\"{:.1f}\" y=\"{}\" font-size=\"12\">{}</text>\n",
        label_w - 6, y + 14, EscapeHtml(pts[i].first), label_w, y + 2, w, row_h - 6,
        label_w + w + 4, y + 14, Num(pts[i].second));
  }
  return out + "</svg>\n";
}

std::string FunnelSvg(const ReportSection& s) {
  auto pts = ChartPoints(s);
  if (pts.empty()) return "";
  double max = 0;
  for (const auto& p : pts) max = std::max(max, p.second);
  const int row_h = 40, width = 640, center = 320, max_w = 560;
  const int height = static_cast<int>(pts.size()) * row_h + 10;
  std::string out = fmt::format(
      "<svg class=\"chart funnel\" data-chart=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
      EscapeHtml(s.key), width, height, width, height, EscapeHtml(s.title));
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const int y = static_cast<int>(i) * row_h + 5;
    const double w = max > 0 ? std::max(40.0, pts[i].second / max * max_w) : 40.0;
    out += fmt::format(
        "  <rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#5a8f5a\"/>\n"
        "  <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#fff\">{} "
        "{}</text>\n",
        center - w / 2, y, w, row_h - 6, center, y + 22, EscapeHtml(pts[i].first),
        Num(pts[i].second));
  }
  return out + "</svg>\n";
}

std::string LineSvg(const ReportSection& s) {
  auto pts = ChartPoints(s);
  if (pts.empty()) return "";
  double max = 0;
  for (const auto& p : pts) max = std::max(max, p.second);
  const int width = 700, height = 260, left = 50, right = 20, top = 20, bottom = 40;
  const double step =
      pts.size() > 1 ? static_cast<double>(width - left - right) / (pts.size() - 1) : 0;
  auto y_of = [&](double v) {
    return top + (max > 0 ? (1 - v / max) : 1) * (height - top - bottom);
  };
  std::string out = fmt::format(
      "<svg class=\"chart line\" data-chart=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n"
      "  <line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#999\"/>\n",
      EscapeHtml(s.key), width, height, width, height, EscapeHtml(s.title), left, height - bottom,
      width - right, height - bottom);
  std::string points;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const double x = left + step * static_cast<double>(i);
    const double y = y_of(pts[i].second);
    points += fmt::format("{:.1f},{:.1f} ", x, y);
    out += fmt::format(
        "  <circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#a5533b\"/>\n"
        "  <text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-size=\"11\">{}</text>\n"
        "  <text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>\n",
        x, y, x, y - 6, Num(pts[i].second), x, height - bottom + 16, EscapeHtml(pts[i].first));
  }
  out += fmt::format(
      "  <polyline points=\"{}\" fill=\"none\" stroke=\"#a5533b\" "
      "stroke-width=\"2\"/>\n",
      points);
  return out + "</svg>\n";
}

std::string HtmlTable(const Table& table) {
  const Table t = LabelsOnlyTable(table);
  std::string out = "<table>\n<thead><tr>";
  auto numeric = [](ColumnKind k) {
    return k == ColumnKind::kInt || k == ColumnKind::kMoney || k == ColumnKind::kPercent ||
           k == ColumnKind::kDecimal;
  };
  for (const auto& c : t.columns)
    out += fmt::format("<th{}>{}</th>", numeric(c.kind) ? " class=\"n\"" : "",
                       EscapeHtml(c.heading.empty() ? c.name : c.heading));
  out += "</tr></thead>\n<tbody>\n";
  auto row_html = [&](const std::vector<Cell>& row, const char* cls) {
    std::string r = fmt::format("<tr{}>", cls);
    for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i)
      r += fmt::format("<td{}>{}</td>", numeric(t.columns[i].kind) ? " class=\"n\"" : "",
                       EscapeHtml(ShownCell(row[i], t.columns[i].kind)));
    return r + "</tr>\n";
  };
  for (const auto& row : t.rows) out += row_html(row, "");
  if (!t.totals.empty()) out += row_html(t.totals, " class=\"total\"");
  out += "</tbody>\n</table>\n";
  for (const auto& n : t.notes) out += "<p class=\"note\">" + EscapeHtml(n) + "</p>\n";
  return out;
}

std::string MarkdownTable(const Table& table) {
  const Table t = LabelsOnlyTable(table);
  auto numeric = [](ColumnKind k) {
    return k == ColumnKind::kInt || k == ColumnKind::kMoney || k == ColumnKind::kPercent ||
           k == ColumnKind::kDecimal;
  };
  auto esc = [](std::string s) {
    std::string o;
    for (char ch : s) {
      if (ch == '|')
        o += "\\|";
      else if (ch == '\n')
        o += ' ';
      else
        o += ch;
    }
    return o;
  };
  std::string out = "|";
  for (const auto& c : t.columns) out += " " + esc(c.heading.empty() ? c.name : c.heading) + " |";
  out += "\n|";
  for (const auto& c : t.columns) out += numeric(c.kind) ? " ---: |" : " --- |";
  out += "\n";
  auto line = [&](const std::vector<Cell>& row) {
    std::string r = "|";
    for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i)
      r += " " + esc(ShownCell(row[i], t.columns[i].kind)) + " |";
    return r + "\n";
  };
  for (const auto& row : t.rows) out += line(row);
  if (!t.totals.empty()) out += line(t.totals);
  for (const auto& n : t.notes) out += "\n" + n + "\n";
  return out;
}

}  // namespace

std::string Thousands(std::int64_t n) { return GroupDigits(n); }

std::string FigureText(const ReportFigure& f) { return ShownCell(f.value, f.kind); }

std::string RenderReportJson(const Report& r) {
  nlohmann::ordered_json j;
  j["title"] = r.title;
  j["period"] = r.period;
  j["generated"] = r.generated;
  nlohmann::ordered_json figures = nlohmann::ordered_json::object();
  for (const auto& f : r.figures) {
    if (const auto* v = std::get_if<std::int64_t>(&f.value)) {
      if (f.kind == ColumnKind::kMoney)
        figures[f.key] = fmt::format("{}{}.{:02}", *v < 0 ? "-" : "", (*v < 0 ? -*v : *v) / 100,
                                     (*v < 0 ? -*v : *v) % 100);
      else
        figures[f.key] = *v;
    } else if (const auto* d = std::get_if<double>(&f.value)) {
      figures[f.key] = std::round(*d * 10000) / 10000;
    } else {
      figures[f.key] = nullptr;
    }
  }
  j["figures"] = figures;
  nlohmann::ordered_json sections = nlohmann::ordered_json::array();
  for (const auto& s : r.sections) {
    nlohmann::ordered_json o;
    o["key"] = s.key;
    o["title"] = s.title;
    o["rows"] = nlohmann::ordered_json::parse(RenderJson(s.table));
    sections.push_back(o);
  }
  j["sections"] = sections;
  return j.dump(2, ' ', false) + "\n";
}

std::string RenderReportMarkdown(const Report& r) {
  std::string out = "# " + r.title + "\n\n";
  out += "统计期间 " + r.period + "；生成日期 " + r.generated +
         "。案件按受理日期计入期间，调结类指标按调结日期计入。\n\n";
  out += "## 主要数据\n\n| 指标 | 数值 |\n| --- | ---: |\n";
  for (const auto& f : r.figures) out += "| " + f.label + " | " + FigureText(f) + " |\n";
  for (const auto& s : r.sections) out += "\n## " + s.title + "\n\n" + MarkdownTable(s.table);
  return out;
}

std::string RenderReportHtml(const Report& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      EscapeHtml(r.title) +
      "</title>\n<style>\n"
      "body{font-family:\"Noto Sans CJK SC\",\"Noto Sans SC\",sans-serif;margin:2em;color:#222}\n"
      "h1{font-size:1.6em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}\n"
      "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}\n"
      "th,td{border:1px solid #ccc;padding:2px 8px}td.n,th.n{text-align:right}\n"
      "tr.total td{font-weight:bold}.figures{display:flex;flex-wrap:wrap;gap:8px}\n"
      ".figure{border:1px solid #ccc;padding:6px 10px;min-width:9em}\n"
      ".figure .v{font-size:1.4em;font-weight:bold}.note{color:#666;font-size:.85em}\n"
      "svg.chart{display:block;margin:.5em 0;max-width:100%;height:auto}\n"
      "@media print{body{margin:1cm}section{break-inside:avoid}.figure{break-inside:avoid}}\n"
      "</style>\n</head>\n<body>\n<h1>" +
      EscapeHtml(r.title) + "</h1>\n<p class=\"note\">统计期间 " + EscapeHtml(r.period) +
      "；生成日期 " + EscapeHtml(r.generated) +
      "。案件按受理日期计入期间，调结类指标按调结日期计入。</p>\n";
  out += "<section id=\"figures\"><h2>主要数据</h2>\n<div class=\"figures\">\n";
  for (const auto& f : r.figures)
    out += "<div class=\"figure\" data-key=\"" + EscapeHtml(f.key) + "\"><div class=\"v\">" +
           EscapeHtml(FigureText(f)) + "</div><div>" + EscapeHtml(f.label) + "</div></div>\n";
  out += "</div></section>\n";
  for (const auto& s : r.sections) {
    out += "<section id=\"" + EscapeHtml(s.key) + "\">\n<h2>" + EscapeHtml(s.title) + "</h2>\n";
    switch (s.chart) {
      case ChartKind::kBars:
        out += BarsSvg(s);
        break;
      case ChartKind::kFunnel:
        out += FunnelSvg(s);
        break;
      case ChartKind::kLine:
        out += LineSvg(s);
        break;
      case ChartKind::kNone:
        break;
    }
    out += HtmlTable(s.table) + "</section>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace mediate
