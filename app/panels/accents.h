#pragma once
// Colours with a meaning (an error, the loss curve, a heading), readable on the background of the
// theme in force: the shell applies the theme (shell/theme.h), panels read their colours here
// instead of hard-coding a shade that suits only one background.
#include <imgui.h>

namespace ll::app {

// Colours with a meaning, readable on the current theme's background.
struct Accents {
  ImVec4 error;          // a refused step, undefined values
  ImVec4 warning;        // diverged, the loss went up, a bad setting
  ImVec4 good;           // the loss went down
  ImVec4 heading;        // section titles in the chain panel
  ImVec4 mean_loss;      // the loss curve: mean over the data set
  ImVec4 batch_loss;     // the loss curve: the batch's loss (behind the mean)
  ImVec4 epoch_mark;     // vertical marks at epoch starts
  ImVec4 settings_mark;  // vertical marks where the settings changed
  ImVec4 data_loss;      // the loss curve with λ > 0: the data term, under the total
  ImVec4 second_run;     // run b of a comparison: its loss curve, boundary and path
  ImVec4 test_loss;      // the loss curve on the held-out part (--test-fraction)
};
const Accents& CurrentAccents();

}  // namespace ll::app
