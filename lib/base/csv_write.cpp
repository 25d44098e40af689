#include "csv_write.hpp"

namespace mediate {
namespace {

/// True when a spreadsheet would read a text starting with `c` as a formula.
bool StartsFormula(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

std::string CsvField(std::string_view text) {
  std::string v;
  if (!text.empty() && StartsFormula(text.front())) v = "'";
  v += text;
  const bool quote = v.find_first_of(",\"\r\n") != std::string::npos ||
                     (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.back() == ' ' ||
                                     v.back() == '\t'));
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string_view WithoutFormulaGuard(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && StartsFormula(cell[1])) cell.remove_prefix(1);
  return cell;
}

}  // namespace mediate
