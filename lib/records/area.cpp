#include "area.hpp"

#include "i18n.hpp"
#include "record_reader.hpp"
#include "schema_version.hpp"

namespace mediate {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string ShortCommunityName(std::string_view n) {
  for (std::string_view suffix : {"居民委员会", "居委会"}) {
    if (EndsWith(n, suffix)) return std::string(n.substr(0, n.size() - suffix.size()));
  }
  for (std::string_view suffix : {"村民委员会", "村委会"}) {
    if (EndsWith(n, suffix)) {
      std::string_view base = n.substr(0, n.size() - suffix.size());
      if (EndsWith(base, "村")) return std::string(base);
      return std::string(base) + "村";
    }
  }
  return std::string(n);
}

Result<Street> Street::FromValue(const Value& root, const std::string& file) {
  DiagnosticSink sink;
  RecordReader r(file, &sink);
  Street s;
  if (!r.ExpectMap(root, "")) return sink.ToStatus(_("bad area file"));
  std::string schema = r.String(root, "schema", "", true);
  if (!schema.empty() && schema != "area/1")
    r.Error(*root.Find("schema"), "schema", SchemaMismatchMessage(schema, "area/1"));
  s.code = r.String(root, "code", "", true);
  s.name = r.String(root, "name", "", true);
  s.district = r.String(root, "district", "", true);
  const Value* cs = root.Find("communities");
  if (cs && cs->is_sequence()) {
    for (std::size_t i = 0; i < cs->items().size(); ++i) {
      const Value& cv = cs->items()[i];
      std::string path = "communities[" + std::to_string(i) + "]";
      if (!r.ExpectMap(cv, path)) continue;
      Community c;
      c.code = r.String(cv, "code", path, true);
      c.name = r.String(cv, "name", path, true);
      c.short_name = r.String(cv, "short_name", path);
      if (c.short_name.empty()) c.short_name = ShortCommunityName(c.name);
      if (!c.code.empty() && c.code.rfind(s.code, 0) != 0)
        r.Error(*cv.Find("code"), JoinPath(path, "code"),
                Tr("community {0} does not belong to street {1}", c.code, s.code));
      if (const Value* gs = cv.Find("grids"); gs && gs->is_sequence()) {
        for (std::size_t j = 0; j < gs->items().size(); ++j) {
          const Value& gv = gs->items()[j];
          std::string gpath = path + ".grids[" + std::to_string(j) + "]";
          if (!r.ExpectMap(gv, gpath)) continue;
          Grid g{r.String(gv, "code", gpath, true), r.String(gv, "name", gpath)};
          if (!g.code.empty() && g.code.rfind(c.code, 0) != 0)
            r.Error(*gv.Find("code"), JoinPath(gpath, "code"),
                    Tr("grid {0} does not belong to community {1}", g.code, c.code));
          c.grids.push_back(std::move(g));
        }
      }
      s.communities.push_back(std::move(c));
    }
  } else if (cs && !cs->is_null()) {
    r.Error(*cs, "communities", _("a list is expected"));
  }
  MEDIATE_RETURN_IF_ERROR(sink.ToStatus(Tr("bad area file {0}", file)));
  return s;
}

Value Street::ToValue() const {
  Value root = Value::Map();
  root.Set("schema", Value::String("area/1"));
  root.Set("code", Value::String(code));
  root.Set("name", Value::String(name));
  root.Set("district", Value::String(district));
  Value cs = Value::Sequence();
  for (const auto& c : communities) {
    Value cv = Value::Map();
    cv.Set("code", Value::String(c.code));
    cv.Set("name", Value::String(c.name));
    cv.Set("short_name", Value::String(c.short_name));
    Value gs = Value::Sequence();
    for (const auto& g : c.grids) {
      Value gv = Value::Map();
      gv.Set("code", Value::String(g.code));
      gv.Set("name", Value::String(g.name));
      gs.Append(std::move(gv.set_flow()));
    }
    cv.Set("grids", std::move(gs));
    cs.Append(std::move(cv));
  }
  root.Set("communities", std::move(cs));
  return root;
}

AreaRegistry::AreaRegistry(std::vector<Street> streets) : streets_(std::move(streets)) {
  BuildIndex();
}

void AreaRegistry::BuildIndex() {
  for (const auto& s : streets_) {
    by_code_[s.code] = {&s, nullptr, nullptr};
    for (const auto& c : s.communities) {
      by_code_[c.code] = {&s, &c, nullptr};
      street_of_community_[c.code] = &s;
      community_by_name_[c.name].push_back(&c);
      if (c.short_name != c.name) community_by_name_[c.short_name].push_back(&c);
      for (const auto& g : c.grids) {
        by_code_[g.code] = {&s, &c, &g};
        community_of_grid_[g.code] = &c;
      }
    }
  }
}

const Street* AreaRegistry::FindStreet(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it != by_code_.end() && !it->second.community ? it->second.street : nullptr;
}

const Community* AreaRegistry::FindCommunity(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it != by_code_.end() && !it->second.grid ? it->second.community : nullptr;
}

const Grid* AreaRegistry::FindGrid(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it != by_code_.end() ? it->second.grid : nullptr;
}

const Street* AreaRegistry::StreetByName(std::string_view name) const {
  for (const auto& s : streets_)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<const Community*> AreaRegistry::CommunitiesByName(std::string_view name) const {
  auto it = community_by_name_.find(std::string(name));
  return it == community_by_name_.end() ? std::vector<const Community*>{} : it->second;
}

const Street* AreaRegistry::StreetOfCommunity(std::string_view code) const {
  auto it = street_of_community_.find(std::string(code));
  return it == street_of_community_.end() ? nullptr : it->second;
}

const Community* AreaRegistry::CommunityOfGrid(std::string_view code) const {
  auto it = community_of_grid_.find(std::string(code));
  return it == community_of_grid_.end() ? nullptr : it->second;
}

std::string AreaRegistry::NameOf(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  if (it == by_code_.end()) return {};
  if (it->second.grid) return it->second.grid->name;
  if (it->second.community) return it->second.community->short_name;
  return it->second.street->name;
}

std::size_t AreaRegistry::community_count() const {
  std::size_t n = 0;
  for (const auto& s : streets_) n += s.communities.size();
  return n;
}

std::size_t AreaRegistry::grid_count() const {
  std::size_t n = 0;
  for (const auto& s : streets_)
    for (const auto& c : s.communities) n += c.grids.size();
  return n;
}

}  // namespace mediate
