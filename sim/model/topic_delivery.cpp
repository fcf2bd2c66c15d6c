// SNS topics: fan-out to function (asynchronous invoke) and queue subscriptions
// (`sns-lambda-as-subscriber`, `sns-message-filtering`, `sns-dead-letter-queues`).
#include <boost/random/bernoulli_distribution.hpp>

#include "lambdasim/model/lambda_model.hpp"

namespace lambdasim {

std::size_t LambdaModel::publish(std::uint32_t topic, std::uint32_t source, SimTime origin, double payload_bytes,
                                 bool accounted) {
    std::size_t deliveries = 0;
    TopicRuntime& t = topics_[topic];
    TopicMetrics& metrics = recorder_.topic(topic);
    FlowCounts& flow = recorder_.entry_point(source).period.flow;
    ++metrics.period.published;
    for (const Subscription& s : t.subscriptions) {
        if (!accounted) ++flow.created;
        if (s.filter_fraction < 1.0 && !boost::random::bernoulli_distribution<double>(s.filter_fraction)(t.filter_rng)) {
            ++metrics.period.filtered;
            if (!accounted) ++flow.filtered;
            continue;
        }
        if (s.kind == SubscriptionSpec::Kind::Queue) {
            ++metrics.period.delivered;
            ++deliveries;
            send_message(s.target, source, origin, accounted);
            continue;
        }
        // Lambda accepts an SNS delivery into the function's async queue unless the payload is
        // above the async limit; a refused delivery goes to the subscription's DLQ, if any.
        if (payload_bytes > functions_[s.target].spec->async.payload_limit_bytes) {
            ++metrics.period.failed;
            if (s.dead_letter_queue >= 0) send_message(static_cast<std::uint32_t>(s.dead_letter_queue), source, origin, true);
            if (!accounted) {
                if (s.dead_letter_queue >= 0)
                    ++flow.dead_lettered;
                else
                    ++flow.dropped;
            }
            continue;
        }
        ++metrics.period.delivered;
        ++deliveries;
        invoke_async(s.target, source, origin, payload_bytes, accounted);
    }
    return deliveries;
}

}  // namespace lambdasim
