#pragma once
// A mistake in a scenario (or in a --set override): where it is and what to do about it. The
// CLI prints `one_line()` and exits 1; tests check the location and the message.
#include <stdexcept>
#include <string>

namespace lambdasim {

struct ScenarioError : std::runtime_error {
    ScenarioError(std::string file, int line, int column, std::string message, std::string hint = {});

    std::string file;     // the scenario file, a data file it names, or "--set"
    int line = 0;         // 1-based; 0 = unknown
    int column = 0;       // 1-based; 0 = unknown
    std::string message;  // names the key path, e.g. "functions.api.memory: ..."
    std::string hint;     // what to do; may be empty

    // "FILE:LINE:COL: error: MESSAGE (HINT)": one line, no trailing newline. Unknown parts are
    // left out ("FILE: error: MESSAGE" when the line is unknown).
    std::string one_line() const;
};

}  // namespace lambdasim
