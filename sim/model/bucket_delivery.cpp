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

std::size_t LambdaModel::pick_prefix(BucketRuntime& b) {
    // Keys are spread uniformly over the bucket's partitioned prefixes.
    if (b.prefixes.size() <= 1) return 0;
    return boost::random::uniform_int_distribution<std::size_t>(0, b.prefixes.size() - 1)(b.prefix_rng);
}

void LambdaModel::put_object(std::uint32_t bucket, std::uint32_t source, SimTime origin) {
    FlowCounts& flow = recorder_.entry_point(source).period.flow;
    // ASSUMPTION: the uploading client does not retry a refused PUT.
    if (!store_object(bucket)) {
        ++flow.created;
        ++flow.rejected;
        return;
    }
    if (buckets_[bucket].notifications.empty()) {
        // A stored object with nothing to notify is the unit's end.
        ++flow.created;
        deliver_flow(source, origin);
        return;
    }
    notify_object_created(bucket, source, origin, false);
}

bool LambdaModel::store_object(std::uint32_t bucket) {
    BucketRuntime& b = buckets_[bucket];
    BucketMetrics& metrics = recorder_.bucket(bucket);
    ++metrics.period.puts;
    // S3 sustains at least 3,500 writes/s per partitioned prefix and answers 503 SlowDown above
    // that. ASSUMPTION: the limit is fixed; S3's gradual re-partitioning under sustained load is
    // not modelled.
    if (!b.prefixes[pick_prefix(b)].try_take(simulator_.now())) {
        ++metrics.period.slow_down;
        return false;
    }
    ++metrics.period.accepted;
    return true;
}

bool LambdaModel::read_object(std::uint32_t bucket) {
    BucketRuntime& b = buckets_[bucket];
    BucketMetrics& metrics = recorder_.bucket(bucket);
    ++metrics.period.gets;
    // 5,500 GET/HEAD requests per second per partitioned prefix, 503 SlowDown above.
    if (!b.read_prefixes[pick_prefix(b)].try_take(simulator_.now())) {
        ++metrics.period.get_slow_down;
        return false;
    }
    return true;
}

std::size_t LambdaModel::notify_object_created(std::uint32_t bucket, std::uint32_t source, SimTime origin,
                                               bool accounted) {
    std::size_t deliveries = 0;
    BucketRuntime& b = buckets_[bucket];
    BucketMetrics& metrics = recorder_.bucket(bucket);
    FlowCounts& flow = recorder_.entry_point(source).period.flow;
    for (const BucketNotification& n : b.notifications) {
        ++metrics.period.notifications;
        switch (n.kind) {
            case BucketNotificationSpec::Kind::Function:
                // S3 invokes Lambda asynchronously: the function's async rules apply from here.
                if (!accounted) ++flow.created;
                ++deliveries;
                invoke_async(n.target, source, origin, kEventRecordBytes, accounted);
                break;
            case BucketNotificationSpec::Kind::Queue:
                if (!accounted) ++flow.created;
                ++deliveries;
                send_message(n.target, source, origin, accounted);
                break;
            case BucketNotificationSpec::Kind::Topic:
                // publish() counts one unit per subscription itself.
                deliveries += publish(n.target, source, origin, kEventRecordBytes, accounted);
                break;
        }
    }
    return deliveries;
}

}  // namespace lambdasim
