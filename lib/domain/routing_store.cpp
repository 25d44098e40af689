#include "routing_store.hpp"

namespace mediate {

Result<RoutingPolicy> LoadStoreRoutingPolicy(const Store& store) {
  auto text = store.ReadText(kRoutingRulesPath);
  if (!text.ok())
    return Status::NotFound(std::string(kRoutingRulesPath) +
                            ": no routing rules in this store; write them (see "
                            "examples/wanbailin/routing.yaml and docs/routing.md)");
  return LoadRoutingRules(*text, kRoutingRulesPath, store.vocab(), store.orgs(), &store.areas());
}

}  // namespace mediate
