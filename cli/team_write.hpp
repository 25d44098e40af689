// Shared pieces of the team commands that write (mediator, org, training,
// review): the team settings and the trailers of their commit messages. The
// write itself goes through the library's write path (ctx.Writer()).
#pragma once

#include <string>
#include <vector>

#include "command.hpp"
#include "team_settings.hpp"

namespace mediate::cli {

/// The store's team settings (mediate.yaml `training`, `staffing`, `grades`).
Result<TeamSettings> LoadTeamSettings(const Store& store);

/// "\n\nMediate-Action: <action>\n" plus `extra` trailer lines ("Key: value").
std::string Trailers(const std::string& action, const std::vector<std::string>& extra = {});

}  // namespace mediate::cli
