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

// Creates `folder` and its missing parents (like mkdir -p). False with a message on failure.
bool make_folders(const std::string& folder, std::string* error);

}  // namespace ll::app::io
