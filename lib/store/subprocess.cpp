#include "subprocess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace mediate {
namespace {

/// A pipe's two ends, closed when it goes.
struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() { Close(); }
  bool Open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void CloseEnd(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  void Close() {
    CloseEnd(0);
    CloseEnd(1);
  }
};

/// Owns posix_spawn's file actions.
struct FileActions {
  posix_spawn_file_actions_t a;
  FileActions() { posix_spawn_file_actions_init(&a); }
  ~FileActions() { posix_spawn_file_actions_destroy(&a); }
};

bool Unset(const char* entry, const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (std::strncmp(entry, n.c_str(), n.size()) == 0 && entry[n.size()] == '=') return true;
  return false;
}

}  // namespace

Result<ProcessResult> RunProcess(const std::vector<std::string>& argv, std::string_view input,
                                 const std::vector<std::string>& unset_env) {
  if (argv.empty()) return Status::Internal("RunProcess: no program given");
  const std::string& program = argv.front();
  auto io = [&](const std::string& what) {
    return Status::Io("cannot run " + program + ": " + what + ": " + std::strerror(errno));
  };
  Pipe in, out, err;
  if (!in.Open() || !out.Open() || !err.Open()) return io("pipe");

  FileActions fa;
  posix_spawn_file_actions_adddup2(&fa.a, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&fa.a, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&fa.a, err.fd[1], 2);

  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> env;
  for (char** e = environ; e && *e; ++e)
    if (!Unset(*e, unset_env)) env.push_back(*e);
  env.push_back(nullptr);

  pid_t pid = -1;
  int rc = posix_spawnp(&pid, program.c_str(), &fa.a, nullptr, args.data(), env.data());
  if (rc != 0) {
    if (rc == ENOENT) return Status::NotFound(program + " is not installed (not found on PATH)");
    errno = rc;
    return io("spawn");
  }
  in.CloseEnd(0);
  out.CloseEnd(1);
  err.CloseEnd(1);
  // Our ends never block: a write takes what the pipe has room for.
  for (int fd : {in.fd[1], out.fd[0], err.fd[0]})
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

  // Feed stdin and drain both outputs together, so that neither side waits
  // on a full pipe. A child that stops reading gets EPIPE, not SIGPIPE.
  struct sigaction ignore {
  }, old{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  ProcessResult result;
  std::size_t written = 0;
  if (input.empty()) in.CloseEnd(1);
  while (in.fd[1] >= 0 || out.fd[0] >= 0 || err.fd[0] >= 0) {
    pollfd fds[3];
    nfds_t n = 0;
    if (in.fd[1] >= 0) fds[n++] = {in.fd[1], POLLOUT, 0};
    if (out.fd[0] >= 0) fds[n++] = {out.fd[0], POLLIN, 0};
    if (err.fd[0] >= 0) fds[n++] = {err.fd[0], POLLIN, 0};
    if (::poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in.fd[1]) {
        ssize_t w = ::write(in.fd[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if ((w < 0 && errno != EINTR && errno != EAGAIN) || written == input.size()) in.CloseEnd(1);
        continue;
      }
      char buf[65536];
      ssize_t r = ::read(fds[i].fd, buf, sizeof buf);
      if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      Pipe& p = fds[i].fd == out.fd[0] ? out : err;
      if (r <= 0) {
        p.CloseEnd(0);
        continue;
      }
      (&p == &out ? result.out : result.err).append(buf, static_cast<std::size_t>(r));
    }
  }
  ::sigaction(SIGPIPE, &old, nullptr);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return io("wait");
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

}  // namespace mediate
