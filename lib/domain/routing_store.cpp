#include "routing_store.hpp"
#include "i18n.hpp"

namespace mediate {

Result<RoutingPolicy> LoadStoreRoutingPolicy(const Store& store) {
  auto text = store.ReadText(kRoutingRulesPath);
  if (!text.ok())
    return Status::NotFound(
        Tr("{0}: no routing rules in this store; write them (see "
           "examples/wanbailin/routing.yaml and docs/routing.md)",
           kRoutingRulesPath));
  return LoadRoutingRules(*text, kRoutingRulesPath, store.vocab(), store.orgs(), &store.areas());
}

}  // namespace mediate
