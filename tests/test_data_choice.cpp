// The Controls panel's choices as model actions (model/data_choice.h): the source data set behind
// the pickers, a built-in data set, features and classes picked from it, and an activation that
// needs another loss or other classes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/data_choice.h"

using namespace ll;
using namespace ll::app;

namespace {

AppState on(const std::string& source, Activation activation = Activation::Sigmoid, Loss loss = Loss::BCE) {
  AppState s;
  RunSpec spec;
  spec.data.source = source;
  spec.settings.activation = activation;
  spec.settings.loss = loss;
  spec.steps = 0;
  REQUIRE(start_run(s, spec));
  return s;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the source data set has every feature and class of iris, and none for blobs") {
  AppState s = on("iris", Activation::Softmax, Loss::CCE);
  const Dataset* source = source_data(s);
  REQUIRE(source != nullptr);
  CHECK(source->features() == 4);
  CHECK(source->classes() == 3);
  CHECK(picked_features(s) == std::vector<std::size_t>{3, 4});   // the petal pair by default
  CHECK(picked_classes(s) == std::vector<std::size_t>{1, 2, 3});
  AppState blobs = on("blobs");
  CHECK(source_data(blobs) == nullptr);
  CHECK(picked_features(blobs).empty());
}

TEST_CASE("choosing iris under sigmoid keeps the first two species and says so") {
  AppState s = on("iris4");
  choose_builtin(s, "iris");
  CHECK(s.data().name == "iris");
  CHECK(s.data().classes() == 2);
  CHECK(s.spec.data.classes == std::vector<std::size_t>{1, 2});
  CHECK(contains(s.status, "setosa and versicolor were picked"));
  CHECK_FALSE(s.status_is_error);
}

TEST_CASE("picking features and classes starts a run on them; all classes in order is no selection") {
  AppState s = on("iris", Activation::Softmax, Loss::CCE);
  pick_features(s, 1, 3);
  CHECK(s.data().feature_names == std::vector<std::string>{source_data(s)->feature_names[0], source_data(s)->feature_names[2]});
  CHECK(s.spec.data.features == std::vector<std::size_t>{1, 3});
  pick_features(s, 2, 0);
  CHECK(s.data().features() == 1);
  pick_classes(s, {3, 1});
  CHECK(s.data().classes() == 2);
  CHECK(s.data().class_names[0] == source_data(s)->class_names[2]);   // label 0 is the first picked
  pick_classes(s, {1, 2, 3});
  CHECK(s.spec.data.classes.empty());
  CHECK(s.data().classes() == 3);
}

TEST_CASE("switching the activation fixes the loss and the classes it needs, and says why") {
  AppState s = on("iris", Activation::Softmax, Loss::CCE);
  pick_classes(s, {2, 3, 1});
  choose_activation(s, Activation::Tanh);
  CHECK(s.settings().activation == Activation::Tanh);
  CHECK(s.settings().loss == Loss::BCE);                       // tanh with CCE is not defined
  CHECK(s.spec.data.classes == std::vector<std::size_t>{2, 3});  // the first two of those picked
  CHECK(contains(s.status, "is not defined, so the loss is now bce"));
  CHECK(contains(s.status, "separates two classes"));
  choose_activation(s, Activation::Softmax);
  CHECK(s.settings().loss == Loss::CCE);
  CHECK(s.data().classes() == 3);                              // every class back
  CHECK(contains(s.status, "all 3 are back"));
  AppState two = on("iris4");
  choose_activation(two, Activation::Tanh);                    // same shape: the history is kept
  CHECK(two.settings().activation == Activation::Tanh);
  CHECK(two.settings().loss == Loss::BCE);
}
