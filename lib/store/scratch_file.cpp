#include "scratch_file.hpp"

#include "i18n.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mediate {

Result<ScratchFile> ScratchFile::Create(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    std::string path = dir + "/.mediate-scratch-XXXXXX";
    fd = ::mkstemp(path.data());
    if (fd >= 0) ::unlink(path.c_str());
  }
  if (fd < 0) {
    return Status::Io(Tr("cannot create a temporary file in {0}: {1}", dir, std::strerror(errno)));
  }
  return ScratchFile(fd, dir);
}

ScratchFile::ScratchFile(ScratchFile&& other) noexcept
    : fd_(other.fd_), dir_(std::move(other.dir_)), size_(other.size_) {
  other.fd_ = -1;
}

ScratchFile& ScratchFile::operator=(ScratchFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    dir_ = std::move(other.dir_);
    size_ = other.size_;
    other.fd_ = -1;
  }
  return *this;
}

ScratchFile::~ScratchFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status ScratchFile::Append(std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::pwrite(fd_, data.data(), data.size(), static_cast<off_t>(size_));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Status::Io(Tr("cannot write a temporary file in {0}: {1}", dir_,
                           std::strerror(n < 0 ? errno : ENOSPC)));
    }
    size_ += static_cast<std::uint64_t>(n);
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

Status ScratchFile::ReadAt(std::uint64_t offset, std::size_t size, std::string* out) const {
  out->resize(size);
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd_, out->data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return Status::Io(Tr("cannot read a temporary file in {0}: {1}", dir_,
                           n < 0 ? std::string(std::strerror(errno))
                                 : std::string(_("it is shorter than written"))));
    }
    done += static_cast<std::size_t>(n);
  }
  return Status::Ok();
}

}  // namespace mediate
