#pragma once
// Points a student moves, adds, deletes or relabels (the data panel): each edit a new data set,
// the one before it untouched (undo keeps it), named "<name> (edited)". The edited set carries
// its samples as they are drawn, so it is never standardized itself (DataOptions::points).
#include <cstddef>
#include <string>
#include <vector>

#include "ll/dataset.h"

namespace ll {

// The most samples an edited data set (a scenario's "points") may hold: checked before reading.
constexpr std::size_t kMostEditedPoints = 100'000;

// Sample i (0-based) at x (x2 ignored with one feature).
Dataset with_point_moved(const Dataset& data, std::size_t i, double x1, double x2);
// A new sample of class `label` at x, last.
Dataset with_point_added(const Dataset& data, double x1, double x2, int label);
// Without sample i; throws InputError when that would leave fewer than 2 samples or a class empty.
Dataset with_point_deleted(const Dataset& data, std::size_t i);
// Sample i in class `label`; throws InputError when that would leave its old class empty.
Dataset with_point_relabelled(const Dataset& data, std::size_t i, int label);

// v on a grid a hand calculation can use, for a sample placed with the mouse: the step m·10^e
// (m = 1, 2 or 5) no finer than the decimals of `values` (the feature's, at most 4) nor than a
// hundredth of `view_range`; the result is the double nearest the decimal (2.2, not 2.2000000000000002).
double snap_to_grid(double v, const std::vector<double>& values, double view_range);

// Throws InputError (naming `where`, e.g. "lesson.json: key 'points'") unless `data` is a data set
// training can use: at least one feature and two classes, 2 to kMostEditedPoints samples, every
// value finite, every label a class, a name per feature and class.
void check_points(const Dataset& data, const std::string& where);

}  // namespace ll
