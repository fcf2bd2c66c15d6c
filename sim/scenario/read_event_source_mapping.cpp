// event_source_mappings.NAME: Lambda polling an SQS queue and invoking a function with batches
// (`with-sqs`, `services-sqs-scaling`, `CreateEventSourceMapping`).
#include <limits>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"

namespace lambdasim {
namespace {

// `CreateEventSourceMapping` for SQS: BatchSize 1-10,000 (above 10 only with a batching window),
// MaximumBatchingWindowInSeconds 0-300, ScalingConfig.MaximumConcurrency 2-1,000.
constexpr int kMaxBatchSize = 10000;
constexpr int kMaxBatchWithoutWindow = 10;
constexpr SimTime kMaxBatchWindow = 300 * kSecond;
constexpr int kMinMaxConcurrency = 2;
constexpr int kMaxMaxConcurrency = 1000;

const char* const kExample = "e.g. {queue: jobs, function: worker, batch_size: 10}";

}  // namespace

EventSourceMappingSpec read_event_source_mapping(const std::string& name, const YamlField& field,
                                                 const ScenarioNames& names) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected the mapping's settings as a map, got " + field.describe(), kExample);
    const YamlMap map(
        field, {"queue", "function", "batch_size", "batch_window", "max_concurrency", "report_batch_item_failures"});
    EventSourceMappingSpec m;
    m.name = name;
    m.queue = read_reference(map.required("queue", kExample), names.queues, "queue");
    m.function = read_reference(map.required("function", kExample), names.functions, "function");
    if (auto window = map.get("batch_window")) {
        m.batch_window = read_duration(*window);
        if (m.batch_window < 0 || m.batch_window > kMaxBatchWindow)
            window->fail(fmt::format("must be between 0s and 5min, got {}", format_duration(m.batch_window)),
                         "the AWS limits for the batching window");
    }
    if (auto batch = map.get("batch_size")) {
        m.batch_size = static_cast<int>(read_integer(*batch, 1, kMaxBatchSize));
        if (m.batch_size > kMaxBatchWithoutWindow && m.batch_window <= 0)
            batch->fail(fmt::format("a batch of {} needs a batch_window above 0s", m.batch_size),
                        "AWS allows more than 10 messages a batch only with a batching window; add e.g. "
                        "batch_window: 1s");
    }
    if (auto concurrency = map.get("max_concurrency")) {
        const long long n =
            read_integer(*concurrency, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
        if (n < kMinMaxConcurrency || n > kMaxMaxConcurrency)
            concurrency->fail(
                fmt::format("must be between {} and {}, got {}", kMinMaxConcurrency, kMaxMaxConcurrency, n),
                "the AWS limits for an SQS mapping's maximum concurrency; leave it out for no cap");
        m.max_concurrency = static_cast<int>(n);
    }
    if (auto report = map.get("report_batch_item_failures")) m.report_batch_item_failures = read_boolean(*report);
    return m;
}

}  // namespace lambdasim
