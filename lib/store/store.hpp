// The store: one git repository per district. Finding it,
// reading its settings and registries, finding and loading case files,
// allocating case IDs. Writing goes through WriteTransaction.
//
// Layout:
//   mediate.yaml                       settings
//   areas/<street-code>.yaml           streets, communities, grids
//   orgs/<org-id>.yaml                 organisations
//   mediators/<mediator-id>.yaml       the roster
//   offices/<code>.yaml                offices that register cases
//   cases/<yyyy>/<mm>/<case-id>.yaml   one file per case, by local month received
//   trainings/<yyyy>/<id>.yaml         training sessions with attendance
//   reviews/<yyyy>/<case-id>.yaml      quality-review results
//   rules/routing.yaml                 routing policy
//   keys/district.yaml                 the district's keys (key_record.hpp)
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "area.hpp"
#include "case.hpp"
#include "case_ids.hpp"
#include "case_summary.hpp"
#include "key_place.hpp"
#include "mediator.hpp"
#include "office.hpp"
#include "organisation.hpp"
#include "personal_fields.hpp"
#include "settings.hpp"
#include "status.hpp"
#include "value.hpp"

namespace mediate {

class KeyRing;     // key_ring.hpp
struct KeyRecord;  // key_record.hpp

/// A case read from its file: the struct, its relative path, and the
/// problems found while reading it (warnings, or errors when `ok` is false).
struct LoadedCase {
  Case record;
  std::string path;
  std::vector<Diagnostic> diagnostics;
  bool ok = true;
};

/// What reading every case found.
struct CaseScan {
  std::vector<CaseSummary> cases;    ///< sorted by id
  std::vector<Diagnostic> problems;  ///< unreadable files (errors), one or more each
  std::size_t unreadable = 0;        ///< files that could not be read
  bool from_index = false;           ///< served (at least partly) by the derived index
  std::size_t parsed = 0;            ///< files parsed in this call
  /// Ids held by more than one case file (from the file names listed;
  /// case_ids.hpp). Readers refuse such a store: RefuseDuplicateCaseIds.
  std::vector<DuplicateCaseId> duplicates;
};

struct ScanOptions {
  /// Use and refresh the derived index (case_index.hpp); false forces a
  /// cold parse of every file.
  bool use_index = true;
  /// When set, every file is parsed with these keys, its personal values
  /// opened, and the index is neither used nor refreshed (a text: search
  /// in an encrypted store; nothing opened outlives the scan but what
  /// `keep` keeps).
  const CaseKeySource* keys = nullptr;
  /// Threads for parsing; 0 = all cores.
  unsigned threads = 0;
  /// When set, only the cases for which it returns true are kept in
  /// CaseScan::cases; the others are dropped as soon as they are read, so
  /// a large store never holds all its summaries at once (a filter, or a
  /// count that returns false). Called once per readable case, in no
  /// particular order, never concurrently.
  std::function<bool(const CaseSummary&)> keep;
};

class Store {
 public:
  /// Opens the store whose work tree contains `start` (walking up to the
  /// directory holding mediate.yaml and .git, like git). Reads settings.
  /// kNotFound ("not a mediate store (no mediate.yaml in … or any parent)")
  /// or kRejected for bad settings.
  static Result<Store> Open(const std::string& start);

  /// Absolute path of the work tree.
  const std::string& root() const { return root_; }
  const Settings& settings() const { return settings_; }
  const Vocabulary& vocab() const { return settings_.vocab; }

  /// Loads areas/, orgs/, mediators/ and offices/ (small; needed by
  /// validation, routing and display). Idempotent.
  Status LoadRegistries();
  const AreaRegistry& areas() const { return areas_; }
  const OrgRegistry& orgs() const { return orgs_; }
  const MediatorRegistry& mediators() const { return mediators_; }
  /// The office registry; empty in a store made before it existed.
  const OfficeRegistry& offices() const { return offices_; }

  /// The store-relative form ("cases/2026/03/X.yaml") of a path given on
  /// the command line, resolved from the working directory; `path` as it
  /// is when it does not lie under the root.
  std::string RelativePath(const std::string& path) const;

  /// Reads a file relative to the root. kNotFound when absent.
  Result<std::string> ReadText(const std::string& rel_path) const;
  /// Parses a YAML file relative to the root (strict loader).
  Result<Value> ReadYaml(const std::string& rel_path) const;

  /// The relative path of case `id` ("cases/2026/03/WBL-2026-000042.yaml";
  /// the id in either letter case: CanonicalCaseId), found by the year in
  /// the id. kNotFound when no such case; kRejected
  /// when more than one month folder of that year holds a file of that id
  /// (RefuseDuplicateCaseIds: both files named, and `mediate renumber ID`).
  Result<std::string> FindCase(const std::string& id) const;
  /// Every file of case `id` in the month folders of the year in the id,
  /// sorted (one normally; more when two clones gave the same id). Empty
  /// when none or `id` is not a case id.
  std::vector<std::string> FindCaseFiles(const std::string& id) const;
  /// Reads and converts case `id`. kNotFound, or kRejected with the file's
  /// diagnostics when it cannot be read.
  Result<LoadedCase> LoadCase(const std::string& id) const;
  /// Reads and converts the case file at `rel_path` (never fails: problems
  /// are in the result).
  LoadedCase LoadCaseFile(const std::string& rel_path) const;

  /// Relative paths of every case file, sorted.
  std::vector<std::string> ListCaseFiles() const;
  /// The case files one directory at a time, in the order of ListCaseFiles:
  /// `visit(dir, names)` with `dir` relative ("cases/2026/03") and the
  /// sorted names of its case files, so a caller need not hold every path.
  void ForEachCaseDir(
      const std::function<void(const std::string& dir, const std::vector<std::string>& names)>&
          visit) const;

  /// Relative paths of the records sharded by year under `dir`
  /// ("trainings" → "trainings/2020/T-2020-023.yaml", …), sorted; empty when
  /// `dir` is absent. Names starting with "." are skipped.
  std::vector<std::string> ListYearFiles(const std::string& dir) const;

  /// Summaries of every case (from the derived index where it is
  /// fresh, parsing the rest on all cores). Unreadable files are listed in
  /// `problems`; callers fail on them unless asked to keep going.
  CaseScan ScanCases(const ScanOptions& options = {}) const;

  /// The part of the store `path` (absolute, or relative to the current
  /// directory) falls in when it is one of the store's own files or
  /// folders — mediate.yaml, .gitattributes, .git, or a records folder of
  /// the layout above — e.g. "mediate.yaml", "cases"; "" otherwise (a path
  /// outside the store, or beside its records). An output written there
  /// would overwrite a record or leave a stray file among them.
  std::string OwnPart(const std::string& path) const;
  /// True when `path` (absolute or relative to the working directory) is
  /// the store's folder or anything in it, existing or not.
  bool Holds(const std::string& path) const;

  /// The sequence numbers of the case files of `office` received in
  /// `year` (cases/<year>/<month>/<office>-<year>-NNNNNN.yaml; names only,
  /// no file is read).
  std::set<int> CaseNumbers(const std::string& office, int year) const;

  /// The office this clone writes as (ChooseOffice, docs/offices.md):
  /// `env` (MEDIATE_OFFICE, "" when unset), else git config mediate.office,
  /// else mediate.yaml's office when the repository has no remote; checked
  /// against the office registry (LoadRegistries first). kUsage naming the
  /// code, where it came from and the fix.
  Result<std::string> WritingOffice(const std::string& env) const;

  /// The clone's key for the keyed hashes of party numbers in the derived
  /// index (party_lookup.hpp): 32 random bytes, hex, kept in
  /// `<git dir>/mediate/lookup.key` (mode 0600) and made on first use; a
  /// clone of its own has a key of its own (the index is never shared). ""
  /// when the store has no git directory or the key cannot be read or made
  /// (the index then holds hashes under no key). Loaded once; call it before
  /// starting threads that read it.
  const std::string& LookupKey() const;

  // Keys of the personal data sealed at rest (docs/personal-data.md,
  // "Keys"; store_keys.cpp). Rule: PIPL Art. 51.

  /// True when the store's personal data is sealed: keys/district.yaml
  /// exists and lists an office (or exists and cannot be read: then Keys()
  /// says why). Read once and cached.
  bool Encrypted() const;
  /// The keys record keys/district.yaml as committed in the work tree: an
  /// empty record when the file does not exist; kRejected with diagnostics
  /// when it does not read (KeyRecordFromValue).
  Result<KeyRecord> ReadKeyRecord() const;
  /// Where this desk's key file is looked for (the CLI fills `place` from
  /// MEDIATE_KEY_FILE, XDG_CONFIG_HOME, HOME) and the office `office_env`
  /// (MEDIATE_OFFICE, "" when unset) the desk writes as (WritingOffice).
  /// Forgets an unlocked ring.
  void SetKeyPlace(KeyPlace place, std::string office_env);
  /// What Keys() asks for the key file's passphrase: MEDIATE_KEY_PASSPHRASE,
  /// its _FILE, else the terminal (the CLI's). Forgets an unlocked ring.
  void SetPassphraseSource(PassphraseProvider source);
  /// The key place SetKeyPlace gave.
  const KeyPlace& key_place() const { return key_place_; }
  /// The office override SetKeyPlace gave (MEDIATE_OFFICE; "" when unset).
  const std::string& key_office_env() const { return key_office_env_; }
  /// The path of this desk's key file (OfficeKeyPath of the writing
  /// office), or the error of WritingOffice.
  Result<std::string> KeyFilePath() const;
  /// This desk's unlocked keys, made on first call and cached: reads
  /// keys/district.yaml, the key file (refused when readable by group or
  /// others), asks the passphrase source, and unlocks (UnlockKeyRing).
  /// Errors as those steps give them (kUsage when no passphrase source is
  /// set or the store is not encrypted); nothing is cached then. The
  /// pointer lives as long as this Store (not across a move). Include
  /// key_ring.hpp to use it.
  Result<const KeyRing*> Keys() const;
  /// This desk's keys once a command that needs personal data in plain has
  /// unlocked them (Keys), else nullptr. With them, case files are read
  /// with their personal values opened (personal_fields.hpp); without,
  /// masked. The derived index is always built masked.
  const CaseKeySource* OpenedKeys() const;

 private:
  KeyPlace key_place_;
  std::string key_office_env_;
  PassphraseProvider passphrase_;
  mutable std::optional<bool> encrypted_;
  mutable std::shared_ptr<const KeyRing> key_ring_;
  std::string root_;
  Settings settings_;
  mutable std::optional<std::string> lookup_key_;
  bool registries_loaded_ = false;
  AreaRegistry areas_;
  OrgRegistry orgs_;
  MediatorRegistry mediators_;
  OfficeRegistry offices_;
};

/// One case file parsed for the read path.
struct ParsedCase {
  bool ok = false;
  CaseSummary summary;               ///< valid when ok
  std::vector<Diagnostic> problems;  ///< errors when !ok
};

/// Reads and parses the case files at `paths` (relative) on `threads`
/// threads (0 = all cores) into summaries, in the order of `paths`. Only
/// compact summaries are kept: no record tree outlives its file's parse.
std::vector<ParsedCase> ParseCaseFiles(const Store& store, const std::vector<std::string>& paths,
                                       unsigned threads, const CaseKeySource* keys = nullptr);

/// What to do about the case file `rel_path` (store-relative) that does
/// not parse: "restore the last committed version with `git checkout --
/// <rel_path>` (in the store) or mend it with `mediate edit <ID>`", ID
/// being the file's name without ".yaml". Appended to the YAML error of a
/// case file by ParseCaseText.
std::string RestoreHint(const std::string& rel_path);

/// Parses case file text into a LoadedCase (used by the store and the
/// index). With `keys`, the personal values of an encrypted store's case are
/// opened (a value that does not open makes the case unreadable, the
/// diagnostic saying why); without, they are read masked.
LoadedCase ParseCaseText(const std::string& text, const std::string& rel_path,
                         const Vocabulary& vocab, const CaseKeySource* keys = nullptr);

}  // namespace mediate
