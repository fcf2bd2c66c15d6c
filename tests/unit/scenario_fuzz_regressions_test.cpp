// Every input the fuzzers (tests/fuzz/) found to crash, hang or misreport is kept in
// tests/fuzz/regressions/ and replayed here: loading it must either succeed or throw a
// ScenarioError with a location (line >= 0) and a message. Nothing else may escape. A scenario
// that loads is then run as the fuzzer runs it (at most 20,000 events) and must keep the
// model's end-of-run invariants.
//
// Each file is loaded in a forked child with a wall-clock limit, because some findings are hangs
// that allocate without bound (yaml-cpp's LoadAll loop grows by ~1 GB/s): a hang must fail this
// test, not stall the suite or exhaust the machine's memory.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "support/cli_runner.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define LAMBDASIM_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LAMBDASIM_UNDER_ASAN 1
#endif
#endif

namespace lambdasim {
namespace {

namespace fs = std::filesystem;

constexpr auto kTimeLimit = std::chrono::seconds(5);

// How the child process ended.
enum ChildOutcome : int {
    Loaded = 0,
    LocatedError = 1,
    UnlocatedError = 2,
    OtherException = 3,
    BrokenInvariant = 4,
};

constexpr std::uint64_t kMaxEvents = 20000;  // as in fuzz_scenario_loader

std::vector<fs::path> regression_inputs() {
    std::vector<fs::path> files;
    const fs::path folder = fs::path(LAMBDASIM_SOURCE_DIR) / "tests" / "fuzz" / "regressions";
    if (fs::is_directory(folder))
        for (const auto& entry : fs::directory_iterator(folder))
            if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

[[noreturn]] void load_in_child(const std::string& text) {
#ifndef LAMBDASIM_UNDER_ASAN
    // A runaway allocation ends as std::bad_alloc (a finding) instead of swapping; ASan reserves
    // terabytes of address space, so there only the time limit applies.
    const rlimit memory{1UL << 30, 1UL << 30};
    ::setrlimit(RLIMIT_AS, &memory);
#endif
    int outcome = Loaded;
    try {
        const ScenarioSpec spec = load_scenario_text(text, "regression.yaml");
        ModelRunOptions options;
        options.max_events = kMaxEvents;
        const ModelRunResult result = run_model(spec, options);
        for (const auto& broken : result.broken_invariants) {
            outcome = BrokenInvariant;
            std::fprintf(stderr, "broken invariant: %s\n", broken.c_str());
        }
    } catch (const ScenarioError& e) {
        outcome = e.line >= 0 && e.column >= 0 && !e.message.empty() ? LocatedError : UnlocatedError;
        std::fprintf(stderr, "%s\n", e.one_line().c_str());
    } catch (const std::exception& e) {
        outcome = OtherException;
        std::fprintf(stderr, "unexpected exception: %s\n", e.what());
    }
    std::fflush(stderr);
    ::_exit(outcome);
}

class ScenarioFuzzRegression : public ::testing::TestWithParam<fs::path> {};

TEST_P(ScenarioFuzzRegression, LoadsOrFailsWithALocatedErrorAndRunsWithinTheInvariants) {
    const fs::path& file = GetParam();
    const std::string text = testing::read_text(file);
    std::fflush(nullptr);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0) << "fork failed";
    if (child == 0) load_in_child(text);

    int status = 0;
    bool finished = false;
    const auto deadline = std::chrono::steady_clock::now() + kTimeLimit;
    while (!finished && std::chrono::steady_clock::now() < deadline) {
        finished = ::waitpid(child, &status, WNOHANG) == child;
        if (!finished) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (!finished) {
        ::kill(child, SIGKILL);
        ::waitpid(child, &status, 0);
        FAIL() << file.filename() << ": did not finish within " << kTimeLimit.count() << " s (a hang)";
    }
    ASSERT_TRUE(WIFEXITED(status)) << file.filename() << ": crashed (signal "
                                   << (WIFSIGNALED(status) ? WTERMSIG(status) : 0) << ")";
    const int outcome = WEXITSTATUS(status);
    EXPECT_NE(outcome, UnlocatedError) << file.filename() << ": a ScenarioError without a location or message";
    EXPECT_NE(outcome, OtherException) << file.filename() << ": an exception other than ScenarioError escaped";
    EXPECT_NE(outcome, BrokenInvariant) << file.filename() << ": the model broke an end-of-run invariant";
}

// One test per file, named after it, so ctest shows which finding regressed.
INSTANTIATE_TEST_SUITE_P(FuzzFindings, ScenarioFuzzRegression, ::testing::ValuesIn(regression_inputs()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                             std::string name = info.param.stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

}  // namespace
}  // namespace lambdasim
