// Watchman's answers (lib/store/watchman.hpp), through a fake client that
// records the commands sent and gives scripted answers, as the watchman
// CLI would print them.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "index_watch.hpp"
#include "test_support.hpp"
#include "watchman.hpp"

using namespace mediate;
using nlohmann::json;

namespace {

/// Answers each call with the next scripted answer (or error).
class FakeClient : public WatchmanClient {
 public:
  std::vector<json> sent;
  std::deque<Result<json>> answers;
  Result<json> Call(const json& command) override {
    sent.push_back(command);
    REQUIRE(!answers.empty());
    Result<json> r = std::move(answers.front());
    answers.pop_front();
    return r;
  }
};

json Parse(const char* text) { return json::parse(text); }

}  // namespace

TEST_CASE("watch-project gives the watched root and where the store lies in it", "[watchman]") {
  auto same =
      ParseWatchProject(Parse(R"({"watch":"/srv/store","watcher":"inotify","version":"4.9.0"})"));
  REQUIRE(same.ok());
  CHECK(same->root == "/srv/store");
  CHECK(same->relative_path == "");

  auto inside = ParseWatchProject(
      Parse(R"({"watch":"/srv","relative_path":"offices/wbl","version":"4.9.0"})"));
  REQUIRE(inside.ok());
  CHECK(inside->root == "/srv");
  CHECK(inside->relative_path == "offices/wbl");

  auto err = ParseWatchProject(Parse(
      R"({"version":"4.9.0","error":"unable to resolve root /nope: realpath(/nope) -> No such file or directory"})"));
  REQUIRE(!err.ok());
  CHECK(err.status().kind() == ErrorKind::kIo);
  CHECK(err.status().message() ==
        "watchman watch-project: unable to resolve root /nope: realpath(/nope) -> No such file or "
        "directory");

  auto no_watch = ParseWatchProject(Parse(R"({"version":"4.9.0"})"));
  REQUIRE(!no_watch.ok());
  CHECK(no_watch.status().message() ==
        "watchman watch-project: the answer has no \"watch\" string");
}

TEST_CASE("A clock answer gives the clock string", "[watchman]") {
  auto c = ParseClock(Parse(R"({"version":"4.9.0","clock":"c:1796583765:12376:1:2"})"));
  REQUIRE(c.ok());
  CHECK(*c == "c:1796583765:12376:1:2");
  auto bad = ParseClock(Parse(R"({"version":"4.9.0","clock":17})"));
  REQUIRE(!bad.ok());
  CHECK(bad.status().message() == "watchman clock: the answer has no \"clock\" string");
}

TEST_CASE("A query answer names the month folders that changed", "[watchman]") {
  auto c = ParseChanges(Parse(R"({"is_fresh_instance":false,"version":"4.9.0","files":[
      {"exists":true,"type":"d","name":"2026/03"},
      {"exists":true,"type":"f","name":"2026/03/WBL-2026-0007.yaml"},
      {"exists":false,"type":"f","name":"2025/12/WBL-2025-0100.yaml"},
      {"exists":true,"type":"f","name":"2024/01/sub/x.yaml"},
      {"exists":true,"type":"d","name":"2027"},
      {"exists":true,"type":"f","name":"README"}],
      "clock":"c:1796583765:12376:1:10"})"));
  REQUIRE(c.ok());
  CHECK(c->clock == "c:1796583765:12376:1:10");
  CHECK(!c->fresh_instance);
  // A year folder and a stray file of cases/ name no month folder.
  CHECK(c->changed == std::set<std::string>{"2024/01", "2025/12", "2026/03"});

  // With one field the server lists bare names.
  auto bare =
      ParseChanges(Parse(R"({"version":"4.9.0","files":["2026/01/a.yaml"],"clock":"c:1:2:3:4"})"));
  REQUIRE(bare.ok());
  CHECK(bare->changed == std::set<std::string>{"2026/01"});

  auto none = ParseChanges(
      Parse(R"({"is_fresh_instance":false,"version":"4.9.0","files":[],"clock":"c:1:2:3:5"})"));
  REQUIRE(none.ok());
  CHECK(none->changed.empty());
  CHECK(!none->fresh_instance);
}

TEST_CASE("A fresh instance is reported as such, with its clock", "[watchman]") {
  auto c = ParseChanges(
      Parse(R"({"is_fresh_instance":true,"version":"4.9.0","files":[],"clock":"c:9:8:7:6"})"));
  REQUIRE(c.ok());
  CHECK(c->fresh_instance);
  CHECK(c->clock == "c:9:8:7:6");
  CHECK(c->changed.empty());
}

TEST_CASE("An error object or a malformed answer is an error, never an empty change list",
          "[watchman]") {
  auto err = ParseChanges(Parse(
      R"({"version":"4.9.0","error":"unable to resolve root /srv/store: directory /srv/store is not watched"})"));
  REQUIRE(!err.ok());
  CHECK(err.status().kind() == ErrorKind::kIo);
  CHECK(err.status().message() ==
        "watchman query: unable to resolve root /srv/store: directory /srv/store is not watched");

  auto no_files = ParseChanges(Parse(R"({"version":"4.9.0","clock":"c:1:2:3:4"})"));
  REQUIRE(!no_files.ok());
  CHECK(no_files.status().message() == "watchman query: the answer has no \"files\" list");

  auto nameless =
      ParseChanges(Parse(R"({"files":[{"exists":true,"type":"f"}],"clock":"c:1:2:3:4"})"));
  REQUIRE(!nameless.ok());
  CHECK(nameless.status().message() == "watchman query: a file without a \"name\"");

  auto not_object = ParseChanges(Parse(R"(["c:1:2:3:4"])"));
  REQUIRE(!not_object.ok());
  CHECK(not_object.status().message() == "watchman query: the answer is not a JSON object");
}

TEST_CASE("The commands sent: watch-project, clock, and a since query under cases/", "[watchman]") {
  FakeClient fake;
  fake.answers.push_back(Parse(R"({"watch":"/srv","relative_path":"wbl","version":"4.9.0"})"));
  fake.answers.push_back(Parse(R"({"clock":"c:1:2:3:4","version":"4.9.0"})"));
  fake.answers.push_back(Parse(
      R"({"is_fresh_instance":false,"files":[{"name":"2026/02/b.yaml","exists":true,"type":"f"}],"clock":"c:1:2:3:9"})"));

  auto root = WatchProject(fake, "/srv/wbl");
  REQUIRE(root.ok());
  auto clock = CurrentClock(fake, *root);
  REQUIRE(clock.ok());
  CHECK(*clock == "c:1:2:3:4");
  auto changes = ChangedCaseFolders(fake, *root, *clock);
  REQUIRE(changes.ok());
  CHECK(changes->changed == std::set<std::string>{"2026/02"});
  CHECK(changes->clock == "c:1:2:3:9");

  REQUIRE(fake.sent.size() == 3);
  CHECK(fake.sent[0] == json::array({"watch-project", "/srv/wbl"}));
  CHECK(fake.sent[1][0] == "clock");
  CHECK(fake.sent[1][1] == "/srv");
  const json& q = fake.sent[2];
  CHECK(q[0] == "query");
  CHECK(q[1] == "/srv");
  CHECK(q[2]["since"] == "c:1:2:3:4");
  CHECK(q[2]["relative_root"] == "wbl/cases");
  CHECK(q[2]["fields"] == json::array({"name", "exists", "type"}));
  CHECK(q[2]["empty_on_fresh_instance"] == true);
}

TEST_CASE("A client that fails passes its error on", "[watchman]") {
  FakeClient fake;
  fake.answers.push_back(Status::NotFound("watchman is not installed (not on PATH)"));
  auto root = WatchProject(fake, "/srv/store");
  REQUIRE(!root.ok());
  CHECK(root.status().kind() == ErrorKind::kNotFound);
}

namespace {

/// Puts a `watchman` shell script with `body` first on PATH for a test's length.
struct FakeWatchmanOnPath {
  test::TempDir dir;
  std::string saved;
  explicit FakeWatchmanOnPath(const std::string& body) {
    std::string script = dir.str() + "/watchman";
    test::WriteFile(script, "#!/bin/sh\n" + body);
    REQUIRE(::chmod(script.c_str(), 0755) == 0);
    const char* old = std::getenv("PATH");
    saved = old ? old : "";
    ::setenv("PATH", (dir.str() + ":" + saved).c_str(), 1);
  }
  ~FakeWatchmanOnPath() { ::setenv("PATH", saved.c_str(), 1); }
};

}  // namespace

TEST_CASE("The process client sends the command on stdin and reads the answer", "[watchman]") {
  // The script answers with its arguments and what it read.
  FakeWatchmanOnPath fake("read line\nprintf '{\"args\":\"%s\",\"got\":%s}' \"$*\" \"$line\"\n");
  ProcessWatchmanClient client(5000);
  auto r = client.Call(json::array({"clock", "/srv/store"}));
  REQUIRE(r.ok());
  CHECK((*r)["args"] == "-j --no-pretty");
  CHECK((*r)["got"] == json::array({"clock", "/srv/store"}));
}

TEST_CASE("The process client gives up on a watchman that hangs or answers nonsense",
          "[watchman]") {
  SECTION("hangs: killed after the timeout") {
    FakeWatchmanOnPath fake("exec sleep 30\n");
    ProcessWatchmanClient client(300);
    auto start = std::chrono::steady_clock::now();
    auto r = client.Call(json::array({"version"}));
    auto took = std::chrono::steady_clock::now() - start;
    REQUIRE(!r.ok());
    CHECK(r.status().kind() == ErrorKind::kIo);
    CHECK(r.status().message() == "watchman did not answer within 300 ms");
    CHECK(took < std::chrono::seconds(10));
  }
  SECTION("nonsense") {
    FakeWatchmanOnPath fake("cat >/dev/null\necho 'not json'\nexit 3\n");
    ProcessWatchmanClient client(5000);
    auto r = client.Call(json::array({"version"}));
    REQUIRE(!r.ok());
    CHECK(r.status().message() == "watchman gave no JSON answer (exit status 3)");
  }
}

TEST_CASE("The process client reports a missing watchman as not found", "[watchman]") {
  // posix_spawnp searches this process's PATH; an empty directory has no watchman.
  const char* old = std::getenv("PATH");
  std::string saved = old ? old : "";
  ::setenv("PATH", "/nonexistent-mediate-test-dir", 1);
  ProcessWatchmanClient client(2000);
  auto r = client.Call(json::array({"version"}));
  ::setenv("PATH", saved.c_str(), 1);
  REQUIRE(!r.ok());
  CHECK(r.status().kind() == ErrorKind::kNotFound);
}

namespace {

/// A one-connection server on a Unix socket in a temporary directory: it
/// reads one line, keeps it, and writes `reply` back in two pieces (so the
/// client must read on), then closes the connection.
struct OneShotSocketServer {
  test::TempDir dir;
  std::string path = dir.str() + "/sock";
  std::string received;
  std::thread thread;
  int listener = -1;

  explicit OneShotSocketServer(std::string reply) {
    listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(listener >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.data(), path.size());
    REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(listener, 1) == 0);
    thread = std::thread([this, reply = std::move(reply)] {
      int fd = ::accept(listener, nullptr, nullptr);
      if (fd < 0) return;
      char c;
      while (::read(fd, &c, 1) == 1) {
        received += c;
        if (c == '\n') break;
      }
      const std::size_t half = reply.size() / 2;
      (void)!::write(fd, reply.data(), half);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      (void)!::write(fd, reply.data() + half, reply.size() - half);
      ::close(fd);
    });
  }
  /// Waits until the connection is served (then `received` is complete).
  void Join() {
    if (thread.joinable()) thread.join();
  }
  ~OneShotSocketServer() {
    Join();
    ::close(listener);
  }
};

}  // namespace

TEST_CASE("The socket client sends one JSON line and reads one back, skipping unilateral ones",
          "[watchman]") {
  OneShotSocketServer server(
      "{\"unilateral\":true,\"log\":\"x\"}\n{\"clock\":\"c:1:2\",\"version\":\"4.9.0\"}\n");
  SocketWatchmanClient client(server.path, 5000);
  auto r = client.Call(json::array({"clock", "/srv/store"}));
  REQUIRE(r.ok());
  CHECK(*r == json{{"clock", "c:1:2"}, {"version", "4.9.0"}});
  server.Join();
  CHECK(server.received == "[\"clock\",\"/srv/store\"]\n");
}

TEST_CASE("The socket client: nobody listening is not found, a closed or bad answer an error",
          "[watchman]") {
  SECTION("no server") {
    test::TempDir dir;
    SocketWatchmanClient client(dir.str() + "/sock", 1000);
    auto r = client.Call(json::array({"version"}));
    REQUIRE(!r.ok());
    CHECK(r.status().kind() == ErrorKind::kNotFound);
  }
  SECTION("the server closes without a whole answer") {
    OneShotSocketServer server("{\"clock\":");
    SocketWatchmanClient client(server.path, 5000);
    auto r = client.Call(json::array({"version"}));
    REQUIRE(!r.ok());
    CHECK(r.status().kind() == ErrorKind::kIo);
    CHECK(r.status().message() ==
          "watchman on " + server.path + ": the server closed the connection");
  }
  SECTION("not JSON") {
    OneShotSocketServer server("hello\n");
    SocketWatchmanClient client(server.path, 5000);
    auto r = client.Call(json::array({"version"}));
    REQUIRE(!r.ok());
    CHECK(r.status().message() ==
          "watchman on " + server.path + ": the answer is not a JSON object");
  }
}

TEST_CASE("the Watchman state reads back what was written, and nothing malformed", "[watchman]") {
  test::TempDir dir;
  WatchState w;
  w.store = "/srv/store";
  w.watch = "/srv";
  w.relative = "store";
  w.clock = "c:1:2:3:4";
  w.sock = "/tmp/root-state/sock";
  w.folders["2026/03"] = 0x0123456789abcdefULL;
  w.folders["2025/12"] = 7;
  test::WriteFile(dir.path() / kWatchmanStateName,
                  EncodeWatchState(w, "watchman folders=2 unchanged=2 walked=0"));
  auto back = ReadWatchState(dir.str());
  REQUIRE(back.has_value());
  CHECK(back->store == "/srv/store");
  CHECK(back->watch == "/srv");
  CHECK(back->relative == "store");
  CHECK(back->clock == "c:1:2:3:4");
  CHECK(back->sock == "/tmp/root-state/sock");
  CHECK(back->folders ==
        std::map<std::string, std::uint64_t>{{"2025/12", 7}, {"2026/03", 0x0123456789abcdefULL}});
  CHECK(LastScanLine(dir.str()) == "watchman folders=2 unchanged=2 walked=0");

  // A checksum is exactly 16 hex digits: no sign, space, "0x", short or bad digit.
  const std::string head =
      "mediate watchman state 1\nstore /srv/store\nwatch /srv\nrelative store\nclock c:1\n";
  for (const char* bad : {"folder +123456789abcdef 2026/03\n", "folder  123456789abcdef 2026/03\n",
                          "folder 0x23456789abcdef 2026/03\n", "folder 0123456789abcdeg 2026/03\n",
                          "folder 0123456789abcde 2026/03\n"}) {
    INFO(bad);
    test::WriteFile(dir.path() / kWatchmanStateName, head + bad);
    CHECK_FALSE(ReadWatchState(dir.str()).has_value());
  }
  test::WriteFile(dir.path() / kWatchmanStateName, head + "folder 0123456789ABCDEF 2026/03\n");
  auto upper = ReadWatchState(dir.str());
  REQUIRE(upper.has_value());
  CHECK(upper->folders.at("2026/03") == 0x0123456789abcdefULL);
}
