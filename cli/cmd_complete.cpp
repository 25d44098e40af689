// mediate __complete -- WORD…: what may complete a command line, for the
// shell completion scripts (packaging/completion/); hidden from --help and
// the manual. The decisions are cli/completion.hpp's; this command opens the
// store named by -C (or the current one) only when a case ID or a store's
// vocabulary is wanted. Case IDs are the names of the case files, listed
// without reading or stat'ing a file (docs/install.md, "Shell completion").
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "command.hpp"
#include "completion.hpp"
#include "i18n.hpp"
#include "vocab.hpp"

namespace mediate::cli {
namespace {

constexpr std::string_view kYamlSuffix = ".yaml";

/// At most this many case ids are offered with their summaries.
constexpr std::size_t kDescribedIds = 20;

bool StartsWithIgnoringCase(const std::string& s, const std::string& prefix) {
  if (prefix.size() > s.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(s[i])) !=
        std::toupper(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

class CompleteCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    root_ = app.get_parent();
    app.group("");  // hidden: not in --help, the manual pages or the completion
    app.add_option("words", words_,
                   _("the words after `mediate` up to the cursor, the last one the word under "
                     "the cursor (maybe empty)"));
  }

  Status Run(Context& ctx) override {
    CompletionSources sources;
    sources.vocabulary = [this](const std::string& dir) -> const Vocabulary& {
      const Store* s = Open(dir);
      return s ? s->vocab() : Vocabulary::Builtin();
    };
    sources.case_ids = [this](const std::string& dir, const std::string& prefix) {
      std::vector<Candidate> out;
      const Store* s = Open(dir);
      if (!s) return out;
      // A case file is named by its id (cases/YYYY/MM/<id>.yaml): the names
      // listed are the ids, current to the last write, with no file read.
      for (const std::string& path : s->ListCaseFiles()) {
        std::size_t slash = path.rfind('/');
        std::string id = path.substr(slash + 1, path.size() - slash - 1 - kYamlSuffix.size());
        if (StartsWithIgnoringCase(id, prefix)) out.push_back({id, path});
      }
      std::sort(out.begin(), out.end(),
                [](const Candidate& a, const Candidate& b) { return a.word < b.word; });
      // A short list is described by each case's summary (zsh shows it);
      // reading a few files costs little, reading thousands would not.
      for (Candidate& c : out) {
        std::string path = std::move(c.description);
        c.description.clear();
        if (out.size() > kDescribedIds) continue;
        LoadedCase loaded = s->LoadCaseFile(path);
        c.description = loaded.record.summary.substr(0, loaded.record.summary.find('\n'));
      }
      return out;
    };
    if (words_.empty()) words_.emplace_back();
    std::string text = RenderCompletion(Complete(*root_, words_, sources));
    std::fwrite(text.data(), 1, text.size(), ctx.out);
    return Status::Ok();
  }

 private:
  /// The store in `dir` ("" = the current directory), opened once; nullptr
  /// when there is none.
  const Store* Open(const std::string& dir) {
    if (!tried_) {
      tried_ = true;
      auto s = Store::Open(dir.empty() ? "." : dir);
      if (s.ok()) store_.emplace(std::move(s.value()));
    }
    return store_ ? &*store_ : nullptr;
  }

  const CLI::App* root_ = nullptr;
  std::vector<std::string> words_;
  std::optional<Store> store_;
  bool tried_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeCompleteCommand() { return std::make_unique<CompleteCommand>(); }

}  // namespace mediate::cli
