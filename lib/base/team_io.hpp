// Reading the team's input files (mediators.csv, orgs.csv, trainings.csv
// exported from a spreadsheet) from disk: the only file I/O of the team
// commands besides the store itself.
#pragma once

#include <string>

#include "status.hpp"

namespace mediate {

/// The text of the CSV file at `path`, as UTF-8: UTF-8 (a BOM dropped) or
/// GB18030 as Chinese Excel saves it, detected from the bytes. kNotFound
/// when the file cannot be read; kUsage for a directory; kRejected when
/// the bytes are neither UTF-8 nor GB18030.
Result<std::string> ReadCsvFileUtf8(const std::string& path);

}  // namespace mediate
