#include "team_io.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "i18n.hpp"
#include "text_input.hpp"

namespace mediate {

Result<std::string> ReadCsvFileUtf8(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::Usage(Tr("{0} is a directory, not a CSV file", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(Tr("cannot read {0}: no such file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Io(Tr("cannot read {0}", path));
  std::string bytes = ss.str();
  std::string name = std::filesystem::path(path).filename().string();
  auto enc = DetectEncoding(bytes);
  if (!enc) return Status::Rejected(Tr("{0}: neither UTF-8 nor GB18030 text", name));
  return ToUtf8(bytes, *enc, name);
}

}  // namespace mediate
