// Every input the fuzzers were seeded with (fuzz/corpus/<target>/) and every
// input that once crashed a target (tests/fixtures/fuzz/<target>/) runs
// through the same code in the normal build, under the sanitizers in CI.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../../fuzz/fuzz_inputs.hpp"  // shared with the libFuzzer targets
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

int ReplayAll(const std::string& target, void (*run)(std::string_view)) {
  int n = 0;
  for (const char* base : {"fuzz/corpus", "tests/fixtures/fuzz"}) {
    fs::path dir = mediate::test::SourceDir() / base / target;
    if (!fs::exists(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      INFO(e.path().string());
      run(mediate::test::ReadFile(e.path()));
      ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("fuzz inputs for the YAML record loader replay cleanly", "[fuzz]") {
  CHECK(ReplayAll("yaml_record", mediate::fuzz::YamlRecord) > 10);
}

TEST_CASE("fuzz inputs for the ledger reader replay cleanly", "[fuzz]") {
  CHECK(ReplayAll("ledger_csv", mediate::fuzz::LedgerTable) >= 4);
}

TEST_CASE("fuzz inputs for the filter parser replay cleanly", "[fuzz]") {
  CHECK(ReplayAll("filter", mediate::fuzz::FilterTerms) >= 2);
}
