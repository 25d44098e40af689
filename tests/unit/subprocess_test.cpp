#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "subprocess.hpp"

using namespace mediate;

TEST_CASE("RunProcess feeds standard input and collects both outputs", "[subprocess]") {
  auto r = RunProcess({"sh", "-c", "cat; echo 错误 >&2; exit 3"}, "调解\n");
  REQUIRE(r.ok());
  CHECK(r->out == "调解\n");
  CHECK(r->err == "错误\n");
  CHECK(r->exit_code == 3);
  CHECK(r->signal == 0);
  CHECK_FALSE(r->ok());
}

TEST_CASE("RunProcess moves megabytes both ways without a deadlock", "[subprocess]") {
  // More than any pipe buffer in each direction at once.
  std::string big(4 << 20, 'x');
  for (std::size_t i = 0; i < big.size(); i += 4096) big[i] = '\n';
  auto r = RunProcess({"cat"}, big);
  REQUIRE(r.ok());
  CHECK(r->ok());
  CHECK(r->out.size() == big.size());
  CHECK(r->out == big);
}

TEST_CASE("RunProcess: a missing program is kNotFound, a signal is reported", "[subprocess]") {
  auto missing = RunProcess({"mediate-no-such-program"}, "");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().kind() == ErrorKind::kNotFound);
  CHECK(missing.status().message().find("mediate-no-such-program") != std::string::npos);

  auto killed = RunProcess({"sh", "-c", "kill -TERM $$"}, "");
  REQUIRE(killed.ok());
  CHECK(killed->exit_code == -1);
  CHECK(killed->signal == 15);
}

TEST_CASE("RunProcess leaves out the environment variables it is told to", "[subprocess]") {
  ::setenv("MEDIATE_SUBPROCESS_A", "a", 1);
  ::setenv("MEDIATE_SUBPROCESS_AB", "ab", 1);
  ProcessOptions options;
  options.unset_env = {"MEDIATE_SUBPROCESS_A"};
  auto r = RunProcess({"sh", "-c", "echo \"${MEDIATE_SUBPROCESS_A-unset} $MEDIATE_SUBPROCESS_AB\""},
                      "", options);
  ::unsetenv("MEDIATE_SUBPROCESS_A");
  ::unsetenv("MEDIATE_SUBPROCESS_AB");
  REQUIRE(r.ok());
  CHECK(r->out == "unset ab\n");
}

TEST_CASE("RunProcess kills a program that outlives its timeout", "[subprocess]") {
  ProcessOptions options;
  options.timeout_ms = 200;
  options.discard_stderr = true;
  auto r = RunProcess({"sh", "-c", "echo started; echo noise >&2; exec sleep 30"}, "", options);
  REQUIRE(r.ok());
  CHECK(r->timed_out);
  CHECK(r->signal == 9);
  CHECK(r->out == "started\n");
  CHECK(r->err.empty());
}
