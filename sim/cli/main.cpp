// lambdasim: the command-line front end. Parses the command name, hands the rest to the
// command, and turns every user mistake into one line and an exit code (never a stack trace).
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "lambdasim/version.hpp"

namespace {

constexpr const char* kUsage = R"(lambdasim - a discrete-event simulator of AWS Lambda concurrency and throttling

usage:
  lambdasim run SCENARIO.yaml [--out DIR] [--seed N] [--duration T] [--period T] [--set KEY=VALUE]... [--quiet]
  lambdasim validate SCENARIO.yaml [--set KEY=VALUE]...
  lambdasim compare A.yaml B.yaml [--replications R] [--seed N] [--duration T] [--out DIR]
  lambdasim graph SCENARIO.yaml [--set KEY=VALUE]...      (Graphviz DOT on stdout)
  lambdasim bench [--json]
  lambdasim --version

examples:
  lambdasim run scenarios/noisy-neighbour.yaml
  lambdasim run scenarios/baseline.yaml --duration 10min --seed 42 --out results/try1
  lambdasim run scenarios/noisy-neighbour.yaml --set functions.api.reserved_concurrency=200
  lambdasim validate my-scenario.yaml
  lambdasim graph scenarios/fanout-sns-sqs-lambda.yaml | dot -Tsvg -o topology.svg
  lambdasim compare scenarios/fanout-sns-lambda.yaml scenarios/fanout-sns-sqs-lambda.yaml --replications 5

exit codes: 0 ok, 1 bad scenario or arguments, 2 run failed (I/O, broken invariant), 3 interrupted
Run `lambdasim COMMAND --help` for a command's options.
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace lambdasim::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? kExitBadInput : kExitOk;
    }
    if (args[0] == "--version") {
        fmt::print("lambdasim {} ({})\n", lambdasim::kVersion, lambdasim::kSourceRevision);
        return kExitOk;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "run") return run_command(args);
        if (command == "validate") return validate_command(args);
        if (command == "bench") return bench_command(args);
        if (command == "compare") return compare_command(args);
        if (command == "graph") return graph_command(args);
    } catch (const std::exception& e) {
        fmt::print(stderr, "lambdasim: error: {}\n", e.what());
        return kExitRunFailed;
    }
    fmt::print(stderr, "lambdasim: error: unknown command `{}` (commands: run, validate, compare, graph, bench; see lambdasim --help)\n", command);
    return kExitBadInput;
}
