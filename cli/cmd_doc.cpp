// mediate doc ID --kind KIND [--format md|html] [-o FILE] [--reveal]: a
// standard document of the case file (docs/law.md), filled from the case.
// Personal data is masked unless --reveal (the papers to print need it).
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>

#include <fstream>

#include "command.hpp"
#include "documents.hpp"
#include "reveal.hpp"

namespace mediate::cli {
namespace {

class DocCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("id", id_, "case id, e.g. WBL-2026-000042")->required();
    app.add_option("--kind", kind_, "application, notice, agreement, termination, visit or cover")
        ->required();
    app.add_option("--format", format_, "md (default) or html");
    app.add_option("-o,--output", output_, "write to FILE instead of standard output")
        ->type_name("FILE");
    app.add_flag("--reveal", reveal_,
                 "print ID and phone numbers unmasked (for the papers to sign and file)");
    app.footer(
        "A document whose required content is missing is refused, listing what is missing.\n"
        "Example:\n  mediate doc WBL-2026-000042 --kind agreement --format html --reveal -o "
        "协议书.html");
  }

  Status Run(Context& ctx) override {
    if (format_ != "md" && format_ != "markdown" && format_ != "html")
      return Status::Usage("--format is md or html, not \"" + format_ + "\"");
    Store& store = ctx.st();
    auto loaded = store.LoadCase(id_);
    if (!loaded.ok()) return loaded.status();
    DocumentContext dc{&store.settings(), &store.areas(), &store.orgs(), &store.mediators(),
                       reveal_};
    auto doc = BuildDocument(loaded->record, kind_, dc);
    if (!doc.ok()) return doc.status();
    std::string text = format_ == "html" ? RenderDocumentHtml(*doc) : RenderDocumentMarkdown(*doc);
    if (!reveal_)
      std::fprintf(ctx.err,
                   "note: personal data is masked; add --reveal for the papers to print\n");
    if (reveal_) {
      // Recorded before anything unmasked leaves the program (lib/store/reveal.hpp).
      auto op = ctx.Operator();
      if (!op.ok()) return op.status();
      auto rec =
          RecordReveal(store.root(), *op, {"doc", {id_}, "--kind " + kind_}, ctx.write_options);
      if (!rec.ok()) return rec.status();
    }
    if (output_.empty()) {
      std::fwrite(text.data(), 1, text.size(), ctx.out);
      return Status::Ok();
    }
    std::ofstream out(output_, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return Status::Io("cannot write " + output_ + ": " + std::strerror(errno));
    return Status::Ok();
  }

 private:
  std::string id_, kind_, format_ = "md", output_;
  bool reveal_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeDocCommand() { return std::make_unique<DocCommand>(); }

}  // namespace mediate::cli
