#include "render.hpp"

#include "csv_write.hpp"
#include "money.hpp"

#include <fmt/format.h>
#include <utf8proc.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

namespace mediate {
namespace {

using ordered_json = nlohmann::ordered_json;

bool IsNumeric(ColumnKind k) {
  return k == ColumnKind::kInt || k == ColumnKind::kMoney || k == ColumnKind::kPercent ||
         k == ColumnKind::kDecimal;
}

const std::string& Heading(const Column& c) { return c.heading.empty() ? c.name : c.heading; }

/// `v` with `decimals` places, never "-0.0".
std::string Fixed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

/// `v` rounded to `decimals` places, trailing zeros (and point) dropped.
std::string Trimmed(double v, int decimals) {
  std::string s = Fixed(v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

double RoundTo(double v, int decimals) {
  double scale = std::pow(10.0, decimals);
  double r = std::round(v * scale) / scale;
  return r == 0 ? 0.0 : r;  // no -0
}

/// Fen as yuan with two decimals, optionally grouped by thousands.
std::string Yuan(std::int64_t fen, bool grouped) {
  const Money m = Money::FromFen(fen);
  return grouped ? m.GroupedYuan() : m.Yuan();
}

std::int64_t FenOf(double v) { return static_cast<std::int64_t>(std::llround(v)); }

bool IsEmpty(const Cell& c) {
  if (std::holds_alternative<std::monostate>(c)) return true;
  if (const double* d = std::get_if<double>(&c)) return !std::isfinite(*d);
  return false;
}

/// Machine text of a cell (CSV): money "3500.00", ratios up to 4 decimals.
std::string MachineText(const Cell& cell, ColumnKind kind) {
  if (IsEmpty(cell)) return "";
  if (const std::string* s = std::get_if<std::string>(&cell)) return *s;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&cell)) {
    switch (kind) {
      case ColumnKind::kMoney:
        return Yuan(*i, false);
      case ColumnKind::kDecimal:
        return Fixed(static_cast<double>(*i), 1);
      default:
        return std::to_string(*i);
    }
  }
  double d = std::get<double>(cell);
  switch (kind) {
    case ColumnKind::kMoney:
      return Yuan(FenOf(d), false);
    case ColumnKind::kPercent:
      return Trimmed(d, 4);
    case ColumnKind::kInt:
    case ColumnKind::kDecimal:
      return Fixed(d, 1);
    default:
      return fmt::format("{}", d);
  }
}

/// The items of a kList cell's text: "a;b" → ["a", "b"], "" → [].
ordered_json ListItems(const std::string& s) {
  ordered_json items = ordered_json::array();
  if (s.empty()) return items;
  std::size_t start = 0;
  for (std::size_t semi = s.find(';'); semi != std::string::npos; semi = s.find(';', start)) {
    items.push_back(s.substr(start, semi - start));
    start = semi + 1;
  }
  items.push_back(s.substr(start));
  return items;
}

ordered_json JsonValue(const Cell& cell, ColumnKind kind) {
  if (IsEmpty(cell)) return nullptr;
  if (const std::string* s = std::get_if<std::string>(&cell)) {
    if (kind == ColumnKind::kList) return ListItems(*s);
    return *s;
  }
  if (const std::int64_t* i = std::get_if<std::int64_t>(&cell)) {
    if (kind == ColumnKind::kMoney) return Yuan(*i, false);
    return *i;
  }
  double d = std::get<double>(cell);
  switch (kind) {
    case ColumnKind::kMoney:
      return Yuan(FenOf(d), false);
    case ColumnKind::kPercent:
      return RoundTo(d, 4);
    case ColumnKind::kInt:
    case ColumnKind::kDecimal:
      return RoundTo(d, 1);
    default:
      return d;
  }
}

ordered_json JsonRow(const Table& t, const std::vector<Cell>& row) {
  ordered_json o = ordered_json::object();
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    o[t.columns[i].name] = i < row.size() ? JsonValue(row[i], t.columns[i].kind) : nullptr;
  }
  return o;
}

std::string Dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

/// Cell text for a one-line layout: control characters become spaces.
std::string OneLine(std::string s) {
  for (char& ch : s) {
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
  }
  return s;
}

void RStrip(std::string* s) {
  while (!s->empty() && s->back() == ' ') s->pop_back();
}

/// Text of every row (header first, totals last) for the aligned layouts.
std::vector<std::vector<std::string>> TextGrid(const Table& t) {
  std::vector<std::vector<std::string>> grid;
  grid.reserve(t.rows.size() + 2);
  std::vector<std::string> head;
  for (const Column& c : t.columns) head.push_back(OneLine(Heading(c)));
  grid.push_back(std::move(head));
  auto add = [&](const std::vector<Cell>& row) {
    std::vector<std::string> line;
    line.reserve(t.columns.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      line.push_back(i < row.size() ? OneLine(CellText(row[i], t.columns[i].kind)) : "");
    }
    grid.push_back(std::move(line));
  };
  for (const auto& row : t.rows) add(row);
  if (!t.totals.empty()) add(t.totals);
  return grid;
}

std::vector<int> Widths(const std::vector<std::vector<std::string>>& grid, std::size_t ncols) {
  std::vector<int> w(ncols, 0);
  for (const auto& line : grid) {
    for (std::size_t i = 0; i < ncols; ++i) w[i] = std::max(w[i], DisplayWidth(line[i]));
  }
  return w;
}

void AppendCsvRow(std::string* out, const Table& t, const std::vector<Cell>& row) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) *out += ',';
    if (i >= row.size()) continue;
    const Cell& c = row[i];
    if (const std::string* s = std::get_if<std::string>(&c)) {
      *out += CsvField(*s);
    } else {
      *out += MachineText(c, t.columns[i].kind);
    }
  }
  *out += '\n';
}

std::string MarkdownCell(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|') {
      out += "\\|";
    } else {
      out += ch;
    }
  }
  return out;
}

/// Excel's rules: at most 31 characters, none of []:*?/\, not starting or
/// ending with an apostrophe.
std::string SheetName(const std::string& wanted) {
  std::string out;
  int chars = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(wanted.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(wanted.size());
  while (n > 0 && chars < 31) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p, n, &cp);
    if (len <= 0) {
      out += '_';
      len = 1;
    } else if (cp < 0x20 ||
               std::string_view("[]:*?/\\").find(static_cast<char>(cp)) != std::string_view::npos) {
      out += '_';
    } else {
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len));
    }
    p += len;
    n -= len;
    ++chars;
  }
  while (!out.empty() && out.front() == '\'') out.erase(0, 1);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out.empty() ? "Sheet1" : out;
}

constexpr std::size_t kXlsxMaxRows = 1048576;

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "table" || name == "text") return Format::kTable;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  if (name == "md" || name == "markdown") return Format::kMarkdown;
  if (name == "xlsx") return Format::kXlsx;
  if (name == "jsonl") return Format::kJsonl;
  return std::nullopt;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(text.size());
  while (n > 0) {
    if (*p < 0x80) {  // ASCII: printable 1, control 0
      width += (*p >= 0x20 && *p != 0x7f) ? 1 : 0;
      ++p;
      --n;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p, n, &cp);
    if (len <= 0) {
      width += 1;
      ++p;
      --n;
      continue;
    }
    width += utf8proc_charwidth(cp);
    p += len;
    n -= len;
  }
  return width;
}

std::string PadToWidth(std::string_view text, int width, bool right_align) {
  int w = DisplayWidth(text);
  if (w >= width) return std::string(text);
  std::string pad(static_cast<std::size_t>(width - w), ' ');
  return right_align ? pad + std::string(text) : std::string(text) + pad;
}

std::string CellText(const Cell& cell, ColumnKind kind) {
  if (IsEmpty(cell)) return "";
  if (const std::string* s = std::get_if<std::string>(&cell)) return *s;
  if (const std::int64_t* i = std::get_if<std::int64_t>(&cell)) {
    switch (kind) {
      case ColumnKind::kMoney:
        return Yuan(*i, true);
      case ColumnKind::kPercent:
        return Fixed(static_cast<double>(*i) * 100, 1) + "%";
      case ColumnKind::kDecimal:
        return Fixed(static_cast<double>(*i), 1);
      default:
        return std::to_string(*i);
    }
  }
  double d = std::get<double>(cell);
  switch (kind) {
    case ColumnKind::kMoney:
      return Yuan(FenOf(d), true);
    case ColumnKind::kPercent:
      return Fixed(d * 100, 1) + "%";
    case ColumnKind::kInt:
    case ColumnKind::kDecimal:
      return Fixed(d, 1);
    default:
      return fmt::format("{}", d);
  }
}

std::string RenderText(const Table& t) {
  std::string out;
  if (!t.columns.empty()) {
    auto grid = TextGrid(t);
    std::vector<int> widths = Widths(grid, t.columns.size());
    for (const auto& line : grid) {
      std::string s;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (i > 0) s += "  ";
        s += PadToWidth(line[i], widths[i], IsNumeric(t.columns[i].kind));
      }
      RStrip(&s);
      out += s;
      out += '\n';
    }
  }
  if (!t.notes.empty()) {
    if (!out.empty()) out += '\n';
    for (const std::string& note : t.notes) {
      out += note;
      out += '\n';
    }
  }
  return out;
}

std::string RenderCsv(const Table& t) {
  std::string out;
  if (t.columns.empty()) return out;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvField(t.columns[i].name);
  }
  out += '\n';
  for (const auto& row : t.rows) AppendCsvRow(&out, t, row);
  if (!t.totals.empty()) AppendCsvRow(&out, t, t.totals);
  return out;
}

std::string RenderJson(const Table& t) {
  ordered_json arr = ordered_json::array();
  for (const auto& row : t.rows) arr.push_back(JsonRow(t, row));
  if (!t.totals.empty()) {
    ordered_json total = JsonRow(t, t.totals);
    total["total"] = true;
    arr.push_back(std::move(total));
  }
  return Dump(arr, 2) + "\n";
}

std::string RenderJsonl(const Table& t) {
  std::string out;
  for (const auto& row : t.rows) {
    out += Dump(JsonRow(t, row), -1);
    out += '\n';
  }
  return out;
}

std::string RenderMarkdown(const Table& t) {
  std::string out;
  if (!t.columns.empty()) {
    auto grid = TextGrid(t);
    for (auto& line : grid) {
      for (auto& cell : line) cell = MarkdownCell(cell);
    }
    std::vector<int> widths = Widths(grid, t.columns.size());
    for (int& w : widths) w = std::max(w, 3);
    auto emit = [&](const std::vector<std::string>& line) {
      std::string s = "|";
      for (std::size_t i = 0; i < line.size(); ++i) {
        s += ' ';
        s += PadToWidth(line[i], widths[i], IsNumeric(t.columns[i].kind));
        s += " |";
      }
      out += s;
      out += '\n';
    };
    emit(grid[0]);
    std::string rule = "|";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      bool right = IsNumeric(t.columns[i].kind);
      rule += ' ';
      rule += std::string(static_cast<std::size_t>(widths[i] - (right ? 1 : 0)), '-');
      if (right) rule += ':';
      rule += " |";
    }
    out += rule;
    out += '\n';
    for (std::size_t r = 1; r < grid.size(); ++r) emit(grid[r]);
  }
  if (!t.notes.empty()) {
    if (!out.empty()) out += '\n';
    for (const std::string& note : t.notes) {
      out += note;
      out += '\n';
    }
  }
  return out;
}

Status WriteXlsx(const Table& t, const std::string& path, const std::string& sheet_name) {
  if (t.rows.size() + 2 > kXlsxMaxRows) {
    return Status::Usage(fmt::format(
        "{}: a spreadsheet holds at most {} rows and this table has {}; use --format csv", path,
        kXlsxMaxRows - 1, t.rows.size() + (t.totals.empty() ? 0 : 1)));
  }
  if (t.columns.size() > 16384) {
    return Status::Usage(fmt::format("{}: a spreadsheet holds at most 16384 columns", path));
  }

  // Column widths from the text people see, computed before writing (the
  // constant-memory mode writes row by row).
  std::vector<int> widths(t.columns.size(), 0);
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    widths[i] = DisplayWidth(Heading(t.columns[i]));
  auto measure = [&](const std::vector<Cell>& row) {
    for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(CellText(row[i], t.columns[i].kind)));
    }
  };
  for (const auto& row : t.rows) measure(row);
  if (!t.totals.empty()) measure(t.totals);

  // libxlsxwriter reports a file it cannot create on stderr: find out first.
  if (std::FILE* probe = std::fopen(path.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    return Status::Io(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  }

  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Status::Io(fmt::format("{}: cannot create the workbook", path));
  std::string sheet = SheetName(sheet_name);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  if (ws == nullptr) {
    workbook_close(wb);
    return Status::Io(fmt::format("{}: cannot add sheet \"{}\"", path, sheet));
  }

  // Formats by kind, plain and bold (header and totals).
  auto make = [&](bool bold, const char* num_format) {
    lxw_format* f = workbook_add_format(wb);
    if (bold) format_set_bold(f);
    if (num_format != nullptr) format_set_num_format(f, num_format);
    return f;
  };
  lxw_format* header = make(true, nullptr);
  struct Formats {
    lxw_format* text;
    lxw_format* money;
    lxw_format* percent;
    lxw_format* decimal;
  };
  Formats plain{nullptr, make(false, "0.00"), make(false, "0.0%"), make(false, "0.0")};
  Formats bold{make(true, nullptr), make(true, "0.00"), make(true, "0.0%"), make(true, "0.0")};

  lxw_error err = LXW_NO_ERROR;
  auto keep = [&](lxw_error e) {
    if (err == LXW_NO_ERROR && e != LXW_NO_ERROR) err = e;
  };
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    double w = std::min(widths[i] + 2, 80);
    keep(
        worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), w, nullptr));
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    keep(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), Heading(t.columns[i]).c_str(),
                                header));
  }
  auto write_row = [&](lxw_row_t r, const std::vector<Cell>& row, const Formats& f) {
    for (std::size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
      const Cell& c = row[i];
      auto col = static_cast<lxw_col_t>(i);
      ColumnKind kind = t.columns[i].kind;
      if (IsEmpty(c)) continue;
      if (const std::string* s = std::get_if<std::string>(&c)) {
        keep(worksheet_write_string(ws, r, col, s->c_str(), f.text));
        continue;
      }
      double v = 0;
      if (const std::int64_t* n = std::get_if<std::int64_t>(&c)) {
        v = static_cast<double>(*n);
      } else {
        v = std::get<double>(c);
      }
      switch (kind) {
        case ColumnKind::kMoney:
          keep(worksheet_write_number(ws, r, col, static_cast<double>(FenOf(v)) / 100.0, f.money));
          break;
        case ColumnKind::kPercent:
          keep(worksheet_write_number(ws, r, col, v, f.percent));
          break;
        case ColumnKind::kDecimal:
          keep(worksheet_write_number(ws, r, col, v, f.decimal));
          break;
        default:
          keep(worksheet_write_number(ws, r, col, v, f.text));
          break;
      }
    }
  };
  lxw_row_t r = 1;
  for (const auto& row : t.rows) write_row(r++, row, plain);
  if (!t.totals.empty()) write_row(r, t.totals, bold);

  lxw_error close_err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Status::Io(
        fmt::format("{}: writing the spreadsheet failed: {}", path, lxw_strerror(err)));
  }
  if (close_err != LXW_NO_ERROR) {
    return Status::Io(fmt::format("{}: cannot write: {}", path, lxw_strerror(close_err)));
  }
  return Status::Ok();
}

std::string Render(const Table& t, Format f) {
  switch (f) {
    case Format::kTable:
      return RenderText(t);
    case Format::kCsv:
      return RenderCsv(t);
    case Format::kJson:
      return RenderJson(t);
    case Format::kJsonl:
      return RenderJsonl(t);
    case Format::kMarkdown:
      return RenderMarkdown(t);
    case Format::kXlsx:
      return "";
  }
  return "";
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
