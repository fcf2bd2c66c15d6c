// tables.NAME: a DynamoDB table's capacity (`provisioned-capacity-mode`, `on-demand-capacity-mode`,
// `burst-adaptive-capacity`).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

const char* const kExample =
    "e.g. {mode: provisioned, read_capacity: 100/s, write_capacity: 50/s} or {mode: on_demand}";

// DynamoDB's default table quota is 40,000 units/s each way; raised quotas go higher, but not
// past what lambdasim counts exactly.
constexpr double kMaxCapacityPerSecond = 1e6;

double read_capacity(const YamlField& field, const char* hint) {
    const double rate = read_rate(field);
    if (!(rate >= 1) || !std::isfinite(rate)) field.fail("must be at least 1/s", hint);
    if (rate > kMaxCapacityPerSecond)
        field.fail(fmt::format("{} is above the largest table throughput lambdasim simulates, 1000000/s",
                               format_rate(rate)),
                   "a default table quota is 40000/s");
    return rate;
}

}  // namespace

TableSpec read_table(const std::string& name, const YamlField& field) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected the table's settings as a map, got " + field.describe(), kExample);
    const YamlMap map(field, {"mode", "read_capacity", "write_capacity", "burst", "initial_read", "initial_write",
                              "max_read", "max_write", "hot_key_share"});
    TableSpec t;
    t.name = name;
    if (auto mode = map.get("mode")) t.mode = read_choice(*mode, vocabulary::capacity_modes());
    if (auto share = map.get("hot_key_share")) t.hot_key_share = read_fraction(*share);
    if (t.mode == CapacityMode::Provisioned) {
        map.restrict_to({"mode", "read_capacity", "write_capacity", "burst", "hot_key_share"}, "a provisioned table");
        const char* hint = "provisioned capacity is in units per second, e.g. 100/s";
        t.read_capacity_per_second = read_capacity(map.required("read_capacity", kExample), hint);
        t.write_capacity_per_second = read_capacity(map.required("write_capacity", kExample), hint);
        if (auto burst = map.get("burst")) {
            t.burst = read_duration(*burst);
            if (t.burst < 0 || t.burst > 300 * kSecond)
                burst->fail(fmt::format("must be between 0s and 300s, got {}", format_duration(t.burst)),
                            "DynamoDB keeps at most 5 minutes of unused capacity as burst");
        }
        return t;
    }
    map.restrict_to({"mode", "initial_read", "initial_write", "max_read", "max_write", "hot_key_share"},
                    "an on-demand table");
    const char* hint = "on-demand throughput is in request units per second, e.g. 4000/s";
    if (auto v = map.get("initial_read")) t.initial_read_per_second = read_capacity(*v, hint);
    if (auto v = map.get("initial_write")) t.initial_write_per_second = read_capacity(*v, hint);
    if (auto v = map.get("max_read")) t.max_read_per_second = read_capacity(*v, hint);
    if (auto v = map.get("max_write")) t.max_write_per_second = read_capacity(*v, hint);
    // A maximum set below the default initial throughput lowers it too (the table never serves
    // above its maximum); only an explicit initial above the maximum is a mistake.
    if (!map.has("initial_read")) t.initial_read_per_second = std::min(t.initial_read_per_second, t.max_read_per_second);
    if (!map.has("initial_write"))
        t.initial_write_per_second = std::min(t.initial_write_per_second, t.max_write_per_second);
    const auto check_order = [&map](const char* initial_key, double initial, const char* max_key, double max) {
        if (initial <= max) return;
        const auto field = map.has(initial_key) ? map.get(initial_key) : map.get(max_key);
        field->fail(fmt::format("{} {} is above {} {}", initial_key, format_rate(initial), max_key, format_rate(max)),
                    "the table-level maximum caps what the table serves; raise it or lower the initial throughput");
    };
    check_order("initial_read", t.initial_read_per_second, "max_read", t.max_read_per_second);
    check_order("initial_write", t.initial_write_per_second, "max_write", t.max_write_per_second);
    return t;
}

}  // namespace lambdasim
