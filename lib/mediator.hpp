// The mediator roster (mediators/<id>.yaml), DOMAIN §6.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "status.hpp"
#include "time.hpp"
#include "value.hpp"

namespace mediate {

class Vocabulary;

struct Mediator {
  std::string id;          ///< "M-0307"
  std::string name;
  std::string sex;         ///< male | female
  Date born;
  std::string org;         ///< organisation id
  std::string role;        ///< chair | member | engaged (Law Art. 13)
  std::string employment;  ///< full_time | part_time
  int grade = 0;           ///< 1 (highest) … 4; 0 = not graded
  Date graded;             ///< date of the current grade
  std::vector<std::string> specialties;  ///< category codes
  bool lecturer = false;   ///< 授课骨干
  std::vector<std::string> honours;
  Date filed;              ///< 备案 date
  std::string status = "active";  ///< active | retired
  std::string phone;

  static Result<Mediator> FromValue(const Value& root, const std::string& file,
                                    const Vocabulary& vocab);
  Value ToValue() const;
  std::string Path() const { return "mediators/" + id + ".yaml"; }
};

using MediatorRegistry = std::map<std::string, Mediator, std::less<>>;

}  // namespace mediate
