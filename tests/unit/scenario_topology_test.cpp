// The scenario topology: the Boost.Graph it builds, its DOT output, and the delivery loops the
// loader refuses (with the loop's path, at the first function's on_failure).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/topology.hpp"
#include "support/cli_runner.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

const char* const kSmall = R"yaml(name: small
functions:
  api: {duration: 100ms}
  worker:
    duration: 1s
    async: {on_failure: {queue: failures}}
queues:
  jobs: {max_receive_count: 5, dead_letter_queue: jobs-dlq, visibility_timeout: 30s}
  jobs-dlq: {}
  failures: {}
topics:
  uploads:
    subscriptions:
      - {function: worker, dead_letter_queue: failures}
      - {queue: jobs, filter: 0.5}
event_source_mappings:
  jobs-to-api: {queue: jobs, function: api, batch_size: 10}
traffic:
  users:
    arrivals: {process: poisson, rate: 10/s}
    target: {function: api}
  uploaders:
    arrivals: {process: poisson, rate: 1/s}
    target: {topic: uploads}
schedules:
  nightly:
    expression: "cron(0 2 * * ? *)"
    target: {function: worker}
)yaml";

std::string loop_error(const std::string& yaml) {
    try {
        load_scenario_text(yaml, "loop.yaml");
    } catch (const ScenarioError& e) {
        return e.one_line();
    }
    return "no error";
}

TEST(Topology, HasANodePerEntityAndAnEdgePerDeliveryPath) {
    const TopologyGraph g = build_topology(load_scenario_text(kSmall, "small.yaml"));
    EXPECT_EQ(boost::num_vertices(g), 3u + 2u + 3u + 1u);  // 2 sources + 1 schedule, functions, queues, topic
    // users, uploaders, nightly; on_failure; redrive; mapping; 2 subscriptions + 1 subscription DLQ
    EXPECT_EQ(boost::num_edges(g), 3u + 1u + 1u + 1u + 3u);
}

TEST(Topology, DotShowsShapesAndLabelledEdges) {
    const std::string dot = topology_to_dot(build_topology(load_scenario_text(kSmall, "small.yaml")), "small");
    for (const char* expected : {
             "digraph \"small\" {",
             "\"source:users\" [label=\"users\", shape=invhouse];",
             "\"schedule:nightly\" [label=\"nightly\\ncron(0 2 * * ? *)\", shape=invhouse, style=dashed];",
             "\"function:api\" [label=\"api\\n(function)\", shape=box, style=rounded];",
             "\"queue:jobs\" [label=\"jobs\\n(queue)\", shape=cylinder];",
             "\"topic:uploads\" [label=\"uploads\\n(topic)\", shape=hexagon];",
             "\"source:users\" -> \"function:api\" [label=\"sync\"];",
             "\"source:uploaders\" -> \"topic:uploads\" [label=\"publish\"];",
             "\"schedule:nightly\" -> \"function:worker\" [label=\"async\"];",
             "\"topic:uploads\" -> \"function:worker\" [label=\"async\"];",
             "\"topic:uploads\" -> \"queue:jobs\" [label=\"subscription, filter 0.5\"];",
             "\"topic:uploads\" -> \"queue:failures\" [label=\"dlq of worker subscription\", style=dashed];",
             "\"queue:jobs\" -> \"function:api\" [label=\"esm batch 10\"];",
             "\"queue:jobs\" -> \"queue:jobs-dlq\" [label=\"dlq after 5\", style=dashed];",
             "\"function:worker\" -> \"queue:failures\" [label=\"on_failure\", style=dashed];",
         })
        EXPECT_NE(dot.find(expected), std::string::npos) << expected << "\n" << dot;
    EXPECT_EQ(dot.back(), '\n');
}

TEST(DeliveryLoops, ALoopThroughTwoTopicsIsRefusedWithItsPath) {
    const std::string e = loop_error(R"yaml(functions:
  a:
    duration: 1s
    async: {on_failure: {topic: t1}}
  b:
    duration: 1s
    async: {on_failure: {topic: t2}}
topics:
  t1: {subscriptions: [{function: b}]}
  t2: {subscriptions: [{function: a}]}
)yaml");
    EXPECT_NE(
        e.find("loop.yaml:4:25: error: functions.a.async.on_failure: failed events go around a delivery loop: "
               "function a -on_failure-> topic t1 -async-> function b -on_failure-> topic t2 -async-> function a"),
        std::string::npos)
        << e;
}

TEST(DeliveryLoops, TheDirectLoopKeepsItsOwnMessage) {
    const std::string e = loop_error(R"yaml(functions:
  f:
    duration: 1s
    async: {on_failure: {topic: alerts}}
topics:
  alerts: {subscriptions: [{function: f}]}
)yaml");
    EXPECT_NE(e.find("which invokes it again: a loop"), std::string::npos) << e;
}

TEST(DeliveryLoops, APathThroughAnEventSourceMappingIsNotALoop) {
    // f's failures go to a topic that feeds a queue that f drains: the mapping invokes f
    // synchronously, so those invocations never use on_failure; SQS redrive bounds them.
    const std::string yaml = R"yaml(functions:
  f:
    duration: 1s
    async: {on_failure: {topic: alerts}}
topics:
  alerts: {subscriptions: [{queue: retry}]}
queues:
  retry: {visibility_timeout: 30s}
event_source_mappings:
  m: {queue: retry, function: f}
)yaml";
    EXPECT_EQ(loop_error(yaml), "no error");
    EXPECT_FALSE(find_delivery_loop(load_scenario_text(yaml, "ok.yaml")));
}

// A call edge is drawn from the function to the service it calls, numbered in call order.
TEST(Topology, DotDrawsServiceCallsAndTables) {
    const ScenarioSpec spec = load_scenario_text(R"yaml(functions:
  resize:
    duration: 100ms
    calls:
      - {bucket: originals, action: get, when: before}
      - {table: metadata}
buckets:
  originals: {notifications: [{function: resize}]}
tables:
  metadata: {}
)yaml",
                                                 "calls.yaml");
    const std::string dot = topology_to_dot(build_topology(spec), "calls");
    EXPECT_NE(dot.find("\"table:metadata\" [label=\"metadata\\n(table)\", shape=box3d]"), std::string::npos) << dot;
    EXPECT_NE(dot.find("\"function:resize\" -> \"bucket:originals\" [label=\"call 1: get (before)\"]"),
              std::string::npos)
        << dot;
    EXPECT_NE(dot.find("\"function:resize\" -> \"table:metadata\" [label=\"call 2: write\"]"), std::string::npos) << dot;
}

// Reads and table writes send nothing on: a GET from the bucket that notifies the function is
// not a loop (only a PUT into it would be).
TEST(DeliveryLoops, AGetFromTheNotifyingBucketIsNotALoop) {
    EXPECT_EQ(loop_error(R"yaml(functions:
  resize:
    duration: 100ms
    calls: [{bucket: originals, action: get}]
buckets:
  originals: {notifications: [{function: resize}]}
)yaml"),
              "no error");
    EXPECT_NE(loop_error(R"yaml(functions:
  resize:
    duration: 100ms
    calls: [{bucket: originals, action: put}]
buckets:
  originals: {notifications: [{function: resize}]}
)yaml")
                  .find("function resize -put-> bucket originals -notify-> function resize"),
              std::string::npos);
}

TEST(TopologyCommand, EveryShippedScenarioProducesAGraph) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(LAMBDASIM_SOURCE_DIR) + "/scenarios")) {
        if (entry.path().extension() != ".yaml") continue;
        const CliResult r = run_cli("graph \"" + entry.path().string() + "\"");
        EXPECT_EQ(r.exit_code, 0) << entry.path() << r.output;
        EXPECT_EQ(r.output.rfind("digraph ", 0), 0u) << entry.path() << r.output;
        EXPECT_NE(r.output.find(" -> "), std::string::npos) << entry.path();
    }
}

TEST(TopologyCommand, ABadScenarioExitsOneWithTheLocatedError) {
    const TempFolder dir("topology");
    const auto file = dir / "bad.yaml";
    std::ofstream(file) << "functions:\n  api:\n    duration: 1s\n    memory: 64MB\n";
    const CliResult r = run_cli("graph \"" + file.string() + "\"");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("bad.yaml:4:"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("digraph"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace lambdasim
