// Options shared by the reading commands (list, stats, export, …):
// filter terms, --format, -o, --keep-going.
#pragma once

#include <string>
#include <vector>

#include "command.hpp"
#include "labels.hpp"

namespace mediate::cli {

struct ReadingOptions {
  std::vector<std::string> terms;
  std::string format = "table";
  std::string output;
  bool keep_going = false;

  /// Declares FILTER..., --format, -o/--output and --keep-going on `app`.
  void Declare(CLI::App& app, const std::string& formats = "table|csv|json|md|xlsx");
  /// The chosen format; kUsage for an unknown one.
  Result<Format> ParsedFormat() const;
  /// Parses the filter and selects the cases; prints skipped files as
  /// warnings when --keep-going.
  Result<std::vector<CaseSummary>> Select(Context& ctx) const;
  /// Renders `t` to stdout, or to -o FILE (required for xlsx).
  Status Output(Context& ctx, const Table& t, const std::string& sheet) const;
};

}  // namespace mediate::cli
