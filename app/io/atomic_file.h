#pragma once
// Writing a file so that a crash, a full disk or a read-only folder never leaves half a file:
// the bytes go to a temporary file beside the target (same folder, so the rename stays on one
// file system), are flushed to disk, and only then renamed over the target. On any failure the
// temporary file is removed and the target, if it existed, is untouched.
#include <functional>
#include <string>

namespace ll::app::io {

// Writes `bytes` to `path` atomically. On failure returns false and, if `error` is given, sets
// it to one line naming the path and the reason ("cannot write /x/y.png: Permission denied").
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string* error);

// Same, for writers that produce the file themselves (e.g. stb_image_write): `write_to` is called
// with the temporary path and returns false if it could not write it.
bool write_file_atomically(const std::string& path,
                           const std::function<bool(const std::string& temporary_path)>& write_to,
                           std::string* error);

// The writes above go through a symbolic link to the file it names (links of links followed, a
// dangling one to where it points) and refuse a target that exists and is not a regular file (a
// device such as /dev/null, a pipe, a socket, a folder): "cannot write /dev/null: it is a device,
// not a regular file".
std::string resolve_links(const std::string& path);

// Removes what an interrupted write to `path` left: "<path>.tmp-XXXXXX" files of this user older
// than `older_than_seconds` (a write under way elsewhere is younger). Returns how many went.
int remove_stale_temporaries(const std::string& path, double older_than_seconds = 60.0);

// Creates `folder` and its missing parents (like mkdir -p). False with a message on failure.
bool make_folders(const std::string& folder, std::string* error);

}  // namespace ll::app::io
