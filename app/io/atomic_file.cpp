// Temporary file + fsync + rename: POSIX rename() replaces the target in one step, so a reader
// sees either the old file or the new one, never a mixture.
#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ll::app::io {
namespace {

bool fail(std::string* error, const std::string& what, int err) {
  if (error != nullptr) *error = what + ": " + std::strerror(err);
  return false;
}

// Makes a unique, empty temporary file beside `path`: "<path>.tmp-XXXXXX".
bool make_temporary(const std::string& path, std::string& temporary, std::string* error) {
  std::string pattern = path + ".tmp-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return fail(error, "cannot write " + path, errno);
  close(fd);
  temporary = pattern;
  return true;
}

// Flushes a written file's bytes to disk, so that the rename never publishes an empty file
// after a power cut.
bool sync_file(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  const bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

}  // namespace

bool write_file_atomically(const std::string& path,
                           const std::function<bool(const std::string& temporary_path)>& write_to,
                           std::string* error) {
  if (path.empty()) {
    if (error != nullptr) *error = "cannot write a file without a name";
    return false;
  }
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (error != nullptr) *error = "cannot write " + path + ": it is a folder";
    return false;
  }
  std::string temporary;
  if (!make_temporary(path, temporary, error)) return false;
  if (!write_to(temporary)) {
    const int err = errno != 0 ? errno : EIO;
    std::remove(temporary.c_str());
    return fail(error, "cannot write " + path, err);
  }
  if (!sync_file(temporary)) {
    const int err = errno;
    std::remove(temporary.c_str());
    return fail(error, "cannot write " + path, err);
  }
  // mkstemp makes the file 0600; give it the usual rw-r--r-- (less the umask).
  const mode_t mask = umask(0);
  umask(mask);
  chmod(temporary.c_str(), 0666 & ~mask);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(temporary.c_str());
    return fail(error, "cannot write " + path, err);
  }
  return true;
}

bool write_file_atomically(const std::string& path, const std::string& bytes, std::string* error) {
  return write_file_atomically(
      path,
      [&bytes](const std::string& temporary) {
        errno = 0;
        std::FILE* f = std::fopen(temporary.c_str(), "wb");
        if (f == nullptr) return false;
        const bool wrote = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        const bool closed = std::fclose(f) == 0;  // a full disk often shows only here
        return wrote && closed;
      },
      error);
}

bool make_folders(const std::string& folder, std::string* error) {
  if (folder.empty()) return true;
  std::string partial;
  std::size_t start = 0;
  while (start <= folder.size()) {
    const auto slash = folder.find('/', start);
    const std::size_t end = slash == std::string::npos ? folder.size() : slash;
    partial = folder.substr(0, end);
    start = end + 1;
    if (partial.empty()) continue;  // the leading '/'
    if (mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST)
      return fail(error, "cannot create the folder " + partial, errno);
    struct stat st {};
    if (stat(partial.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      if (error != nullptr) *error = "cannot create the folder " + folder + ": " + partial + " is not a folder";
      return false;
    }
    if (slash == std::string::npos) break;
  }
  return true;
}

}  // namespace ll::app::io
