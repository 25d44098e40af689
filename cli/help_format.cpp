#include "help_format.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <sstream>
#include <string>

#include "cell_text.hpp"
#include "i18n.hpp"

namespace mediate::cli {
namespace {

/// CLI11's formatter with its columns padded to display width (a Chinese
/// character takes two columns but three bytes, and CLI11 counts bytes).
class WidthFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::ostringstream out;
    Row(out, make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt));
    return out.str();
  }

  /// The description; of an option group that needs exactly one of its
  /// options (`index`), that rule in our words.
  std::string make_description(const CLI::App* app) const override {
    if (app->get_required() || app->get_require_option_min() != 1 ||
        app->get_require_option_max() != 1)
      return CLI::Formatter::make_description(app);
    return app->get_description() + " \n[" + _("Exactly 1 of the following options is required") +
           "]\n";
  }

  /// An option group as CLI11 shows it, its "[Option Group: NAME]" in our
  /// words.
  std::string make_expanded(const CLI::App* sub) const override {
    if (!sub->get_name().empty()) return CLI::Formatter::make_expanded(sub);
    std::ostringstream out;
    out << Tr("[Option Group: {0}]", sub->get_group()) << "\n";
    out << make_description(sub) << make_positionals(sub)
        << make_groups(sub, CLI::AppFormatMode::Sub)
        << make_subcommands(sub, CLI::AppFormatMode::Sub);
    std::string text = CLI::detail::find_and_replace(out.str(), "\n\n", "\n");
    text = text.substr(0, text.size() - 1);
    return CLI::detail::find_and_replace(text, "\n", "\n  ") + "\n";
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    std::ostringstream out;
    Row(out, sub->get_display_name(true), sub->get_description());
    return out.str();
  }

 private:
  /// "  name" padded to the column width, then the description (its later
  /// lines indented to the column), as CLI::detail::format_help does.
  void Row(std::ostringstream& out, const std::string& name, const std::string& desc) const {
    std::string left = "  " + name;
    const int width = static_cast<int>(get_column_width());
    const int used = DisplayWidth(left);
    out << left;
    if (!desc.empty()) {
      if (used >= width)
        out << "\n" << std::string(static_cast<std::size_t>(width), ' ');
      else
        out << std::string(static_cast<std::size_t>(width - used), ' ');
      for (char c : desc) {
        out.put(c);
        if (c == '\n') out << std::string(static_cast<std::size_t>(width), ' ');
      }
    }
    out << "\n";
  }
};

}  // namespace

void TranslateHelp(CLI::App& app, const char* version) {
  auto formatter = std::make_shared<WidthFormatter>();
  // The words CLI11 writes itself, and the type names it gives an option
  // that names none (CLI11 looks a type name up among the labels too).
  for (const char* label :
       {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
        N_("REQUIRED"), N_("Env"), N_("Needs"), N_("Excludes"), N_("TEXT"), N_("INT"),
        N_("UINT"), N_("FLOAT")})
    formatter->label(label, _(label));
  app.formatter(formatter);
  // The group first: the flags below take it when they are made.
  app.option_defaults()->group(_("Options"));
  app.set_help_flag("-h,--help", _("Print this help message and exit"));
  app.set_version_flag("--version", version, _("Display program version information and exit"));
  // Subcommands take their group from their parent when they are added.
  app.group(_("Subcommands"));
}

}  // namespace mediate::cli
