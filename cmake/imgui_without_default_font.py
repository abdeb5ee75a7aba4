#!/usr/bin/python3
"""Write a copy of Dear ImGui's imgui_draw.cpp without its embedded default font.

    imgui_without_default_font.py IN OUT

Limber always gives the font atlas its own fonts (src/ui/fonts.cpp) before the atlas is
built, so ImFontAtlas::AddFontDefault never runs; yet ImFontAtlas::Build calls it when no
font was added, which links ProggyClean (a 12 KB base85 string) and its decompressor into
the download: 9.5 KB gzip. Dear ImGui 1.91 has IMGUI_DISABLE_DEFAULT_FONT for this; 1.90.1
(pinned by scripts/setup) does not, so the copy gets the body 1.91 gives AddFontDefault
under that define: an assertion and no font. The source in the cache is left as it is
(the stock demo build still uses it). Fails, naming what it looked for, if the pinned
source no longer reads as expected.
"""
import sys

HEAD = "ImFont* ImFontAtlas::AddFontDefault(const ImFontConfig* font_cfg_template)\n{\n"
TAIL = ("    ImFont* font = AddFontFromMemoryCompressedBase85TTF(ttf_compressed_base85, "
        "font_cfg.SizePixels, &font_cfg, glyph_ranges);\n    return font;\n}\n")
BODY = ("    // Limber: no default font in this build (cmake/imgui_without_default_font.py).\n"
        "    IM_ASSERT(0 && \"AddFontDefault() disabled in this build.\");\n"
        "    IM_UNUSED(font_cfg_template);\n"
        "    return NULL;\n}\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: imgui_without_default_font.py IN OUT")
    source, target = sys.argv[1:]
    with open(source, encoding="utf-8") as f:
        text = f.read()
    begin = text.find(HEAD)
    end = text.find(TAIL, begin)
    if begin < 0 or end < 0 or text.count(HEAD) != 1:
        sys.exit(f"imgui_without_default_font: {source} has no single AddFontDefault body of the "
                 "expected form (Dear ImGui 1.90.1); update this script for the new version")
    with open(target, "w", encoding="utf-8") as f:
        f.write(text[:begin] + HEAD + BODY + text[end + len(TAIL):])


if __name__ == "__main__":
    main()
