// Screenshot names (app/gui/screenshot_names.h): the name says what the picture shows, is safe in
// any file system, and a second screenshot of the same view never replaces the first.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "model/screenshot_names.h"

using ll::app::sanitise_name_part;
using ll::app::screenshot_name;
using ll::app::unique_path;

TEST_CASE("a screenshot name gives data set, loss, activation, mode, step and panel") {
  CHECK(screenshot_name("iris4", "bce", "sigmoid", "batch", 1, "chain", 1) ==
        "iris4_bce_sigmoid_batch_step001_chain.png");
  CHECK(screenshot_name("iris4", "bce", "sigmoid", "batch", 1, "", 1) == "iris4_bce_sigmoid_batch_step001.png");
  CHECK(screenshot_name("blobs", "mse", "tanh", "sgd", 42, "loss", 2) == "blobs_mse_tanh_sgd_step042_loss@2x.png");
  CHECK(screenshot_name("blobs", "mse", "tanh", "sgd", 0, "", 3) == "blobs_mse_tanh_sgd_step000@3x.png");
  CHECK(screenshot_name("blobs", "bce", "sigmoid", "batch", 12345, "", 0) ==
        "blobs_bce_sigmoid_batch_step12345.png");  // more than 3 digits are kept; scale ≤ 1: no suffix
}

TEST_CASE("a screenshot name turns a CSV path into a safe data set name") {
  CHECK(screenshot_name("my data.csv", "bce", "sigmoid", "batch", 7, "", 1) == "my-data_bce_sigmoid_batch_step007.png");
  CHECK(screenshot_name("/home/ada/data/Données (v2).csv", "bce", "sigmoid", "batch", 7, "", 1) ==
        "Donn-es-v2_bce_sigmoid_batch_step007.png");
  CHECK(screenshot_name("", "bce", "sigmoid", "batch", 7, "", 1) == "data_bce_sigmoid_batch_step007.png");
  CHECK(screenshot_name(".csv", "bce", "", "batch", 7, "data plot", 1) == "csv_bce_batch_step007_data-plot.png");
  const std::string long_name(200, 'x');
  CHECK(screenshot_name(long_name + ".csv", "bce", "sigmoid", "batch", 1, "", 1) ==
        std::string(64, 'x') + "_bce_sigmoid_batch_step001.png");
  CHECK(sanitise_name_part("--a  b..c__d--") == "a-b-c__d");
  CHECK(sanitise_name_part("../../etc/passwd") == "etc-passwd");
  CHECK(sanitise_name_part("") == "");
}

TEST_CASE("a unique screenshot path adds -2, -3 … so an existing file is never overwritten") {
  std::string pattern = "/tmp/ll-shots-XXXXXX";
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  const std::string folder = pattern;
  const std::string name = "iris4_bce_sigmoid_batch_step001.png";
  CHECK(unique_path(folder, name) == folder + "/" + name);
  std::ofstream(folder + "/" + name) << "first";
  CHECK(unique_path(folder, name) == folder + "/iris4_bce_sigmoid_batch_step001-2.png");
  CHECK(unique_path(folder + "/", name) == folder + "/iris4_bce_sigmoid_batch_step001-2.png");
  std::ofstream(folder + "/iris4_bce_sigmoid_batch_step001-2.png") << "second";
  CHECK(unique_path(folder, name) == folder + "/iris4_bce_sigmoid_batch_step001-3.png");

  std::ofstream(folder + "/shot@2x.png") << "retina";
  CHECK(unique_path(folder, "shot@2x.png") == folder + "/shot-2@2x.png");  // the scale suffix stays last
  std::ofstream(folder + "/README") << "no extension";
  CHECK(unique_path(folder, "README") == folder + "/README-2");

  for (const char* f : {"iris4_bce_sigmoid_batch_step001.png", "iris4_bce_sigmoid_batch_step001-2.png",
                        "shot@2x.png", "README"})
    std::remove((folder + "/" + f).c_str());
  rmdir(folder.c_str());
}
