#include "man_page.hpp"

#include <CLI/CLI.hpp>

#include <sstream>

#include "app_tree.hpp"
#include "i18n.hpp"

namespace mediate::cli {
namespace {

/// Text lines as roff: indented lines kept as written (.nf), the rest as
/// filled paragraphs; a blank line separates paragraphs.
std::string Paragraphs(const std::string& text) {
  std::string out;
  bool verbatim = false;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const bool indented = line.starts_with("  ");
    if (indented && !verbatim) {
      out += ".PP\n.nf\n.RS 4\n";
      verbatim = true;
    } else if (!indented && verbatim) {
      out += ".RE\n.fi\n";
      verbatim = false;
    }
    if (line.empty()) {
      if (!verbatim) out += ".PP\n";
      continue;
    }
    out += RoffEscape(indented ? line.substr(2) : line) + "\n";
  }
  if (verbatim) out += ".RE\n.fi\n";
  return out;
}

/// "\fB\-o\fR, \fB\-\-output\fR \fIFILE\fR" for an option's tag line.
std::string OptionTag(const CLI::Option& opt) {
  if (opt.get_positional()) {
    std::string s = "\\fI" + RoffEscape(opt.get_name()) + "\\fR";
    if (opt.get_items_expected_max() > 1) s += " \\&...";
    return s;
  }
  std::string s;
  for (const auto& n : opt.get_snames())
    s += (s.empty() ? "" : ", ") + ("\\fB" + RoffEscape("-" + n) + "\\fR");
  for (const auto& n : opt.get_lnames())
    s += (s.empty() ? "" : ", ") + ("\\fB" + RoffEscape("--" + n) + "\\fR");
  if (opt.get_expected_max() > 0) {
    std::string type = opt.get_type_name();
    if (!type.empty()) s += " \\fI" + RoffEscape(type) + "\\fR";
  }
  return s;
}

std::string Options(const CLI::App& app) {
  std::string out;
  for (const CLI::Option* opt : VisibleOptions(app)) {
    out += ".TP\n" + OptionTag(*opt) + "\n";
    std::string d = opt->get_description();
    if (opt->get_required()) d += (d.empty() ? "" : " ") + std::string(_("(required)"));
    out += RoffEscape(d.empty() ? " " : d) + "\n";
  }
  return out;
}

std::string Synopsis(const CLI::App& app, const std::string& path) {
  std::string s = ".B " + RoffEscape(path) + "\n";
  bool has_options = false;
  std::string positionals;
  for (const CLI::Option* opt : VisibleOptions(app)) {
    if (opt->get_positional())
      positionals += " " + OptionTag(*opt);
    else
      has_options = true;
  }
  if (has_options) s += "[\\fI" + std::string(_("options")) + "\\fR]";
  if (!VisibleSubcommands(app).empty()) s += " \\fI" + std::string(_("command")) + "\\fR";
  s += positionals + "\n";
  return s;
}

std::string Title(const std::string& name, const std::string& version) {
  std::string upper = name;
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return ".TH " + RoffEscape(upper) + " 1 \"\" \"mediate " + RoffEscape(version) + "\" \"" +
         std::string(_("mediate manual")) +
         "\"\n"
         // Ragged right: Chinese text has no spaces to stretch, and a
         // justified line of it cannot be adjusted.
         ".ad l\n";
}

/// "mediate office add": the words from the root to `app`.
std::string Path(const CLI::App& app) {
  std::string path = app.get_name();
  for (const CLI::App* p = app.get_parent(); p; p = p->get_parent())
    path = p->get_name() + " " + path;
  return path;
}

}  // namespace

std::string RoffEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else if (c == ',' || c == '|')
      out += std::string(1, c) + "\\:";  // a place to break a long value list
    else
      out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::vector<ManSection> ParseManSections(const std::string& text) {
  std::vector<ManSection> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("# ")) {
      out.push_back({line.substr(2), {}});
    } else if (!out.empty()) {
      out.back().lines.push_back(line);
    }
  }
  return out;
}

std::string ProgramManPage(const CLI::App& root, const std::string& version,
                           const std::vector<ManSection>& shared) {
  std::string page = Title(root.get_name(), version);
  page += ".SH " + std::string(_("NAME")) + "\n" + RoffEscape(root.get_name()) + " \\- " +
          RoffEscape(root.get_description()) + "\n";
  page += ".SH " + std::string(_("SYNOPSIS")) + "\n" + Synopsis(root, root.get_name());
  page += ".SH " + std::string(_("COMMANDS")) + "\n";
  for (const CLI::App* sub : VisibleSubcommands(root))
    page += ".TP\n\\fB" + RoffEscape(sub->get_name()) + "\\fR\n" +
            RoffEscape(sub->get_description()) + " (\\fB" +
            RoffEscape("mediate-" + sub->get_name()) + "\\fR(1))\n";
  page += ".SH " + std::string(_("OPTIONS")) + "\n" + Options(root);
  for (const ManSection& s : shared) {
    page += ".SH " + RoffEscape(s.title) + "\n";
    std::string prose;
    auto flush = [&] {
      if (!prose.empty()) page += Paragraphs(prose);
      prose.clear();
    };
    for (const std::string& line : s.lines) {
      auto tag = line.find(" :: ");
      if (line.starts_with("- ")) {
        flush();
        page += ".IP \\(bu 2\n" + RoffEscape(line.substr(2)) + "\n";
      } else if (tag != std::string::npos && !line.starts_with(" ")) {
        flush();
        page += ".TP\n\\fB" + RoffEscape(line.substr(0, tag)) + "\\fR\n" +
                RoffEscape(line.substr(tag + 4)) + "\n";
      } else {
        prose += line + "\n";
      }
    }
    flush();
  }
  return page;
}

std::string CommandManPage(const CLI::App& command, const std::string& version) {
  const std::string name = "mediate-" + command.get_name();
  std::string page = Title(name, version);
  page += ".SH " + std::string(_("NAME")) + "\n" + RoffEscape(name) + " \\- " +
          RoffEscape(command.get_description()) + "\n";
  page += ".SH " + std::string(_("SYNOPSIS")) + "\n" + Synopsis(command, Path(command));
  page +=
      ".SH " + std::string(_("DESCRIPTION")) + "\n" + RoffEscape(command.get_description()) + "\n";
  if (std::string footer = command.get_footer(); !footer.empty()) page += Paragraphs(footer);
  page += ".SH " + std::string(_("OPTIONS")) + "\n" + Options(command);
  for (const CLI::App* sub : VisibleSubcommands(command)) {
    page += ".SS \"" + RoffEscape(Path(*sub)) + "\"\n" + RoffEscape(sub->get_description()) + "\n";
    page += ".PP\n" + Synopsis(*sub, Path(*sub));
    page += Options(*sub);
    if (std::string footer = sub->get_footer(); !footer.empty()) page += Paragraphs(footer);
  }
  page += ".SH " + std::string(_("SEE ALSO")) + "\n\\fBmediate\\fR(1)\n";
  return page;
}

std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* opt : VisibleOptions(app)) {
    if (opt->get_positional()) {
      out.push_back(opt->get_name());
      continue;
    }
    for (const auto& n : opt->get_snames()) out.push_back("-" + n);
    for (const auto& n : opt->get_lnames()) out.push_back("--" + n);
  }
  return out;
}

}  // namespace mediate::cli
