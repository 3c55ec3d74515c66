// Files are written through a temporary file and a rename: a failed write leaves any existing
// file as it was and no temporary file behind.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/atomic_file.h"

namespace {

std::string make_temp_folder() {
  std::string pattern = "/tmp/ll-atomic-XXXXXX";
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> names_in(const std::string& folder) {
  std::vector<std::string> names;
  if (DIR* d = opendir(folder.c_str())) {
    while (dirent* e = readdir(d))
      if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") names.push_back(e->d_name);
    closedir(d);
  }
  return names;
}

void remove_tree(const std::string& folder) {
  for (const auto& n : names_in(folder)) std::remove((folder + "/" + n).c_str());
  rmdir(folder.c_str());
}

}  // namespace

using ll::app::io::make_folders;
using ll::app::io::write_file_atomically;

TEST_CASE("an atomic write creates the file, then replaces it whole") {
  const std::string folder = make_temp_folder();
  const std::string path = folder + "/out.txt";
  std::string error;
  REQUIRE(write_file_atomically(path, std::string("first"), &error));
  CHECK(read_all(path) == "first");
  REQUIRE(write_file_atomically(path, std::string("second, longer"), &error));
  CHECK(read_all(path) == "second, longer");
  CHECK(names_in(folder) == std::vector<std::string>{"out.txt"});  // no temporary left behind
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0044) != 0);  // readable by others like any file, not mkstemp's 0600
  remove_tree(folder);
}

TEST_CASE("a writer that fails midway leaves the existing file untouched") {
  const std::string folder = make_temp_folder();
  const std::string path = folder + "/keep.txt";
  REQUIRE(write_file_atomically(path, std::string("precious"), nullptr));
  std::string error;
  const bool ok = write_file_atomically(
      path,
      [](const std::string& temporary) {
        std::ofstream(temporary) << "half";  // some bytes, then a full disk
        errno = ENOSPC;
        return false;
      },
      &error);
  CHECK_FALSE(ok);
  CHECK(error == "cannot write " + path + ": No space left on device");
  CHECK(read_all(path) == "precious");
  CHECK(names_in(folder) == std::vector<std::string>{"keep.txt"});
  remove_tree(folder);
}

TEST_CASE("a write into a read-only folder fails with a message and changes nothing") {
  // root ignores permission bits, so as root the read-only folder is /proc (its top level takes
  // no new files, whoever asks).
  std::string folder = "/proc";
  std::string made;
  if (geteuid() != 0) {
    made = make_temp_folder();
    REQUIRE(write_file_atomically(made + "/old.txt", std::string("old"), nullptr));
    REQUIRE(chmod(made.c_str(), 0555) == 0);
    folder = made;
  }
  std::string error;
  CHECK_FALSE(write_file_atomically(folder + "/old.txt", std::string("new"), &error));
  CHECK(error.rfind("cannot write " + folder + "/old.txt: ", 0) == 0);
  if (!made.empty()) {
    CHECK(read_all(made + "/old.txt") == "old");
    CHECK(names_in(made) == std::vector<std::string>{"old.txt"});
    chmod(made.c_str(), 0755);
    remove_tree(made);
  }
}

TEST_CASE("a folder cannot be overwritten by a file, and missing folders are made") {
  const std::string folder = make_temp_folder();
  std::string error;
  CHECK_FALSE(write_file_atomically(folder, std::string("x"), &error));
  CHECK(error == "cannot write " + folder + ": it is a folder, not a regular file");
  REQUIRE(make_folders(folder + "/a/b", &error));
  CHECK(write_file_atomically(folder + "/a/b/c.txt", std::string("deep"), &error));
  CHECK(read_all(folder + "/a/b/c.txt") == "deep");
  std::remove((folder + "/a/b/c.txt").c_str());
  rmdir((folder + "/a/b").c_str());
  rmdir((folder + "/a").c_str());
  rmdir(folder.c_str());
}

// Hostile targets (issue 11): every one under a temporary folder.
#include <sys/sysmacros.h>
#include <utime.h>

TEST_CASE("a write through a symbolic link updates the file it names, and the link stays a link") {
  const std::string folder = make_temp_folder();
  const std::string target = folder + "/real.json", link = folder + "/settings.json";
  REQUIRE(write_file_atomically(target, std::string("old"), nullptr));
  REQUIRE(symlink("real.json", link.c_str()) == 0);   // relative, as dotfiles managers make them
  std::string error;
  REQUIRE(write_file_atomically(link, std::string("new"), &error));
  struct stat st {};
  REQUIRE(lstat(link.c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK(read_all(target) == "new");
  // A dangling link: the file is made where it points.
  const std::string dangling = folder + "/dangling.json";
  REQUIRE(symlink((folder + "/made.json").c_str(), dangling.c_str()) == 0);
  REQUIRE(write_file_atomically(dangling, std::string("made"), &error));
  CHECK(read_all(folder + "/made.json") == "made");
  REQUIRE(lstat(dangling.c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  remove_tree(folder);
}

TEST_CASE("a pipe, a device or a socket at the path is refused with a message and left as it was") {
  const std::string folder = make_temp_folder();
  const std::string fifo = folder + "/fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string error;
  CHECK_FALSE(write_file_atomically(fifo, std::string("x"), &error));
  CHECK(error == "cannot write " + fifo + ": it is a pipe (FIFO), not a regular file");
  struct stat st {};
  REQUIRE(lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  // A character device like /dev/null (1, 3): only root may make one; elsewhere /dev/null itself,
  // which is only read (lstat) since the write is refused before anything is created.
  const std::string device = folder + "/null";
  const bool made = mknod(device.c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0;
  const std::string at = made ? device : std::string("/dev/null");
  CHECK_FALSE(write_file_atomically(at, std::string("x"), &error));
  CHECK(error == "cannot write " + at + ": it is a device, not a regular file");
  REQUIRE(lstat(at.c_str(), &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  // A link to the device is refused the same way, naming the path given.
  const std::string link = folder + "/to-null";
  REQUIRE(symlink(at.c_str(), link.c_str()) == 0);
  CHECK_FALSE(write_file_atomically(link, std::string("x"), &error));
  CHECK(error == "cannot write " + link + ": it is a device, not a regular file");
  // Nothing else was made beside them.
  std::vector<std::string> names = names_in(folder);
  CHECK(names.size() == (made ? 3u : 2u));
  remove_tree(folder);
}

TEST_CASE("temporary files an interrupted save left are removed on the next start, others kept") {
  const std::string folder = make_temp_folder();
  const std::string path = folder + "/settings.json";
  const std::string stale = path + ".tmp-a1B2c3", fresh = path + ".tmp-z9Y8x7", other = path + ".tmp-toolong1";
  for (const std::string& f : {stale, fresh, other, path}) REQUIRE(write_file_atomically(f, std::string("x"), nullptr));
  struct utimbuf old {};
  old.actime = old.modtime = std::time(nullptr) - 3600;   // an hour ago
  REQUIRE(utime(stale.c_str(), &old) == 0);
  REQUIRE(utime(other.c_str(), &old) == 0);
  CHECK(ll::app::io::remove_stale_temporaries(path, 60.0) == 1);
  std::vector<std::string> names = names_in(folder);
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"settings.json", "settings.json.tmp-toolong1", "settings.json.tmp-z9Y8x7"});
  remove_tree(folder);
}
