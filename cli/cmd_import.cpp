// `mediate import LEDGER`: register a whole ledger (台账) in one commit.
//
//   mediate import ledger-2026q1.csv [--encoding utf-8|gb18030]
//       [--input-format csv|tsv|jsonl|yaml] [--mapping FILE]
//       [--skip-invalid [--rejects FILE]] [--dry-run]
//
// Reads the file's bytes, decodes them (UTF-8 or GB18030, detected unless
// --encoding says), reads the table (CSV; TSV, JSON Lines or YAML by
// extension or --input-format, lib/domain/ledger_input.hpp), then — holding the
// store's write lock, taken by the dispatcher — checks every row (lib/domain/ledger_import.hpp;
// rows with outcome columns become migrated cases, lib/domain/ledger_history.hpp), leaves out rows
// imported before (by fingerprint), allocates case IDs in row order and writes every case file in
// one commit. Any error refuses the whole ledger: every error is listed, then "N errors in M rows;
// nothing was imported." (exit 3) — unless --skip-invalid, which lists the
// errors, writes the refused rows to a rejects file (default
// ./<ledger name>.rejects.csv) and commits the good rows. `--dry-run`
// checks and lists what would be imported without taking the lock or
// writing anything.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>

#include "case_record.hpp"
#include "command.hpp"
#include "i18n.hpp"
#include "import_write.hpp"
#include "ledger_import.hpp"
#include "ledger_input.hpp"
#include "ledger_mapping.hpp"
#include "text_input.hpp"

namespace mediate::cli {
namespace {

/// A one-line progress bar on a terminal's stderr:
/// `importing ledger-2022.csv  ██████████░░░░░░  1,850/3,100 rows  2.1 s`.
/// Drawn only when enabled, after the first 300 ms, at most every 100 ms.
class ProgressBar {
 public:
  ProgressBar(std::FILE* err, bool enabled, std::string name)
      : err_(err), enabled_(enabled), name_(std::move(name)), start_(Clock::now()) {}
  ~ProgressBar() { Clear(); }

  void Update(std::size_t done, std::size_t total, const char* phase = nullptr) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (!phase && (now - start_ < std::chrono::milliseconds(300) ||
                   (drawn_ && now - last_ < std::chrono::milliseconds(100))))
      return;
    last_ = now;
    constexpr std::size_t kCells = 16;
    std::size_t full = total ? done * kCells / total : kCells;
    std::string bar;
    for (std::size_t i = 0; i < kCells; ++i) bar += i < full ? "█" : "░";
    double secs = std::chrono::duration<double>(now - start_).count();
    const std::string line = TrN("importing {0}  {1}  {2}/{3} row  {4:.1f} s",
                                 "importing {0}  {1}  {2}/{3} rows  {4:.1f} s", total, name_, bar,
                                 GroupThousands(done), GroupThousands(total), secs);
    std::fprintf(err_, "\r\033[K%s%s%s", line.c_str(), phase ? "  " : "", phase ? phase : "");
    std::fflush(err_);
    drawn_ = true;
  }

  void Clear() {
    if (!drawn_) return;
    std::fprintf(err_, "\r\033[K");
    std::fflush(err_);
    drawn_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::FILE* err_;
  bool enabled_;
  std::string name_;
  Clock::time_point start_;
  Clock::time_point last_;
  bool drawn_ = false;
};

Result<std::string> ReadBytes(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::Usage(Tr("{0} is a directory, not a ledger", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(Tr("cannot read {0}: no such file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::Io(Tr("cannot read {0}", path));
  return ss.str();
}

/// Writes `text` to `path` through a temporary file in the same directory
/// and a rename, so a reader never sees half a file; readable by its owner
/// only when `private_file` (the refused rows of an encrypted store: plain
/// personal data).
Status WriteFileReplacing(const std::string& path, const std::string& text, bool private_file) {
  namespace fs = std::filesystem;
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.close();
    std::error_code ec;
    if (private_file)
      fs::permissions(tmp, fs::perms::owner_read | fs::perms::owner_write,
                      fs::perm_options::replace, ec);
    out.open(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out || ec) {
      fs::remove(tmp, ec);
      return Status::Io(Tr("cannot write {0}", path));
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::Io(Tr("cannot write {0}: {1}", path, ec.message()));
  }
  return Status::Ok();
}

class ImportCommand : public Command {
 public:
  void Declare(CLI::App& app) override {
    app.add_option("ledger", ledger_,
                   _("the ledger: CSV with the 台账 columns (or .tsv, .jsonl, .yaml); with the "
                     "outcome columns (化解层级, 调解结果, 结案日期, …) its history is migrated"))
        ->required()
        ->type_name(_("LEDGER"));
    app.add_option("--encoding", encoding_,
                   _("the ledger's encoding: utf-8 or gb18030 (default: detected)"))
        ->type_name(_("ENC"));
    app.add_option("--input-format", input_format_,
                   _("csv, tsv, jsonl or yaml (default: from the file name's extension, else csv)"))
        ->type_name(_("FMT"));
    app.add_option("--mapping", mapping_,
                   _("a YAML file mapping other headers to columns and labels to codes"))
        ->type_name("FILE");
    app.add_flag("--skip-invalid", skip_invalid_,
                 _("import the valid rows; write the refused rows with their errors to a file"));
    app.add_option("--rejects", rejects_,
                   _("where --skip-invalid writes the refused rows (default: "
                     "<ledger name>.rejects.csv in the current directory)"))
        ->type_name("FILE");
    app.add_flag("--dry-run", dry_run_, _("check and list what would be imported; write nothing"));
  }

  std::optional<std::string> Writes() const override {
    if (dry_run_) return std::nullopt;
    return "mediate import " + std::filesystem::path(ledger_).filename().string();
  }

  Status Run(Context& ctx) override {
    Store& store = ctx.st();
    const Settings& settings = store.settings();
    const std::string source_name = std::filesystem::path(ledger_).filename().string();

    if (!skip_invalid_ && !rejects_.empty())
      return Status::Usage(_("--rejects goes with --skip-invalid"));

    // 1. The input file: bytes → UTF-8 → table. Nothing of the store yet.
    auto bytes = ReadBytes(ledger_);
    if (!bytes.ok()) return bytes.status();
    std::optional<Encoding> enc;
    if (!encoding_.empty()) {
      enc = ParseEncodingName(encoding_);
      if (!enc)
        return Status::Usage(Tr("unknown encoding \"{0}\": give utf-8 or gb18030", encoding_));
    } else {
      enc = DetectEncoding(*bytes);
      if (!enc)
        return Status::Rejected(
            Tr("{0} is neither UTF-8 nor GB18030 text; save it as CSV (UTF-8) "
               "or name its encoding with --encoding",
               ledger_));
    }
    auto text = ToUtf8(*bytes, *enc, ledger_);
    if (!text.ok()) {
      const char* name = *enc == Encoding::kUtf8 ? "UTF-8" : "GB18030";
      return Status::Rejected(Tr("{0} is not {1} text; nothing was imported (name the encoding "
                                 "with --encoding utf-8 or gb18030)",
                                 ledger_, name),
                              text.status().diagnostics());
    }
    LedgerFormat format = LedgerFormatOf(ledger_);
    if (!input_format_.empty()) {
      auto f = ParseLedgerFormat(input_format_);
      if (!f)
        return Status::Usage(
            Tr("unknown input format \"{0}\": give csv, tsv, jsonl or yaml", input_format_));
      format = *f;
    }
    auto table = ReadLedgerTable(*text, ledger_, format);
    if (!table.ok()) return table.status();

    std::optional<LedgerMapping> mapping;
    if (!mapping_.empty()) {
      auto mbytes = ReadBytes(mapping_);
      if (!mbytes.ok()) return mbytes.status();
      if (!IsValidUtf8(*mbytes)) return Status::Rejected(Tr("{0} is not UTF-8 text", mapping_));
      auto m = ParseLedgerMapping(*mbytes, mapping_, store.vocab());
      if (!m.ok()) return m.status();
      mapping = std::move(*m);
    }
    std::string rejects_path = rejects_;
    if (skip_invalid_ && rejects_path.empty())
      rejects_path = std::filesystem::path(ledger_).stem().string() + ".rejects.csv";
    if (skip_invalid_) {
      std::error_code ec;
      if (std::filesystem::equivalent(rejects_path, ledger_, ec))
        return Status::Usage(Tr("--rejects {0} would overwrite the ledger", rejects_path));
      // The refused rows are the ledger's, in plain: an encrypted store
      // keeps no such copy in its folder (docs/personal-data.md).
      if (store.Encrypted() && store.Holds(rejects_path))
        return Status::Usage(
            Tr("the rejects file {0} would be inside the store, which keeps personal data "
               "sealed: the refused rows are plain; give --rejects a path outside the store",
               rejects_path));
    }

    // The operator: needed for the commit; a dry run may do without.
    std::string by;
    Signature author;
    if (auto op = ctx.Operator(); op.ok()) {
      author = *op;
      by = op->ToString();
    } else if (!dry_run_) {
      return op.status();
    }

    // 2. The store, locked by the dispatcher before anything of it was read.
    auto w = ctx.Writer();
    if (!w.ok()) return w.status();

    ProgressBar bar(ctx.err, ctx.ErrIsTerminal(), source_name);
    LedgerImportOptions options;
    options.display_name = ledger_;
    options.source_name = source_name;
    options.today = ctx.Today();
    options.by = by;
    options.progress = [&](std::size_t done, std::size_t total) { bar.Update(done, total); };
    options.mapping = mapping ? &*mapping : nullptr;
    options.keep_valid_rows = skip_invalid_;
    LedgerImport result = ImportLedger(*table, settings, store.areas(), store.orgs(), options);
    if (!result.ok() && (!skip_invalid_ || !result.header_ok)) {
      bar.Clear();
      return result.ToStatus();
    }
    const std::size_t rows = result.rows;

    // Rows imported before are left out; the rest get their case IDs.
    std::vector<LedgerCase> cases = std::move(result.cases);
    auto numbered = NumberImport(**w, &cases);
    if (!numbered.ok()) {
      bar.Clear();
      return numbered.status();
    }
    const std::size_t skipped = *numbered;

    bar.Clear();
    // Warnings and, with --skip-invalid, the refused rows' errors, in ledger order.
    for (const Diagnostic& d : result.diagnostics)
      std::fprintf(ctx.err, "%s\n", d.ToString().c_str());
    // The clauses after the summary line, each after "; ".
    std::string tail =
        _("; ") + TrN("{0} skipped as already imported", "{0} skipped as already imported", skipped,
                      GroupThousands(skipped));
    if (result.repeated > 0)
      tail += _("; ") + TrN("{0} repeated in the ledger", "{0} repeated in the ledger",
                            result.repeated, GroupThousands(result.repeated));
    std::size_t migrated = 0;
    for (const LedgerCase& lc : cases) migrated += lc.record.migrated ? 1 : 0;
    if (migrated > 0)
      tail += _("; ") + TrN("{0} with their history migrated", "{0} with their history migrated",
                            migrated, GroupThousands(migrated));
    const std::size_t refused = result.rejected.size();
    std::string refused_tail;
    if (refused > 0)
      refused_tail =
          _("; ") +
          (dry_run_ ? TrN("{0} row refused", "{0} rows refused", refused, GroupThousands(refused))
                    : TrN("{0} row refused, written to {1} to fix and import again",
                          "{0} rows refused, written to {1} to fix and import again", refused,
                          GroupThousands(refused), rejects_path));

    if (dry_run_) {
      PrintDryRun(ctx, store, cases);
      std::fprintf(ctx.out, "%s\n",
                   TrN("would import {0} case from {1}{2} (dry run: nothing written)",
                       "would import {0} cases from {1}{2} (dry run: nothing written)",
                       cases.size(), GroupThousands(cases.size()), source_name, tail + refused_tail)
                       .c_str());
      if (refused > 0 && cases.empty()) return Status::Rejected(result.Summary());
      return Status::Ok();
    }
    // The refused rows first: if they cannot be written, nothing is imported.
    if (refused > 0) {
      Status st =
          WriteFileReplacing(rejects_path, RejectsCsv(*table, result.rejected), store.Encrypted());
      if (!st.ok()) return st.Prefix(_("nothing was imported"));
    }
    if (cases.empty()) {
      if (refused > 0 && skipped == 0)
        return Status::Rejected(
            TrN("no valid rows in {0}: {1} row refused, written to {2}; nothing was imported",
                "no valid rows in {0}: {1} rows refused, written to {2}; nothing was imported",
                refused, source_name, GroupThousands(refused), rejects_path));
      if (refused > 0)
        std::fprintf(ctx.out, "%s\n",
                     Tr("nothing to import: the valid rows of {0} were imported before{1}",
                        source_name, tail + refused_tail)
                         .c_str());
      else
        std::fprintf(ctx.out, "%s\n",
                     TrN("nothing to import: all {0} row of {1} were imported before{2}",
                         "nothing to import: all {0} rows of {1} were imported before{2}", rows,
                         GroupThousands(rows), source_name, tail)
                         .c_str());
      return Status::Ok();
    }

    // 3. Write every case file and commit once.
    bar.Update(rows, rows, _("writing…"));
    auto commit = CommitImport(**w, cases, author, source_name);
    bar.Clear();
    if (!commit.ok()) return commit.status();
    std::fprintf(
        ctx.out, "%s\n",
        TrN("imported {0} case from {1} in one commit ({2}){3}",
            "imported {0} cases from {1} in one commit ({2}){3}", cases.size(),
            GroupThousands(cases.size()), source_name, commit->substr(0, 7), tail + refused_tail)
            .c_str());
    return Status::Ok();
  }

 private:
  /// The cases a dry run would write, one line each.
  static void PrintDryRun(Context& ctx, const Store& store, const std::vector<LedgerCase>& cases) {
    Table t;
    t.columns = {{"id", _("id"), ColumnKind::kCode},
                 {"row", _("row"), ColumnKind::kInt},
                 {"received", _("received"), ColumnKind::kText},
                 {"category", "category", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
                 {"category_label", "类别", ColumnKind::kText},
                 {"street", "street", ColumnKind::kCode, ColumnShown::kCodeOfLabel},
                 {"place", _("place"), ColumnKind::kText},
                 {"applicant", _("applicant"), ColumnKind::kText}};
    const auto& tz = store.settings().time_zone;
    for (const LedgerCase& lc : cases) {
      const Case& c = lc.record;
      std::string place = store.areas().NameOf(c.place.street);
      if (!c.place.community.empty()) place += "/" + store.areas().NameOf(c.place.community);
      t.rows.push_back({c.id, static_cast<std::int64_t>(c.import.row),
                        tz.LocalDate(c.received).ToString(), c.category,
                        store.vocab().category().Zh(c.category), c.place.street, place,
                        c.parties.empty() ? std::string() : c.parties.front().name});
    }
    if (!t.rows.empty()) (void)Emit(ctx, t, Format::kTable);
  }

  std::string ledger_;
  std::string encoding_;
  std::string input_format_;
  std::string mapping_;
  std::string rejects_;
  bool skip_invalid_ = false;
  bool dry_run_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeImportCommand() { return std::make_unique<ImportCommand>(); }

}  // namespace mediate::cli
