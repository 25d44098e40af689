// mediate doc ID (--kind KIND [--session N] | --all) [--format md|html]
// [-o FILE|DIR] [--reveal]: a document of the case file (docs/law.md),
// filled from the case, or with --all every document its outcome calls for.
// Personal data is masked unless --reveal (the papers to print need it).
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>

#include <fstream>

#include "case_file.hpp"
#include "case_file_output.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "reveal.hpp"

namespace mediate::cli {
namespace {

std::string KindsHelp() {
  std::string out = _("Kinds (--kind takes the code or a Chinese name), in the order of a file:\n");
  for (const auto& k : DocumentKindTable()) {
    std::string names;
    for (std::size_t i = 1; i < k.names.size(); ++i) names += (i > 1 ? "、" : "") + k.names[i];
    out += "  " + k.code + std::string(k.code.size() < 13 ? 13 - k.code.size() : 1, ' ') + names +
           "\n";
  }
  return out;
}

class DocCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("id", id_, _("case id, e.g. WBL-2026-000042"))->required();
    auto* kind = app.add_option("--kind", kind_,
                                _("the document: a code or Chinese name listed below, e.g. "
                                  "agreement, 协议书, 调解笔录"));
    auto* all = app.add_flag("--all", all_,
                             _("every document the case's outcome calls for, one file each in "
                               "-o DIR (NN-kind.md)"));
    kind->excludes(all);
    session_opt_ = app.add_option(
        "--session", session_,
        _("with --kind session: which session, 1 for the first (default: the latest)"));
    app.add_option("--format", format_, _("md (default) or html"));
    app.add_option("-o,--output", output_,
                   _("write to FILE instead of standard output; with --all, the directory DIR"))
        ->type_name("FILE|DIR");
    app.add_flag("--reveal", reveal_,
                 _("print ID and phone numbers and addresses unmasked (for the papers to sign and "
                   "file; recorded)"));
    app.footer(KindsHelp() +
               _("A single document whose required content is missing is refused, listing what "
                 "is\n"
                 "missing. With --all each document is written anyway, with blanks where the\n"
                 "missing items go, and what is missing is listed on standard error.\n"
                 "Examples:\n"
                 "  mediate doc WBL-2026-000042 --kind 协议书 --format html --reveal -o "
                 "协议书.html\n"
                 "  mediate doc WBL-2026-000042 --all -o 卷宗/WBL-2026-000042"));
  }

  Status Run(Context& ctx) override {
    if (format_ == "markdown") format_ = "md";
    if (format_ != "md" && format_ != "html")
      return Status::Usage(Tr("--format is md or html, not \"{0}\"", format_));
    if (!all_ && kind_.empty()) return Status::Usage(_("give --kind KIND or --all (see --help)"));
    if (all_ && output_.empty())
      return Status::Usage(_("--all writes one file per document: give -o DIR"));
    std::string kind = all_ ? "" : ResolveDocumentKind(kind_);
    if (!all_ && kind.empty()) {
      std::string kinds;
      for (const auto& k : DocumentKindTable())
        kinds += (kinds.empty() ? "" : ", ") + k.code + " " + k.title;
      return Status::Usage(Tr("unknown document kind \"{0}\"; kinds: {1}", kind_, kinds));
    }
    if (session_ < 0 || (session_ == 0 && session_opt_->count() > 0))
      return Status::Usage(Tr(
          "--session {0}: sessions are numbered from 1, as `mediate show` lists them", session_));
    if (session_ != 0 && kind != "session")
      return Status::Usage(_("--session goes with --kind session"));
    Store& store = ctx.st();
    if (reveal_) MEDIATE_RETURN_IF_ERROR(ctx.OpenPersonalData());
    auto loaded = store.LoadCase(id_);
    if (!loaded.ok()) return loaded.status();
    DocumentContext dc{&store.settings(),  &store.areas(),   &store.orgs(),
                       &store.mediators(), &store.offices(), reveal_};
    std::string text;
    if (!all_) {
      auto doc = BuildDocument(loaded->record, kind, dc, session_);
      if (!doc.ok()) return doc.status();
      text = format_ == "html" ? RenderDocumentHtml(*doc) : RenderDocumentMarkdown(*doc);
    }
    if (!reveal_)
      std::fprintf(ctx.err, "%s\n",
                   _("note: personal data is masked; add --reveal for the papers to print"));
    if (reveal_) {
      // Recorded before anything unmasked leaves the program (lib/store/reveal.hpp).
      auto op = ctx.Operator();
      if (!op.ok()) return op.status();
      auto rec = RecordReveal(store.root(), *op,
                              {"doc", {loaded->record.id}, all_ ? "--all" : "--kind " + kind},
                              ctx.write_options);
      if (!rec.ok()) return rec.status();
    }
    if (all_) return WriteAll(ctx, dc, loaded->record);
    if (output_.empty()) {
      std::fwrite(text.data(), 1, text.size(), ctx.out);
      return Status::Ok();
    }
    std::ofstream out(output_, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return Status::Io(Tr("cannot write {0}: {1}", output_, std::strerror(errno)));
    return Status::Ok();
  }

 private:
  Status WriteAll(Context& ctx, const DocumentContext& dc, const Case& c) {
    auto written = WriteCaseFile(c, dc, output_, format_);
    if (!written.ok()) return written.status();
    std::size_t incomplete = 0;
    for (const auto& w : *written) {
      if (!w.missing.empty()) ++incomplete;
      for (const auto& m : w.missing) std::fprintf(ctx.err, "%s: %s\n", w.path.c_str(), m.c_str());
    }
    std::fprintf(ctx.err, "%s\n",
                 Tr("wrote {0} documents of {1} to {2}; {3} with blanks for missing items",
                    written->size(), c.id, output_, incomplete)
                     .c_str());
    return Status::Ok();
  }

  std::string id_, kind_, format_ = "md", output_;
  int session_ = 0;
  CLI::Option* session_opt_ = nullptr;
  bool all_ = false, reveal_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeDocCommand() { return std::make_unique<DocCommand>(); }

}  // namespace mediate::cli
