// The timeline's codes as human output shows them, in the interface's
// language (i18n.hpp): statuses and event kinds by their code in English,
// by their Chinese label (timeline.hpp's tables) when translation is on.
// Machine formats and files keep the codes.
#pragma once

#include <string>
#include <string_view>

namespace mediate {

/// A status code ("mediating") as human output shows it: the code in
/// English, its Chinese label ("调解中") when translation is on. An unknown
/// code is given back as it is.
std::string ShownStatus(std::string_view code);

/// An event kind's code ("visited") as human output shows it: the code in
/// English, its Chinese label ("回访") when translation is on. An unknown
/// code is given back as it is.
std::string ShownEvent(std::string_view code);

}  // namespace mediate
