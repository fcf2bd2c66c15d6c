#pragma once
// The scenario as a directed graph (Boost.Graph): who sends events to whom. Nodes are traffic
// sources, schedules, functions, queues, topics and buckets; edges are source -> target, topic ->
// subscriber, queue -> function (event source mapping), queue -> dead-letter queue, topic ->
// a subscription's dead-letter queue, function -> async on-failure destination, and bucket ->
// notification destination.
// `lambdasim graph` prints it as Graphviz DOT; the loader uses it to refuse delivery loops.
#include <optional>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "lambdasim/model/specs.hpp"

namespace lambdasim {

enum class TopologyNodeKind { TrafficSource, Schedule, Function, Queue, Topic, Bucket, Table };

enum class TopologyEdgeKind {
    SyncInvoke,          // source -> function, synchronous
    AsyncInvoke,         // source -> function, asynchronous
    Send,                // source -> queue (SendMessage)
    Publish,             // source -> topic (Publish)
    Subscription,        // topic -> function (asynchronous) or queue
    EventSourceMapping,  // queue -> function (synchronous batches)
    DeadLetter,          // queue -> its redrive queue; topic -> a subscription's dead-letter queue
    OnFailure,           // function -> its async on-failure destination
    Put,                 // source -> bucket (S3 PUT)
    Notify,              // bucket -> function (asynchronous), topic or queue (s3:ObjectCreated)
    Call,                // function -> bucket, table, topic, queue or function (`calls:`)
};

struct TopologyNode {
    TopologyNodeKind kind = TopologyNodeKind::Function;
    std::string name;
    std::string detail;  // schedules: the expression
};

struct TopologyEdge {
    TopologyEdgeKind kind = TopologyEdgeKind::SyncInvoke;
    std::string label;  // "sync", "async", "esm batch 10", "dlq after 5", "on_failure", ...
};

using TopologyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, TopologyNode, TopologyEdge>;

// Nodes in the order: traffic sources and schedules, functions, queues, topics, buckets, tables (each as
// written).
TopologyGraph build_topology(const ScenarioSpec& spec);

// Graphviz DOT: one shape per node kind, edges labelled; dead-letter and on-failure edges dashed.
std::string topology_to_dot(const TopologyGraph& graph, const std::string& title);

// A loop that multiplies events: a function sends work (its async on_failure, or a call that
// publishes, sends, invokes or puts to a notifying bucket) along delivery edges back to an
// invocation of itself. Only asynchronous invocations use on_failure, so an on_failure path
// through an event source mapping (a synchronous batch) ends there, but calls are made however
// the function was invoked.
struct DeliveryLoop {
    std::string function;  // the loop's first function in the scenario's order
    std::string path;      // "function f -on_failure-> topic t -async-> function f"
    int call = -1;         // the loop leaves `function` through calls[call]; -1: through on_failure
};
std::optional<DeliveryLoop> find_delivery_loop(const ScenarioSpec& spec);

}  // namespace lambdasim
