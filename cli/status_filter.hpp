// The --status filter of `org list` and `mediator list`: active, retired or
// all, typed as the code or in Chinese.
#pragma once

#include <string>

namespace mediate::cli {

/// The code of a --status value typed as a code or in Chinese (在职 →
/// "active", 已退出 or 已撤销 → "retired", 全部 → "all"); any other text as
/// typed, for the command's check that follows.
std::string StatusFilterCode(const std::string& text);

}  // namespace mediate::cli
