#include "case_summary.hpp"

#include "timeline.hpp"

namespace mediate {

bool IsOpenStatus(const std::string& status) {
  // An unknown code counts as open, as before the status table.
  auto s = ParseCaseStatus(status);
  return !s || InfoOf(*s).open;
}

bool IsPendingStatus(const std::string& status) {
  auto s = ParseCaseStatus(status);
  return s && InfoOf(*s).pending;
}

}  // namespace mediate
