// The annual (or quarterly) report: every figure the bureau
// publishes, computed as data first — key figures and sections of Tables
// built by the same functions `stats`, `mediator stats`, `training stats`
// and `review stats` use — and rendered last (report_render.hpp), so the
// HTML, the Markdown and the JSON state the same numbers.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "area.hpp"
#include "case_summary.hpp"
#include "mediator.hpp"
#include "organisation.hpp"
#include "period.hpp"
#include "review_record.hpp"
#include "stats.hpp"
#include "table.hpp"
#include "training.hpp"

namespace mediate {

/// One headline figure ("grids": 1899).
struct ReportFigure {
  std::string key;    ///< stable machine name: "cases", "grids", "grade_4", …
  std::string label;  ///< Chinese label: "受理案件"
  Cell value;         ///< count (int64), money (fen, int64) or ratio/days (double); empty = none
  ColumnKind kind = ColumnKind::kInt;
};

/// How a section's table is drawn (HTML only).
enum class ChartKind { kNone, kBars, kFunnel, kLine };

/// One section: a titled table, optionally drawn as a chart of one column
/// (`chart_value`) against another (`chart_label`).
struct ReportSection {
  std::string key;    ///< "categories", "funnel", "months", "grades", …
  std::string title;  ///< "按纠纷类型"
  Table table;
  ChartKind chart = ChartKind::kNone;
  std::string chart_label;  ///< column name of the bar/point labels
  std::string chart_value;  ///< column name of the values drawn
};

/// The whole report.
struct Report {
  std::string title;      ///< "万柏林区人民调解工作报告 2022"
  std::string period;     ///< "2022"
  std::string generated;  ///< local date the report was made (store time zone)
  std::vector<ReportFigure> figures;
  std::vector<ReportSection> sections;

  /// The figure called `key`, or nullptr.
  const ReportFigure* Figure(const std::string& key) const;
};

/// Everything a report reads, loaded by the caller.
struct ReportInput {
  std::string district_name;                        ///< "万柏林区"
  Period period;                                    ///< the report's period (must be set)
  Date today;                                       ///< store time zone
  const std::vector<CaseSummary>* cases = nullptr;  ///< every case the filter selects
  const AreaRegistry* areas = nullptr;
  const OrgRegistry* orgs = nullptr;
  const MediatorRegistry* mediators = nullptr;
  const std::vector<Training>* trainings = nullptr;
  const std::vector<Review>* reviews = nullptr;  ///< may be empty: the section is left out
  /// Stats dimension by name (labels.hpp StoreDimension).
  std::function<Result<Dimension>(const std::string&)> dimension;
  Labeler label;
  /// Source code → source group.
  std::function<std::string(const std::string&)> source_group;
  /// Label of a (vocabulary, code) pair ("employment", "full_time" → 专职).
  std::function<std::string(const std::string&, const std::string&)> vocab_label;
};

/// Builds the report. Cases count in the period received, conclusion
/// measures by the date concluded (docs/law.md), exactly as
/// `stats --by DIM --year Y` and its default or named measures:
///   figures  cases, concluded, agreed, success_rate, median_days,
///            confirmations, visit_rate (stats --measure …, no --by);
///            streets, communities, grids (the area registry); brand_rooms,
///            chambers (active organisations of kind brand_room,
///            chamber_committee); active mediators, grade_4, grade_3,
///            grade_1_2, full_time, part_time, lecturers, honoured (mediator
///            stats); training_sessions, trainee_times, training_coverage over
///            the three calendar years ending with the period's last year
///            (training stats --years Y-2-Y); review files, typed and
///            individual problems in the period's year (review stats).
///   sections categories, sources, funnel (level), months, streets, brand
///            rooms and chamber caseloads (org), grades, training by year,
///            quality review (when any review exists).
/// kUsage when the period is unset; kInternal when an input is missing.
Result<Report> BuildReport(const ReportInput& in);

/// The report as JSON: {title, period, generated, figures: {key: value},
/// sections: [{key, title, rows: [...]}]} with the tables as RenderJson
/// gives them. Stable keys.
std::string RenderReportJson(const Report& r);

/// The report as Markdown: title, key figures as a two-column table, then
/// each section as a heading and a table.
std::string RenderReportMarkdown(const Report& r);

/// The report as one self-contained HTML file (no external resources):
/// inline CSS with print rules, key figures, and each section as an inline
/// SVG chart (bars, funnel, monthly line) where it has one, followed by its
/// table. Text is HTML-escaped.
std::string RenderReportHtml(const Report& r);

/// A count with thousands separators: 8390 → "8,390" (GroupDigits, money.hpp).
std::string Thousands(std::int64_t n);

/// A figure's value as the report shows it: counts with thousands
/// separators, ratios as "85.3%", days with one decimal, money as yuan.
std::string FigureText(const ReportFigure& f);

}  // namespace mediate
