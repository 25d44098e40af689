#include "team_io.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "text_input.hpp"

namespace mediate {

Result<std::string> ReadCsvFileUtf8(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::Usage(path + " is a directory, not a CSV file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path + ": no such file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Io("cannot read " + path);
  std::string bytes = ss.str();
  std::string name = std::filesystem::path(path).filename().string();
  auto enc = DetectEncoding(bytes);
  if (!enc) return Status::Rejected(name + ": neither UTF-8 nor GB18030 text");
  return ToUtf8(bytes, *enc, name);
}

}  // namespace mediate
