#include "ll/assets.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace ll {

AssetsLookup find_assets() {
  namespace fs = std::filesystem;
  AssetsLookup out;
  std::error_code ec;
  if (const char* env = std::getenv("LOGISTIC_LAB_ASSETS"); env != nullptr && *env != '\0') {
    out.looked_in.emplace_back(env);
  } else {
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) out.looked_in.push_back((exe.parent_path().parent_path() / "share" / "logistic-lab").lexically_normal().string());
  }
  for (const std::string& place : out.looked_in)
    if (fs::is_directory(fs::path(place) / "fonts", ec) && fs::is_directory(fs::path(place) / "data", ec)) {
      out.folder = place;
      out.found = true;
      return out;
    }
  out.folder = out.looked_in.empty() ? "share/logistic-lab" : out.looked_in.front();
  return out;
}

const std::string& assets_dir() {
  static const std::string folder = find_assets().folder;
  return folder;
}

}  // namespace ll
