// limber_pose: samples an exercise clip and writes the figure as JSON or as a picture.
//
//   limber_pose CLIP [--track start|move|held|release] [--t 0.5 ...] [--side left|right]
//               [--clips FILE]                     joint positions as JSON, one pose per --t
//   limber_pose --svg OUT.svg [CLIP ...] [--clips FILE] [--catalogue DIR]
//                                                  start and held positions (and a two-phase
//                                                  movement's middle) side by side, drawn as
//                                                  the app draws them, with the area each
//                                                  exercise works from the catalogue (every
//                                                  clip when none is named), for review
//   limber_pose --relations [CLIP ...] [--clips FILE]
//                                                  each clip's relations with what they
//                                                  measure at their worst sample
// Exit status: 0, 1 for an unknown clip, 2 for bad usage or an invalid clips file.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "animation/animator.h"
#include "animation/callout.h"
#include "animation/figure.h"
#include "animation/scene.h"
#include "animation/cues.h"
#include "animation/still.h"
#include "catalogue_files.h"
#include "json/json_writer.h"

namespace {

using namespace limber;
using namespace limber::animation;

const char* paint_colour(Paint p) {
  switch (p) {
    case Paint::floor: return "#d9d1c1";
    case Paint::held_pillow: return "#f6f2ea";
    case Paint::bed_frame: return "#b49a7a";
    case Paint::mattress: return "#ece6da";
    case Paint::pillow: return "#ffffff";
    case Paint::towel: return "#e0a458";
    case Paint::chair: return "#a07c58";
    case Paint::body_near: return "#3a7fa0";
    case Paint::body_far: return "#25566f";
    case Paint::limb_near: return "#4a94b8";
    case Paint::limb_far: return "#8dbbd0";
    case Paint::skin_near: return "#e7b899";
    case Paint::skin_far: return "#f3d6c4";
    case Paint::face: return "#b07a5c";
    case Paint::highlight: return "#f2c14e";
    case Paint::cue: return "#b4530f";
    case Paint::ghost: return "#cfd8dc";
  }
  return "#000";
}

void svg_scene(std::ostream& out, const Scene& s, float ox, float oy) {
  walk_scene(s, [&](const Shape& sh, Layer layer) {
    const bool outline = layer == Layer::outline;
    const char* fill = outline ? "#1e2a2f" : paint_colour(sh.paint);
    const float grow = outline ? 1.0f : 0.0f;
    const char* opacity = sh.paint == Paint::highlight ? "' fill-opacity='0.55" : "";
    if (sh.kind == ShapeKind::polygon) {
      out << "<polygon fill='" << fill << opacity << "' stroke='" << (outline ? "#1e2a2f" : layer == Layer::prop ? "#8a8272" : "none")
          << "' stroke-width='" << (outline ? 2 : 0.5) << "' points='";
      for (int k = 0; k < sh.points; ++k) out << sh.p[static_cast<std::size_t>(k)].x + ox << "," << sh.p[static_cast<std::size_t>(k)].y + oy << " ";
      out << "'/>\n";
    } else if (sh.kind == ShapeKind::circle) {
      out << "<circle fill='" << fill << "' cx='" << sh.p[0].x + ox << "' cy='" << sh.p[0].y + oy << "' r='" << sh.r0 << "'/>\n";
    } else if (sh.kind == ShapeKind::arrow) {
      out << "<line x1='" << sh.p[0].x + ox << "' y1='" << sh.p[0].y + oy << "' x2='" << sh.p[1].x + ox << "' y2='" << sh.p[1].y + oy
          << "' stroke='" << fill << "' stroke-width='" << 2 * sh.r0 << "' marker-end='url(#tip)'/>\n";
    } else if (!(outline && sh.paint == Paint::face)) {
      // A capsule: a thick line with round caps (radii averaged).
      const float r = (sh.r0 + sh.r1) * 0.5f + grow;
      out << "<line x1='" << sh.p[0].x + ox << "' y1='" << sh.p[0].y + oy << "' x2='" << sh.p[1].x + ox << "' y2='" << sh.p[1].y + oy
          << "' stroke='" << fill << "' stroke-opacity='" << (sh.paint == Paint::highlight ? 0.55 : 1) << "' stroke-width='" << 2 * r
          << "' stroke-linecap='round'/>\n";
    }
  });
}

int usage() {
  std::cerr << "usage: limber_pose CLIP [--track start|move|held|release] [--t T ...] [--side left|right] [--clips FILE]\n"
               "       limber_pose --svg OUT.svg [CLIP ...] [--clips FILE] [--catalogue DIR]\n"
               "       limber_pose --relations [CLIP ...] [--clips FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string clips_path = "assets/animation/clips.json", catalogue_dir = "assets/catalogue", svg_path, track = "move";
  bool relations = false;
  std::vector<std::string> ids;
  std::vector<float> times;
  bool right = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--clips" && has_value) clips_path = argv[++i];
    else if (a == "--svg" && has_value) svg_path = argv[++i];
    else if (a == "--catalogue" && has_value) catalogue_dir = argv[++i];
    else if (a == "--relations") relations = true;
    else if (a == "--track" && has_value) track = argv[++i];
    else if (a == "--t" && has_value) times.push_back(std::stof(argv[++i]));
    else if (a == "--side" && has_value) right = std::string(argv[++i]) == "right";
    else if (!a.empty() && a[0] == '-') return usage();
    else ids.push_back(a);
  }
  std::ifstream in(clips_path, std::ios::binary);
  if (!in) {
    std::cerr << "limber_pose: cannot read " << clips_path << "\n";
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const ClipLoadResult loaded = load_clips(text.str());
  if (!loaded.library) {
    std::cerr << catalogue::format_report(loaded.problems);
    return 2;
  }
  const ClipLibrary& lib = *loaded.library;

  if (relations) {
    for (const auto& c : lib.clips) {
      if (!ids.empty() && std::find(ids.begin(), ids.end(), c.id) == ids.end()) continue;
      std::cout << c.id << "\n";
      for (const Relation& r : c.relations) {
        const Measurement m = measure(c, r);
        std::cout << "  " << (m.holds ? "holds  " : "FAILS  ") << measurement_text(r, m) << "\n";
      }
    }
    return 0;
  }

  if (!svg_path.empty()) {
    std::vector<const CompiledClip*> clips;
    if (ids.empty()) for (const auto& c : lib.clips) clips.push_back(&c);
    for (const auto& id : ids) {
      const CompiledClip* c = lib.find(id);
      if (!c) { std::cerr << "limber_pose: no clip '" << id << "'\n"; return 1; }
      clips.push_back(c);
    }
    // The area each exercise works, highlighted as the app's stills show it (a review drawn
    // without it would hide what a tensing clip shows instead of movement).
    tools::CatalogueFiles files;
    std::string error;
    if (!files.read(catalogue_dir, error)) { std::cerr << "limber_pose: " << error << "\n"; return 2; }
    const auto cat = catalogue::load(files.text());
    if (!cat.catalogue) { std::cerr << catalogue::format_report(cat.problems); return 2; }
    const auto area_of = [&](const CompiledClip& c) {
      for (const auto& e : cat.catalogue->exercises) {
        if (e.id == c.exercise) return target_bones(e.target_areas);
      }
      return std::uint32_t{0};
    };
    const float cw = 300, ch = 200, label = 22;
    std::size_t most = 2;
    for (const CompiledClip* c : clips) most = std::max(most, c->stills.size());
    std::ofstream svg(svg_path);
    svg << "<svg xmlns='http://www.w3.org/2000/svg' width='" << static_cast<float>(most) * (cw + 10) + 10 << "' height='"
        << clips.size() * (ch + label + 10) << "' style='background:#f6f3ec;font-family:sans-serif'>\n"
        << "<defs><marker id='tip' viewBox='0 0 10 10' refX='5' refY='5' markerWidth='3' markerHeight='3' orient='auto'>"
           "<path d='M0,0L10,5L0,10z' fill='#b4530f'/></marker></defs>\n";
    float y = 0;
    for (const CompiledClip* c : clips) {
      svg << "<text x='8' y='" << y + 16 << "' font-size='14'>" << c->id << "</text>\n";
      const Framing f = frame_clip(*c, cw, ch);
      Scene scene;
      WorldPose world;
      LocalPose local;
      for (std::size_t k = 0; k < c->stills.size(); ++k) {
        const StillDesc desc{.still = k, .area = area_of(*c), .right_side = right};
        still_scene(*c, desc, f, scene);
        // Each still in a box of its own that clips it, as the app's frame does.
        svg << "<svg x='" << 10 + static_cast<float>(k) * (cw + 10) << "' y='" << y + label << "' width='" << cw << "' height='" << ch
            << "' overflow='hidden'><rect width='" << cw << "' height='" << ch << "' fill='none' stroke='#ccc'/>\n";
        svg_scene(svg, scene, 0, 0);
        if (const auto box = callout_for(*c, f, cw, ch)) {
          const StillFigure fig = still_figure(*c, desc);
          Scene zoomed;
          callout_scene(*c, fig.world, *box, fig.cue, zoomed);
          svg << "<circle cx='" << box->target.x << "' cy='" << box->target.y << "' r='" << box->ring
              << "' fill='none' stroke='#333' stroke-width='1.5'/>\n";
          svg << "<svg x='" << box->at.x << "' y='" << box->at.y << "' width='" << box->size.x << "' height='" << box->size.y
              << "' overflow='hidden'><rect width='" << box->size.x << "' height='" << box->size.y << "' fill='#fff'/>\n";
          svg_scene(svg, zoomed, 0, 0);
          svg << "<rect width='" << box->size.x << "' height='" << box->size.y << "' fill='none' stroke='#333' stroke-width='3'/></svg>\n";
        }
        svg << "</svg>\n";
      }
      y += ch + label + 10;
    }
    svg << "</svg>\n";
    return 0;
  }

  if (ids.size() != 1) return usage();
  const CompiledClip* clip = lib.find(ids[0]);
  if (!clip) {
    std::cerr << "limber_pose: no clip '" << ids[0] << "'\n";
    return 1;
  }
  if (times.empty()) times.push_back(track == "start" || track == "held" ? 0.0f : 1.0f);
  json::Writer w;
  w.begin_object().key("clip").value(clip->id).key("side").value(right ? "right" : "left").key("track").value(track);
  w.key("poses").begin_array();
  for (const float t : times) {
    ClipTime ct;
    ct.track = track == "start" ? ClipTime::Track::start : track == "held" ? ClipTime::Track::held
             : track == "release" ? ClipTime::Track::release : ClipTime::Track::move;
    ct.t = t;
    LocalPose local;
    local_pose(*clip, ct, local);
    WorldPose world;
    place(*clip, local, right, world);
    w.begin_object().key("t").value(static_cast<double>(t)).key("joints").begin_object();
    for (int b = 0; b < kBoneCount; ++b) {
      const auto write_point = [&](const char* suffix, Vec3 p) {
        w.key(std::string(skeleton()[static_cast<std::size_t>(b)].id) + suffix).begin_array()
            .value(static_cast<double>(p.x)).value(static_cast<double>(p.y)).value(static_cast<double>(p.z)).end_array();
      };
      write_point("", world.start[static_cast<std::size_t>(b)]);
      write_point(".end", world.end[static_cast<std::size_t>(b)]);
    }
    w.end_object().end_object();
  }
  w.end_array().end_object();
  std::cout << w.str() << "\n";
  return 0;
}
