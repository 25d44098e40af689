// A store for the unit tests of the write path: made from the example setup
// (examples/wanbailin) in a temporary directory, and its HEAD commit.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "git_repo.hpp"
#include "signature.hpp"
#include "store.hpp"
#include "store_init.hpp"
#include "test_support.hpp"

namespace mediate::test {

/// A store made by `op` from the example setup (examples/wanbailin), in
/// `dir`/store, opened. The test stops when it cannot be made.
inline Store MakeStore(const TempDir& dir, const Signature& op) {
  auto setup = ReadSetup((SourceDir() / "examples" / "wanbailin").string());
  REQUIRE(setup.ok());
  const std::string root = (dir.path() / "store").string();
  REQUIRE(CreateStore(root, *setup, op).ok());
  auto store = Store::Open(root);
  REQUIRE(store.ok());
  return std::move(store.value());
}

/// The id (40 hex digits) of the commit HEAD of `store`'s repository names.
inline std::string Head(const Store& store) {
  auto repo = GitRepo::Open(store.root());
  REQUIRE(repo.ok());
  auto head = repo->HeadId();
  REQUIRE(head.ok());
  return *head;
}

}  // namespace mediate::test
