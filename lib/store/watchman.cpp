#include "watchman.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <utility>

extern char** environ;

namespace mediate {
namespace {

using nlohmann::json;

std::mutex g_factory_mu;
std::function<std::unique_ptr<WatchmanClient>()> g_factory;

/// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() { Close(); }
  void Close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

/// The error an answer holds ("error": "…"), or "" when none.
std::string AnswerError(const json& answer) {
  if (!answer.is_object()) return "the answer is not a JSON object";
  auto e = answer.find("error");
  if (e == answer.end()) return "";
  return e->is_string() ? e->get<std::string>() : e->dump();
}

Result<std::string> StringMember(const json& answer, const char* key, const char* what) {
  if (std::string err = AnswerError(answer); !err.empty())
    return Status::Io("watchman " + std::string(what) + ": " + err);
  auto v = answer.find(key);
  if (v == answer.end() || !v->is_string())
    return Status::Io("watchman " + std::string(what) + ": the answer has no \"" + key +
                      "\" string");
  return v->get<std::string>();
}

}  // namespace

Result<json> ProcessWatchmanClient::Call(const json& command) {
  const std::string input = command.dump();
  int in_pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0)
    return Status::Io(std::string("cannot run watchman: socketpair: ") + std::strerror(errno));
  Fd in_parent{in_pair[0]}, in_child{in_pair[1]};
  int out_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0)
    return Status::Io(std::string("cannot run watchman: pipe: ") + std::strerror(errno));
  Fd out_parent{out_pipe[0]}, out_child{out_pipe[1]};

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_child.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_child.fd, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  char arg0[] = "watchman", arg1[] = "-j", arg2[] = "--no-pretty";
  char* argv[] = {arg0, arg1, arg2, nullptr};
  pid_t pid = -1;
  int rc = ::posix_spawnp(&pid, "watchman", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    if (rc == ENOENT) return Status::NotFound("watchman is not installed (not on PATH)");
    return Status::Io(std::string("cannot run watchman: ") + std::strerror(rc));
  }
  in_child.Close();
  out_child.Close();

  // The command is small; MSG_NOSIGNAL: a child that died early must not
  // take this process down with SIGPIPE.
  std::size_t sent = 0;
  while (sent < input.size()) {
    ssize_t n = ::send(in_parent.fd, input.data() + sent, input.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the exit status or the answer says what went wrong
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(in_parent.fd, SHUT_WR);

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms_);
  std::string out;
  bool timed_out = false;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{out_parent.fd, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      timed_out = ready == 0;
      break;
    }
    char buf[65536];
    ssize_t n = ::read(out_parent.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  if (timed_out) ::kill(pid, SIGKILL);
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (timed_out)
    return Status::Io("watchman did not answer within " + std::to_string(timeout_ms_) + " ms");
  json answer = json::parse(out, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded() || !answer.is_object()) {
    std::string how = WIFEXITED(wstatus)     ? "exit status " + std::to_string(WEXITSTATUS(wstatus))
                      : WIFSIGNALED(wstatus) ? "signal " + std::to_string(WTERMSIG(wstatus))
                                             : "unknown status";
    return Status::Io("watchman gave no JSON answer (" + how + ")");
  }
  return answer;
}

std::unique_ptr<WatchmanClient> MakeWatchmanClient() {
  std::lock_guard<std::mutex> lock(g_factory_mu);
  if (g_factory) return g_factory();
  return std::make_unique<ProcessWatchmanClient>();
}

void SetWatchmanClientFactoryForTesting(std::function<std::unique_ptr<WatchmanClient>()> factory) {
  std::lock_guard<std::mutex> lock(g_factory_mu);
  g_factory = std::move(factory);
}

Result<WatchRoot> ParseWatchProject(const json& answer) {
  auto root = StringMember(answer, "watch", "watch-project");
  if (!root.ok()) return root.status();
  WatchRoot w;
  w.root = std::move(root.value());
  if (auto r = answer.find("relative_path"); r != answer.end()) {
    if (!r->is_string())
      return Status::Io("watchman watch-project: \"relative_path\" is not a string");
    w.relative_path = r->get<std::string>();
  }
  while (!w.relative_path.empty() && w.relative_path.back() == '/') w.relative_path.pop_back();
  return w;
}

Result<std::string> ParseClock(const json& answer) {
  return StringMember(answer, "clock", "clock");
}

Result<WatchmanChanges> ParseChanges(const json& answer) {
  auto clock = StringMember(answer, "clock", "query");
  if (!clock.ok()) return clock.status();
  WatchmanChanges c;
  c.clock = std::move(clock.value());
  if (auto f = answer.find("is_fresh_instance"); f != answer.end() && f->is_boolean())
    c.fresh_instance = f->get<bool>();
  auto files = answer.find("files");
  if (files == answer.end()) {
    if (c.fresh_instance) return c;  // nothing listed: everything counts as changed anyway
    return Status::Io("watchman query: the answer has no \"files\" list");
  }
  if (!files->is_array()) return Status::Io("watchman query: \"files\" is not a list");
  for (const auto& f : *files) {
    // With one field the server sends bare names; with several, objects.
    const json* name = &f;
    if (f.is_object()) {
      auto n = f.find("name");
      if (n == f.end()) return Status::Io("watchman query: a file without a \"name\"");
      name = &*n;
    }
    if (!name->is_string()) return Status::Io("watchman query: a file name that is not a string");
    const std::string& s = name->get_ref<const std::string&>();
    auto slash = s.find('/');
    if (slash == std::string::npos) continue;  // a year folder or a stray file in cases/
    auto second = s.find('/', slash + 1);
    c.changed.insert(second == std::string::npos ? s : s.substr(0, second));
  }
  return c;
}

Result<WatchRoot> WatchProject(WatchmanClient& client, const std::string& dir) {
  auto answer = client.Call(json::array({"watch-project", dir}));
  if (!answer.ok()) return answer.status();
  return ParseWatchProject(*answer);
}

Result<std::string> CurrentClock(WatchmanClient& client, const WatchRoot& root) {
  auto answer = client.Call(json::array({"clock", root.root, {{"sync_timeout", 4000}}}));
  if (!answer.ok()) return answer.status();
  return ParseClock(*answer);
}

Result<WatchmanChanges> ChangedCaseFolders(WatchmanClient& client, const WatchRoot& root,
                                           const std::string& since) {
  std::string cases = root.relative_path.empty() ? "cases" : root.relative_path + "/cases";
  json query = {{"since", since},
                {"relative_root", cases},
                {"fields", json::array({"name", "exists", "type"})},
                {"empty_on_fresh_instance", true},
                {"sync_timeout", 4000}};
  auto answer = client.Call(json::array({"query", root.root, query}));
  if (!answer.ok()) return answer.status();
  return ParseChanges(*answer);
}

}  // namespace mediate
