#include "schema_version.hpp"

#include <utility>

#include "i18n.hpp"

namespace mediate {
namespace {

/// "case/12" → {"case", 12}; {"", -1} when not of that form (at most six digits).
std::pair<std::string, long> SplitSchema(const std::string& s) {
  auto slash = s.rfind('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == s.size() || slash + 7 < s.size())
    return {"", -1};
  long n = 0;
  for (std::size_t i = slash + 1; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return {"", -1};
    n = n * 10 + (s[i] - '0');
  }
  return {s.substr(0, slash), n};
}

}  // namespace

bool IsNewerSchema(const std::string& found, const std::string& expected) {
  auto [fk, fv] = SplitSchema(found);
  auto [ek, ev] = SplitSchema(expected);
  return !fk.empty() && fk == ek && fv > ev;
}

std::string SchemaMismatchMessage(const std::string& found, const std::string& expected) {
  if (IsNewerSchema(found, expected))
    return Tr(
        "schema \"{0}\" is newer than this version of mediate reads ({1}): the record "
        "needs a mediate version supporting {0}; upgrade mediate to read or change it",
        found, expected);
  return Tr("unsupported schema \"{0}\"; expected \"{1}\"", found, expected);
}

}  // namespace mediate
