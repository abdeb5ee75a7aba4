// The printed routine sheet (print/routine_sheet.h) and its SVG (print/svg.h): every section
// present for every exercise, the dosage as the routine plans it, the figures drawn, the QR
// code's modules exactly those of the link, the document well formed, and every text from a
// person or a link escaped.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "animation_fixtures.h"
#include "catalogue/dosage.h"
#include "catalogue/summary.h"
#include "links/qr_code.h"
#include "catalogue/prescription.h"
#include "print/routine_sheet.h"
#include "print/svg.h"

using namespace limber;

namespace {

constexpr const char* kLink = "https://limber.example/#routine=1.AAAA.BBBB";

std::string sheet_of(const catalogue::Routine& routine, std::string note = "", std::string link = kLink) {
  catalogue::Routine r = routine;
  if (!note.empty()) r.note = std::move(note);
  return print::routine_sheet({.catalogue = &test::shipped_catalogue(), .clips = &test::shipped_clips(), .routine = &r,
                               .link = std::move(link), .link_problem = "it has no exercises", .seconds = 300});
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The sheet's sections: each `<section ...>...</section>`, in order (they do not nest).
std::vector<std::string> sections(const std::string& html) {
  std::vector<std::string> out;
  for (std::size_t at = html.find("<section"); at != std::string::npos; at = html.find("<section", at + 1)) {
    const std::size_t end = html.find("</section>", at);
    REQUIRE(end != std::string::npos);
    out.push_back(html.substr(at, end - at));
  }
  return out;
}

// Every element closed in order (void-free HTML: each tag is closed or self-closing). Returns
// "" or the first mismatch.
std::string nesting_problem(const std::string& html) {
  std::vector<std::string> open;
  const std::regex tag(R"(<(/?)([a-zA-Z0-9]+)[^>]*?(/?)>)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[2].str();
    if ((*it)[3].length()) continue;  // <circle .../>
    if ((*it)[1].length() == 0) {
      open.push_back(name);
    } else if (open.empty() || open.back() != name) {
      return "</" + name + "> closes " + (open.empty() ? std::string("nothing") : "<" + open.back() + ">");
    } else {
      open.pop_back();
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

std::string escaped(const std::string& text) { return print::html_text(text); }

}  // namespace

TEST_CASE("routine sheet: every built-in routine has its cover, the safety page and a page per exercise with every part") {
  const catalogue::Catalogue& c = test::shipped_catalogue();
  for (const catalogue::Routine& r : c.routines) {
    INFO("routine " << r.id);
    const std::string html = sheet_of(r);
    CHECK(nesting_problem(html) == "");
    const std::vector<std::string> parts = sections(html);
    REQUIRE(parts.size() == r.items.size() + 2);
    // The cover: the name as the only level-1 heading, how often, the exercises in order, the link.
    CHECK(count(html, "<h1") == 1);
    CHECK(parts[0].find("<h1 id=\"sheet-title\">" + escaped(r.name) + "</h1>") != std::string::npos);
    CHECK(parts[0].find(escaped(catalogue::frequency_sentence(r))) != std::string::npos);
    CHECK(parts[0].find("About 5 min each time.") != std::string::npos);
    CHECK(count(parts[0], "<li>") == static_cast<int>(r.items.size()));
    CHECK(parts[0].find(escaped(kLink)) != std::string::npos);
    CHECK(parts[0].find("aria-label=\"QR code of this routine&#39;s link\"") != std::string::npos);
    // Staying safe: every pain rule, stop, GP and red-flag item, with who says so.
    for (const catalogue::SafetyItem& item : c.safety.items) {
      if (item.topic == catalogue::SafetyTopic::what_to_expect) continue;
      INFO("safety item " << item.id);
      const std::string from = c.find_source(item.sources.front())->organisation;
      CHECK(parts[1].find("<li>" + escaped(item.text) + " <span class=\"sheet-from\">\u2014 " + escaped(from)) !=
            std::string::npos);
    }
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      const catalogue::Exercise& e = *c.find_exercise(r.items[i].exercise);
      const std::string& page = parts[i + 2];
      INFO("exercise " << e.id);
      CHECK(page.starts_with("<section class=\"sheet-page sheet-exercise\">"));
      CHECK(page.find("<h2>" + std::to_string(i + 1) + ". " + escaped(e.name) + "</h2>") != std::string::npos);
      const std::string dose = catalogue::describe(catalogue::resolve(e, r.items[i])) + ". " +
                               std::string(catalogue::frequency_words(r.frequency)) + ".";
      CHECK(page.find("<p class=\"sheet-dose\">" + escaped(dose) + "</p>") != std::string::npos);
      // The start, the held position, and the middle of a two-phase movement (a pelvic tilt).
      const animation::CompiledClip* clip = test::shipped_clips().find_for_exercise(e.id);
      REQUIRE(clip);
      CHECK(count(page, "<figure>") == clip->stills.size());
      CHECK(count(page, "role=\"img\"") == clip->stills.size());
      // Each drawing shows the movement: an arrow on each (for a tensing, where nothing moves,
      // only its own arrow on the held one, if it has one; none on the start of a two-phase
      // movement, whose later drawings each show the way they came; in the callout too), the
      // start ghosted under every later one, a callout box where the clip has one.
      const std::size_t arrowed = clip->tensing ? (clip->tensing_arrow ? 1 : 0)
                                  : clip->stills.size() > 2 ? clip->stills.size() - 1 : clip->stills.size();
      CHECK(count(page, "class=\"arrow\"") == arrowed * (clip->callout ? 2 : 1));
      CHECK(count(page, "fill=\"#ebebeb\"") >= 15 * (clip->stills.size() - 1));
      CHECK(count(page, "<svg x=") == (clip->callout ? clip->stills.size() : 0));
      for (std::size_t k = 1; k + 1 < clip->stills.size(); ++k) {
        CHECK(page.find(escaped(e.name) + ", " + escaped(clip->stills[k].label)) != std::string::npos);
      }
      CHECK(page.find(escaped(e.name) + ", start position") != std::string::npos);
      CHECK(page.find(escaped(e.start_position)) != std::string::npos);
      for (const std::string& step : e.steps) CHECK(page.find("<li>" + escaped(step) + "</li>") != std::string::npos);
      for (const catalogue::Note& n : e.tips) CHECK(page.find(escaped(n.text)) != std::string::npos);
      for (const catalogue::Note& n : e.cautions) CHECK(page.find(escaped(n.text)) != std::string::npos);
      CHECK((page.find("<h3>Tips</h3>") != std::string::npos) == !e.tips.empty());
      CHECK((page.find("<h3>Take care</h3>") != std::string::npos) == !e.cautions.empty());
      for (const std::string& id : e.sources) CHECK(page.find(escaped(c.find_source(id)->title)) != std::string::npos);
      const bool sided = catalogue::resolve(e, r.items[i]).sides != catalogue::Sides::together;
      CHECK((page.find("Do the same on the right") != std::string::npos) == sided);
    }
  }
}

TEST_CASE("routine sheet: an own routine's amounts are exactly as prescribed, the clinician's said so beyond a source") {
  const catalogue::Catalogue& c = test::shipped_catalogue();
  catalogue::Routine r{.id = "mine", .name = "Evening", .items = {{.exercise = "knee_rolls"}, {.exercise = "pelvic_tilt", .dosage = "hold_a_few_seconds"}}};
  catalogue::prescribe_exactly(c, r);
  r.items[0].reps = catalogue::Range{.min = 12, .max = 12, .start = 12};  // the NHS says 8 to 10
  r.items[1].reps = catalogue::Range{.min = 10, .max = 10, .start = 10};
  r.items[1].hold = catalogue::Range{.min = 5, .max = 5, .start = 5};
  r.items[1].sets = catalogue::Range{.min = 2, .max = 2, .start = 2};
  r.items[1].set_rest_seconds = 30;
  r.items[1].note = "Keep your feet flat";
  r.schedule = catalogue::Schedule{.times_a_day = 2, .days_a_week = 7, .times = {}};
  r.review_on = "2027-01-04";
  r.clinic = catalogue::Clinic{.name = "Riverside Physiotherapy", .phone = "020 7946 0958"};
  r.side_that_hurts = catalogue::FirstSide::right;
  const std::string html = sheet_of(r);
  CHECK(nesting_problem(html) == "");
  // The issue's own words: exactly the amount, on the cover and on its page.
  CHECK(count(html, "10 reps, hold 5 seconds, 2 sets, rest 30 seconds") == 2);
  CHECK(count(html, "12 reps, hold 1 deep breath, alternating sides") == 2);
  CHECK(html.find("This amount is your clinician&#39;s: NHS suggests 8 to 10 reps, alternating sides, hold 1 deep breath.") !=
        std::string::npos);
  // The pelvic tilt's 2 sets are beyond its source's 1 set: the clinician's too.
  CHECK(count(html, "This amount is your clinician") == 2);
  CHECK(html.find("Twice a day, every day. Until your review on 4 Jan 2027.") != std::string::npos);
  CHECK(html.find("Riverside Physiotherapy, telephone 020 7946 0958.") != std::string::npos);
  CHECK(html.find("The side that hurts: the right side.") != std::string::npos);
  CHECK(count(html, "Keep your feet flat") == 2);  // on the cover's list and on its page
}

TEST_CASE("routine sheet: a build-up says where it starts and what it builds to, never a range") {
  const catalogue::Catalogue& c = test::shipped_catalogue();
  catalogue::Routine r{.id = "mine", .name = "Evening", .items = {{.exercise = "pelvic_tilt"}}};
  catalogue::prescribe_exactly(c, r);
  r.items[0].reps = catalogue::Range{.min = 5, .max = 10, .start = 5};
  r.items[0].build_up_days = 14;
  CHECK(count(sheet_of(r), "5 reps; building up to 10 reps over 2 weeks") == 2);
}

TEST_CASE("routine sheet: the QR code is drawn large enough for its modules to be read from paper") {
  CHECK(print::qr_print_mm(21) == doctest::Approx(40.0));       // a small code: 40 mm at least
  CHECK(print::qr_print_mm(57) == doctest::Approx(65 * print::kQrModuleMm));
  CHECK(print::qr_print_mm(177) == doctest::Approx(150.0));     // never wider than the page allows
  const std::string html = sheet_of(*test::shipped_catalogue().find_routine("in_bed"));
  const std::string before = "aria-label=\"QR code of this routine&#39;s link\" width=\"";
  const std::size_t at = html.find(before);
  REQUIRE(at != std::string::npos);
  const double mm = std::stod(html.substr(at + before.size()));
  const links::QrResult qr = links::make_qr_code(kLink);
  CHECK(mm == doctest::Approx(print::qr_print_mm(qr.code->size)).epsilon(0.01));
}

namespace {
// The printed width of the sheet's QR code, and the code itself, for `link`.
std::pair<double, links::QrCode> printed_qr(const std::string& link) {
  const std::string html = sheet_of(*test::shipped_catalogue().find_routine("in_bed"), "", link);
  const std::string before = "aria-label=\"QR code of this routine&#39;s link\" width=\"";
  const std::size_t at = html.find(before);
  REQUIRE(at != std::string::npos);
  const links::QrResult qr = links::make_qr_code(link);
  REQUIRE(qr.ok());
  return {std::stod(html.substr(at + before.size())), *qr.code};
}
double module_mm(double width_mm, const links::QrCode& code) { return width_mm / (code.size + 2 * links::kQrQuietZone); }
}  // namespace

TEST_CASE("routine sheet: a long link's QR code prints every module at least 0.5 mm wide, inside the column") {
  const auto [mm, code] = printed_qr("https://limber.example/#routine=2." + std::string(2000, 'A') + ".BBBBBB");
  CHECK(code.size >= 160);  // one of the largest versions
  CHECK(module_mm(mm, code) >= 0.5);
  CHECK(mm > print::kQrLeastMm);
  CHECK(mm <= print::kSheetColumnMm);
}

TEST_CASE("routine sheet: a short link's QR code keeps its size of 40 mm") {
  const auto [mm, code] = printed_qr(kLink);
  CHECK((code.size + 2 * links::kQrQuietZone) * print::kQrModuleMm < print::kQrLeastMm);  // a code the least size holds
  CHECK(mm == doctest::Approx(40.0).epsilon(0.01));
  CHECK(module_mm(mm, code) >= 0.5);
}

TEST_CASE("routine sheet: every QR code version prints its modules at least 0.5 mm wide, inside the column") {
  for (int size = 21; size <= 177; size += 4) {
    CAPTURE(size);
    const double mm = print::qr_print_mm(size);
    CHECK(mm / (size + 2 * links::kQrQuietZone) >= 0.5);
    CHECK(mm <= print::kSheetColumnMm);
  }
}

TEST_CASE("routine sheet: a name and a note from a person or a link are text, never markup") {
  catalogue::Routine r{.id = "x", .name = "<script>alert(\"1\")</script> & 'co'", .items = {{.exercise = "pelvic_tilt"}}};
  const std::string html = sheet_of(r, "Twice a day <b>only</b>\nthen stop", "https://x.example/#routine=1.<a>.\"b\"");
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<a>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;co&#39;") != std::string::npos);
  CHECK(html.find("<p class=\"sheet-note\">Twice a day &lt;b&gt;only&lt;/b&gt;\nthen stop</p>") != std::string::npos);
  CHECK(html.find("From your clinician") != std::string::npos);
  CHECK(nesting_problem(html) == "");
}

TEST_CASE("routine sheet: without a link it says why, and draws no code") {
  catalogue::Routine r{.id = "x", .name = "Empty", .purpose = "Nothing yet."};
  const std::string html = sheet_of(r, "", "");
  CHECK(html.find("This routine has no link: it has no exercises.") != std::string::npos);
  CHECK(html.find("QR code") == std::string::npos);
  CHECK(html.find("<p>Nothing yet.</p>") != std::string::npos);  // no note: the purpose instead
  CHECK(sections(html).size() == 2);
  CHECK(print::routine_sheet({.catalogue = &test::shipped_catalogue()}) == "");
  CHECK(print::routine_sheet({.routine = &r}) == "");
}

TEST_CASE("print svg: html_text escapes the five characters markup gives meaning to") {
  CHECK(print::html_text("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  CHECK(print::html_text("Knee rolls, 8–10 times") == "Knee rolls, 8–10 times");
}

TEST_CASE("print svg: the QR code's path holds exactly the code's dark modules, inside its quiet zone") {
  const links::QrResult qr = links::make_qr_code(kLink);
  REQUIRE(qr.ok());
  const links::QrCode& code = *qr.code;
  const std::string svg = print::qr_svg(code, "code");
  const int side = code.size + 2 * links::kQrQuietZone;
  CHECK(svg.find("viewBox=\"0 0 " + std::to_string(side) + " " + std::to_string(side) + "\"") != std::string::npos);
  std::vector<std::uint8_t> drawn(code.modules.size(), 0);
  const std::regex run(R"(M(\d+) (\d+)h(\d+)v1h-(\d+)z)");
  int runs = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), run); it != std::sregex_iterator(); ++it, ++runs) {
    const int x = std::stoi((*it)[1]) - links::kQrQuietZone, y = std::stoi((*it)[2]) - links::kQrQuietZone;
    const int w = std::stoi((*it)[3]);
    REQUIRE(w == std::stoi((*it)[4]));
    REQUIRE(x >= 0);
    REQUIRE(y >= 0);
    REQUIRE(x + w <= code.size);
    REQUIRE(y < code.size);
    for (int k = 0; k < w; ++k) {
      auto& cell = drawn[static_cast<std::size_t>(y * code.size + x + k)];
      CHECK(cell == 0);  // no module drawn twice
      cell = 1;
    }
  }
  CHECK(runs > code.size);
  CHECK(drawn == code.modules);
}

TEST_CASE("print svg: a scene becomes line art, one element per circle and polygon, outlines included, in the scene's box") {
  animation::Scene scene;
  scene.shapes[0] = {.kind = animation::ShapeKind::polygon, .paint = animation::Paint::floor, .points = 4,
                     .p = {{{0, 190}, {360, 190}, {360, 220}, {0, 220}}}};
  // One chain of the body: the nose on it, and a limb.
  scene.shapes[1] = {.kind = animation::ShapeKind::circle, .paint = animation::Paint::face, .p = {{{100, 50}}}, .r0 = 12, .chain = 1};
  scene.shapes[2] = {.kind = animation::ShapeKind::capsule, .paint = animation::Paint::limb_near,
                     .p = {{{100, 60}, {140, 120}}}, .r0 = 8, .r1 = 6, .chain = 1};
  scene.count = 3;
  const std::string svg = print::scene_svg(scene, {.width = 360, .height = 220, .label = "A & B"});
  CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 220\" role=\"img\" aria-label=\"A &amp; B\">"));
  CHECK(svg.ends_with("</svg>"));
  CHECK(count(svg, "<polygon") == 3);  // the floor; the capsule's band and its black ring's
  CHECK(count(svg, "<circle") == 5);   // the face; two ends for the capsule and two for its ring
  CHECK(svg.find("<circle cx=\"100\" cy=\"50\" r=\"12\" fill=\"#000000\"/>") != std::string::npos);  // the nose
  CHECK(svg.find("<polygon points=\"0,190 360,190 360,220 0,220\" fill=\"#ffffff\" stroke=\"#000\"") != std::string::npos);
  CHECK(count(svg, "fill=\"#ffffff\"") == 4);  // the floor, and the near limb white inside
  CHECK(count(svg, "fill=\"#000\"") == 3);     // the limb's black outline
  CHECK(nesting_problem(svg) == "");
}
