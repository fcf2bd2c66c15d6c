// Property: however a shipped scenario is damaged, the loader either accepts it or refuses it
// with a ScenarioError that points inside the file (line 1 .. line count, or 0 with a message);
// no other exception escapes. The damage is what editing by hand produces: a deleted
// character, a duplicated or swapped line, a changed digit, a stray key, a wrong indentation.
//
// The master seed is fixed so a failure reproduces; the failing text is printed.
#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "lambdasim/engine/random_streams.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "support/cli_runner.hpp"

namespace lambdasim {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMasterSeed = 6;
constexpr int kMutantsPerScenario = 100;  // x 6 shipped scenarios
constexpr int kMaxMutationsPerMutant = 3;

class Dice {
public:
    explicit Dice(std::uint64_t seed) : state_(seed) {}
    // SplitMix64: the engine's mix64 of a state advancing by the golden-ratio increment.
    std::uint64_t next() {
        const std::uint64_t value = mix64(state_);
        state_ += 0x9e3779b97f4a7c15ULL;
        return value;
    }
    std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }

private:
    std::uint64_t state_;
};

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
}

int line_count(const std::string& text) {
    if (text.empty()) return 0;
    const auto newlines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    return text.back() == '\n' ? newlines : newlines + 1;
}

// Keys a hand edit might add, known and unknown, at any level.
const char* const kStrayKeys[] = {"memory: 512MB",
                                  "reserved_concurrency: 5",
                                  "colour: red",
                                  "duration: 1s",
                                  "rate: 5/s",
                                  "timeout: 30",
                                  "provisioned_concurrency: 3",
                                  "process: poisson",
                                  "functions:",
                                  "traffic: {}",
                                  "seed: -1",
                                  "dist: gamma",
                                  "- {at: 0s, rate: 1/s}",
                                  "api_gateway:",
                                  "? complex",
                                  "x: [1, 2",
                                  "y: \"unterminated",
                                  "&anchor a: *anchor"};

std::string mutate(const std::string& text, Dice& dice, std::string& applied) {
    std::vector<std::string> lines = split_lines(text);
    if (lines.empty()) lines.push_back("");
    std::string& line = lines[dice.below(lines.size())];
    switch (dice.below(6)) {
        case 0:  // delete a character
            applied += "delete a character; ";
            if (!line.empty()) line.erase(dice.below(line.size()), 1);
            break;
        case 1: {  // duplicate a line
            applied += "duplicate a line; ";
            const std::size_t i = dice.below(lines.size());
            lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i), lines[i]);
            break;
        }
        case 2:  // swap two lines
            applied += "swap two lines; ";
            std::swap(lines[dice.below(lines.size())], lines[dice.below(lines.size())]);
            break;
        case 3: {  // change a digit (or a character, when the line has no digit)
            applied += "change a digit; ";
            std::vector<std::size_t> digits;
            for (std::size_t i = 0; i < line.size(); ++i)
                if (line[i] >= '0' && line[i] <= '9') digits.push_back(i);
            if (!digits.empty())
                line[digits[dice.below(digits.size())]] = static_cast<char>('0' + dice.below(10));
            else if (!line.empty())
                line[dice.below(line.size())] = "-:{}[],#&*!|>'\"%@` \t"[dice.below(20)];
            break;
        }
        case 4: {  // insert a key, indented like a neighbour or not
            applied += "insert a key; ";
            const std::size_t i = dice.below(lines.size() + 1);
            const std::string indent(dice.below(4) * 2, ' ');
            lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i),
                         indent + kStrayKeys[dice.below(std::size(kStrayKeys))]);
            break;
        }
        default: {  // change the indentation
            applied += "change the indentation; ";
            const std::size_t spaces = line.find_first_not_of(' ');
            const std::size_t current = spaces == std::string::npos ? line.size() : spaces;
            const std::size_t wanted = dice.below(7);
            line = std::string(wanted, ' ') + line.substr(current);
            break;
        }
    }
    return join_lines(lines);
}

TEST(PropertyYamlMutations, EveryDamagedShippedScenarioLoadsOrFailsInsideTheFile) {
    std::vector<fs::path> scenarios;
    for (const auto& entry : fs::directory_iterator(fs::path(LAMBDASIM_SOURCE_DIR) / "scenarios"))
        if (entry.path().extension() == ".yaml") scenarios.push_back(entry.path());
    std::sort(scenarios.begin(), scenarios.end());
    ASSERT_FALSE(scenarios.empty());

    Dice dice(kMasterSeed);
    int loaded = 0, refused = 0;
    for (const fs::path& path : scenarios) {
        const std::string original = testing::read_text(path);
        const std::string label = path.string();
        for (int m = 0; m < kMutantsPerScenario; ++m) {
            std::string text = original;
            std::string applied;
            for (std::size_t k = 0, n = 1 + dice.below(kMaxMutationsPerMutant); k < n; ++k)
                text = mutate(text, dice, applied);
            const int lines = line_count(text);
            try {
                load_scenario_text(text, label);
                ++loaded;
            } catch (const ScenarioError& e) {
                ++refused;
                EXPECT_FALSE(e.message.empty()) << e.one_line();
                if (e.file == label) {
                    // yaml-cpp marks an error at the end of the input one line past the last.
                    EXPECT_TRUE((e.line >= 1 && e.line <= lines + 1) || e.line == 0)
                        << e.one_line() << "\nafter: " << applied << "\n"
                        << path.filename() << " mutant " << m << " (" << lines << " lines):\n"
                        << text;
                }
            } catch (const std::exception& e) {
                ADD_FAILURE() << "not a ScenarioError: " << e.what() << "\nafter: " << applied << "\n"
                              << path.filename() << " mutant " << m << ":\n"
                              << text;
            }
        }
    }
    std::printf("mutants: %d loaded, %d refused with a located error\n", loaded, refused);
    EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace lambdasim
