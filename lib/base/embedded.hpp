// Files embedded in the binary at build time (schemas/ and vocabularies).
#pragma once

#include <string_view>
#include <vector>

namespace mediate {

/// One embedded file: its name under schemas/ and its text.
struct EmbeddedFile {
  std::string_view name;
  std::string_view text;
};

/// Every embedded file, sorted by name. Defined in the generated
/// embedded_schemas.cpp (cmake/embed.cmake).
const std::vector<EmbeddedFile>& EmbeddedFiles();

/// The text of the embedded file `name`, or an empty view when absent.
std::string_view EmbeddedText(std::string_view name);

}  // namespace mediate
