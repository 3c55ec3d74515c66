// read_regular_file: open(O_NONBLOCK) then fstat, so the check and the read are of the same file.
#include "ll/file_reading.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "ll/error.h"

namespace ll {

std::string describe_bytes(std::uint64_t bytes) {
  const auto in_units = [bytes](std::uint64_t unit, const char* name) {
    const std::uint64_t whole = bytes / unit, tenth = bytes % unit * 10 / unit;
    return std::to_string(whole) + (tenth ? "." + std::to_string(tenth) : "") + " " + name;
  };
  if (bytes >= (1ull << 30)) return in_units(1ull << 30, "GiB");
  if (bytes >= (1ull << 20)) return in_units(1ull << 20, "MiB");
  if (bytes >= (1ull << 10)) return in_units(1ull << 10, "KiB");
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string read_regular_file(const std::string& path, std::uint64_t max_bytes, const std::string& kind) {
  const auto failure = [&path](const std::string& what) { return InputError(path + ": " + what); };
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw failure("cannot open (" + std::string(std::strerror(errno)) + ")");
  const std::unique_ptr<int, void (*)(int*)> closer(new int(fd), [](int* f) { ::close(*f); delete f; });
  struct stat info {};
  if (::fstat(fd, &info) != 0) throw failure("cannot open (" + std::string(std::strerror(errno)) + ")");
  if (S_ISDIR(info.st_mode)) throw failure("is a folder, not " + kind);
  if (!S_ISREG(info.st_mode)) throw failure("is not a regular file (a device or a pipe?)");
  const auto size = static_cast<std::uint64_t>(info.st_size);
  const std::string limit = "the reader's limit is " + std::to_string(max_bytes) + " bytes (" +
                            describe_bytes(max_bytes) + ")";
  if (size > max_bytes) throw failure("the file is " + std::to_string(size) + " bytes; " + limit);

  // What fstat() measured is what is read: a file growing meanwhile (a log) is read up to that size.
  std::string text(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw failure("cannot read (" + std::string(std::strerror(errno)) + ")");
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);  // it may have shrunk since fstat()
  return text;
}

}  // namespace ll
