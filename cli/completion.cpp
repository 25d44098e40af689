#include "completion.hpp"

#include <CLI/CLI.hpp>

#include <string_view>

#include "app_tree.hpp"
#include "query.hpp"
#include "stats.hpp"
#include "step_context.hpp"
#include "vocab.hpp"

namespace mediate::cli {
namespace {

/// Where the values of an option come from.
enum class Values {
  kVocabulary,       ///< a list of schemas/vocab.yaml (and the store's `vocab:`)
  kStepCodes,        ///< a step list of step_context.hpp (session modes, …)
  kStatsDimensions,  ///< `stats --by`: DimensionNames()
  kFixed,            ///< the values written in the entry, separated by ','
};

/// An option whose values are codes. `command` is the command's path below
/// `mediate` ("training add"); an entry for "org" covers every `org`
/// command, one for "" every command. The first entry that matches wins, so
/// the entries for one command come before the general ones.
struct OptionValues {
  std::string_view command;
  std::string_view option;
  Values values;
  std::string_view list;
};

constexpr OptionValues kOptionValues[] = {
    {"training add", "--kind", Values::kVocabulary, "training_kind"},
    {"training add", "--level", Values::kFixed, "district,street,community,city"},
    {"training stats", "--by", Values::kFixed, "year,kind,level,lecturer,org,mediator"},
    {"org", "--kind", Values::kVocabulary, "org_kind"},
    {"org", "--status", Values::kFixed, "active,retired,all"},
    {"mediator", "--status", Values::kFixed, "active,retired,all"},
    {"stats", "--by", Values::kStatsDimensions, ""},
    {"intake", "--procedure", Values::kFixed, "ordinary,summary"},
    {"session", "--mode", Values::kStepCodes, "session_mode"},
    {"visit", "--method", Values::kStepCodes, "visit_method"},
    {"visit", "--satisfaction", Values::kStepCodes, "satisfaction"},
    {"visit", "--performance", Values::kStepCodes, "performance"},
    {"agree", "--form", Values::kStepCodes, "form"},
    {"confirm", "--result", Values::kStepCodes, "confirmation_result"},
    {"confirm", "--matter", Values::kStepCodes, "matter"},
    {"close", "--retention", Values::kStepCodes, "retention"},
    {"", "--category", Values::kVocabulary, "category"},
    {"", "--source", Values::kVocabulary, "source"},
    {"", "--risk", Values::kVocabulary, "risk"},
    {"", "--level", Values::kVocabulary, "level"},
    {"", "--outcome", Values::kVocabulary, "outcome"},
    {"", "--applicant-kind", Values::kVocabulary, "party_kind"},
    {"", "--respondent-kind", Values::kVocabulary, "party_kind"},
};

/// The filter fields (query.hpp) whose values are codes of a list, by the
/// field's name; `form` takes the agreement forms of the step lists.
constexpr std::pair<std::string_view, std::string_view> kFieldVocabularies[] = {
    {"status", "status"},   {"category", "category"},
    {"source", "source"},   {"source_group", "source_group"},
    {"risk", "risk"},       {"level", "level"},
    {"outcome", "outcome"},
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// The commands of the line so far, from `mediate` down to the innermost.
struct Line {
  std::vector<const CLI::App*> commands;  ///< root first
  std::string path;                       ///< "training add"
  std::string store_dir;                  ///< -C's value
  const CLI::Option* pending = nullptr;   ///< the option the cursor's word is the value of
  std::size_t positionals = 0;            ///< words given to the innermost command's arguments
  bool after_separator = false;           ///< "--" seen: only arguments follow
};

/// The option `name` ("--category", "-C") of `app`, or of a command it lies
/// under (the parser lets the global options follow the command).
const CLI::Option* FindOption(const Line& line, std::string_view name) {
  bool long_name = StartsWith(name, "--");
  std::string_view bare = name.substr(long_name ? 2 : 1);
  for (auto it = line.commands.rbegin(); it != line.commands.rend(); ++it)
    for (const CLI::Option* opt : VisibleOptions(**it)) {
      if (opt->get_positional()) continue;
      const auto& names = long_name ? opt->get_lnames() : opt->get_snames();
      for (const auto& n : names)
        if (n == bare) return opt;
    }
  return nullptr;
}

bool TakesValue(const CLI::Option& opt) { return opt.get_type_size_max() > 0; }

bool IsStoreOption(const CLI::Option& opt) {
  for (const auto& n : opt.get_snames())
    if (n == "C") return true;
  return false;
}

/// Follows the words before the cursor as the parser would.
Line Follow(const CLI::App& root, const std::vector<std::string>& words) {
  Line line;
  line.commands.push_back(&root);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if (line.pending) {
      if (IsStoreOption(*line.pending)) line.store_dir = w;
      line.pending = nullptr;
      continue;
    }
    if (!line.after_separator && w == "--") {
      line.after_separator = true;
      continue;
    }
    if (!line.after_separator && w.size() > 1 && w[0] == '-') {
      std::size_t eq = w.find('=');
      const CLI::Option* opt = FindOption(line, std::string_view(w).substr(0, eq));
      if (opt && eq != std::string::npos && IsStoreOption(*opt)) line.store_dir = w.substr(eq + 1);
      if (opt && eq == std::string::npos && TakesValue(*opt)) line.pending = opt;
      continue;
    }
    if (line.positionals == 0 && !line.after_separator) {
      const CLI::App* sub = nullptr;
      for (const CLI::App* s : VisibleSubcommands(*line.commands.back()))
        if (s->get_name() == w) sub = s;
      if (sub) {
        line.commands.push_back(sub);
        line.path += (line.path.empty() ? "" : " ") + w;
        continue;
      }
    }
    ++line.positionals;
  }
  return line;
}

/// The codes of `list` in `vocabulary` that begin with `prefix`; when none
/// does, the Chinese labels that do (a label is accepted wherever its code
/// is).
std::vector<Candidate> VocabularyValues(const Vocabulary& vocabulary, std::string_view list,
                                        std::string_view prefix) {
  std::vector<Candidate> out;
  const VocabList& terms = vocabulary.Get(list);
  for (const Term& t : terms.terms())
    if (StartsWith(t.code, prefix)) out.push_back({t.code, t.zh});
  if (out.empty())
    for (const Term& t : terms.terms())
      if (StartsWith(t.zh, prefix)) out.push_back({t.zh, t.code});
  return out;
}

std::vector<Candidate> StepValues(std::string_view list, std::string_view prefix) {
  std::vector<Candidate> out;
  const auto codes = StepCodes(std::string(list));
  for (const auto& [code, zh] : codes)
    if (StartsWith(code, prefix)) out.push_back({code, zh});
  if (out.empty())
    for (const auto& [code, zh] : codes)
      if (StartsWith(zh, prefix)) out.push_back({zh, code});
  return out;
}

/// The values of `opt` of the innermost command of `line` that begin with
/// `prefix`.
Completion OptionValueCompletion(const CLI::Option& opt, const Line& line, std::string_view prefix,
                                 const CompletionSources& sources) {
  const std::string& path = line.path;
  const std::string& store_dir = line.store_dir;
  Completion c;
  std::string name = opt.get_lnames().empty() ? std::string() : "--" + opt.get_lnames().front();
  for (const OptionValues& e : kOptionValues) {
    bool command_matches =
        e.command.empty() || path == e.command || StartsWith(path, std::string(e.command) + " ");
    if (!command_matches || e.option != name) continue;
    switch (e.values) {
      case Values::kVocabulary:
        c.candidates = VocabularyValues(sources.vocabulary(store_dir), e.list, prefix);
        break;
      case Values::kStepCodes:
        c.candidates = StepValues(e.list, prefix);
        break;
      case Values::kStatsDimensions:
        for (const std::string& d : DimensionNames())
          if (StartsWith(d, prefix)) c.candidates.push_back({d, ""});
        break;
      case Values::kFixed:
        for (std::string_view rest = e.list; !rest.empty();) {
          std::size_t comma = rest.find(',');
          std::string_view v = rest.substr(0, comma);
          if (StartsWith(v, prefix)) c.candidates.push_back({std::string(v), ""});
          rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
        break;
    }
    return c;
  }
  std::string type = opt.get_type_name();
  if (IsStoreOption(opt) || type == "DIR" || type == "STORE")
    c.kind = Completion::Kind::kDirectories;
  else if (type == "FILE" || type == "PATH")
    c.kind = Completion::Kind::kFiles;
  return c;
}

/// A filter term (query.hpp): a field name and its colon, a field's value
/// after its colon (the last of a comma-separated list), `not:` and the
/// words `open` and `overdue`.
std::vector<Candidate> FilterTerms(std::string_view word, const Vocabulary& vocabulary) {
  std::vector<Candidate> out;
  std::string_view negation = StartsWith(word, "not:") ? "not:" : "";
  std::string_view term = word.substr(negation.size());
  std::size_t colon = term.find(':');
  if (colon == std::string_view::npos) {
    for (const std::string& f : FilterFieldNames())
      if (StartsWith(f, term)) out.push_back({std::string(negation) + f + ":", ""});
    if (negation.empty()) {
      for (std::string_view w : {"open", "overdue", "not:"})
        if (StartsWith(w, term)) out.push_back({std::string(w), ""});
    }
    return out;
  }
  std::string_view field = term.substr(0, colon);
  std::string_view values = term.substr(colon + 1);
  std::size_t comma = values.rfind(',');
  std::string_view value = comma == std::string_view::npos ? values : values.substr(comma + 1);
  std::string head(word.substr(0, word.size() - value.size()));
  std::vector<Candidate> found;
  if (field == "form") found = StepValues("form", value);
  for (const auto& [name, list] : kFieldVocabularies)
    if (name == field) found = VocabularyValues(vocabulary, list, value);
  for (Candidate& v : found) out.push_back({head + v.word, v.description});
  return out;
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

Completion Complete(const CLI::App& root, const std::vector<std::string>& words,
                    const CompletionSources& sources) {
  Completion c;
  if (words.empty()) return c;
  const std::string& word = words.back();
  Line line = Follow(root, words);
  const CLI::App& command = *line.commands.back();

  if (line.pending) return OptionValueCompletion(*line.pending, line, word, sources);
  if (!line.after_separator && StartsWith(word, "--") && word.find('=') != std::string::npos) {
    std::size_t eq = word.find('=');
    const CLI::Option* opt = FindOption(line, std::string_view(word).substr(0, eq));
    if (!opt || !TakesValue(*opt)) return c;
    c = OptionValueCompletion(*opt, line, std::string_view(word).substr(eq + 1), sources);
    for (Candidate& v : c.candidates) v.word = word.substr(0, eq + 1) + v.word;
    return c;
  }
  if (!line.after_separator && StartsWith(word, "-")) {
    for (const CLI::Option* opt : VisibleOptions(command)) {
      if (opt->get_positional()) continue;
      std::string text = FirstLine(opt->get_description());
      for (const auto& n : opt->get_lnames())
        if (StartsWith("--" + n, word)) c.candidates.push_back({"--" + n, text});
      for (const auto& n : opt->get_snames())
        if (StartsWith("-" + n, word)) c.candidates.push_back({"-" + n, text});
    }
    return c;
  }
  std::vector<const CLI::App*> subcommands = VisibleSubcommands(command);
  if (!subcommands.empty() && line.positionals == 0) {
    for (const CLI::App* sub : subcommands)
      if (StartsWith(sub->get_name(), word))
        c.candidates.push_back({sub->get_name(), FirstLine(sub->get_description())});
    return c;
  }
  // The argument the word fills: the n-th positional, or the last one when it
  // takes any number of words (filter terms, paths).
  const CLI::Option* argument = nullptr;
  std::size_t n = 0;
  for (const CLI::Option* opt : VisibleOptions(command)) {
    if (!opt->get_positional()) continue;
    argument = opt;
    if (n++ == line.positionals) break;
  }
  if (!argument || (n <= line.positionals && argument->get_expected_max() <= 1)) return c;
  const std::string& name = argument->get_name();
  if (name == "id" && line.commands.size() == 2) {
    if (sources.case_ids) c.candidates = sources.case_ids(line.store_dir, word);
  } else if (name == "filter") {
    c.candidates = FilterTerms(word, sources.vocabulary(line.store_dir));
  } else if (name == "dir") {
    c.kind = Completion::Kind::kDirectories;
  } else if (name == "file" || name == "ledger" || name == "path" || name == "paths") {
    c.kind = Completion::Kind::kFiles;
  }
  return c;
}

std::string RenderCompletion(const Completion& completion) {
  switch (completion.kind) {
    case Completion::Kind::kFiles:
      return ":files\n";
    case Completion::Kind::kDirectories:
      return ":directories\n";
    case Completion::Kind::kWords:
      break;
  }
  std::string out;
  for (const Candidate& c : completion.candidates) {
    out += c.word;
    if (!c.description.empty()) out += "\t" + c.description;
    out += "\n";
  }
  return out;
}

}  // namespace mediate::cli
