#pragma once
// A lesson's checkpoints (issue 16 §2): questions a scenario file asks at given steps — the
// lecture notes' multiple-choice and short questions — each with its answer and an explanation
// that points at the window (a panel opened, σ′ shown), and the controls the lesson locks or
// hides from then on. The scenario key:
//
//   "checkpoints": [{"step": 1, "question": "…", "choices": ["…", "…"], "answer": 2,
//                    "explanation": "…", "opens": "activation", "derivative": true,
//                    "lock": ["loss"], "hide": ["compare"]},
//                   {"step": 3, "question": "ŷ of sample 1?", "answer": 0.6857, "tolerance": 0.0001, …}]
//
// "answer" is the 1-based number of the right choice, or (without "choices") the number to type.
// No UI here.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace ll::app {

// What a lesson can lock (greyed out) or hide in the Controls panel.
inline const std::vector<std::string>& lesson_controls() {
  static const std::vector<std::string> names = {"data",  "loss",        "activation", "labels",  "rates",
                                                 "batch", "theta",       "conventions", "compare"};
  return names;
}

constexpr std::size_t kMostCheckpoints = 100;
constexpr std::size_t kMostCheckpointText = 4000;   // characters of a question, choice or explanation

struct Checkpoint {
  std::size_t step = 0;               // asked when the run reaches this step (0: at the start)
  std::string question;
  std::vector<std::string> choices;   // empty: the answer is a number to type
  std::size_t answer = 0;             // the right choice, 0-based
  double number = 0.0;                // the number to type (no choices)
  double tolerance = 5e-5;            // … right within this (the slides' 4 decimals)
  std::string explanation;            // shown once answered
  std::string opens;                  // a panel to open with the explanation: data, activation, log-loss (the
                                      // activation panel's explorer), loss, chain, landscape
  bool derivative = false;            // … and σ′ shown in the activation panel
  std::vector<std::string> lock, hide;   // lesson_controls() names, from this checkpoint on
  bool operator==(const Checkpoint& o) const;
};

// Reads the "checkpoints" value; throws InputError naming the file and the key
// ("lesson.json: key 'checkpoints[2].answer': …").
std::vector<Checkpoint> read_checkpoints(const std::string& file, const nlohmann::json& value);
nlohmann::ordered_json checkpoints_json(const std::vector<Checkpoint>& checkpoints);

// Grades a typed or chosen answer: `choice` 0-based (multiple choice) or `number`.
bool checkpoint_right(const Checkpoint& checkpoint, std::size_t choice, double number);

}  // namespace ll::app
