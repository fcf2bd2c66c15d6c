#include "summary_table.hpp"

#include <string>

#include <fmt/format.h>

namespace lambdasim::cli {
namespace {

// The reason with the most throttles, or "-" when there are none.
std::string main_reason(const nlohmann::ordered_json& by_reason) {
    std::string best = "-";
    std::uint64_t most = 0;
    for (const auto& [reason, count] : by_reason.items()) {
        if (count.get<std::uint64_t>() > most) {
            most = count.get<std::uint64_t>();
            best = reason;
        }
    }
    return best;
}

double percent(std::uint64_t part, std::uint64_t whole) {
    return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// S3 buckets and DynamoDB tables, when the scenario has them: where service limits bit.
void print_services(std::FILE* out, const nlohmann::ordered_json& s) {
    const auto count = [](const nlohmann::ordered_json& j, const char* key) {
        return j.contains(key) ? j[key].get<std::uint64_t>() : std::uint64_t{0};
    };
    if (s.contains("buckets")) {
        fmt::print(out, "\n{:<20} {:>12} {:>10} {:>10} {:>12} {:>10}\n", "bucket", "puts", "accepted", "slow down",
                   "gets", "slow down");
        for (const auto& [name, b] : s["buckets"].items())
            fmt::print(out, "{:<20} {:>12} {:>10} {:>10} {:>12} {:>10}\n", name, count(b, "puts"), count(b, "accepted"),
                       count(b, "slow_down"), count(b, "gets"), count(b, "get_slow_down"));
    }
    if (s.contains("tables")) {
        fmt::print(out, "\n{:<20} {:>12} {:>12} {:>12} {:>12} {:>10}\n", "table", "reads", "writes", "read thr.",
                   "write thr.", "hot key");
        for (const auto& [name, t] : s["tables"].items())
            fmt::print(out, "{:<20} {:>12} {:>12} {:>12} {:>12} {:>10}\n", name, count(t, "reads"), count(t, "writes"),
                       count(t, "read_throttle_events"), count(t, "write_throttle_events"),
                       count(t, "hot_key_throttle_events"));
    }
}

}  // namespace

void print_summary_table(std::FILE* out, const nlohmann::ordered_json& s) {
    const auto& account = s["account"];
    fmt::print(out, "\n{} (seed {}, {:.0f} s simulated{})\n", s["scenario"].get<std::string>(), s["seed"].get<std::uint64_t>(),
               s["simulated_seconds"].get<double>(), s["interrupted"].get<bool>() ? ", INTERRUPTED" : "");
    fmt::print(out, "account: limit {}, unreserved {}, peak concurrency {}, throttles {}\n\n",
               account["concurrency_limit"].get<int>(), account["unreserved_concurrency"].get<int>(),
               account["max_concurrent_executions"].get<int>(), account["throttles"].get<std::uint64_t>());

    fmt::print(out, "{:<20} {:>12} {:>10} {:>7} {:>10} {:>9} {:>8} {:>8}  {}\n", "function", "invocations", "throttles",
               "thr %", "cold", "peak conc", "p50 ms", "p99 ms", "main throttle reason");
    for (const auto& [name, f] : s["functions"].items()) {
        const auto invocations = f["invocations"].get<std::uint64_t>();
        const auto throttles = f["throttles"].get<std::uint64_t>();
        fmt::print(out, "{:<20} {:>12} {:>10} {:>6.2f}% {:>10} {:>9} {:>8.1f} {:>8.1f}  {}\n", name, invocations, throttles,
                   percent(throttles, invocations + throttles), f["cold_starts"].get<std::uint64_t>(),
                   f["max_concurrent_executions"].get<int>(), f["duration_ms"]["p50"].get<double>(),
                   f["duration_ms"]["p99"].get<double>(), main_reason(f["throttles_by_reason"]));
    }
    if (s["entry_points"].empty()) {
        print_services(out, s);
        return;
    }
    // A synchronous source whose function's calls send work on has both requests and a flow.
    const auto is_sync = [](const auto& e) {
        return !e.contains("flow") ||
               e["succeeded"].template get<std::uint64_t>() + e["failed"].template get<std::uint64_t>() +
                       e["throttled"].template get<std::uint64_t>() > 0;
    };
    bool any_sync = false, any_flow = false;
    for (const auto& [name, e] : s["entry_points"].items()) {
        any_flow = any_flow || e.contains("flow");
        any_sync = any_sync || is_sync(e);
    }
    if (any_flow) {
        fmt::print(out, "\n{:<20} {:>12} {:>10} {:>10} {:>8} {:>10} {:>10} {:>12} {:>12}\n", "async flow", "units",
                   "delivered", "forwarded", "lost", "filtered", "in flight", "e2e p50 ms", "e2e p99 ms");
        for (const auto& [name, e] : s["entry_points"].items()) {
            if (!e.contains("flow")) continue;
            const auto& f = e["flow"];
            fmt::print(out, "{:<20} {:>12} {:>10} {:>10} {:>8} {:>10} {:>10} {:>12.1f} {:>12.1f}\n", name,
                       f["created"].get<std::uint64_t>(), f["delivered"].get<std::uint64_t>(),
                       f["forwarded"].get<std::uint64_t>(), f["lost"].get<std::uint64_t>(),
                       f["filtered"].get<std::uint64_t>(), f["in_flight"].get<std::uint64_t>(),
                       e["end_to_end_latency_ms"]["p50"].get<double>(), e["end_to_end_latency_ms"]["p99"].get<double>());
        }
    }
    if (any_sync) {
        fmt::print(out, "\n{:<20} {:>12} {:>10} {:>8} {:>10} {:>8} {:>8} {:>8}\n", "entry point", "requests", "succeeded",
                   "failed", "throttled", "retries", "p50 ms", "p99 ms");
        for (const auto& [name, e] : s["entry_points"].items()) {
            if (!is_sync(e)) continue;
            fmt::print(out, "{:<20} {:>12} {:>10} {:>8} {:>10} {:>8} {:>8.1f} {:>8.1f}\n", name, e["requests"].get<std::uint64_t>(),
                       e["succeeded"].get<std::uint64_t>(), e["failed"].get<std::uint64_t>(),
                       e["throttled"].get<std::uint64_t>(), e["retries"].get<std::uint64_t>(),
                       e["latency_ms"]["p50"].get<double>(), e["latency_ms"]["p99"].get<double>());
        }
    }
    print_services(out, s);
}

}  // namespace lambdasim::cli
