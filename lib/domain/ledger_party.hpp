// Whether a party named in a ledger is a person or an organisation, decided
// from its name and identifier (GB 11643-1999 citizen ID numbers, GB
// 32100-2015 unified social credit codes).
#pragma once

#include <string>
#include <string_view>

namespace mediate {

/// The kind of a party, decided from its name and identifier:
/// 1. a name ending like an organisation (公司, 厂, 中心, 合作社, 委员会, 店,
///    医院, 学校, 事务所, 协会, 商会, 集团, …) → "organisation";
/// 2. else an identifier that is a valid citizen ID number (GB 11643-1999)
///    → "person";
/// 3. else an 18-character identifier of the credit-code alphabet
///    (GB 32100-2015 shape) that either passes the credit-code check or
///    cannot be a citizen ID (it has letters besides a final X, or does not
///    start with a province code: 9…, Y…) → "organisation";
/// 4. else "person" (a blank identifier, or a citizen ID with a problem,
///    which the caller reports).
std::string ClassifyPartyKind(std::string_view name, std::string_view identifier);

/// True when `name` ends like an organisation's name (rule 1 above).
bool LooksLikeOrganisationName(std::string_view name);

}  // namespace mediate
