#include "panels/accents.h"

#include "plot/plot.h"

namespace ll::app {
namespace {

// Okabe–Ito hues (distinct for colour-blind viewers), lighter on dark, darker on light.
const Accents kDarkAccents{
    {1.00f, 0.45f, 0.38f, 1.0f},  // error: light vermillion
    {1.00f, 0.62f, 0.25f, 1.0f},  // warning: orange
    {0.45f, 0.85f, 0.50f, 1.0f},  // good: green
    {0.55f, 0.78f, 1.00f, 1.0f},  // heading: light blue
    {0.34f, 0.71f, 0.91f, 1.0f},  // mean loss: sky blue
    {0.90f, 0.62f, 0.00f, 0.55f}, // batch loss: orange, see-through
    {0.70f, 0.70f, 0.70f, 0.50f}, // epoch marks: grey
    {0.80f, 0.47f, 0.65f, 0.95f}, // settings marks: reddish purple
    {0.94f, 0.89f, 0.26f, 1.0f},  // data loss: yellow
    {0.35f, 0.88f, 0.70f, 1.0f},  // run b: light bluish green
    {1.00f, 0.60f, 0.80f, 1.0f},  // test loss: pink
};
const Accents kLightAccents{
    {0.75f, 0.15f, 0.05f, 1.0f},  // error: dark vermillion
    {0.70f, 0.33f, 0.00f, 1.0f},  // warning: dark orange
    {0.00f, 0.45f, 0.25f, 1.0f},  // good: dark bluish green
    {0.00f, 0.30f, 0.60f, 1.0f},  // heading: dark blue
    {0.00f, 0.45f, 0.70f, 1.0f},  // mean loss: Okabe–Ito blue
    {0.84f, 0.37f, 0.00f, 0.55f}, // batch loss: vermillion, see-through
    {0.35f, 0.35f, 0.35f, 0.50f}, // epoch marks: grey
    {0.65f, 0.30f, 0.50f, 0.95f}, // settings marks: dark reddish purple
    {0.00f, 0.62f, 0.45f, 1.0f},  // data loss: bluish green
    {0.55f, 0.45f, 0.00f, 1.0f},  // run b: dark olive
    {0.70f, 0.10f, 0.45f, 1.0f},  // test loss: dark magenta
};

}  // namespace

// The plot layer's background flag is the one the theme sets (shell/theme.cpp: ApplyTheme).
const Accents& CurrentAccents() { return plot::LightBackground() ? kLightAccents : kDarkAccents; }

}  // namespace ll::app
