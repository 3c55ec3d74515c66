// Temporary file + fsync + rename: POSIX rename() replaces the target in one step, so a reader
// sees either the old file or the new one, never a mixture.
#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>
#include <limits.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

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
// after a power cut. O_NOFOLLOW: a link someone put in the temporary's place is not followed.
bool sync_file(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW);
  if (fd < 0) return false;
  const bool ok = fsync(fd) == 0;
  close(fd);
  return ok;
}

// What a path that is not a regular file is, in words.
const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISFIFO(mode)) return "a pipe (FIFO)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// The folder part of a path ("." for a bare name).
std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string resolve_links(const std::string& path) {
  std::string target = path;
  for (int hops = 0; hops < 40; ++hops) {   // as the kernel's limit on nested links
    struct stat st {};
    if (lstat(target.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return target;
    char buf[PATH_MAX];
    const ssize_t n = readlink(target.c_str(), buf, sizeof buf - 1);
    if (n <= 0) return target;
    const std::string link(buf, static_cast<std::size_t>(n));
    target = link[0] == '/' ? link : folder_of(target) + "/" + link;
  }
  return target;
}

int remove_stale_temporaries(const std::string& path, double older_than_seconds) {
  const std::string folder = folder_of(path);
  const std::string prefix = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1) + ".tmp-";
  DIR* dir = opendir(folder.c_str());
  if (dir == nullptr) return 0;
  int removed = 0;
  const std::time_t now = std::time(nullptr);
  while (const dirent* e = readdir(dir)) {
    const std::string name = e->d_name;
    // Ours: "<name>.tmp-" and mkstemp's six characters, a regular file of this user, not being
    // written now (another instance saving: older than `older_than_seconds`).
    if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string full = folder + "/" + name;
    struct stat st {};
    if (lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) continue;
    if (std::difftime(now, st.st_mtime) < older_than_seconds) continue;
    if (unlink(full.c_str()) == 0) ++removed;
  }
  closedir(dir);
  return removed;
}

bool write_file_atomically(const std::string& path_given,
                           const std::function<bool(const std::string& temporary_path)>& write_to,
                           std::string* error) {
  if (path_given.empty()) {
    if (error != nullptr) *error = "cannot write a file without a name";
    return false;
  }
  // Through a symbolic link to the file it names (a dotfiles setup keeps its link), and only over
  // a regular file: the rename would replace a device (/dev/null), a pipe or a socket.
  const std::string path = resolve_links(path_given);
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (error != nullptr) *error = "cannot write " + path_given + ": it is " + kind_of(st.st_mode) + ", not a regular file";
    return false;
  }
  std::string temporary;
  if (!make_temporary(path, temporary, error)) return false;
  if (!write_to(temporary)) {
    const int err = errno != 0 ? errno : EIO;
    std::remove(temporary.c_str());
    return fail(error, "cannot write " + path_given, err);
  }
  if (!sync_file(temporary)) {
    const int err = errno;
    std::remove(temporary.c_str());
    return fail(error, "cannot write " + path_given, err);
  }
  // mkstemp makes the file 0600; give it the usual rw-r--r-- (less the umask).
  const mode_t mask = umask(0);
  umask(mask);
  chmod(temporary.c_str(), 0666 & ~mask);
  // Still the regular file mkstemp made for this user (not something put in its place).
  struct stat written {};
  if (lstat(temporary.c_str(), &written) != 0 || !S_ISREG(written.st_mode) || written.st_uid != geteuid()) {
    std::remove(temporary.c_str());
    if (error != nullptr) *error = "cannot write " + path_given + ": its temporary file was replaced while writing";
    return false;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(temporary.c_str());
    return fail(error, "cannot write " + path_given, err);
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
