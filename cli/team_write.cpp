#include "team_write.hpp"

namespace mediate::cli {

Result<WriteTransaction> BeginTeamWrite(Context& ctx, const Signature& op,
                                        const std::string& what) {
  WriteOptions options;
  options.holder = what + " by " + op.ToString();
  return WriteTransaction::Begin(ctx.st().root(), options);
}

Result<Store> ReopenStore(const Context& ctx) {
  auto store = Store::Open(ctx.store->root());
  if (!store.ok()) return store.status();
  MEDIATE_RETURN_IF_ERROR(store->LoadRegistries());
  return store;
}

Result<TeamSettings> LoadTeamSettings(const Store& store) {
  auto root = store.ReadYaml("mediate.yaml");
  if (!root.ok()) return root.status();
  return TeamSettings::FromValue(*root, "mediate.yaml");
}

std::string Trailers(const std::string& action, const std::vector<std::string>& extra) {
  std::string s = "\n\nMediate-Action: " + action + "\n";
  for (const auto& line : extra) s += line + "\n";
  return s;
}

}  // namespace mediate::cli
