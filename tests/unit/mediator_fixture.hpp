// A mediator for the unit tests of the roster and its tables.
#pragma once

#include "mediator.hpp"

namespace mediate::test {

/// M-0001 王芳, female, born 1970-05-01, a part-time member of C-1.
inline Mediator Base() {
  Mediator m;
  m.id = "M-0001";
  m.name = "王芳";
  m.sex = "female";
  m.born = *Date::Parse("1970-05-01");
  m.org = "C-1";
  m.role = "member";
  m.employment = "part_time";
  return m;
}

}  // namespace mediate::test
