// The office registry laid out as a Table for rendering (`office list`).
#pragma once

#include <string>

#include "area.hpp"
#include "office.hpp"
#include "organisation.hpp"
#include "table.hpp"

namespace mediate {

/// The registry as a table, one row per office in code order: code, name,
/// street (code) and street_name (from `areas`; empty for an office of the
/// whole district), org and org_name (from `orgs`), file_no_word (字号),
/// status, and desk ("*" on the row of `this_office`, the office this clone
/// writes as; "" when it has none).
Table OfficeTable(const OfficeRegistry& offices, const AreaRegistry& areas, const OrgRegistry& orgs,
                  const std::string& this_office);

}  // namespace mediate
