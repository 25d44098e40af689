#include "team_commit.hpp"

namespace mediate {

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

}  // namespace mediate
