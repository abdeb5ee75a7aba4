// links/link_formats.h: inside links/: each format's payload read into a routine, and the
// sentences the formats share. routine_link.cpp checks a link's envelope (length, prefix,
// version, characters, check value) and hands the payload to its format's reader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalogue/model.h"

namespace limber::links {
class ByteReader;
}

namespace limber::links::detail {

struct ReadPayload {
  std::optional<catalogue::Routine> routine;  // id "", in catalogue::prescribe_exactly()'s form
  std::string error;                          // the first problem, one sentence
};

inline ReadPayload failed_read(std::string why) { return {.routine = std::nullopt, .error = std::move(why)}; }

ReadPayload read_payload_v1(std::string_view bytes, const catalogue::Catalogue& catalogue);
ReadPayload read_payload_v2(std::string_view bytes, const catalogue::Catalogue& catalogue);

// Shared sentences: "" or what is wrong with a link's name or note (text, control characters,
// direction marks, length), and an id from the link quoted when it looks like one.
std::string check_name(std::string_view name);
std::string check_note(std::string_view note);
std::string quoted_id(std::string_view id);
inline constexpr std::string_view kNoItems = "This routine link has no exercises in it.";
std::string too_many_items(std::size_t count);
// The number of exercises, read: none, or more than a routine holds, fails the reader.
std::uint32_t read_item_count(ByteReader& in);

}  // namespace limber::links::detail
