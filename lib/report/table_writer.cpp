#include "table_writer.hpp"

#include "csv_write.hpp"
#include "i18n.hpp"

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

ordered_json JsonRow(const std::vector<Column>& columns, const std::vector<Cell>& row) {
  ordered_json o = ordered_json::object();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    o[columns[i].name] = i < row.size() ? CellJson(row[i], columns[i].kind) : nullptr;
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

void AppendCsvRow(std::string* out, const std::vector<Column>& columns,
                  const std::vector<Cell>& row) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) *out += ',';
    if (i >= row.size()) continue;
    const Cell& c = row[i];
    if (const std::string* s = std::get_if<std::string>(&c)) {
      *out += CsvField(*s);
    } else {
      *out += MachineText(c, columns[i].kind);
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

/// Cell text as one line of an aligned layout (text table, Markdown).
std::string AlignedText(const Cell& cell, ColumnKind kind, Format format) {
  std::string s = OneLine(CellText(cell, kind));
  return format == Format::kMarkdown ? MarkdownCell(s) : s;
}

/// Heading as one line of an aligned layout.
std::string AlignedHeading(const Column& c, Format format) {
  std::string s = OneLine(ColumnHeading(c));
  return format == Format::kMarkdown ? MarkdownCell(s) : s;
}

/// The aligned text table and Markdown: one line per row, padded to the
/// measured widths, numbers right-aligned.
class AlignedWriter : public TableWriter {
 public:
  AlignedWriter(Format format, std::vector<Column> columns, std::vector<int> widths, TextSink sink)
      : format_(format),
        columns_(std::move(columns)),
        widths_(std::move(widths)),
        sink_(std::move(sink)) {
    widths_.resize(columns_.size(), 0);
    if (format_ == Format::kMarkdown)
      for (int& w : widths_) w = std::max(w, 3);
    if (columns_.empty()) return;
    std::vector<std::string> head;
    for (const Column& c : columns_) head.push_back(AlignedHeading(c, format_));
    Line(head);
    if (format_ == Format::kMarkdown) {
      std::string rule = "|";
      for (std::size_t i = 0; i < columns_.size(); ++i) {
        bool right = IsNumericKind(columns_[i].kind);
        rule += ' ';
        rule += std::string(static_cast<std::size_t>(widths_[i] - (right ? 1 : 0)), '-');
        if (right) rule += ':';
        rule += " |";
      }
      rule += '\n';
      sink_(rule);
    }
  }

  Status Row(const std::vector<Cell>& row) override {
    if (columns_.empty()) return Status::Ok();
    std::vector<std::string> line;
    line.reserve(columns_.size());
    for (std::size_t i = 0; i < columns_.size(); ++i)
      line.push_back(i < row.size() ? AlignedText(row[i], columns_[i].kind, format_) : "");
    Line(line);
    return Status::Ok();
  }

  Status Finish(const std::vector<Cell>& totals, const std::vector<std::string>& notes) override {
    if (!totals.empty()) MEDIATE_RETURN_IF_ERROR(Row(totals));
    if (!notes.empty()) {
      if (!columns_.empty()) sink_("\n");
      for (const std::string& note : notes) {
        sink_(note);
        sink_("\n");
      }
    }
    return Status::Ok();
  }

 private:
  void Line(const std::vector<std::string>& cells) {
    std::string s = format_ == Format::kMarkdown ? "|" : "";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      bool right = IsNumericKind(columns_[i].kind);
      if (format_ == Format::kMarkdown) {
        s += ' ';
        s += PadToWidth(cells[i], widths_[i], right);
        s += " |";
      } else {
        if (i > 0) s += "  ";
        s += PadToWidth(cells[i], widths_[i], right);
      }
    }
    if (format_ != Format::kMarkdown) RStrip(&s);
    s += '\n';
    sink_(s);
  }

  Format format_;
  std::vector<Column> columns_;
  std::vector<int> widths_;
  TextSink sink_;
};

/// A writer of the columns a view shows: cuts each row and the totals to
/// them and hands them on.
class ViewWriter : public TableWriter {
 public:
  ViewWriter(ColumnView view, std::unique_ptr<TableWriter> inner)
      : view_(std::move(view)), inner_(std::move(inner)) {}
  Status Row(const std::vector<Cell>& row) override { return inner_->Row(view_.Row(row)); }
  Status Finish(const std::vector<Cell>& totals, const std::vector<std::string>& notes) override {
    return inner_->Finish(view_.Totals(totals), notes);
  }

 private:
  ColumnView view_;
  std::unique_ptr<TableWriter> inner_;
};

/// `inner`, a writer of the columns `view` shows, taking rows of all the
/// columns.
std::unique_ptr<TableWriter> Viewed(ColumnView view, std::unique_ptr<TableWriter> inner) {
  if (view.whole()) return inner;
  return std::make_unique<ViewWriter>(std::move(view), std::move(inner));
}

/// RFC 4180 CSV: the header of column names, then one line per row.
class CsvWriter : public TableWriter {
 public:
  CsvWriter(std::vector<Column> columns, TextSink sink)
      : columns_(std::move(columns)), sink_(std::move(sink)) {
    if (columns_.empty()) return;
    std::string head;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) head += ',';
      head += CsvField(columns_[i].name);
    }
    head += '\n';
    sink_(head);
  }

  Status Row(const std::vector<Cell>& row) override {
    if (columns_.empty()) return Status::Ok();
    line_.clear();
    AppendCsvRow(&line_, columns_, row);
    sink_(line_);
    return Status::Ok();
  }

  Status Finish(const std::vector<Cell>& totals, const std::vector<std::string>&) override {
    if (!totals.empty()) return Row(totals);
    return Status::Ok();
  }

 private:
  std::vector<Column> columns_;
  TextSink sink_;
  std::string line_;
};

/// JSON (one pretty-printed array, as nlohmann dumps it with an indent of
/// 2) or JSON Lines (one compact object per line, no totals).
class JsonWriter : public TableWriter {
 public:
  JsonWriter(bool lines, std::vector<Column> columns, TextSink sink)
      : lines_(lines), columns_(std::move(columns)), sink_(std::move(sink)) {}

  Status Row(const std::vector<Cell>& row) override {
    Element(JsonRow(columns_, row));
    return Status::Ok();
  }

  Status Finish(const std::vector<Cell>& totals, const std::vector<std::string>&) override {
    if (lines_) return Status::Ok();
    if (!totals.empty()) {
      ordered_json total = JsonRow(columns_, totals);
      total["total"] = true;
      Element(total);
    }
    sink_(any_ ? "\n]\n" : "[]\n");
    return Status::Ok();
  }

 private:
  void Element(const ordered_json& o) {
    if (lines_) {
      std::string s = Dump(o, -1);
      s += '\n';
      sink_(s);
      return;
    }
    // An element of the array: its own dump, every line indented by one
    // level (strings hold no raw newline: JSON escapes it).
    std::string s = any_ ? ",\n  " : "[\n  ";
    any_ = true;
    for (char ch : Dump(o, 2)) {
      s += ch;
      if (ch == '\n') s += "  ";
    }
    sink_(s);
  }

  bool lines_;
  std::vector<Column> columns_;
  TextSink sink_;
  bool any_ = false;
};

/// One sheet of an XLSX workbook, written row by row (constant memory).
class XlsxWriter : public TableWriter {
 public:
  XlsxWriter(std::vector<Column> columns, std::string path, lxw_workbook* wb, lxw_worksheet* ws)
      : columns_(std::move(columns)), path_(std::move(path)), wb_(wb), ws_(ws) {
    auto make = [&](bool bold, const char* num_format) {
      lxw_format* f = workbook_add_format(wb_);
      if (bold) format_set_bold(f);
      if (num_format != nullptr) format_set_num_format(f, num_format);
      return f;
    };
    header_ = make(true, nullptr);
    plain_ = {nullptr, make(false, "0.00"), make(false, "0.0%"), make(false, "0.0")};
    bold_ = {make(true, nullptr), make(true, "0.00"), make(true, "0.0%"), make(true, "0.0")};
  }

  ~XlsxWriter() override {
    if (wb_ != nullptr) workbook_close(wb_);
  }

  /// Column widths, the frozen header row and the headings.
  void Begin(const std::vector<int>& widths) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      double w = std::min((i < widths.size() ? widths[i] : 0) + 2, 80);
      Keep(worksheet_set_column(ws_, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), w,
                                nullptr));
    }
    worksheet_freeze_panes(ws_, 1, 0);
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      Keep(worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(i),
                                  ColumnHeading(columns_[i]).c_str(), header_));
    }
  }

  Status Row(const std::vector<Cell>& row) override {
    Write(row, plain_);
    return Status::Ok();
  }

  Status Finish(const std::vector<Cell>& totals, const std::vector<std::string>&) override {
    if (!totals.empty()) Write(totals, bold_);
    lxw_error close_err = workbook_close(wb_);
    wb_ = nullptr;
    if (err_ != LXW_NO_ERROR) {
      return Status::Io(Tr("{0}: writing the spreadsheet failed: {1}", path_, lxw_strerror(err_)));
    }
    if (close_err != LXW_NO_ERROR) {
      return Status::Io(Tr("{0}: cannot write: {1}", path_, lxw_strerror(close_err)));
    }
    return Status::Ok();
  }

 private:
  struct Formats {
    lxw_format* text;
    lxw_format* money;
    lxw_format* percent;
    lxw_format* decimal;
  };

  void Keep(lxw_error e) {
    if (err_ == LXW_NO_ERROR && e != LXW_NO_ERROR) err_ = e;
  }

  void Write(const std::vector<Cell>& row, const Formats& f) {
    const lxw_row_t r = next_row_++;
    for (std::size_t i = 0; i < columns_.size() && i < row.size(); ++i) {
      const Cell& c = row[i];
      auto col = static_cast<lxw_col_t>(i);
      if (IsEmptyCell(c)) continue;
      if (const std::string* s = std::get_if<std::string>(&c)) {
        Keep(worksheet_write_string(ws_, r, col, s->c_str(), f.text));
        continue;
      }
      double v = 0;
      if (const std::int64_t* n = std::get_if<std::int64_t>(&c)) {
        v = static_cast<double>(*n);
      } else {
        v = std::get<double>(c);
      }
      switch (columns_[i].kind) {
        case ColumnKind::kMoney:
          Keep(worksheet_write_number(ws_, r, col, static_cast<double>(FenOfReal(v)) / 100.0,
                                      f.money));
          break;
        case ColumnKind::kPercent:
          Keep(worksheet_write_number(ws_, r, col, v, f.percent));
          break;
        case ColumnKind::kDecimal:
          Keep(worksheet_write_number(ws_, r, col, v, f.decimal));
          break;
        default:
          Keep(worksheet_write_number(ws_, r, col, v, f.text));
          break;
      }
    }
  }

  std::vector<Column> columns_;
  std::string path_;
  lxw_workbook* wb_;
  lxw_worksheet* ws_;
  lxw_format* header_ = nullptr;
  Formats plain_{};
  Formats bold_{};
  lxw_error err_ = LXW_NO_ERROR;
  lxw_row_t next_row_ = 1;
};

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

std::string_view FilePreamble(Format format, bool bom) {
  return format == Format::kCsv && bom ? std::string_view("\xEF\xBB\xBF") : std::string_view();
}

bool LabelsOnly(Format format) {
  return (format == Format::kTable || format == Format::kMarkdown) && TranslationOn();
}

ColumnWidths::ColumnWidths(Format format, std::vector<Column> columns)
    : format_(format),
      view_(LabelsOnly(format), columns),
      columns_(view_.columns()),
      widths_(columns_.size(), 0) {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    switch (format_) {
      case Format::kTable:
      case Format::kMarkdown:
        widths_[i] = DisplayWidth(AlignedHeading(columns_[i], format_));
        break;
      case Format::kXlsx:
        widths_[i] = DisplayWidth(ColumnHeading(columns_[i]));
        break;
      default:
        break;
    }
  }
}

void ColumnWidths::Measure(const std::vector<Cell>& all) {
  if (format_ != Format::kTable && format_ != Format::kMarkdown && format_ != Format::kXlsx) return;
  const std::vector<Cell> row = view_.Row(all);
  for (std::size_t i = 0; i < columns_.size() && i < row.size(); ++i) {
    const ColumnKind kind = columns_[i].kind;
    int w = format_ == Format::kXlsx ? DisplayWidth(CellText(row[i], kind))
                                     : DisplayWidth(AlignedText(row[i], kind, format_));
    widths_[i] = std::max(widths_[i], w);
  }
}

std::unique_ptr<TableWriter> OpenTextWriter(Format format, std::vector<Column> all,
                                            std::vector<int> widths, TextSink sink) {
  if (format == Format::kXlsx) format = Format::kTable;  // the caller's mistake: a text table
  ColumnView view(LabelsOnly(format), all);
  std::vector<Column> columns = view.columns();
  std::unique_ptr<TableWriter> writer;
  switch (format) {
    case Format::kCsv:
      writer = std::make_unique<CsvWriter>(std::move(columns), std::move(sink));
      break;
    case Format::kJson:
    case Format::kJsonl:
      writer = std::make_unique<JsonWriter>(format == Format::kJsonl, std::move(columns),
                                            std::move(sink));
      break;
    case Format::kTable:
    case Format::kMarkdown:
    case Format::kXlsx:
      writer = std::make_unique<AlignedWriter>(format, std::move(columns), std::move(widths),
                                               std::move(sink));
      break;
  }
  return Viewed(std::move(view), std::move(writer));
}

Result<std::unique_ptr<TableWriter>> OpenXlsxWriter(std::vector<Column> all,
                                                    std::vector<int> widths, std::size_t rows,
                                                    bool totals, const std::string& path,
                                                    const std::string& sheet_name) {
  ColumnView view(LabelsOnly(Format::kXlsx), all);
  std::vector<Column> columns = view.columns();
  if (rows + 2 > kXlsxMaxRows) {
    return Status::Usage(
        Tr("{0}: a spreadsheet holds at most {1} rows and this table has {2}; use --format csv",
           path, kXlsxMaxRows - 1, rows + (totals ? 1 : 0)));
  }
  if (columns.size() > 16384) {
    return Status::Usage(Tr("{0}: a spreadsheet holds at most 16384 columns", path));
  }
  // libxlsxwriter reports a file it cannot create on stderr: find out first.
  if (std::FILE* probe = std::fopen(path.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    return Status::Io(Tr("{0}: cannot write: {1}", path, std::strerror(errno)));
  }
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Status::Io(Tr("{0}: cannot create the workbook", path));
  std::string sheet = SheetName(sheet_name);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
  if (ws == nullptr) {
    workbook_close(wb);
    return Status::Io(Tr("{0}: cannot add sheet \"{1}\"", path, sheet));
  }
  auto writer = std::make_unique<XlsxWriter>(std::move(columns), path, wb, ws);
  writer->Begin(widths);
  return Viewed(std::move(view), std::move(writer));
}

}  // namespace mediate
