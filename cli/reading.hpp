// Options shared by the reading commands (list, stats, export, …):
// filter terms, --format, -o, --keep-going.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "command.hpp"
#include "labels.hpp"
#include "period.hpp"

namespace mediate::cli {

/// --format and -o/--output: how a command renders its table. Alone for the
/// commands that take no case filter (org, mediator, training, review,
/// filing); part of ReadingOptions for the others.
struct OutputOptions {
  std::string format = "table";
  std::string output;
  /// --no-bom: a CSV file written with -o starts without the UTF-8 byte
  /// order mark (FilePreamble) it otherwise gets for Excel.
  bool no_bom = false;

  /// Declares --format, -o/--output and --no-bom on `app`.
  void Declare(CLI::App* app);
  /// The chosen format; kUsage for an unknown one.
  Result<Format> ParsedFormat() const;
  /// Renders `t` to stdout, or to -o FILE (required for xlsx; written all
  /// at once by WriteOutputFile, a CSV file with the byte order mark unless
  /// --no-bom). kUsage for an unknown format, kIo when FILE cannot be
  /// written.
  Status Output(Context& ctx, const Table& t, const std::string& sheet) const;
};

/// Writes the text file `path` in `format` all at once: `produce` sends the
/// text to the sink it is given; the file is a temporary one beside `path`
/// renamed over it when all is written, so an error leaves `path` as it
/// was. The file starts with FilePreamble(format, bom) (the UTF-8 byte
/// order mark for CSV): the one place an output file gets it. kIo naming
/// `path` when it cannot be written; `produce`'s error otherwise.
Status WriteOutputFile(const std::string& path, Format format, bool bom,
                       const std::function<Status(const TextSink&)>& produce);

/// The options of a reading command: filter terms, period, --keep-going,
/// and its output (OutputOptions).
struct ReadingOptions : OutputOptions {
  std::vector<std::string> terms;
  bool keep_going = false;
  /// Set before Declare by the commands the front desk lives on (list,
  /// due, alerts): unreadable case files are named on stderr, with what to
  /// do, and left out even without --keep-going, so one broken hand edit
  /// does not stop the desk. The counting commands (stats, report, export)
  /// leave it false: their figures would be wrong without a word, so they
  /// refuse unless given --keep-going.
  bool go_on_by_default = false;
  PeriodOptions period_options;
  bool has_period = false;

  /// Declares FILTER..., --format, -o/--output, --no-bom and --keep-going
  /// on `app`.
  void Declare(CLI::App& app, const std::string& formats = "table|csv|json|md|xlsx");
  /// Declares --year, --quarter, --month, --from, --to (the period, in the
  /// store's time zone; period.hpp).
  void DeclarePeriod(CLI::App& app);
  /// The period given (unset when none); kUsage when malformed.
  Result<Period> ParsedPeriod() const;
  /// Parses the filter and selects the cases; with --keep-going (or
  /// go_on_by_default) prints the unreadable files left out (each file's
  /// errors, what to do, and how many files were left out) as warnings. With a period
  /// (DeclarePeriod) and `by_received`, only cases received in it; without `by_received` the caller
  /// applies the period itself (stats: conclusion measures count by the date concluded).
  Result<std::vector<CaseSummary>> Select(Context& ctx, bool by_received = true) const;
  /// The streaming form of Select: parses the filter and calls `visit` for
  /// every case it matches, in no particular order, holding none
  /// (VisitCases). With `by_received`, only cases received in the period;
  /// without, the period is not applied and the caller counts by it (stats).
  Status Visit(Context& ctx, const std::function<void(const CaseSummary&)>& visit,
               bool by_received = false) const;
};

}  // namespace mediate::cli
