#include "watchman.hpp"

#include "i18n.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <utility>

#include "subprocess.hpp"

namespace mediate {
namespace {

using nlohmann::json;

std::mutex g_factory_mu;
std::function<std::unique_ptr<WatchmanClient>()> g_factory;

/// The error an answer holds ("error": "…"), or "" when none.
std::string AnswerError(const json& answer) {
  if (!answer.is_object()) return _("the answer is not a JSON object");
  auto e = answer.find("error");
  if (e == answer.end()) return "";
  return e->is_string() ? e->get<std::string>() : e->dump();
}

Result<std::string> StringMember(const json& answer, const char* key, const char* what) {
  if (std::string err = AnswerError(answer); !err.empty())
    return Status::Io(Tr("watchman {0}: {1}", what, err));
  auto v = answer.find(key);
  if (v == answer.end() || !v->is_string())
    return Status::Io(Tr("watchman {0}: the answer has no \"{1}\" string", what, key));
  return v->get<std::string>();
}

}  // namespace

Result<json> ProcessWatchmanClient::Call(const json& command) {
  ProcessOptions options;
  options.timeout_ms = timeout_ms_;
  options.discard_stderr = true;
  auto run = RunProcess({"watchman", "-j", "--no-pretty"}, command.dump(), options);
  if (!run.ok()) {
    if (run.status().kind() == ErrorKind::kNotFound)
      return Status::NotFound(_("watchman is not installed (not on PATH)"));
    return run.status();
  }
  if (run->timed_out) return Status::Io(Tr("watchman did not answer within {0} ms", timeout_ms_));
  json answer = json::parse(run->out, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded() || !answer.is_object()) {
    std::string how =
        run->signal != 0 ? Tr("signal {0}", run->signal) : Tr("exit status {0}", run->exit_code);
    return Status::Io(Tr("watchman gave no JSON answer ({0})", how));
  }
  return answer;
}

SocketWatchmanClient::~SocketWatchmanClient() {
  if (fd_ >= 0) ::close(fd_);
}

Result<json> SocketWatchmanClient::Call(const json& command) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms_);
  if (fd_ < 0) {
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (sockname_.empty() || sockname_.size() >= sizeof addr.sun_path)
      return Status::NotFound(Tr("watchman socket path \"{0}\" is not usable", sockname_));
    std::memcpy(addr.sun_path, sockname_.data(), sockname_.size());
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return Status::Io(Tr("cannot make a socket: {0}", std::strerror(errno)));
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
      int err = errno;
      ::close(fd);
      return Status::NotFound(Tr("no watchman server on {0}: {1}", sockname_, std::strerror(err)));
    }
    fd_ = fd;
  }
  // Any failure past this point leaves the connection in an unknown state.
  auto fail = [this](const std::string& why) {
    ::close(fd_);
    fd_ = -1;
    return Status::Io(Tr("watchman on {0}: {1}", sockname_, why));
  };
  const std::string out = command.dump() + "\n";
  for (std::size_t sent = 0; sent < out.size();) {
    ssize_t n = ::send(fd_, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(Tr("cannot send: {0}", std::strerror(errno)));
    sent += static_cast<std::size_t>(n);
  }
  std::string in;
  std::size_t searched = 0;  // no newline before this offset of `in`
  char buf[65536];
  for (;;) {
    std::size_t nl = in.find('\n', searched);
    if (nl != std::string::npos) {
      json answer = json::parse(in.data(), in.data() + nl, nullptr, /*allow_exceptions=*/false);
      if (answer.is_discarded() || !answer.is_object())
        return fail(_("the answer is not a JSON object"));
      in.erase(0, nl + 1);
      searched = 0;
      if (answer.contains("unilateral")) continue;  // not ours (a subscription's message)
      return answer;
    }
    searched = in.size();
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return fail(Tr("no answer within {0} ms", timeout_ms_));
    pollfd p{fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return fail(Tr("poll: {0}", std::strerror(errno)));
    if (ready == 0) continue;  // the deadline check above ends it
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(Tr("cannot read: {0}", std::strerror(errno)));
    if (n == 0) return fail(_("the server closed the connection"));
    in.append(buf, static_cast<std::size_t>(n));
  }
}

std::unique_ptr<WatchmanClient> MakeWatchmanClient(const std::string& sockname) {
  std::lock_guard<std::mutex> lock(g_factory_mu);
  if (g_factory) return g_factory();
  if (!sockname.empty()) return std::make_unique<SocketWatchmanClient>(sockname);
  return std::make_unique<ProcessWatchmanClient>();
}

void SetWatchmanClientFactoryForTesting(std::function<std::unique_ptr<WatchmanClient>()> factory) {
  std::lock_guard<std::mutex> lock(g_factory_mu);
  g_factory = std::move(factory);
}

Result<std::string> SocketName(WatchmanClient& client) {
  auto answer = client.Call(json::array({"get-sockname"}));
  if (!answer.ok()) return answer.status();
  return StringMember(*answer, "sockname", "get-sockname");
}

Result<WatchRoot> ParseWatchProject(const json& answer) {
  auto root = StringMember(answer, "watch", "watch-project");
  if (!root.ok()) return root.status();
  WatchRoot w;
  w.root = std::move(root.value());
  if (auto r = answer.find("relative_path"); r != answer.end()) {
    if (!r->is_string())
      return Status::Io(_("watchman watch-project: \"relative_path\" is not a string"));
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
    return Status::Io(_("watchman query: the answer has no \"files\" list"));
  }
  if (!files->is_array()) return Status::Io(_("watchman query: \"files\" is not a list"));
  for (const auto& f : *files) {
    // With one field the server sends bare names; with several, objects.
    const json* name = &f;
    if (f.is_object()) {
      auto n = f.find("name");
      if (n == f.end()) return Status::Io(_("watchman query: a file without a \"name\""));
      name = &*n;
    }
    if (!name->is_string())
      return Status::Io(_("watchman query: a file name that is not a string"));
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
