#include <doctest/doctest.h>

#include <array>

#include "app/app_state.h"

using namespace limber::app;

TEST_CASE("app state: the JSON carries screen, frames, viewport and controls") {
  const std::array controls = {
      ControlRect{.id = "start", .label = "Start", .x = 20, .y = 600.5f, .width = 350, .height = 64},
  };
  AppSnapshot s;
  s.ready = true;
  s.screen = Screen::before_you_start;
  s.can_go_back = true;
  s.frames_drawn = 7;
  s.sleeping = true;
  s.viewport = {.css_width = 390, .css_height = 844, .pixel_ratio = 3,
                .framebuffer_width = 1170, .framebuffer_height = 2532};
  s.font_pixel_ratio = 3;
  s.catalogue_exercises = 24;
  s.catalogue_routines = 4;
  s.clips = 24;
  s.figures_drawn = 2;
  s.theme = "dark";
  s.controls = controls;
  CHECK(state_json(s) ==
        std::string(R"({"app":"limber","version":")") + LIMBER_VERSION +
            R"(","ready":true,"screen":"before_you_start","canGoBack":true,"frames":7,"sleeping":true,)"
            R"("viewport":{"width":390,"height":844,"pixelRatio":3,"framebufferWidth":1170,"framebufferHeight":2532},)"
            R"("fontPixelRatio":3,"catalogue":{"exercises":24,"routines":4},"clips":24,"figures":2,"theme":"dark","controls":[{"id":"start","label":"Start","x":20,"y":600.5,"width":350,"height":64}]})");
}

TEST_CASE("app state: a label with quotes stays valid JSON") {
  const std::array controls = {ControlRect{.id = "q", .label = "Say \"go\"", .x = 0, .y = 0, .width = 1, .height = 1}};
  AppSnapshot s;
  s.controls = controls;
  CHECK(state_json(s).find(R"("label":"Say \"go\"")") != std::string::npos);
}
