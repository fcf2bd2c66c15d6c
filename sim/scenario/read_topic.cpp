// topics.NAME: an SNS standard topic and its subscriptions (`sns-message-delivery-retries`,
// `sns-dead-letter-queues`, `sns-message-filtering`).
#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"

namespace lambdasim {
namespace {

const char* const kExample = "e.g. subscriptions: [{function: thumbnailer}, {queue: jobs, filter: 0.5}]";

SubscriptionSpec read_subscription(const YamlField& field, const ScenarioNames& names) {
    if (!field.is_map()) field.fail("expected a subscription map, got " + field.describe(), kExample);
    const YamlMap map(field, {"function", "queue", "filter", "dead_letter_queue"});
    const auto function = map.get("function");
    const auto queue = map.get("queue");
    if (function && queue)
        queue->fail_at_key("has both `function` and `queue`",
                           "a subscription delivers to one endpoint; write two subscriptions");
    SubscriptionSpec s;
    if (function) {
        s.kind = SubscriptionSpec::Kind::Function;
        s.target = read_reference(*function, names.functions, "function");
    } else if (queue) {
        s.kind = SubscriptionSpec::Kind::Queue;
        s.target = read_reference(*queue, names.queues, "queue");
    } else {
        field.fail("names no endpoint",
                   "give `function: NAME` or `queue: NAME`; SNS invokes a function asynchronously");
    }
    // The filter policy is modelled by its effect: the share of messages it lets through.
    if (auto filter = map.get("filter")) s.filter_fraction = read_fraction(*filter);
    if (auto dead_letter = map.get("dead_letter_queue"))
        s.dead_letter_queue = read_reference(*dead_letter, names.queues, "queue");
    return s;
}

}  // namespace

TopicSpec read_topic(const std::string& name, const YamlField& field, const ScenarioNames& names) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected the topic's settings as a map, got " + field.describe(), kExample);
    const YamlMap map(field, {"subscriptions"});
    TopicSpec t;
    t.name = name;
    const YamlField subscriptions = map.required("subscriptions", kExample);
    for (const auto& item : read_list(subscriptions)) t.subscriptions.push_back(read_subscription(item, names));
    if (t.subscriptions.empty()) subscriptions.fail("needs at least one subscription", kExample);
    return t;
}

}  // namespace lambdasim
