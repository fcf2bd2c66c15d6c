#include "lambdasim/scenario/scenario_error.hpp"

#include <iterator>
#include <utility>

#include <fmt/format.h>

namespace lambdasim {
namespace {

std::string format_one_line(const std::string& file, int line, int column, const std::string& message,
                            const std::string& hint) {
    std::string out = file;
    if (line > 0) fmt::format_to(std::back_inserter(out), ":{}", line);
    if (line > 0 && column > 0) fmt::format_to(std::back_inserter(out), ":{}", column);
    fmt::format_to(std::back_inserter(out), ": error: {}", message);
    if (!hint.empty()) fmt::format_to(std::back_inserter(out), " ({})", hint);
    // One line even when a message quotes user text with a newline in it.
    for (char& c : out)
        if (c == '\n' || c == '\r') c = ' ';
    return out;
}

}  // namespace

ScenarioError::ScenarioError(std::string file_, int line_, int column_, std::string message_, std::string hint_)
    : std::runtime_error(format_one_line(file_, line_, column_, message_, hint_)),
      file(std::move(file_)),
      line(line_),
      column(column_),
      message(std::move(message_)),
      hint(std::move(hint_)) {}

std::string ScenarioError::one_line() const { return format_one_line(file, line, column, message, hint); }

}  // namespace lambdasim
