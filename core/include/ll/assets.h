#pragma once
// Where the app's own files are (fonts, the iris data, the lesson scenarios). Found relative to the
// executable, never through a path compiled into it, so an installed or moved program finds its
// files: $LOGISTIC_LAB_ASSETS if set, else share/logistic-lab beside the executable's folder
// (/usr/bin/logistic-lab → /usr/share/logistic-lab). A build tree has the same layout: CMake links
// <build>/share/logistic-lab to the source's assets/, for every program built there.
#include <string>
#include <vector>

namespace ll {

struct AssetsLookup {
  std::string folder;                 // where they are (the first place looked, if nowhere)
  std::vector<std::string> looked_in; // every place tried, in order
  bool found = false;                 // a folder with fonts/ and data/ in it
};
AssetsLookup find_assets();

// find_assets().folder, looked up once.
const std::string& assets_dir();

}  // namespace ll
