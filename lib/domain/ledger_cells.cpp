#include "ledger_cells.hpp"

#include "text_input.hpp"

namespace mediate {

std::string TrimLedgerText(std::string_view s) { return std::string(TrimBlanks(s)); }

bool IsAllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace mediate
