#pragma once
// The number format is the core's (ll/number_format.h), so that messages, the trace and the
// window print the same digits.
#include "ll/number_format.h"
