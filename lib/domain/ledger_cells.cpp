#include "ledger_cells.hpp"

namespace mediate {

std::string TrimLedgerText(std::string_view s) {
  static constexpr std::string_view kBlanks[] = {"\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x8B",
                                                 "\xEF\xBB\xBF"};
  auto ascii_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
  };
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (ascii_space(s.front())) {
      s.remove_prefix(1);
      changed = true;
      continue;
    }
    for (std::string_view b : kBlanks)
      if (s.starts_with(b)) {
        s.remove_prefix(b.size());
        changed = true;
        break;
      }
  }
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (ascii_space(s.back())) {
      s.remove_suffix(1);
      changed = true;
      continue;
    }
    for (std::string_view b : kBlanks)
      if (s.ends_with(b)) {
        s.remove_suffix(b.size());
        changed = true;
        break;
      }
  }
  return std::string(s);
}

bool IsAllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace mediate
