#include "subprocess.hpp"

#include "i18n.hpp"

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

extern char** environ;

namespace mediate {
namespace {

/// A descriptor closed when it goes.
struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Close(); }
  void Close() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

/// Owns posix_spawn's file actions.
struct FileActions {
  posix_spawn_file_actions_t a;
  FileActions() { posix_spawn_file_actions_init(&a); }
  ~FileActions() { posix_spawn_file_actions_destroy(&a); }
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;
};

bool Unset(const char* entry, const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (std::strncmp(entry, n.c_str(), n.size()) == 0 && entry[n.size()] == '=') return true;
  return false;
}

void SetNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

Result<ProcessResult> RunProcess(const std::vector<std::string>& argv, std::string_view input,
                                 const ProcessOptions& options) {
  if (argv.empty()) return Status::Internal("RunProcess: no program given");
  const std::string& program = argv.front();
  auto io = [&](const std::string& what, int err) {
    return Status::Io(Tr("cannot run {0}: {1}: {2}", program, what, std::strerror(err)));
  };
  // Standard input is a socket: a send to a child that stopped reading
  // fails with EPIPE (MSG_NOSIGNAL) instead of raising SIGPIPE here.
  int in_pair[2], out_pipe[2], err_pipe[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0)
    return io("socketpair", errno);
  Fd in(in_pair[0]), in_child(in_pair[1]);
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return io("pipe", errno);
  Fd out(out_pipe[0]), out_child(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return io("pipe", errno);
  Fd err(err_pipe[0]), err_child(err_pipe[1]);

  FileActions fa;
  posix_spawn_file_actions_adddup2(&fa.a, in_child.fd, 0);
  posix_spawn_file_actions_adddup2(&fa.a, out_child.fd, 1);
  if (options.discard_stderr)
    posix_spawn_file_actions_addopen(&fa.a, 2, "/dev/null", O_WRONLY, 0);
  else
    posix_spawn_file_actions_adddup2(&fa.a, err_child.fd, 2);

  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> env;
  for (char** e = environ; e && *e; ++e)
    if (!Unset(*e, options.unset_env)) env.push_back(*e);
  env.push_back(nullptr);

  pid_t pid = -1;
  int rc = posix_spawnp(&pid, program.c_str(), &fa.a, nullptr, args.data(), env.data());
  if (rc != 0) {
    if (rc == ENOENT)
      return Status::NotFound(Tr("{0} is not installed (not found on PATH)", program));
    return io("spawn", rc);
  }
  in_child.Close();
  out_child.Close();
  err_child.Close();
  if (options.discard_stderr) err.Close();
  SetNonBlocking(out.fd);
  SetNonBlocking(err.fd);

  // Feed standard input and drain both outputs together, so that neither
  // side waits on a full pipe.
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(options.timeout_ms);
  ProcessResult result;
  std::size_t sent = 0;
  if (input.empty()) ::shutdown(in.fd, SHUT_WR);
  bool sending = !input.empty();
  while (sending || out.fd >= 0 || err.fd >= 0) {
    int wait_ms = -1;
    if (options.timeout_ms > 0) {
      auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        result.timed_out = true;
        break;
      }
      wait_ms = static_cast<int>(left);
    }
    pollfd fds[3];
    nfds_t n = 0;
    if (sending) fds[n++] = {in.fd, POLLOUT, 0};
    if (out.fd >= 0) fds[n++] = {out.fd, POLLIN, 0};
    if (err.fd >= 0) fds[n++] = {err.fd, POLLIN, 0};
    int ready = ::poll(fds, n, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (sending && fds[i].fd == in.fd) {
        ssize_t w =
            ::send(in.fd, input.data() + sent, input.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w > 0) sent += static_cast<std::size_t>(w);
        if ((w < 0 && errno != EINTR && errno != EAGAIN) || sent == input.size()) {
          ::shutdown(in.fd, SHUT_WR);  // end of input (or the child stopped reading)
          sending = false;
        }
        continue;
      }
      Fd& from = fds[i].fd == out.fd ? out : err;
      char buf[65536];
      ssize_t r = ::read(from.fd, buf, sizeof buf);
      if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (r <= 0) {
        from.Close();
        continue;
      }
      (&from == &out ? result.out : result.err).append(buf, static_cast<std::size_t>(r));
    }
  }
  if (result.timed_out) ::kill(pid, SIGKILL);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return io("wait", errno);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace mediate
