// Creating a store from a SETUP folder (`mediate init DIR --from SETUP`).
//
// SETUP holds setup.yaml (district code and name, office code, time zone,
// file-number word, names of the division files), the divisions CSVs
// (streets: code,name,district_code; communities:
// code,name,street_code,district_code), grids.csv (code,name,community_code),
// orgs.csv, mediators.csv and routing.yaml, in the formats of the bundled
// examples/wanbailin/, and optionally trainings.csv (training sessions with
// attendance, training.hpp) and offices.csv (code,name,org,street_code,
// file_no_word: the office registry, docs/offices.md; without it the store
// gets one office, setup.yaml's, named for the district). setup.yaml may carry the team settings
// (training, staffing, grades: team_settings.hpp); mediate.yaml gets them
// with their defaults filled in. Every row is checked; any error refuses the whole
// setup with file:line, column and value, and nothing is created.
#pragma once

#include <string>
#include <vector>

#include "alerts.hpp"
#include "area.hpp"
#include "mediator.hpp"
#include "office.hpp"
#include "organisation.hpp"
#include "settings.hpp"
#include "signature.hpp"
#include "status.hpp"
#include "team_settings.hpp"
#include "training.hpp"
#include "write_options.hpp"

namespace mediate {

/// Everything a new store is made of, read and checked from SETUP.
struct StoreSetup {
  Settings settings;
  std::vector<Street> streets;
  std::vector<Organisation> orgs;
  std::vector<Mediator> mediators;
  std::vector<Training> trainings;  ///< from trainings.csv when SETUP has one
  std::vector<Office> offices;      ///< from offices.csv, else setup.yaml's office
  TeamSettings team;                ///< written into mediate.yaml
  AlertSettings alerts;             ///< early-warning thresholds, written into mediate.yaml
  std::string
      routing_yaml;  ///< rules/routing.yaml, copied as written (checked by the rules loader)
  /// One file of the new store: relative path ('/'-separated) and content.
  struct File {
    std::string path;
    std::string content;
  };
  /// Every file of the new store.
  std::vector<File> Files() const;
};

/// Reads SETUP. kRejected listing every problem found.
Result<StoreSetup> ReadSetup(const std::string& setup_dir);

/// Reads organisations from orgs.csv text (id,name,kind,level,street_code,
/// community_code,categories,parent; categories `;`-separated).
Result<std::vector<Organisation>> ReadOrgsCsv(const std::string& text, const std::string& file,
                                              const Vocabulary& vocab);

/// Reads the roster from mediators.csv text (id,name,sex,born,org,role,
/// employment,specialties,grade,graded,lecturer,honours,filed,status,phone;
/// lists `;`-separated). Organisations must exist in `orgs`.
Result<std::vector<Mediator>> ReadMediatorsCsv(const std::string& text, const std::string& file,
                                               const Vocabulary& vocab, const OrgRegistry& orgs);

/// Creates the store at `dir` (which must not exist or be empty): a git
/// repository with every file of `setup`, in one commit by `author`, its
/// .gitattributes giving the record files to the merge driver; when
/// `driver_exe` (the mediate program's absolute path) is given, the driver
/// is registered in the repository's config (git_setup.hpp).
/// Returns the commit id. kRejected when `dir` is not empty; kIo on failure.
/// `options` gives the lock timeout (the holder text is made here).
Result<std::string> CreateStore(const std::string& dir, const StoreSetup& setup,
                                const Signature& author, const WriteOptions& options = {},
                                const std::string& driver_exe = "");

}  // namespace mediate
