// The store's routing policy (rules/routing.yaml) loaded and checked
// against the store's vocabularies, organisations and places: what
// `route`, `escalate` and `assign --auto` share.
#pragma once

#include "routing_rules.hpp"
#include "status.hpp"
#include "store.hpp"

namespace mediate {

/// Where the routing policy lives in a store.
inline constexpr const char* kRoutingRulesPath = "rules/routing.yaml";

/// Reads and checks rules/routing.yaml of `store` (registries loaded).
/// kNotFound when the store has no rules file; kRejected with every
/// problem at its line (LoadRoutingRules) otherwise.
Result<RoutingPolicy> LoadStoreRoutingPolicy(const Store& store);

}  // namespace mediate
