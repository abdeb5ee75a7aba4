// Every way a clips file can be wrong, one case each, named by file, clip and key.
#include <doctest/doctest.h>

#include <string>

#include "animation/clip.h"
#include "problem_matchers.h"

using limber::animation::load_clips;
using limber::catalogue::format;

namespace {

std::string valid() {
  return R"({"schema":1,
 "postures":[{"id":"lying","surface":"floor","root":{"y":0.12,"pitch":90},"joints":{"thigh_l":{"flex":45},"shin_l":{"flex":100}}}],
 "clips":[{"id":"lift","exercise":"leg_lift","posture":"lying","view":"side","props":["pillow"],"contacts":[],
           "move":[{"t":0.5,"joints":{"thigh_l":{"flex":60}}},{"t":1,"joints":{"thigh_l":{"flex":80}}}]}]})";
}

void replace(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  text.replace(at, from.size(), to);
}

void expect(const std::string& text, const std::string& problem) {
  const auto r = load_clips(text);
  CHECK_FALSE(r.library.has_value());
  limber::test::expect_problem(r.problems, problem);
}

}  // namespace

TEST_CASE("clip validation: the minimal file is valid, and release defaults to the move reversed") {
  const auto r = load_clips(valid());
  REQUIRE(r.library.has_value());
  const auto& c = r.library->clips[0];
  CHECK(c.move.size() == 3);
  CHECK(c.release.size() == 3);
  CHECK(c.release.back().pose.joints == c.start.joints);
}

TEST_CASE("clip validation: key times must rise") {
  std::string t = valid();
  replace(t, R"({"t":0.5,)", R"({"t":1,)");
  expect(t, "clips.json: clips[lift].move[1].t: key times must rise within (0, 1]: got 1 after 1");
}

TEST_CASE("clip validation: the last key is at t = 1") {
  std::string t = valid();
  replace(t, R"({"t":1,"joints":{"thigh_l":{"flex":80}}})", R"({"t":0.8,"joints":{"thigh_l":{"flex":80}}})");
  expect(t, "clips.json: clips[lift].move[1].t: the last key must be at t = 1");
}

TEST_CASE("clip validation: an unknown bone") {
  std::string t = valid();
  replace(t, R"({"t":0.5,"joints":{"thigh_l")", R"({"t":0.5,"joints":{"tail")");
  const auto r = load_clips(t);
  REQUIRE_FALSE(r.problems.empty());
  CHECK(r.problems[0].path == "clips[lift].move[0].joints.tail");
  CHECK(r.problems[0].message.rfind("unknown field (fields here: pelvis, lower_spine,", 0) == 0);
}

TEST_CASE("clip validation: an angle outside the joint's normal range") {
  std::string t = valid();
  replace(t, R"({"thigh_l":{"flex":80}})", R"({"thigh_l":{"flex":150}})");
  expect(t, "clips.json: clips[lift].move[1].joints.thigh_l.flex: 150 is outside the normal range -20 to 125 for thigh_l");
}

TEST_CASE("clip validation: a posture outside the normal range") {
  std::string t = valid();
  replace(t, R"("shin_l":{"flex":100})", R"("shin_l":{"flex":-30})");
  expect(t, "clips.json: postures[lying].joints.shin_l.flex: -30 is outside the normal range -5 to 140 for shin_l");
}

TEST_CASE("clip validation: a clip with no move phase") {
  std::string t = valid();
  replace(t, R"("move":[{"t":0.5,"joints":{"thigh_l":{"flex":60}}},{"t":1,"joints":{"thigh_l":{"flex":80}}}])", R"("move":[])");
  expect(t, "clips.json: clips[lift].move: a clip needs a move phase (at least one key)");
}

TEST_CASE("clip validation: a move phase missing altogether") {
  std::string t = valid();
  replace(t, "\"contacts\":[],\n           \"move\":[{\"t\":0.5,\"joints\":{\"thigh_l\":{\"flex\":60}}},{\"t\":1,\"joints\":{\"thigh_l\":{\"flex\":80}}}]",
          "\"contacts\":[]");
  expect(t, "clips.json: clips[lift].move: a clip needs a move phase (at least one key)");
}

TEST_CASE("clip validation: a release that does not end in the start position") {
  std::string t = valid();
  replace(t, R"("contacts":[],)", R"("contacts":[],"release":[{"t":1,"joints":{"thigh_l":{"flex":50}}}],)");
  expect(t, "clips.json: clips[lift].release: must end in the start position (thigh_l differs)");
}

TEST_CASE("clip validation: an unknown posture") {
  std::string t = valid();
  replace(t, R"("posture":"lying")", R"("posture":"standing")");
  expect(t, "clips.json: clips[lift].posture: unknown posture 'standing'");
}

TEST_CASE("clip validation: an unknown contact") {
  std::string t = valid();
  replace(t, R"("contacts":[])", R"("contacts":["nose"])");
  expect(t, "clips.json: clips[lift].contacts[0]: unknown contact 'nose' (foot_l, foot_r, hand_l, hand_r)");
}

TEST_CASE("clip validation: an unknown view or prop") {
  std::string t = valid();
  replace(t, R"("view":"side")", R"("view":"drone")");
  expect(t, "clips.json:3:71: clips[lift].view: unknown value 'drone' (expected one of: side, three_quarter, from_feet, above)");
}

TEST_CASE("clip validation: duplicate clips and two clips for one exercise") {
  std::string t = valid();
  replace(t, R"(]}]})", R"(]},{"id":"lift","exercise":"leg_lift","posture":"lying","view":"side","props":[],"contacts":[],"move":[{"t":1}]}]})");
  expect(t, "clips.json: clips[lift].id: duplicate id 'lift'");
  expect(t, "clips.json: clips[lift].exercise: a second clip for exercise 'leg_lift'");
}

TEST_CASE("clip validation: a JSON syntax error, with line and column") {
  expect("{\"schema\":1,\n\"clips\":[}", "clips.json:2:10: unexpected character '}'; expected a value");
}

TEST_CASE("clip validation: an unsupported schema") {
  std::string t = valid();
  replace(t, R"({"schema":1)", R"({"schema":3)");
  expect(t, "clips.json: schema: unsupported schema 3 (this version reads 1)");
}

TEST_CASE("clip validation: a release that ends with the body somewhere else is refused") {
  std::string t = valid();
  replace(t, R"("contacts":[],)", R"("contacts":[],"release":[{"t":1,"root":{"pitch":80},"joints":{"thigh_l":{"flex":45}}}],)");
  expect(t, "clips.json: clips[lift].release: must end in the start position (root differs)");
}

TEST_CASE("clip validation: one bad clip does not hide another's problems") {
  std::string t = valid();
  replace(t, R"({"t":1,"joints":{"thigh_l":{"flex":80}}})", R"({"t":1,"joints":{"thigh_l":{"flex":150}}})");
  replace(t, R"(]}]})", R"(]},{"id":"second","exercise":"other","posture":"lying","view":"side","props":[],"contacts":[],)"
                         R"("move":[{"t":1,"joints":{"thigh_l":{"flex":60}}}],"release":[{"t":1,"joints":{"thigh_l":{"flex":50}}}]}]})");
  expect(t, "clips.json: clips[lift].move[1].joints.thigh_l.flex: 150 is outside the normal range -20 to 125 for thigh_l");
  expect(t, "clips.json: clips[second].release: must end in the start position (thigh_l differs)");
}

TEST_CASE("clip sampling: a joint moving from 0 to 180 degrees passes through 90, not backwards") {
  limber::animation::LocalPose a, b, mid;
  b.joints[limber::animation::index(limber::animation::Bone::upper_arm_l)].flex = 180;
  b.root_yaw = 350;
  limber::animation::blend(a, b, 0.5f, mid);
  CHECK(mid.joints[limber::animation::index(limber::animation::Bone::upper_arm_l)].flex == doctest::Approx(90));
  CHECK(mid.root_yaw == doctest::Approx(-5));  // the root takes the short way
}
