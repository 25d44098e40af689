// The write to the office registry (offices/<CODE>.yaml): `mediate office
// add`. One library operation on a StoreWrite: it checks the new office
// against the registries as they are under the write lock (IsOfficeCode,
// CheckOffice), stages it and makes one commit whose message is
//
//   office add: <code> <name>\n\nMediate-Action: office-add\nMediate-Office: <code>\n
//
// On a dry run nothing is staged or committed.
#pragma once

#include <string>

#include "office.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "store_write.hpp"

namespace mediate {

/// What an office write did.
struct OfficeWriteOutcome {
  std::string commit;   ///< full commit id; "" for a dry run
  std::string subject;  ///< "office add: XJY 小井峪街道司法所"
  Office office;        ///< the record as written
};

/// Registers `draft` (code, name, file-number word; org and street
/// optional, given as codes; `street` may also be a street's name, e.g.
/// 小井峪街道). kUsage for a malformed code, kRejected when the code is
/// taken or the record has errors (an unknown organisation or street, a
/// file-number word another office uses; diagnostics name the field;
/// nothing written), errors of StoreWrite::Commit.
Result<OfficeWriteOutcome> AddOffice(StoreWrite& w, const Signature& op, Office draft);

}  // namespace mediate
