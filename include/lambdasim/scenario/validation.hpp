#pragma once
// Checks that span sections of a scenario, run by the loader after every section has been read.
// Each error points at the node that tipped the scenario over.
#include "lambdasim/model/specs.hpp"
#include "lambdasim/scenario/yaml_reader.hpp"

namespace lambdasim {

// The account's concurrency budget, in the order the functions are written: no reservation above
// the account limit, and reservations plus the provisioned concurrency of unreserved functions
// must leave at least `account.unreserved_minimum` unreserved. `functions` is the (already
// checked) `functions:` map the spec was read from.
void check_concurrency_budget(const ScenarioSpec& spec, const YamlMap& functions);

// SQS redrive: a dead-letter queue has its source's type (FIFO or standard), and dead-letter
// queues do not form a cycle (a -> b -> a). `queues` is the checked `queues:` map.
void check_dead_letter_queues(const ScenarioSpec& spec, const YamlMap& queues);

// Event source mappings against their queue and function: at most 10 messages a batch from a
// FIFO queue, and a function timeout no longer than the queue's visibility timeout.
void check_event_source_mappings(const ScenarioSpec& spec, const YamlMap& mappings);

// Where failed events and notifications go: async `on_failure` and SNS subscriptions need
// standard queues, and a topic must not deliver to a function whose failures go back to it.
void check_failure_destinations(const ScenarioSpec& spec, const YamlMap& functions, const YamlMap& topics);
// S3 event notifications go to standard SQS queues only.
void check_bucket_notifications(const ScenarioSpec& spec, const YamlMap& buckets);

// No delivery loop that multiplies events without bound: a cycle of the topology's delivery
// edges through a function's async `on_failure` (F -> topic T -> F, or longer, see
// topology.hpp). Reported at the `async.on_failure` of the first function on the loop, with the
// loop's path. Dead-letter queue cycles are check_dead_letter_queues' concern.
// A table call whose `units` no request could ever get: more than the table holds (provisioned:
// capacity x max(1 s, burst); on demand: the maximum) or, with a hot key, more than its
// partition serves in a second (1,000 write / 3,000 read units).
void check_table_calls(const ScenarioSpec& spec, const YamlMap& functions);

void check_delivery_loops(const ScenarioSpec& spec, const YamlMap& functions);

}  // namespace lambdasim
