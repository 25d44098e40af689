// `mediate validate`: schema and semantic checks of records, reporting
// every problem with file:line:column, field path and value.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "status.hpp"
#include "store.hpp"
#include "value.hpp"

namespace mediate {

/// What a validation found.
struct ValidationReport {
  std::vector<Diagnostic> diagnostics;  ///< errors and warnings, by file
  std::size_t files = 0;                ///< files checked
  std::size_t error_count() const;
  std::size_t warning_count() const;
  /// Files with at least one error.
  std::size_t files_with_errors() const;
};

/// Checks the files at `paths` (relative to the store root; empty = the
/// whole store: settings, areas, organisations, mediators, routing rules
/// and every case). A record is checked by its kind (from its folder):
/// strict YAML (duplicate keys, aliases, tabs, invalid UTF-8, conflict
/// markers…), JSON Schema, field types, vocabularies, then semantic checks
/// (CheckCase for cases: references, check characters, timeline, state
/// against replay; a case's path must match its id and month received;
/// case ids are unique). Case files are checked on all cores.
/// `registries_ok` tells whether store.LoadRegistries() succeeded; when it
/// did not, references are not checked (their files' own errors are reported).
ValidationReport ValidateStore(const Store& store, bool registries_ok,
                               const std::vector<std::string>& paths, Date today,
                               unsigned threads = 0);

/// Checks one record's `text` as ValidateStore checks the file at `rel`
/// (its kind from its folder; the store's registries must be loaded), before
/// it is written: the write path refuses a record with errors. Case ids in
/// `pending_cases` count as present (written in the same change). Problems,
/// errors and warnings, go to `sink` at `rel`:line:column.
void CheckRecordText(const Store& store, const std::string& rel, const std::string& text,
                     Date today, const std::set<std::string>& pending_cases, DiagnosticSink* sink);

/// Checks the record `record`, not yet emitted, as CheckRecordText checks
/// its text, without the YAML parse: the write path's quick check of the
/// records a command built. A value built in memory carries no positions,
/// so problems are reported at `rel`:0:0; the write path checks the
/// emitted text again (CheckRecordText) for a record this reports anything
/// about, and shows those positioned diagnostics instead.
void CheckRecordValue(const Store& store, const std::string& rel, const Value& record, Date today,
                      const std::set<std::string>& pending_cases, DiagnosticSink* sink);

}  // namespace mediate
