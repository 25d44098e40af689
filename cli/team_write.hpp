// Shared steps of the team commands that write (mediator, org, training,
// review): take the lock first, then re-read what the change touches from
// the locked store, so a change is checked against the latest records.
#pragma once

#include <string>

#include "command.hpp"
#include "team_settings.hpp"
#include "write_transaction.hpp"

namespace mediate::cli {

/// Takes the store's write lock for `what` ("mediate mediator edit") by
/// `op`. kBusy after the lock timeout.
Result<WriteTransaction> BeginTeamWrite(Context& ctx, const Signature& op, const std::string& what);

/// The store opened afresh with its registries loaded (call after taking
/// the lock: the dispatcher loaded the registries before it).
Result<Store> ReopenStore(const Context& ctx);

/// The store's team settings (mediate.yaml `training`, `staffing`, `grades`).
Result<TeamSettings> LoadTeamSettings(const Store& store);

/// "\n\nMediate-Action: <action>\n" plus `extra` trailer lines ("Key: value").
std::string Trailers(const std::string& action, const std::vector<std::string>& extra = {});

}  // namespace mediate::cli
