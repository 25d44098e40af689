// JSON Schema checks of records (schemas/*.schema.yaml, draft-07 written
// in YAML, embedded in the binary) through valijson. Records are converted
// Value → nlohmann JSON for valijson's nlohmann adapter (its yaml-cpp
// adapter does not build with Debian's valijson 1.0).
//
// The schemas state the record shapes for every tool that reads the store;
// the C++ readers (record_reader.hpp) additionally check what valijson
// cannot do well: real calendar dates, check characters, vocabularies a
// store may extend.
#pragma once

#include <string>
#include <vector>

#include "status.hpp"
#include "value.hpp"

namespace mediate {

/// Names of the embedded schemas ("case.schema.yaml", …).
std::vector<std::string> SchemaNames();

/// Validates `root` (a record as read from `file`) against the embedded
/// schema `schema_name`; each violation goes to `sink` as an error at the
/// field's file:line:column with its path. An unknown schema name is an
/// internal error reported the same way. Thread-safe.
void CheckSchema(const Value& root, const std::string& schema_name, const std::string& file,
                 DiagnosticSink* sink);

}  // namespace mediate
