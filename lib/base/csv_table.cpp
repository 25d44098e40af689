#include "csv_table.hpp"

#include "i18n.hpp"

namespace mediate {
namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

Result<CsvTable> CsvTable::Parse(std::string_view text, const std::string& file, char delimiter) {
  auto records = ParseCsv(text, file, delimiter);
  if (!records.ok()) return records.status();
  if (records->empty()) return Status::Rejected(Tr("{0}: the file is empty (no header row)", file));
  CsvTable t;
  t.file_ = file;
  for (const auto& h : records->front().fields) t.header_.push_back(Trim(h));
  t.rows_.assign(std::make_move_iterator(records->begin() + 1),
                 std::make_move_iterator(records->end()));
  return t;
}

CsvTable CsvTable::FromRecords(std::string file, std::vector<std::string> header,
                               std::vector<CsvRecord> rows) {
  CsvTable t;
  t.file_ = std::move(file);
  t.header_ = std::move(header);
  t.rows_ = std::move(rows);
  return t;
}

int CsvTable::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return static_cast<int>(i);
  return -1;
}

Status CsvTable::Require(const std::vector<std::string>& required) const {
  std::string missing;
  for (const auto& name : required)
    if (Column(name) < 0) missing += (missing.empty() ? "" : _(", ")) + name;
  if (missing.empty()) return Status::Ok();
  std::string found;
  for (const auto& h : header_) found += (found.empty() ? "" : ",") + h;
  return Status::Rejected(
      Tr("{0}:1: missing column(s) {1}; the header is: {2}", file_, missing, found));
}

std::string CsvTable::Cell(const CsvRecord& row, std::string_view name) const {
  int i = Column(name);
  if (i < 0 || static_cast<std::size_t>(i) >= row.fields.size()) return {};
  return Trim(row.fields[static_cast<std::size_t>(i)]);
}

std::vector<std::string> SplitList(std::string_view cell, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find(sep, start);
    if (end == std::string_view::npos) end = cell.size();
    std::string item = Trim(cell.substr(start, end - start));
    if (!item.empty()) out.push_back(std::move(item));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> SplitTypedList(std::string_view text) {
  // Every separator becomes ';'. A UTF-8 sequence can only match where a
  // character starts, so the byte-wise scan never splits a character.
  std::string t;
  t.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t matched = 0;
    for (std::string_view sep : {",", "，", "；", "、"})
      if (text.substr(i, sep.size()) == sep) matched = sep.size();
    t += matched ? ';' : text[i];
    i += matched ? matched : 1;
  }
  return SplitList(t);
}

}  // namespace mediate
