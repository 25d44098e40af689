// mediate key init|list|add-office|revoke|rewrap|export-recovery: the keys that
// seal the citizens' personal data in the store (docs/personal-data.md,
// "Keys"; PIPL Art. 51).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "case_key_rewrap.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "key_cache.hpp"
#include "key_write.hpp"
#include "passphrase_prompt.hpp"

namespace mediate::cli {
namespace {

std::string EpochList(const std::vector<int>& epochs) {
  std::string text;
  for (int n : epochs) text += (text.empty() ? "" : ",") + std::to_string(n);
  return text.empty() ? "-" : text;
}

class KeyCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.require_subcommand(1);
    app.footer(_(
        "Examples:\n"
        "  mediate key init                 # the first office's key; asks a passphrase twice\n"
        "  mediate key add-office XJY       # give 小井峪街道司法所 a key of its own\n"
        "  mediate key list\n"
        "  mediate key revoke ABC --reason \"笔记本电脑遗失\"\n"
        "  mediate key rewrap               # older cases out of ABC's reach (then sync, git gc)\n"
        "  mediate key export-recovery --out /media/usb/district-recovery.key\n"
        "The key file is MEDIATE_KEY_FILE, else ~/.config/mediate/keys/OFFICE.key (mode\n"
        "600). Batch jobs give the passphrase in MEDIATE_KEY_PASSPHRASE or a file named by\n"
        "MEDIATE_KEY_PASSPHRASE_FILE; otherwise it is asked on the terminal. Once\n"
        "unlocked, the key is kept for the session in XDG_RUNTIME_DIR until it has not\n"
        "been used for MEDIATE_KEY_IDLE_MINUTES (15; 0 keeps nothing); 'mediate key lock'\n"
        "forgets it at once."));
    init_ = app.add_subcommand("init", _("encrypt the store's personal data: this office's key"));
    init_->add_option("--office", office_,
                      _("the office the first key is for (default: this desk's)"));
    list_ = app.add_subcommand("list",
                               _("the offices holding a key, the epochs, this desk's key file"));
    add_ =
        app.add_subcommand("add-office", _("give another office a key (it reads older cases too)"));
    add_->add_option("code", code_, _("office code, e.g. XJY"))->required();
    add_->add_option("--key-file", key_file_,
                     _("where to write its key file (default: its place on this machine)"));
    revoke_ = app.add_subcommand("revoke", _("revoke an office's key and start a new epoch"));
    revoke_->add_option("code", code_, _("office code, e.g. ABC"))->required();
    revoke_->add_option("--reason", reason_, _("why (kept in the keys record)"))->required();
    rewrap_ = app.add_subcommand(
        "rewrap", _("wrap every case key anew with the current epoch (after a revoke)"));
    lock_ =
        app.add_subcommand("lock", _("forget the key this desk keeps unlocked for the session"));
    export_ = app.add_subcommand(
        "export-recovery",
        _("write every epoch secret this desk opens, under a recovery passphrase"));
    export_->add_option("--out", out_, _("the recovery file, outside the store"))->required();
  }

  std::optional<std::string> Writes() const override {
    if (init_->parsed()) return std::string("mediate key init");
    if (add_->parsed()) return std::string("mediate key add-office");
    if (revoke_->parsed()) return std::string("mediate key revoke");
    if (rewrap_->parsed()) return std::string("mediate key rewrap");
    return std::nullopt;
  }

  Status Run(Context& ctx) override {
    if (list_->parsed()) return List(ctx);
    if (lock_->parsed()) {
      MEDIATE_RETURN_IF_ERROR(ForgetOfficeKeys(ctx.st().key_place().cache));
      fmt::print(ctx.out, "{}\n", _("the unlocked key is forgotten: the next command asks again"));
      return Status::Ok();
    }
    if (export_->parsed()) return Export(ctx);
    auto op = ctx.Operator();
    if (!op.ok()) return op.status();
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();
    const std::string at = ctx.Now().ToString();
    const Store& store = ctx.st();
    if (init_->parsed()) {
      std::string office = office_.empty() ? (*w)->office() : office_;
      auto done = InitKeys(**w, *op, office, OfficeKeyPath(store.key_place(), office),
                           KeyPassphraseSource(), at);
      if (!done.ok()) return done.status();
      fmt::print(ctx.out, "{}\n",
                 Tr("key init: {0} ({1}); epoch 1; key file {2}", done->office,
                    done->commit.substr(0, 7), done->key_file));
      return Status::Ok();
    }
    if (add_->parsed()) {
      std::string file =
          key_file_.empty() ? OfficeKeyPath(store.key_place(), code_, false) : key_file_;
      auto done = AddKeyOffice(**w, *op, code_, file, KeyPassphraseSource(), at);
      if (!done.ok()) return done.status();
      fmt::print(
          ctx.out, "{}\n",
          Tr("key add-office: {0} ({1}); sealed epochs {2}; key file {3} — hand it over "
             "in person, never by mail",
             done->office, done->commit.substr(0, 7), EpochList(done->epochs), done->key_file));
      return Status::Ok();
    }
    if (rewrap_->parsed()) {
      auto done = RewrapCaseKeys(**w, *op);
      if (!done.ok()) return done.status();
      fmt::print(ctx.out, "{}\n",
                 Tr("key rewrap: {0} case key(s) wrapped anew with epoch {1}; {2} already were, "
                    "{3} erased; sync, then every clone runs git gc",
                    done->rewrapped, done->epoch, done->current, done->erased));
      for (const auto& [epoch, n] : done->unopened)
        fmt::print(ctx.out, "{}\n",
                   Tr("  left: {0} key(s) of epoch {1}, which this office does not hold; an "
                      "office that does runs 'mediate key rewrap'",
                      n, epoch));
      return Status::Ok();
    }
    auto done = RevokeKeyOffice(**w, *op, code_, reason_, at);
    if (!done.ok()) return done.status();
    fmt::print(ctx.out, "{}\n",
               Tr("key revoke: {0} ({1}); epoch {2} starts, not sealed to {0}; data written "
                  "before it stays readable with {0}'s key",
                  done->office, done->commit.substr(0, 7), done->epoch));
    return Status::Ok();
  }

 private:
  Status List(Context& ctx) {
    auto listing = ListKeys(ctx.st());
    if (!listing.ok()) return listing.status();
    if (!listing->encrypted) {
      fmt::print(ctx.out, "{}\n",
                 _("the store's personal data is not encrypted ('mediate key init' starts it)"));
    } else {
      fmt::print(ctx.out, "{}\n", Tr("current epoch: {0}", listing->current_epoch));
      for (const auto& o : listing->offices) {
        std::string line =
            Tr("{0}  added {1} by {2}; epochs {3}", o.code, o.added, o.by, EpochList(o.epochs));
        if (!o.revoked.empty())
          line += "; " + Tr("revoked {0} by {1}: {2}", o.revoked, o.revoked_by, o.revoked_reason);
        fmt::print(ctx.out, "{}\n", line);
      }
    }
    if (!listing->key_file.empty())
      fmt::print(ctx.out, "{}\n",
                 listing->key_file_exists
                     ? Tr("this desk ({0}): key file {1}", listing->desk_office, listing->key_file)
                     : Tr("this desk ({0}): key file {1} (missing)", listing->desk_office,
                          listing->key_file));
    return Status::Ok();
  }

  Status Export(Context& ctx) {
    auto done = ExportRecovery(ctx.st(), out_, RecoveryPassphraseSource(), ctx.Now().ToString());
    if (!done.ok()) return done.status();
    fmt::print(ctx.out, "{}\n",
               Tr("key export-recovery: epochs {0} of {1} written to {2} (mode 600); keep it and "
                  "its passphrase apart",
                  EpochList(done->epochs), done->office, done->key_file));
    return Status::Ok();
  }

  CLI::App* lock_ = nullptr;
  CLI::App *init_ = nullptr, *list_ = nullptr, *add_ = nullptr, *revoke_ = nullptr,
           *rewrap_ = nullptr, *export_ = nullptr;
  std::string office_, code_, key_file_, reason_, out_;
};

}  // namespace

std::unique_ptr<Command> MakeKeyCommand() { return std::make_unique<KeyCommand>(); }

}  // namespace mediate::cli
