// A table of broken scenarios. Each must be refused with a ScenarioError at the right line and
// with a message that says what is wrong, both through the library and through
// `lambdasim validate FILE` (exit status 1, "FILE:LINE:" and the message on stderr).
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "lambdasim/scenario/loader.hpp"

namespace lambdasim {
namespace {

namespace fs = std::filesystem;

struct BrokenScenario {
    const char* name;                 // test name suffix
    const char* yaml;                 // the scenario file
    int line;                         // expected 1-based line of the error
    const char* fragment;             // expected in "MESSAGE (HINT)"
    const char* data_name = nullptr;  // a data file written next to the scenario...
    const char* data_text = nullptr;  // ...with this content
    bool error_in_data_file = false;  // the error points into the data file, not the scenario
};

// clang-format off
const BrokenScenario kBrokenScenarios[] = {
    {"YamlSyntaxError", "functions:\n  api:\n    duration: [1s\n", 4, "YAML syntax error"},
    {"TabIndentation", "functions:\n\tapi:\n    duration: 1s\n", 2, "spaces, not tabs"},
    {"MisspeltKey", "functions:\n  api:\n    reserved_concurency: 5\n    duration: 1s\n", 3,
     "did you mean `reserved_concurrency`?"},
    {"MisspeltSection", "functons:\n  api:\n    duration: 1s\n", 1, "did you mean `functions`?"},
    {"UnknownKeyListsAllowedKeys", "functions:\n  api:\n    duration: 1s\n    colour: red\n", 4,
     "allowed keys here"},
    {"MapExpected", "account: 1000\nfunctions:\n  api:\n    duration: 1s\n", 1, "account: expected a map"},
    {"FunctionsWrittenAsAList", "functions:\n  - api\n", 2, "not a list"},
    {"WholeNumberExpected", "functions:\n  api:\n    duration: 1s\n    reserved_concurrency: lots\n", 4,
     "expected a whole number"},
    {"MissingDuration", "functions:\n  api:\n    memory: 512MB\n", 2, "missing required key `duration`"},
    {"MissingFunctions", "duration: 1h\n", 1, "missing required key `functions`"},
    {"EmptyFile", "# nothing here\n", 1, "the scenario is empty"},
    {"DurationWithoutUnit", "functions:\n  api:\n    duration: 1s\n    timeout: 30\n", 4,
     "add a unit: 120ms, 30s, 15min, 2h"},
    {"UnknownDurationUnit", "functions:\n  api:\n    duration: 1s\n    timeout: 30sec\n", 4, "unknown duration unit"},
    {"RateWithoutPeriod",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    arrivals: {process: poisson, rate: 45}\n"
     "    target: {function: api}\n", 6, "has no period"},
    {"SizeWithoutUnit", "functions:\n  api:\n    duration: 1s\n    memory: 1024\n", 4, "add a unit"},
    {"MemoryBelowAwsMinimum", "functions:\n  api:\n    duration: 1s\n    memory: 64MB\n", 4,
     "must be between 128MB and 10240MB"},
    {"MemoryNotWholeMegabytes", "functions:\n  api:\n    duration: 1s\n    memory: 1000.5MB\n", 4,
     "not a whole number of MB"},
    {"TimeoutAboveFifteenMinutes", "functions:\n  api:\n    duration: 1s\n    timeout: 16min\n", 4,
     "must be between 1s and 15min"},
    {"EphemeralStorageAboveMaximum", "functions:\n  api:\n    duration: 1s\n    ephemeral_storage: 20GB\n", 4,
     "ephemeral_storage: must be between 512MB and 10240MB"},
    {"ZipAboveFiftyMegabytes", "functions:\n  api:\n    duration: 1s\n    package: {type: zip, size: 60MB}\n", 4,
     "above the AWS limit of 50MB"},
    {"UnzippedAboveLimit", "functions:\n  api:\n    duration: 1s\n    package:\n      unzipped_size: 300MB\n", 5,
     "above the AWS limit of 250MB"},
    {"ImageAboveTenGigabytes",
     "functions:\n  api:\n    duration: 1s\n    runtime: container_image\n    package: {type: image, size: 11GB}\n", 5,
     "above the AWS limit of 10GB"},
    {"ContainerRuntimeWithZip", "functions:\n  api:\n    duration: 1s\n    runtime: container_image\n", 4,
     "deployed as an image"},
    {"ErrorRateAboveOne", "functions:\n  api:\n    duration: 1s\n    error_rate: 1.5\n", 4, "between 0 and 1"},
    {"CpuBoundNegative", "functions:\n  api:\n    duration: 1s\n    cpu_bound: -0.1\n", 4, "between 0 and 1"},
    {"NegativeReservedConcurrency", "functions:\n  api:\n    duration: 1s\n    reserved_concurrency: -1\n", 4,
     "must be at least 0"},
    {"ProvisionedAboveReserved",
     "functions:\n  api:\n    duration: 1s\n    reserved_concurrency: 10\n"
     "    provisioned_concurrency:\n      - {at: 0s, level: 5}\n      - {at: 1h, level: 20}\n", 7,
     "provisioned concurrency 20 is above reserved_concurrency 10"},
    {"ReservationsLeaveTooLittleUnreserved",
     "functions:\n  a:\n    duration: 1s\n    reserved_concurrency: 500\n  b:\n    duration: 1s\n"
     "    reserved_concurrency: 450\n", 7,
     "leaves 50 of the account's 1000 unreserved, below account.unreserved_minimum 100"},
    {"ProvisionedOfUnreservedFunctionLeavesTooLittle",
     "account: {concurrency_limit: 500}\nfunctions:\n  a:\n    duration: 1s\n    reserved_concurrency: 300\n"
     "  b:\n    duration: 1s\n    provisioned_concurrency: 150\n", 8, "leaves 50 of the account's 500 unreserved"},
    {"ReservedAboveAccountLimit", "functions:\n  api:\n    duration: 1s\n    reserved_concurrency: 1200\n", 4,
     "above the account concurrency limit 1000"},
    {"TrafficTargetsUnknownFunction",
     "functions:\n  api:\n    duration: 1s\n  worker:\n    duration: 1s\ntraffic:\n  users:\n"
     "    arrivals: {process: poisson, rate: 5/s}\n    target: {function: apii}\n", 9,
     "no function named `apii` (did you mean `api`? known functions: `api`, `worker`)"},
    {"DuplicateFunctionName", "functions:\n  api:\n    duration: 1s\n  api:\n    duration: 2s\n", 4,
     "duplicate function `api`"},
    {"UnknownRuntime", "functions:\n  api:\n    duration: 1s\n    runtime: pyhton\n", 4, "did you mean `python`?"},
    {"UnknownDistribution", "functions:\n  api:\n    duration: {dist: gamma, mean: 1s}\n", 3,
     "unknown dist `gamma`"},
    {"KeyNotApplicableToDistribution", "functions:\n  api:\n    duration: {dist: normal, mean: 1s, p99: 2s}\n", 3,
     "`p99` does not apply to dist: normal"},
    {"LognormalP99NotAboveP50", "functions:\n  api:\n    duration: {dist: lognormal, p50: 2s, p99: 1s}\n", 3,
     "p99 1s must be above p50 2s"},
    {"UniformMaxBelowMin", "functions:\n  api:\n    duration: 1s\n    idle_lifetime:\n      dist: uniform\n"
     "      min: 15min\n      max: 5min\n", 7, "uniform max 5min is below min 15min"},
    {"NormalMeanFarBelowZero", "functions:\n  api:\n    duration: {dist: normal, mean: -1s, stddev: 100ms}\n", 3,
     "more than 3 standard deviations"},
    {"UnknownArrivalProcess",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    arrivals: {process: posson, rate: 5/s}\n"
     "    target: {function: api}\n", 6, "did you mean `poisson`?"},
    {"StepsNotStartingAtZero",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    target: {function: api}\n    arrivals:\n"
     "      process: steps\n      steps:\n        - {at: 1min, rate: 5/s}\n", 10, "the first entry must be at 0s"},
    {"StepsNotIncreasing",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    target: {function: api}\n    arrivals:\n"
     "      process: steps\n      steps:\n        - {at: 0s, rate: 5/s}\n        - {at: 0s, rate: 9/s}\n", 11,
     "is not after the previous entry"},
    {"MaxAttemptsBelowOne",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n"
     "    target: {function: api}\n    client: {max_attempts: 0}\n", 8, "must be at least 1"},
    {"InvocationEventIsCalledAsync",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n"
     "    target: {function: api, invocation: event}\n", 7, "written async here"},
    // functions.NAME.async
    {"AsyncMaxRetriesAboveTwo", "functions:\n  worker:\n    duration: 1s\n    async:\n      max_retries: 3\n", 5, "must be between 0 and 2"},
    {"AsyncMaxEventAgeBelowOneMinute", "functions:\n  worker:\n    duration: 1s\n    async:\n      max_event_age: 30s\n", 5,
     "must be between 1min and 6h"},
    {"AsyncPayloadLimitZero", "functions:\n  worker:\n    duration: 1s\n    async: {payload_limit: 0B}\n", 4, "must be greater than 0B"},
    {"AsyncOnFailureUnknownTopic",
     "functions:\n  worker:\n    duration: 1s\n    async:\n      on_failure: {topic: alert}\ntopics:\n  alerts:\n"
     "    subscriptions: [{queue: q}]\nqueues:\n  q: {}\n", 5,
     "no topic named `alert` (did you mean `alerts`? known topics: `alerts`)"},
    {"AsyncOnFailureQueueAndTopic", "functions:\n  worker:\n    duration: 1s\n    async:\n      on_failure: {queue: q, topic: t}\n", 5,
     "has both `queue` and `topic`"},
    {"AsyncOnFailureFifoQueue",
     "functions:\n  worker:\n    duration: 1s\n    async: {on_failure: {queue: orders}}\nqueues:\n  orders: {type: fifo}\n", 4,
     "to standard SQS queues only"},
    // queues
    {"MisspeltQueueKey", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs:\n    visibilty_timeout: 30s\n", 6,
     "did you mean `visibility_timeout`?"},
    {"VisibilityTimeoutAboveTwelveHours", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs:\n    visibility_timeout: 13h\n", 6,
     "must be between 0s and 12h"},
    {"RetentionBelowOneMinute", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {retention: 30s}\n", 5, "must be between 1min and 14d"},
    {"DeliveryDelayWithoutUnit", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {delivery_delay: 5}\n", 5, "add a unit"},
    {"UnknownQueueType", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {type: fifio}\n", 5, "did you mean `fifo`?"},
    {"QueueNameWithFifoSuffix", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs.fifo: {type: fifo}\n", 5,
     "is written `type: fifo` here; name the queue `jobs`"},
    {"MessageGroupsOnStandardQueue", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {message_groups: 4}\n", 5,
     "message_groups applies to FIFO queues only"},
    {"MaxReceiveCountWithoutDeadLetterQueue", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs:\n    max_receive_count: 5\n", 6,
     "max_receive_count needs a dead_letter_queue"},
    {"QueueIsItsOwnDeadLetterQueue",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs:\n    max_receive_count: 5\n    dead_letter_queue: jobs\n", 7,
     "a queue cannot be its own dead-letter queue"},
    {"UnknownDeadLetterQueue",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs:\n    max_receive_count: 5\n    dead_letter_queue: jobs-dql\n  jobs-dlq: {}\n", 7,
     "no queue named `jobs-dql` (did you mean `jobs-dlq`?"},
    {"FifoQueueWithStandardDeadLetterQueue",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  orders:\n    type: fifo\n    max_receive_count: 5\n    dead_letter_queue: orders-dlq\n"
     "  orders-dlq: {}\n", 8, "dead-letter queue `orders-dlq` is standard, but `orders` is FIFO"},
    {"DeadLetterQueueCycle",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  a: {max_receive_count: 2, dead_letter_queue: b}\n"
     "  b: {max_receive_count: 2, dead_letter_queue: a}\n", 5, "dead-letter queues form a cycle: a -> b -> a"},
    // event_source_mappings
    {"MappingWithoutQueue", "functions:\n  worker:\n    duration: 1s\n" "event_source_mappings:\n  m: {function: worker}\n", 5,
     "missing required key `queue`"},
    {"MappingToUnknownFunction",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {}\nevent_source_mappings:\n  m:\n    queue: jobs\n    function: wroker\n", 9,
     "no function named `wroker` (did you mean `worker`?"},
    {"MappingBatchAboveTenWithoutWindow",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {}\nevent_source_mappings:\n  m:\n    queue: jobs\n    function: worker\n"
     "    batch_size: 100\n", 10, "needs a batch_window above 0s"},
    {"FifoMappingBatchAboveTen",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  orders: {type: fifo}\nevent_source_mappings:\n  m:\n    queue: orders\n"
     "    function: worker\n    batch_size: 20\n    batch_window: 1s\n", 10, "FIFO queues allow at most 10"},
    {"FifoMappingWithBatchWindow",
     "functions:\n  worker:\n    duration: 1s\nqueues:\n  orders: {type: fifo}\nevent_source_mappings:\n  m:\n"
     "    queue: orders\n    function: worker\n    batch_window: 2s\n", 10, "FIFO queue `orders` takes no batching window"},
    {"MappingBatchWindowAboveFiveMinutes",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {}\nevent_source_mappings:\n  m: {queue: jobs, function: worker, batch_window: 6min}\n",
     7, "must be between 0s and 5min"},
    {"MappingMaxConcurrencyBelowTwo",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {}\nevent_source_mappings:\n  m: {queue: jobs, function: worker, max_concurrency: 1}\n",
     7, "must be between 2 and 1000"},
    {"MappingReportFailuresNotBoolean",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {}\nevent_source_mappings:\n  m:\n    queue: jobs\n    function: worker\n"
     "    report_batch_item_failures: yes\n", 10, "expected true or false"},
    {"FunctionTimeoutAboveVisibilityTimeout",
     "functions:\n  worker:\n    duration: 1s\n    timeout: 5min\nqueues:\n  jobs: {visibility_timeout: 1min}\n"
     "event_source_mappings:\n  jobs-to-worker: {queue: jobs, function: worker}\n", 8,
     "function `worker` has timeout 5min, longer than queue `jobs`'s visibility_timeout 1min"},
    // topics
    {"TopicWithoutSubscriptions", "functions:\n  worker:\n    duration: 1s\n" "topics:\n  uploads: {subscriptions: []}\n", 5,
     "needs at least one subscription"},
    {"TopicMissingSubscriptions", "functions:\n  worker:\n    duration: 1s\n" "topics:\n  uploads:\n", 5, "missing required key `subscriptions`"},
    {"SubscriptionFilterAboveOne",
     "functions:\n  worker:\n    duration: 1s\n" "topics:\n  uploads:\n    subscriptions:\n      - {function: worker, filter: 1.5}\n", 7,
     "between 0 and 1"},
    {"SubscriptionWithoutEndpoint", "functions:\n  worker:\n    duration: 1s\n" "topics:\n  uploads:\n    subscriptions:\n      - {filter: 0.5}\n", 7,
     "names no endpoint"},
    {"SubscriptionToFifoQueue",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  orders: {type: fifo}\ntopics:\n  uploads:\n    subscriptions:\n      - queue: orders\n", 9,
     "SNS standard topics deliver to standard SQS queues only"},
    {"SubscriptionLoopsBackThroughOnFailure",
     "functions:\n  worker:\n    duration: 1s\n    async: {on_failure: {topic: uploads}}\ntopics:\n  uploads:\n    subscriptions:\n"
     "      - function: worker\n", 8, "which invokes it again: a loop"},
    // traffic targets
    {"TargetWithFunctionAndQueue",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {}\n" "traffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n" "    target: {function: worker, queue: jobs}\n", 9,
     "has both `function` and `queue`"},
    {"TargetWithoutEndpoint", "functions:\n  worker:\n    duration: 1s\n" "traffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n" "    target: {invocation: sync}\n", 7, "names no target"},
    {"TargetUnknownTopic",
     "functions:\n  worker:\n    duration: 1s\n" "topics:\n  uploads: {subscriptions: [{function: worker}]}\n" "traffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n" "    target: {topic: uplods}\n", 9,
     "no topic named `uplods` (did you mean `uploads`?"},
    {"InvocationOnQueueTarget", "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {}\n" "traffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n" "    target: {queue: jobs, invocation: async}\n",
     9, "`invocation` does not apply to a queue target"},
    {"ApiGatewayInFrontOfQueue",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  jobs: {}\n" "traffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n" "    target: {queue: jobs}\n    via: api_gateway\n", 10,
     "API Gateway in front of queue `jobs` is not modelled"},
    {"ApiGatewayInFrontOfAsyncInvocation",
     "functions:\n  worker:\n    duration: 1s\n" "traffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n" "    target: {function: worker, invocation: async}\n    via: api_gateway\n", 8,
     "API Gateway in front of asynchronous function `worker` is not modelled"},
    {"ClientOnTopicTarget",
     "functions:\n  worker:\n    duration: 1s\n" "topics:\n  uploads: {subscriptions: [{function: worker}]}\n" "traffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n"
     "    target: {topic: uploads}\n    client: {max_attempts: 5}\n", 10, "`client` does not apply"},
    // buckets
    {"BucketNotificationUnknownFunction",
     "functions:\n  thumbnailer:\n    duration: 1s\n" "buckets:\n  uploads:\n    notifications:\n      - {function: thumbnailr}\n", 7,
     "no function named `thumbnailr` (did you mean `thumbnailer`?"},
    {"BucketNameNotLowercase", "functions:\n  worker:\n    duration: 1s\n" "buckets:\n  Uploads: {}\n", 5,
     "`Uploads` is not a valid bucket name"},
    {"BucketWriteRateLimitZero",
     "functions:\n  worker:\n    duration: 1s\n" "buckets:\n  uploads:\n    write_rate_limit: 0/s\n", 6, "must be at least 1/s"},
    {"TargetUnknownBucket",
     "functions:\n  worker:\n    duration: 1s\n" "buckets:\n  uploads: {}\n" "traffic:\n  t:\n    arrivals: {process: poisson, rate: 5/s}\n" "    target: {bucket: uplods}\n", 9,
     "no bucket named `uplods` (did you mean `uploads`?"},
    {"BucketNotificationToFifoQueue",
     "functions:\n  worker:\n    duration: 1s\n" "queues:\n  orders: {type: fifo}\n" "buckets:\n  uploads:\n    notifications:\n      - queue: orders\n", 9,
     "S3 event notifications do not support FIFO queues"},
    {"MetricsPeriodZero", "metrics_period: 0s\nfunctions:\n  api:\n    duration: 1s\n", 1, "greater than 0s"},
    {"SeedNegative", "seed: -3\nfunctions:\n  api:\n    duration: 1s\n", 1, "expected a whole number from 0"},
    {"MissingEmpiricalFile", "functions:\n  api:\n    duration: {dist: empirical, file: nowhere.csv}\n", 3,
     "file `nowhere.csv` not found"},
    {"EmpiricalFileWithText", "functions:\n  api:\n    duration: {dist: empirical, file: d.csv, unit: ms}\n", 4,
     "`fast` is not a number", "d.csv", "ms\n100\n120\nfast\n", true},
    {"MissingTraceFile",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    target: {function: api}\n"
     "    arrivals: {process: trace, file: missing.csv}\n", 7, "not found"},
    {"TraceUnsorted",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    target: {function: api}\n"
     "    arrivals: {process: trace, file: trace.csv}\n", 6, "sort the trace", "trace.csv",
     "time_s\n0.5\n1.0\n# a comment\n2.0\n1.5\n", true},
    {"TraceNegativeTimestamp",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    target: {function: api}\n"
     "    arrivals: {process: trace, file: trace.csv}\n", 1, "is negative", "trace.csv", "-1\n2\n", true},
    {"TraceNonNumericLine",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    target: {function: api}\n"
     "    arrivals: {process: trace, file: trace.csv}\n", 3, "`oops` is not a time", "trace.csv", "1\n2\noops\n3\n",
     true},
    {"TraceCountsNotWhole",
     "functions:\n  api:\n    duration: 1s\ntraffic:\n  t:\n    target: {function: api}\n"
     "    arrivals: {process: trace, file: trace.csv, format: counts}\n", 3, "is not a whole count", "trace.csv",
     "second,count\n0,4\n1,2.5\n", true},
    {"ScheduleCronWithFiveFields",
     "functions:\n  report:\n    duration: 1s\nschedules:\n  nightly:\n    expression: \"cron(0 2 * * ?)\"\n"
     "    target: {function: report}\n", 6, "cron needs 6 fields"},
    {"ScheduleCronBothDayFields",
     "functions:\n  report:\n    duration: 1s\nschedules:\n  nightly:\n    target: {function: report}\n"
     "    expression: \"cron(0 2 1 * MON *)\"\n", 7, "one of them must be `?`"},
    {"ScheduleCronLastDayNotSupported",
     "functions:\n  report:\n    duration: 1s\nschedules:\n  nightly:\n    expression: \"cron(0 2 L * ? *)\"\n"
     "    target: {function: report}\n", 6, "is not supported"},
    {"ScheduleRateZero",
     "functions:\n  report:\n    duration: 1s\nschedules:\n  tick:\n    expression: rate(0 minutes)\n"
     "    target: {function: report}\n", 6, "not a whole number >= 1"},
    {"ScheduleRetryAttemptsAbove185",
     "functions:\n  report:\n    duration: 1s\nschedules:\n  tick:\n    expression: rate(1 hour)\n"
     "    target: {function: report}\n    retry_policy: {max_attempts: 200}\n", 8, "185"},
    {"ScheduleNamedLikeATrafficSource",
     "functions:\n  report:\n    duration: 1s\ntraffic:\n  tick:\n    arrivals: {process: poisson, rate: 1/s}\n"
     "    target: {function: report}\nschedules:\n  tick:\n    expression: rate(1 hour)\n"
     "    target: {function: report}\n", 9, "has the name of traffic source"},
    {"StartNotAUtcTime", "start: 2026-13-01T00:00:00Z\nfunctions:\n  report:\n    duration: 1s\n", 1,
     "not a valid date and time"},
    {"DeliveryLoopThroughTwoTopics",
     "functions:\n  a:\n    duration: 1s\n    async: {on_failure: {topic: t1}}\n  b:\n    duration: 1s\n"
     "    async: {on_failure: {topic: t2}}\ntopics:\n  t1: {subscriptions: [{function: b}]}\n"
     "  t2: {subscriptions: [{function: a}]}\n", 4,
     "function a -on_failure-> topic t1 -async-> function b -on_failure-> topic t2 -async-> function a"},
    {"CallToAnUnknownTable",
     "functions:\n  a:\n    duration: 1s\n    calls: [{table: metdata}]\ntables:\n  metadata: {}\n", 4,
     "did you mean `metadata`?"},
    {"CallNamingTwoServices",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {queue: q, topic: t}\nqueues: {q: {}}\n"
     "topics: {t: {subscriptions: [{queue: q}]}}\n", 5, "a call goes to one service"},
    {"CallActionThatDoesNotApply",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {topic: t, action: put}\nqueues: {q: {}}\n"
     "topics: {t: {subscriptions: [{queue: q}]}}\n", 5, "`action` does not apply to a topic call"},
    {"CallUnknownBucketAction",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {bucket: images, action: delete}\nbuckets: {images: {}}\n", 5,
     "unknown action `delete`"},
    {"CallUnitsOnAQueue",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {queue: q, units: 2}\nqueues: {q: {}}\n", 5,
     "`units` applies to table calls only"},
    {"CallRetriesOnAQueue",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {queue: q, retries: {max_attempts: 5}}\nqueues: {q: {}}\n", 5,
     "`retries` does not apply to a queue call"},
    {"TableCallLargerThanTheTable",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {table: t, units: 50}\n"
     "tables:\n  t: {mode: provisioned, read_capacity: 10/s, write_capacity: 10/s, burst: 2s}\n", 5,
     "50 units per request is more than what the provisioned table holds"},
    {"TableCallLargerThanTheHotPartition",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {table: t, units: 2000}\n"
     "tables:\n  t: {hot_key_share: 0.1}\n", 5, "what the hot key's partition serves in a second"},
    {"CallLatencyWithoutUnit",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {queue: q, latency: 20}\nqueues: {q: {}}\n", 5,
     "add a unit"},
    {"CallLoopThroughATopic",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {topic: t}\n"
     "topics: {t: {subscriptions: [{function: a}]}}\n", 5,
     "function a -publish-> topic t -async-> function a"},
    {"CallLoopThroughAnEventSourceMapping",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {queue: q}\nqueues: {q: {}}\n"
     "event_source_mappings: {m: {queue: q, function: a}}\n", 5, "function a -send-> queue q -esm-> function a"},
    {"CallLoopThroughANotifyingBucket",
     "functions:\n  a:\n    duration: 1s\n    calls:\n      - {bucket: images}\n"
     "buckets: {images: {notifications: [{function: a}]}}\n", 5,
     "function a -put-> bucket images -notify-> function a"},
    {"ProvisionedTableWithoutWriteCapacity",
     "functions:\n  a:\n    duration: 1s\ntables:\n  t: {mode: provisioned, read_capacity: 10/s}\n", 5,
     "missing required key `write_capacity`"},
    {"ProvisionedTableWithOnDemandKey",
     "functions:\n  a:\n    duration: 1s\ntables:\n  t:\n    mode: provisioned\n    read_capacity: 10/s\n"
     "    write_capacity: 10/s\n    max_write: 100/s\n", 9, "does not apply to a provisioned table"},
    {"TableBurstAboveFiveMinutes",
     "functions:\n  a:\n    duration: 1s\ntables:\n  t:\n    mode: provisioned\n    read_capacity: 10/s\n"
     "    write_capacity: 10/s\n    burst: 10min\n", 9, "at most 5 minutes of unused capacity"},
    {"TableCapacityWithoutPeriod",
     "functions:\n  a:\n    duration: 1s\ntables:\n  t: {mode: provisioned, read_capacity: 10, write_capacity: 5/s}\n",
     5, "read_capacity"},
    {"UnknownTableMode", "functions:\n  a:\n    duration: 1s\ntables:\n  t: {mode: ondemand}\n", 5,
     "did you mean `on_demand`?"},
    {"OnDemandInitialAboveMax",
     "functions:\n  a:\n    duration: 1s\ntables:\n  t: {initial_write: 5000/s, max_write: 1000/s}\n", 5,
     "initial_write 5000/s is above max_write 1000/s"},
    {"MisspeltPrice", "functions:\n  a:\n    duration: 1s\nprices:\n  lambda_per_gb_secnd: 0.00001\n", 5,
     "did you mean `lambda_per_gb_second`?"},
    {"NegativePrice", "functions:\n  a:\n    duration: 1s\nprices:\n  sqs_per_million_requests: -1\n", 5,
     "must be a price of 0 or more"},
};
// clang-format on

// gtest prints the row's name instead of its bytes.
void PrintTo(const BrokenScenario& s, std::ostream* out) { *out << s.name; }

class BadInput : public ::testing::TestWithParam<BrokenScenario> {
protected:
    void SetUp() override {
        const BrokenScenario& s = GetParam();
        folder_ = root() / s.name;
        fs::create_directories(folder_);
        scenario_ = (folder_ / "scenario.yaml").string();
        std::ofstream(scenario_) << s.yaml;
        if (s.data_name) std::ofstream(folder_ / s.data_name) << s.data_text;
        error_file_ = s.error_in_data_file ? (folder_ / s.data_name).string() : scenario_;
    }
    void TearDown() override { fs::remove_all(folder_); }
    static void TearDownTestSuite() { fs::remove_all(root()); }
    static fs::path root() { return fs::temp_directory_path() / ("lambdasim_bad_input_" + std::to_string(::getpid())); }

    fs::path folder_;
    std::string scenario_;
    std::string error_file_;
};

TEST_P(BadInput, LibraryReportsTheLineAndWhatIsWrong) {
    const BrokenScenario& s = GetParam();
    try {
        load_scenario_file(scenario_);
        FAIL() << "the broken scenario loaded";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.file, error_file_);
        EXPECT_EQ(e.line, s.line) << e.one_line();
        EXPECT_GE(e.column, 1) << e.one_line();
        EXPECT_NE(e.one_line().find(s.fragment), std::string::npos) << e.one_line();
    }
}

TEST_P(BadInput, CommandLineValidateExitsOneWithTheLocatedMessage) {
    const BrokenScenario& s = GetParam();
    const std::string cli = LAMBDASIM_CLI_PATH;
    if (!fs::exists(cli)) GTEST_SKIP() << "the lambdasim binary is not built: " << cli;
    const std::string command = "\"" + cli + "\" validate \"" + scenario_ + "\" 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
    const int status = ::pclose(pipe);
    ASSERT_TRUE(WIFEXITED(status)) << output;
    EXPECT_EQ(WEXITSTATUS(status), 1) << output;
    EXPECT_NE(output.find(error_file_ + ":" + std::to_string(s.line) + ":"), std::string::npos) << output;
    EXPECT_NE(output.find(s.fragment), std::string::npos) << output;
}

INSTANTIATE_TEST_SUITE_P(BrokenScenarios, BadInput, ::testing::ValuesIn(kBrokenScenarios),
                         [](const ::testing::TestParamInfo<BrokenScenario>& info) {
                             return std::string(info.param.name);
                         });

}  // namespace
}  // namespace lambdasim
