#include "parse_error.hpp"

#include <CLI/CLI.hpp>

#include <regex>
#include <string>
#include <vector>

#include "edit_distance.hpp"
#include "i18n.hpp"

namespace mediate::cli {
namespace {

/// The innermost command the parse had entered and its name as typed
/// ("mediate mediator rate").
struct CommandAt {
  const CLI::App* app;
  std::string path;
};

CommandAt InnermostCommand(const CLI::App& app) {
  CommandAt w{&app, "mediate"};
  for (;;) {
    auto subs = w.app->get_subcommands();
    if (subs.empty()) return w;
    w.app = subs.back();
    w.path += " " + w.app->get_name();
  }
}

std::vector<std::string> CommandNamesOf(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (!sub->get_name().empty()) names.push_back(sub->get_name());
  return names;
}

/// The first word left over that does not look like an option, or "".
std::string FirstCommandWord(const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (!w.empty() && w[0] != '-') return w;
  return "";
}

std::string UnknownCommandText(const CommandAt& w, const std::string& word) {
  std::string text;
  if (auto near = NearestWord(word, CommandNamesOf(*w.app)))
    text = Tr("{0}: unknown command \"{1}\"; did you mean \"{2}\"?", w.path, word, *near);
  else
    text = Tr("{0}: unknown command \"{1}\"", w.path, word);
  return text + "\n" + Tr("run \"{0} --help\" to see the commands", w.path) + "\n";
}

std::string JoinedWords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

/// The message of one error, without the line that points at the help.
std::string ParseErrorText(const CommandAt& w, const CLI::ParseError& error,
                           const std::vector<std::string>& left) {
  const std::string what = error.what();
  const std::string& at = w.path;
  std::smatch m;
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    if (what.rfind("A subcommand", 0) == 0 || what.rfind("Requires at least", 0) == 0)
      return Tr("{0}: no command given", at);
    // "show --frob": the unknown option is the mistake, not the missing id.
    for (const auto& word : left)
      if (word.size() > 1 && word[0] == '-') return Tr("{0}: unknown option {1}", at, word);
    // An option group's rule (`index` needs one of its actions).
    static const std::regex kOneOf("^Exactly 1 option from \\[(.*)\\] is required$");
    static const std::regex kOnlyOne(
        "^Exactly 1 option from \\[(.*)\\] is required and (\\d+) were given$");
    static const std::regex kAtLeastOne("^At least 1 option from \\[(.*)\\] is required$");
    if (std::regex_match(what, m, kOneOf)) return Tr("{0}: give one of {1}", at, m[1].str());
    if (std::regex_match(what, m, kOnlyOne))
      return Tr("{0}: give only one of {1}, not {2}", at, m[1].str(), m[2].str());
    if (std::regex_match(what, m, kAtLeastOne))
      return Tr("{0}: give at least one of {1}", at, m[1].str());
    static const std::regex kRequired("^(\\S+) is required$");
    if (std::regex_match(what, m, kRequired)) {
      const CLI::Option* opt = w.app->get_option_no_throw(m[1].str());
      if (opt && opt->get_positional())
        return Tr("{0}: argument {1} is required", at, opt->get_name(true, false));
      return Tr("{0}: option {1} is required", at, m[1].str());
    }
  } else if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    static const std::regex kExtras("^The following arguments? (?:was|were) not expected: (.*)$");
    if (std::regex_match(what, m, kExtras)) {
      // The words as typed: the message may list them in reverse.
      std::vector<std::string> words = left;
      if (words.empty()) words = CLI::detail::split_up(m[1].str());
      if (words.size() == 1 && words[0].size() > 1 && words[0][0] == '-')
        return Tr("{0}: unknown option {1}", at, words[0]);
      return TrN("{0}: unexpected argument: {1}", "{0}: unexpected arguments: {1}", words.size(),
                 at, JoinedWords(words));
    }
  } else if (dynamic_cast<const CLI::ConversionError*>(&error)) {
    static const std::regex kConvert("^Could not convert: (\\S+) = (.*)$");
    static const std::regex kNotAllowed("^The value (.*) is not an allowed value for (\\S+)$");
    static const std::regex kFlag("^(\\S+): (too many inputs for a flag|Should be true/false.*)$");
    if (std::regex_match(what, m, kConvert))
      return Tr("{0}: invalid value \"{2}\" for {1}", at, m[1].str(), m[2].str());
    if (std::regex_match(what, m, kNotAllowed))
      return Tr("{0}: invalid value \"{2}\" for {1}", at, m[2].str(), m[1].str());
    if (std::regex_match(what, m, kFlag)) return Tr("{0}: {1} takes no value", at, m[1].str());
  } else if (dynamic_cast<const CLI::ValidationError*>(&error)) {
    static const std::regex kRange("^(\\S+): Value (.*) not in range (\\S+) to (\\S+)$");
    static const std::regex kOther("^(\\S+): (.*)$");
    if (std::regex_match(what, m, kRange))
      return Tr("{0}: {1} must be from {3} to {4}, not {2}", at, m[1].str(), m[2].str(), m[3].str(),
                m[4].str());
    if (std::regex_match(what, m, kOther))
      return Tr("{0}: invalid value for {1}: {2}", at, m[1].str(), m[2].str());
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    static const std::regex kMissing("^(\\S+): \\d+ required (.*) missing$");
    static const std::regex kAtMost("^(\\S+): At Most (\\d+) required but received (\\d+)$");
    static const std::regex kOverride("^(\\S+) was given a disallowed flag override$");
    if (std::regex_match(what, m, kMissing))
      return Tr("{0}: option {1} needs a value ({2})", at, m[1].str(), m[2].str());
    if (std::regex_match(what, m, kAtMost)) {
      unsigned long most = std::stoul(m[2].str());
      return TrN("{0}: {1} takes at most {2} value, not {3}",
                 "{0}: {1} takes at most {2} values, not {3}", most, at, m[1].str(), most,
                 m[3].str());
    }
    if (std::regex_match(what, m, kOverride)) return Tr("{0}: {1} takes no value", at, m[1].str());
  } else if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    static const std::regex kRequires("^(\\S+) requires (\\S+)$");
    if (std::regex_match(what, m, kRequires))
      return Tr("{0}: {1} needs {2} as well", at, m[1].str(), m[2].str());
  } else if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    static const std::regex kExcludes("^(\\S+) excludes (\\S+)$");
    if (std::regex_match(what, m, kExcludes))
      return Tr("{0}: {1} cannot be used with {2}", at, m[1].str(), m[2].str());
  }
  // A kind or wording this CLI11 does not use today: its own words.
  return Tr("{0}: invalid command line: {1}", at, what);
}

}  // namespace

std::string ParseErrorMessage(const CLI::App& app, const CLI::ParseError& error) {
  CommandAt w = InnermostCommand(app);
  // Words no command took stay with the command that saw them, which may be
  // an outer one (subcommands fall through to their parents).
  const std::vector<std::string> left = app.remaining(/*recurse=*/true);
  // A word where a command should be: "mediate shwo", "mediate org lst".
  const bool wants_command = w.app->get_require_subcommand_min() > 0;
  if (wants_command && (dynamic_cast<const CLI::RequiredError*>(&error) ||
                        dynamic_cast<const CLI::ExtrasError*>(&error))) {
    std::string word = FirstCommandWord(left);
    if (!word.empty()) return UnknownCommandText(w, word);
    // "mediate --frob": the option, not the missing command, is the mistake.
    if (!left.empty())
      return Tr("{0}: unknown option {1}", w.path, left.front()) + "\n" +
             Tr("run \"{0} --help\" for its usage", w.path) + "\n";
  }
  std::string text = ParseErrorText(w, error, left) + "\n";
  if (dynamic_cast<const CLI::RequiredError*>(&error) && wants_command &&
      w.app->get_subcommands().empty())
    return text + Tr("run \"{0} --help\" to see the commands", w.path) + "\n";
  return text + Tr("run \"{0} --help\" for its usage", w.path) + "\n";
}

}  // namespace mediate::cli
