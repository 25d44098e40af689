#include "timeline_labels.hpp"

#include "i18n.hpp"
#include "timeline.hpp"

namespace mediate {

std::string ShownStatus(std::string_view code) {
  auto s = ParseCaseStatus(code);
  return s && TranslationOn() ? std::string(InfoOf(*s).zh) : std::string(code);
}

std::string ShownEvent(std::string_view code) {
  auto k = ParseEventKind(code);
  return k && TranslationOn() ? std::string(InfoOf(*k).zh) : std::string(code);
}

}  // namespace mediate
