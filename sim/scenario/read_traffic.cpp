#include <algorithm>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/suggestion.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

TargetSpec read_target(const YamlField& field, const std::vector<std::string>& function_names) {
    const char* example = "e.g. target: {function: api, invocation: sync}";
    if (!field.is_map()) field.fail("expected a map, got " + field.describe(), example);
    const YamlMap map(field, {"function", "invocation"});
    TargetSpec t;
    const YamlField function = map.required("function", example);
    t.function = read_text(function);
    if (std::find(function_names.begin(), function_names.end(), t.function) == function_names.end()) {
        std::string hint = "known functions: " + join_quoted(function_names);
        if (auto match = closest_match(t.function, function_names)) hint = "did you mean `" + *match + "`? " + hint;
        function.fail(fmt::format("no function named `{}`", t.function), hint);
    }
    if (auto invocation = map.get("invocation")) {
        const std::string word = read_text(*invocation);
        if (word == "async" || word == "event")
            invocation->fail("asynchronous invocation is not supported yet", "use invocation: sync");
        t.invocation = read_choice(*invocation, vocabulary::invocation_types());
    }
    return t;
}

ClientSpec read_client(const YamlField& field) {
    const YamlMap map(field, {"max_attempts", "backoff_base", "backoff_cap"});
    ClientSpec c;
    if (auto attempts = map.get("max_attempts")) c.max_attempts = static_cast<int>(read_integer(*attempts, 1, 1000));
    if (auto base = map.get("backoff_base")) {
        c.backoff_base = read_duration(*base);
        if (c.backoff_base < 0) base->fail("must not be negative", "the AWS SDKs use 1s or less");
    }
    if (auto cap = map.get("backoff_cap")) {
        c.backoff_cap = read_duration(*cap);
        if (c.backoff_cap < c.backoff_base)
            cap->fail(fmt::format("{} is below backoff_base {}", format_duration(c.backoff_cap),
                                  format_duration(c.backoff_base)),
                      "the cap must be at least the base; the AWS SDKs cap at 20s");
    } else if (c.backoff_cap < c.backoff_base) {
        map.get("backoff_base")
            ->fail(fmt::format("{} is above the default backoff_cap {}", format_duration(c.backoff_base),
                               format_duration(c.backoff_cap)),
                   "set backoff_cap too");
    }
    return c;
}

}  // namespace

TrafficSourceSpec read_traffic_source(const std::string& name, const YamlField& field, const ReadContext& context,
                                      const std::vector<std::string>& function_names) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected the traffic source's settings as a map, got " + field.describe(),
                   "e.g. arrivals: {process: poisson, rate: 45/s} and target: {function: api}");
    const YamlMap map(field, {"arrivals", "target", "client", "payload", "via"});
    TrafficSourceSpec s;
    s.name = name;
    s.arrivals = read_arrivals(map.required("arrivals", "e.g. arrivals: {process: poisson, rate: 45/s}"), context);
    s.target = read_target(map.required("target", "e.g. target: {function: api}"), function_names);
    if (auto client = map.get("client")) s.client = read_client(*client);
    if (auto payload = map.get("payload")) s.payload = read_distribution(*payload, Quantity::Size, context);
    if (auto via = map.get("via")) {
        const std::vector<std::pair<std::string, bool>> choices = {{"direct", false}, {"api_gateway", true}};
        s.via_api_gateway = read_choice(*via, choices);
    }
    return s;
}

}  // namespace lambdasim
