#include "app/embed.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <set>

#include "json/json_value.h"
#include "text/digits.h"

namespace limber::app {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::optional<storage::Theme> widget_theme(std::string_view name) {
  const auto theme = json::enum_from_name<storage::Theme>(name);
  if (theme == storage::Theme::light || theme == storage::Theme::dark) return theme;
  return std::nullopt;
}

std::string clinician_routine_id(std::string_view link_value) {
  std::uint32_t hash = 2166136261u;
  for (const char c : link_value) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", hash);
  return "clinic-" + std::string(hex);
}

Origin normalise_origin(std::string_view text) {
  const auto refuse = [](std::string why) { return Origin{.origin = {}, .problem = std::move(why)}; };
  const auto lower = [](std::string_view t) {
    std::string out(t);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  const std::size_t separator = text.find("://");
  const std::string scheme = lower(text.substr(0, separator));
  if (separator == std::string_view::npos || (scheme != "http" && scheme != "https")) {
    return refuse("it does not start with http:// or https://");
  }
  const std::string_view rest = text.substr(separator + 3);
  const std::size_t end = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, end);
  if (authority.find('@') != std::string_view::npos) return refuse("it names a user, which an origin never has");
  if (end != std::string_view::npos) {
    static constexpr std::array<std::string_view, 3> kParts{"a path", "a query", "a fragment"};
    return refuse("it has " + std::string(kParts[std::string_view("/?#").find(rest[end])]) + " ('" +
                  std::string(rest.substr(end)) + "'), which an origin never has");
  }
  const std::size_t colon = authority.find(':');
  const std::string_view host = authority.substr(0, colon);
  if (host.empty()) return refuse("it has no host name");
  if (host.size() > 253 || !std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
      })) {
    return refuse("its host name can have only letters, digits, '-' and '.'");
  }
  Origin out{.origin = scheme + "://" + lower(host), .problem = {}};
  if (colon == std::string_view::npos) return out;
  // A browser writes the port without leading zeros, and not at all when it is the scheme's own.
  const std::string_view port = authority.substr(colon + 1);
  const std::optional<int> number = text::digits(port.substr(std::min(port.find_first_not_of('0'), port.size())), 5);
  if (!number || *number > 65535) {
    return refuse("its port must be a number from 1 to 65535, got '" + std::string(port) + "'");
  }
  if (*number != (scheme == "https" ? 443 : 80)) out.origin += ":" + std::to_string(*number);
  return out;
}

bool is_origin(std::string_view text) { return normalise_origin(text).problem.empty(); }

PageQuery parse_page_query(std::string_view query, const catalogue::Catalogue& catalogue) {
  PageQuery out;
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  // Whether embed=1 and a host appear anywhere: a widget keeps its look, and is told it has no host.
  const std::string whole = "&" + std::string(query) + "&";
  const bool embed_given = whole.find("&embed=1&") != std::string::npos;
  const bool had_host = whole.find("&host=") != std::string::npos;
  std::set<std::string> seen;
  const auto parse = [&]() -> std::string {
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
      if (pair.empty()) continue;
      const std::size_t eq = pair.find('=');
      const std::string key(pair.substr(0, eq));
      const auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
      // Read once: a second value would leave two readers free to pick different ones.
      if (!seen.insert(key).second) return "'" + key + "' is given more than once.";
      if (!value) return "the value of '" + key + "' is not properly encoded.";
      if (key == "embed") {
        if (*value != "1") return "'embed' must be 1, got '" + *value + "'.";
        out.options.embedded = true;
      } else if (key == "routine") {
        if (!value->empty() && (*value)[0] >= '0' && (*value)[0] <= '9') {
          // A clinician's routine: opened exactly as its link would be, or refused in its words.
          const links::LinkResult opened = links::decode_routine_link(std::string(links::kLinkPrefix) + *value, catalogue);
          if (!opened.ok()) return "the routine in 'routine' cannot be opened. " + opened.error;
          out.options.clinician = *opened.shared;
          out.options.routine = clinician_routine_id(*value);
          out.options.clinician->routine.id = out.options.routine;
        } else {
          if (!catalogue.find_routine(*value)) return "there is no routine '" + *value + "'.";
          out.options.routine = *value;
        }
      } else if (key == "theme") {
        out.options.theme = widget_theme(*value);
        if (!out.options.theme) return "'theme' must be light or dark, got '" + *value + "'.";
      } else if (key == "host") {
        Origin origin = normalise_origin(*value);
        if (!origin.problem.empty()) {
          return "'host' must be a web origin such as https://clinic.example, got '" + *value + "': " + origin.problem + ".";
        }
        out.options.host_origin = std::move(origin.origin);
      } else {
        return "unknown parameter '" + key + "' (known: embed, routine, theme, host).";
      }
    }
    if (!out.options.embedded && (!out.options.routine.empty() || !out.options.host_origin.empty())) {
      return "'routine' and 'host' belong to the clinic widget (embed=1).";
    }
    return {};
  };
  if (std::string why = parse(); !why.empty()) {
    // Nothing read before the problem is kept: a widget obeys no host its address did not name cleanly.
    out.options = {.embedded = embed_given, .refused = true};
    out.error = "The address of this page has a problem: " + why;
    if (embed_given && had_host) out.error += " This widget talks to no host page.";
  }
  return out;
}

HostCommand parse_host_message(std::string_view json_text) {
  HostCommand out;
  const auto parsed = json::parse(json_text);
  if (!parsed.ok()) {
    out.error = "not JSON: " + parsed.error.message;
    return out;
  }
  const json::Value& v = parsed.value;
  const json::Value* source = v.find("source");
  if (!source || !source->is_string() || source->as_string() != "limber-host") {
    out.error = "not a Limber host message (\"source\" must be \"limber-host\")";
    return out;
  }
  const json::Value* version = v.find("version");
  if (!version || !version->is_number() || version->as_number() != kEmbedMessageVersion) {
    out.error = "unsupported \"version\" (this widget speaks version 1)";
    return out;
  }
  const json::Value* command = v.find("command");
  if (!command || !command->is_string()) {
    out.error = "no \"command\"";
    return out;
  }
  // A host's pause only pauses: a page that pauses when the widget scrolls away must not
  // restart a session the person paused.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kPlain = {{
      {"pause", "pause_session"}, {"resume", "resume_session"}, {"skip", "skip"}, {"previous", "previous"},
      {"end", "end"}, {"start", "start"}}};
  const std::string& name = command->as_string();
  const json::Value* value = v.find("value");
  if (name == "theme") {
    if (!value || !value->is_string() || !widget_theme(value->as_string())) {
      out.error = "\"theme\" needs \"value\": \"light\" or \"dark\"";
      return out;
    }
    out.name = "theme";
    out.arg = value->as_string();
    return out;
  }
  for (const auto& [host_name, command_name] : kPlain) {
    if (name != host_name) continue;
    if (value) {
      out.error = "\"" + name + "\" takes no \"value\"";
      return out;
    }
    out.name = std::string(command_name);
    return out;
  }
  out.error = "unknown command \"" + name + "\" (start, pause, resume, skip, previous, end, theme)";
  return out;
}

}  // namespace limber::app
