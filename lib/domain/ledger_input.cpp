#include "ledger_input.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "csv_write.hpp"
#include "i18n.hpp"
#include "yaml_io.hpp"

namespace mediate {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// Collects rows of {column: text} into a table, columns in first-seen order.
class RowCollector {
 public:
  /// Starts a row at `line`.
  void Begin(int line) {
    rows_.push_back({line, {}});
    cells_.emplace_back();
  }
  /// Sets a cell of the current row; false when the row already has it.
  bool Set(const std::string& column, std::string text) {
    auto [it, added] = index_.emplace(column, header_.size());
    if (added) header_.push_back(column);
    auto& cells = cells_.back();
    for (const auto& [i, _] : cells)
      if (i == it->second) return false;
    cells.emplace_back(it->second, std::move(text));
    return true;
  }
  CsvTable Finish(const std::string& file) {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      rows_[r].fields.assign(header_.size(), std::string());
      for (auto& [i, text] : cells_[r]) rows_[r].fields[i] = std::move(text);
    }
    return CsvTable::FromRecords(file, header_, std::move(rows_));
  }

 private:
  std::vector<std::string> header_;
  std::map<std::string, std::size_t> index_;
  std::vector<CsvRecord> rows_;
  std::vector<std::vector<std::pair<std::size_t, std::string>>> cells_;
};

/// nlohmann SAX handler for one JSON Lines record: a flat object whose
/// values are scalars. Numbers keep their JSON text (floats exactly as
/// written, via the SAX interface's raw token).
class FlatObjectSax {
 public:
  using json = nlohmann::json;
  FlatObjectSax(RowCollector* rows, std::string* problem) : rows_(rows), problem_(problem) {}

  bool null() { return Scalar(""); }
  bool boolean(bool b) { return Scalar(b ? "true" : "false"); }
  bool number_integer(json::number_integer_t n) { return Scalar(std::to_string(n)); }
  bool number_unsigned(json::number_unsigned_t n) { return Scalar(std::to_string(n)); }
  bool number_float(json::number_float_t, const json::string_t& s) { return Scalar(s); }
  bool string(json::string_t& s) { return Scalar(s); }
  bool binary(json::binary_t&) { return Fail(_("binary values are not ledger cells")); }
  bool start_object(std::size_t) {
    if (depth_ > 0)
      return Fail(Tr("field \"{0}\": a text or number is expected, not an object", key_));
    ++depth_;
    return true;
  }
  bool key(json::string_t& k) {
    key_ = k;
    return true;
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) {
    if (depth_ == 0)
      return Fail(Tr("a JSON object {{\"column\": value, …}} is expected, not a list"));
    return Fail(Tr("field \"{0}\": a text or number is expected, not a list", key_));
  }
  bool end_array() { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: …"
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    return Fail(Tr("not a JSON object: {0}", what));
  }

 private:
  bool Scalar(std::string text) {
    if (depth_ == 0) return Fail(Tr("a JSON object {{\"column\": value, …}} is expected"));
    if (!rows_->Set(key_, std::move(text))) return Fail(Tr("field \"{0}\" is given twice", key_));
    return true;
  }
  bool Fail(std::string why) {
    if (problem_->empty()) *problem_ = std::move(why);
    return false;
  }

  RowCollector* rows_;
  std::string* problem_;
  int depth_ = 0;
  std::string key_;
};

Result<CsvTable> ReadJsonLines(std::string_view text, const std::string& file) {
  DiagnosticSink sink;
  RowCollector rows;
  int line = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.find_first_not_of(" \t") == std::string_view::npos) continue;
    rows.Begin(line);
    std::string problem;
    FlatObjectSax sax(&rows, &problem);
    bool ok = nlohmann::json::sax_parse(l, &sax);
    if (!ok || !problem.empty())
      sink.Error({file, line, 0}, "",
                 problem.empty() ? std::string(_("not a JSON object")) : problem);
  }
  if (sink.has_errors())
    return sink.ToStatus(Tr("{0} is not valid JSON Lines; nothing was imported", file));
  return rows.Finish(file);
}

Result<CsvTable> ReadYamlRows(std::string_view text, const std::string& file) {
  auto root = ParseYaml(text, file);
  if (!root.ok()) {
    Status st = root.status();
    if (st.diagnostics().empty()) return Status::Rejected(file + ": " + st.message());
    return Status::Rejected(Tr("{0} is not readable YAML; nothing was imported", file),
                            st.diagnostics());
  }
  DiagnosticSink sink;
  RowCollector rows;
  if (root->is_null()) return rows.Finish(file);
  if (!root->is_sequence()) {
    sink.Error({file, root->mark().line, root->mark().column}, "",
               _("a list of rows (- 登记日期: …) is expected"));
    return sink.ToStatus(Tr("{0} is not a ledger; nothing was imported", file));
  }
  for (std::size_t i = 0; i < root->items().size(); ++i) {
    const Value& item = root->items()[i];
    const std::string path = "[" + std::to_string(i) + "]";
    rows.Begin(item.mark().line);
    if (!item.is_map()) {
      sink.Error({file, item.mark().line, item.mark().column}, path,
                 Tr("a map {{column: value}} is expected"));
      continue;
    }
    for (const auto& [key, v] : item.entries()) {
      if (v.is_sequence() || v.is_map()) {
        sink.Error({file, v.mark().line, v.mark().column}, path + "." + key,
                   v.is_map() ? _("a text or number is expected, not a map")
                              : _("a text or number is expected, not a list"));
        continue;
      }
      rows.Set(key, v.is_null() ? std::string() : v.text());  // duplicates: the loader refuses
    }
  }
  if (sink.has_errors())
    return sink.ToStatus(Tr("{0} is not a ledger; nothing was imported", file));
  return rows.Finish(file);
}

}  // namespace

std::optional<LedgerFormat> ParseLedgerFormat(std::string_view name) {
  std::string n = Lower(name);
  if (n == "csv") return LedgerFormat::kCsv;
  if (n == "tsv") return LedgerFormat::kTsv;
  if (n == "jsonl" || n == "json-lines" || n == "ndjson") return LedgerFormat::kJsonLines;
  if (n == "yaml" || n == "yml") return LedgerFormat::kYaml;
  return std::nullopt;
}

LedgerFormat LedgerFormatOf(std::string_view path) {
  std::string p = Lower(path);
  auto ends = [&](std::string_view ext) {
    return p.size() >= ext.size() && p.compare(p.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".tsv") || ends(".tab")) return LedgerFormat::kTsv;
  if (ends(".jsonl") || ends(".ndjson")) return LedgerFormat::kJsonLines;
  if (ends(".yaml") || ends(".yml")) return LedgerFormat::kYaml;
  return LedgerFormat::kCsv;
}

const char* LedgerFormatName(LedgerFormat f) {
  switch (f) {
    case LedgerFormat::kCsv:
      return "csv";
    case LedgerFormat::kTsv:
      return "tsv";
    case LedgerFormat::kJsonLines:
      return "jsonl";
    case LedgerFormat::kYaml:
      return "yaml";
  }
  return "csv";
}

Result<CsvTable> ReadLedgerTable(std::string_view text, const std::string& file, LedgerFormat f) {
  switch (f) {
    case LedgerFormat::kCsv:
    case LedgerFormat::kTsv: {
      auto t = CsvTable::Parse(text, file, f == LedgerFormat::kTsv ? '\t' : ',');
      if (t.ok()) {
        // A rejects file (RejectsCsv) corrected and imported again: its
        // cells carry the formula guard, which is not part of the data.
        std::vector<CsvRecord> rows = t->rows();
        for (CsvRecord& row : rows)
          for (std::string& cell : row.fields) cell = std::string(WithoutFormulaGuard(cell));
        return CsvTable::FromRecords(t->file(), t->header(), std::move(rows));
      }
      if (t.status().diagnostics().empty()) return t;
      // One summary line after the diagnostics, not the first one again.
      return Status::Rejected(Tr("{0} is not valid {1}; nothing was imported", file,
                                 f == LedgerFormat::kTsv ? "TSV" : "CSV"),
                              t.status().diagnostics());
    }
    case LedgerFormat::kJsonLines:
      return ReadJsonLines(text, file);
    case LedgerFormat::kYaml:
      return ReadYamlRows(text, file);
  }
  return Status::Internal(_("unknown ledger format"));
}

std::string RejectsCsv(const CsvTable& table, const std::vector<LedgerReject>& rejected) {
  // Columns kept: every header column but an old error column.
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < table.header().size(); ++i)
    if (table.header()[i] != kRejectsErrorColumn) keep.push_back(i);
  std::string out = "\xEF\xBB\xBF" + std::string(kRejectsErrorColumn);
  for (std::size_t i : keep) out += "," + CsvField(table.header()[i]);
  out += "\r\n";
  for (const LedgerReject& r : rejected) {
    const CsvRecord& row = table.rows().at(r.index);
    std::string errors;
    for (const Diagnostic& d : r.errors) {
      if (!errors.empty()) errors += "\n";
      // TRANSLATORS: a rejects file's reason: the column, then what is wrong in it.
      errors += d.field.empty() ? d.message : Tr("{0}: {1}", d.field, d.message);
    }
    out += CsvField(errors);
    for (std::size_t i : keep) out += "," + CsvField(i < row.fields.size() ? row.fields[i] : "");
    // Cells past the header (an unquoted comma in a cell) are kept as they were.
    for (std::size_t i = table.header().size(); i < row.fields.size(); ++i)
      out += "," + CsvField(row.fields[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace mediate
