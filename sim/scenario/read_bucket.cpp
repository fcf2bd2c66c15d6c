// buckets.NAME: an S3 bucket written to by PUTs, with its write rate per partitioned prefix and its
// s3:ObjectCreated notifications (`optimizing-performance`, `how-to-enable-disable-notification-intro`).
#include <cmath>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"

namespace lambdasim {
namespace {

const char* const kExample = "e.g. notifications: [{function: thumbnailer}, {topic: uploads}, {queue: jobs}]";

BucketNotificationSpec read_notification(const YamlField& field, const ScenarioNames& names) {
    if (!field.is_map()) field.fail("expected a notification map, got " + field.describe(), kExample);
    const YamlMap map(field, {"function", "queue", "topic"});
    std::vector<YamlField> endpoints;
    for (const char* key : {"function", "queue", "topic"})
        if (auto endpoint = map.get(key)) endpoints.push_back(*endpoint);
    if (endpoints.empty())
        field.fail("names no destination",
                   "give `function: NAME`, `topic: NAME` or `queue: NAME`; S3 invokes a function asynchronously");
    if (endpoints.size() > 1)
        endpoints[1].fail_at_key(fmt::format("has both `{}` and `{}`", endpoints[0].name(), endpoints[1].name()),
                                 "a notification goes to one destination; write two notifications");
    const YamlField& endpoint = endpoints.front();
    BucketNotificationSpec n;
    if (endpoint.name() == "function") {
        n.kind = BucketNotificationSpec::Kind::Function;
        n.target = read_reference(endpoint, names.functions, "function");
    } else if (endpoint.name() == "queue") {
        n.kind = BucketNotificationSpec::Kind::Queue;
        n.target = read_reference(endpoint, names.queues, "queue");
    } else {
        n.kind = BucketNotificationSpec::Kind::Topic;
        n.target = read_reference(endpoint, names.topics, "topic");
    }
    return n;
}

}  // namespace

void check_bucket_name(const YamlField& key_field, const std::string& name) {
    // AWS's bucket naming rules: 3 to 63 lowercase letters, digits, `-` (and `.`, which would
    // split a --set path, so not here), beginning and ending with a letter or digit.
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    bool ok = name.size() >= 3 && name.size() <= 63 && alnum(name.front()) && alnum(name.back());
    for (char c : name) ok = ok && (alnum(c) || c == '-');
    if (ok) return;
    key_field.fail_at_key(fmt::format("`{}` is not a valid bucket name", name),
                          "use 3 to 63 lowercase letters, digits or `-`, beginning and ending with a letter or "
                          "digit, as S3 bucket names do");
}

BucketSpec read_bucket(const std::string& name, const YamlField& field, const ScenarioNames& names) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected the bucket's settings as a map, got " + field.describe(),
                   "e.g. write_rate_limit: 3500/s, prefixes: 1, notifications: [{function: thumbnailer}]");
    const YamlMap map(field, {"write_rate_limit", "read_rate_limit", "prefixes", "notifications"});
    BucketSpec b;
    b.name = name;
    if (auto rate = map.get("write_rate_limit")) {
        b.write_rate_limit_per_second = read_rate(*rate);
        if (!(b.write_rate_limit_per_second >= 1) || !std::isfinite(b.write_rate_limit_per_second))
            rate->fail("must be at least 1/s", "S3 sustains at least 3500/s of writes per partitioned prefix");
    }
    if (auto rate = map.get("read_rate_limit")) {
        b.read_rate_limit_per_second = read_rate(*rate);
        if (!(b.read_rate_limit_per_second >= 1) || !std::isfinite(b.read_rate_limit_per_second))
            rate->fail("must be at least 1/s", "S3 sustains at least 5500/s of reads per partitioned prefix");
    }
    if (auto prefixes = map.get("prefixes")) b.prefixes = static_cast<int>(read_integer(*prefixes, 1, 10000));
    if (auto notifications = map.get("notifications"))
        for (const auto& item : read_list(*notifications)) b.notifications.push_back(read_notification(item, names));
    return b;
}

}  // namespace lambdasim
