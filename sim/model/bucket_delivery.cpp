// S3 buckets: PUTs limited per partitioned prefix, and s3:ObjectCreated notifications to a
// function (asynchronous invoke), an SNS topic or an SQS queue (`optimizing-performance`,
// `notification-how-to-event-types-and-destinations`).
#include <boost/random/uniform_int_distribution.hpp>

#include "lambdasim/model/lambda_model.hpp"

namespace lambdasim {
namespace {

// ASSUMPTION: an s3:ObjectCreated event record is about 1 KB of JSON whatever the object's size
// (the notification names the object; it does not carry it).
constexpr double kEventRecordBytes = 1024;

}  // namespace

void LambdaModel::put_object(std::uint32_t bucket, std::uint32_t source, SimTime origin) {
    BucketRuntime& b = buckets_[bucket];
    BucketMetrics& metrics = recorder_.bucket(bucket);
    FlowCounts& flow = recorder_.entry_point(source).period.flow;
    ++metrics.period.puts;
    std::size_t prefix = 0;
    if (b.prefixes.size() > 1)
        prefix = boost::random::uniform_int_distribution<std::size_t>(0, b.prefixes.size() - 1)(b.prefix_rng);
    // S3 sustains at least 3,500 writes/s per partitioned prefix and answers 503 SlowDown above
    // that. ASSUMPTION: the limit is fixed; S3's gradual re-partitioning under sustained load is
    // not modelled, and the caller does not retry a refused PUT.
    if (!b.prefixes[prefix].try_take(simulator_.now())) {
        ++metrics.period.slow_down;
        ++flow.created;
        ++flow.rejected;
        return;
    }
    ++metrics.period.accepted;
    if (b.notifications.empty()) {
        // A stored object with nothing to notify is the unit's end.
        ++flow.created;
        deliver_flow(source, origin);
        return;
    }
    for (const BucketNotification& n : b.notifications) {
        ++metrics.period.notifications;
        switch (n.kind) {
            case BucketNotificationSpec::Kind::Function:
                // S3 invokes Lambda asynchronously: the function's async rules apply from here.
                ++flow.created;
                invoke_async(n.target, source, origin, kEventRecordBytes, false);
                break;
            case BucketNotificationSpec::Kind::Queue:
                ++flow.created;
                send_message(n.target, source, origin, false);
                break;
            case BucketNotificationSpec::Kind::Topic:
                // publish() counts one unit per subscription itself.
                publish(n.target, source, origin, kEventRecordBytes, false);
                break;
        }
    }
}

}  // namespace lambdasim
