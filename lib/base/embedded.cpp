#include "embedded.hpp"

namespace mediate {

std::string_view EmbeddedText(std::string_view name) {
  for (const auto& f : EmbeddedFiles())
    if (f.name == name) return f.text;
  return {};
}

}  // namespace mediate
