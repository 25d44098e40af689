// Shared pieces of the writes to the team registries (mediators,
// organisations, training, reviews): the store's team settings and the
// trailers of their commit messages. The writes themselves go through
// StoreWrite (store_write.hpp).
#pragma once

#include <string>
#include <vector>

#include "status.hpp"
#include "store.hpp"
#include "team_settings.hpp"

namespace mediate {

/// The store's team settings (mediate.yaml `training`, `staffing`,
/// `grades`; store setting). Errors: those of reading or parsing
/// mediate.yaml, naming file:line:column.
Result<TeamSettings> LoadTeamSettings(const Store& store);

/// The trailer block of a team commit message: "\n\nMediate-Action:
/// <action>\n" followed by each of `extra` ("Key: value") and "\n".
std::string Trailers(const std::string& action, const std::vector<std::string>& extra = {});

}  // namespace mediate
