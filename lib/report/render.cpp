#include "render.hpp"

namespace mediate {

std::string Render(const Table& t, Format f) {
  if (f == Format::kXlsx) return "";
  ColumnWidths widths(f, t.columns);
  for (const auto& row : t.rows) widths.Measure(row);
  if (!t.totals.empty()) widths.Measure(t.totals);
  std::string out;
  auto writer =
      OpenTextWriter(f, t.columns, widths.widths(), [&out](std::string_view s) { out.append(s); });
  for (const auto& row : t.rows) (void)writer->Row(row);  // text writers do not fail
  (void)writer->Finish(t.totals, t.notes);
  return out;
}

std::string RenderText(const Table& t) { return Render(t, Format::kTable); }
std::string RenderCsv(const Table& t) { return Render(t, Format::kCsv); }
std::string RenderJson(const Table& t) { return Render(t, Format::kJson); }
std::string RenderJsonl(const Table& t) { return Render(t, Format::kJsonl); }
std::string RenderMarkdown(const Table& t) { return Render(t, Format::kMarkdown); }

Status WriteXlsx(const Table& t, const std::string& path, const std::string& sheet_name) {
  ColumnWidths widths(Format::kXlsx, t.columns);
  for (const auto& row : t.rows) widths.Measure(row);
  if (!t.totals.empty()) widths.Measure(t.totals);
  auto writer = OpenXlsxWriter(t.columns, widths.widths(), t.rows.size(), !t.totals.empty(), path,
                               sheet_name);
  if (!writer.ok()) return writer.status();
  for (const auto& row : t.rows) MEDIATE_RETURN_IF_ERROR((*writer)->Row(row));
  return (*writer)->Finish(t.totals, t.notes);
}

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

}  // namespace mediate
