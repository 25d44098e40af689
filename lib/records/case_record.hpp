// Converting case files between the YAML record (Value) and the Case
// struct. Field names are fixed (schemas/case.schema.yaml); the emitted order is stable
// so diffs stay small: header fields, place, parties, risk, derived state,
// events (one line each), import provenance, then unknown fields as read.
#pragma once

#include <string>
#include <string_view>

#include "case.hpp"
#include "status.hpp"
#include "value.hpp"

namespace mediate {

class Vocabulary;

/// The schema tag case files carry.
inline constexpr const char* kCaseSchema = "case/1";

/// Reads a case record. Structural and vocabulary problems are reported
/// to `sink` with file:line:column and field path; the returned Case holds
/// whatever could be read (callers check sink.has_errors()). Fields this
/// version does not know are kept, each named in a warning with its path
/// ("parties[1].nationality", "place.building", "events[2].weather"): at the
/// top in Case::extra, in a party, the place or import in their `extra`, in
/// an event in its payload (an event key is unknown when nothing writes or
/// reads it for that event type; `date` is known for all). A `draft` (a new
/// case given to intake) needs no id, received time, events or state: intake
/// makes them.
Case CaseFromValue(const Value& root, const std::string& file, const Vocabulary& vocab,
                   DiagnosticSink* sink, bool draft = false);

/// Writes a case record: every string quoted, parties/place/events in flow
/// style (one line each), state fields as given in `c.state`; the fields
/// kept in an `extra` after the known ones of their map, in the order read,
/// in the style read (quoted stays quoted, a plain number stays a number).
Value CaseToValue(const Case& c);

/// The case id's parts: "WBL-2026-000042" → office "WBL", year 2026,
/// sequence 42. False when the id is not of that form.
bool ParseCaseId(const std::string& id, std::string* office, int* year, int* sequence);

/// "WBL-2026-000042".
std::string FormatCaseId(const std::string& office, int year, int sequence);

/// A case id as people type it, in either letter case, in the form the
/// store names its files: ASCII letters upper-cased ("wbl-2026-000042" →
/// "WBL-2026-000042"). Anything else is returned upper-cased as well.
std::string CanonicalCaseId(std::string_view text);

/// The case id of a case file's store-relative path
/// ("cases/2026/03/WBL-2026-000042.yaml" → "WBL-2026-000042"), or "" when
/// the path is no case file.
std::string CaseIdOfPath(const std::string& path);

}  // namespace mediate
