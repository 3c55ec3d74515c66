#pragma once
// Errors the core reports to people: a bad setting, a bad file. The message names what is wrong
// (the setting, or file:line:column) and how to fix it, in plain words.
#include <stdexcept>
#include <string>

namespace ll {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ll
