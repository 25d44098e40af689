// Writing the whole case file (`mediate doc ID --all -o DIR`): one file per
// document the case's outcome calls for (CaseFileContents), each drafted
// even when items are missing (blanks where they go), named
// "NN-kind.md" / "NN-kind.html" in the order of the table of contents.
#pragma once

#include <string>
#include <vector>

#include "case_file.hpp"
#include "status.hpp"

namespace mediate {

/// One file written: its path and what its document lacks (the lines of
/// Document::missing; empty when complete).
struct WrittenDocument {
  std::string path;
  std::vector<std::string> missing;
};

/// Drafts every document of `c`'s file (DraftDocument; sessions one by
/// one) and writes each to `dir` (created with its parents when absent) as
/// Markdown (`format` "md") or printable HTML ("html"). Existing files of
/// the same names are replaced; others in `dir` are left alone. kUsage for
/// another format; kIo naming the path when a directory or file cannot be
/// written (files written before it stay).
Result<std::vector<WrittenDocument>> WriteCaseFile(const Case& c, const DocumentContext& ctx,
                                                   const std::string& dir,
                                                   const std::string& format);

}  // namespace mediate
