// The district's places: streets (街道/乡镇), their communities/villages
// (社区/村) and grids (网格), with statistical division codes. Stored as
// areas/<street-code>.yaml, one file per street.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "status.hpp"
#include "value.hpp"

namespace mediate {

struct Grid {
  std::string code;  ///< 15 digits: community code + 3-digit number
  std::string name;  ///< "第7网格"
};

struct Community {
  std::string code;        ///< 12 digits
  std::string name;        ///< official: "和平社区居委会"
  std::string short_name;  ///< as people write it: "和平社区"
  std::vector<Grid> grids;
};

struct Street {
  std::string code;  ///< 9 digits
  std::string name;  ///< "和平街道"
  std::string district;
  std::vector<Community> communities;

  /// Reads areas/<code>.yaml.
  static Result<Street> FromValue(const Value& root, const std::string& file);
  Value ToValue() const;
};

/// The short form people write for an official community name:
/// "和平社区居委会" / "和平社区居民委员会" → "和平社区", "西铭村村委会"/"西铭村委会" → "西铭村".
std::string ShortCommunityName(std::string_view official);

/// Where a place code or name points.
struct PlaceRef {
  const Street* street = nullptr;
  const Community* community = nullptr;
  const Grid* grid = nullptr;
};

/// All streets of a store with lookups by code and by name. Built once per
/// command; pointers stay valid while the registry lives.
class AreaRegistry {
 public:
  AreaRegistry() = default;
  explicit AreaRegistry(std::vector<Street> streets);
  AreaRegistry(AreaRegistry&&) = default;
  AreaRegistry& operator=(AreaRegistry&&) = default;

  const std::vector<Street>& streets() const { return streets_; }
  const Street* FindStreet(std::string_view code) const;
  const Community* FindCommunity(std::string_view code) const;
  const Grid* FindGrid(std::string_view code) const;
  /// The street with that name ("和平街道"), or nullptr.
  const Street* StreetByName(std::string_view name) const;
  /// Communities with that official or short name, district-wide (names can
  /// repeat across streets; the caller narrows by street).
  std::vector<const Community*> CommunitiesByName(std::string_view name) const;
  /// The street a community code belongs to (nullptr when unknown).
  const Street* StreetOfCommunity(std::string_view community_code) const;
  /// The community a grid code belongs to.
  const Community* CommunityOfGrid(std::string_view grid_code) const;
  /// Display name of any code: street, community (short form) or grid.
  std::string NameOf(std::string_view code) const;
  std::size_t community_count() const;
  std::size_t grid_count() const;

 private:
  void BuildIndex();
  std::vector<Street> streets_;
  std::unordered_map<std::string, PlaceRef> by_code_;
  std::unordered_map<std::string, std::vector<const Community*>> community_by_name_;
  std::unordered_map<std::string, const Street*> street_of_community_;
  std::unordered_map<std::string, const Community*> community_of_grid_;
};

}  // namespace mediate
