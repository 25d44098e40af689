#include "status_filter.hpp"

namespace mediate::cli {

std::string StatusFilterCode(const std::string& text) {
  if (text == "在职") return "active";
  if (text == "已退出" || text == "已撤销") return "retired";
  if (text == "全部") return "all";
  return text;
}

}  // namespace mediate::cli
