// The `schema:` of a record names its kind and version ("case/1"). A
// reader refuses a record of another version; one a newer mediate wrote is
// told apart, so the message can name the version needed.
#pragma once

#include <string>

namespace mediate {

/// True when `found` ("case/2") names the same kind of record as
/// `expected` ("case/1") in a later version: a record a newer mediate wrote.
bool IsNewerSchema(const std::string& found, const std::string& expected);

/// What a reader says of a record whose `schema:` is `found` where it reads
/// `expected`: for a newer version, "schema \"case/2\" is newer than this
/// version of mediate reads (case/1): the record needs a mediate version
/// supporting case/2; upgrade mediate to read or change it"; otherwise
/// "unsupported schema \"x\"; expected \"case/1\"".
std::string SchemaMismatchMessage(const std::string& found, const std::string& expected);

}  // namespace mediate
