#include "lambdasim/scenario/topology.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <boost/graph/depth_first_search.hpp>

#include "lambdasim/scenario/units.hpp"

namespace lambdasim {
namespace {

using Vertex = TopologyGraph::vertex_descriptor;

const char* kind_word(TopologyNodeKind kind) {
    switch (kind) {
        case TopologyNodeKind::TrafficSource:
            return "source";
        case TopologyNodeKind::Schedule:
            return "schedule";
        case TopologyNodeKind::Function:
            return "function";
        case TopologyNodeKind::Queue:
            return "queue";
        case TopologyNodeKind::Topic:
            return "topic";
        case TopologyNodeKind::Bucket:
            return "bucket";
        case TopologyNodeKind::Table:
            return "table";
    }
    return "node";
}

// Graphviz shapes: entry points are house-shaped, schedules dashed; queues are cylinders.
const char* kind_style(TopologyNodeKind kind) {
    switch (kind) {
        case TopologyNodeKind::TrafficSource:
            return "shape=invhouse";
        case TopologyNodeKind::Schedule:
            return "shape=invhouse, style=dashed";
        case TopologyNodeKind::Function:
            return "shape=box, style=rounded";
        case TopologyNodeKind::Queue:
            return "shape=cylinder";
        case TopologyNodeKind::Topic:
            return "shape=hexagon";
        case TopologyNodeKind::Bucket:
            return "shape=folder";
        case TopologyNodeKind::Table:
            return "shape=box3d";
    }
    return "shape=box";
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

const char* call_verb(CallSpec::Kind kind) {
    switch (kind) {
        case CallSpec::Kind::BucketPut:
            return "put";
        case CallSpec::Kind::BucketGet:
            return "get";
        case CallSpec::Kind::TableWrite:
            return "write";
        case CallSpec::Kind::TableRead:
            return "read";
        case CallSpec::Kind::Publish:
            return "publish";
        case CallSpec::Kind::Send:
            return "send";
        case CallSpec::Kind::Invoke:
            return "invoke async";
    }
    return "call";
}

std::string node_id(const TopologyNode& node) { return quoted(fmt::format("{}:{}", kind_word(node.kind), node.name)); }

std::string filter_suffix(double fraction) {
    return fraction < 1.0 ? fmt::format(", filter {}", format_plain_number(fraction)) : std::string();
}

// Finds vertices by kind and name while building.
class VertexIndex {
public:
    void add(TopologyNodeKind kind, const std::string& name, Vertex v) { vertices_[{kind, name}] = v; }
    std::optional<Vertex> find(TopologyNodeKind kind, const std::string& name) const {
        const auto it = vertices_.find({kind, name});
        if (it == vertices_.end()) return std::nullopt;
        return it->second;
    }

private:
    std::map<std::pair<TopologyNodeKind, std::string>, Vertex> vertices_;
};

}  // namespace

TopologyGraph build_topology(const ScenarioSpec& spec) {
    TopologyGraph graph;
    VertexIndex index;
    const auto add_node = [&](TopologyNodeKind kind, const std::string& name, std::string detail = {}) {
        const Vertex v = boost::add_vertex(TopologyNode{kind, name, std::move(detail)}, graph);
        index.add(kind, name, v);
        return v;
    };
    const auto add_edge = [&](Vertex from, TopologyNodeKind to_kind, const std::string& to_name, TopologyEdgeKind kind,
                              std::string label) {
        // The loader has checked every reference; a spec built in code may still miss one.
        if (const auto to = index.find(to_kind, to_name))
            boost::add_edge(from, *to, TopologyEdge{kind, std::move(label)}, graph);
    };
    std::vector<Vertex> sources;
    for (const TrafficSourceSpec& t : spec.traffic)
        sources.push_back(t.is_schedule() ? add_node(TopologyNodeKind::Schedule, t.name, t.arrivals.schedule.expression)
                                          : add_node(TopologyNodeKind::TrafficSource, t.name));
    for (const FunctionSpec& f : spec.functions) add_node(TopologyNodeKind::Function, f.name);
    for (const QueueSpec& q : spec.queues) add_node(TopologyNodeKind::Queue, q.name, q.fifo ? "fifo" : "");
    for (const TopicSpec& t : spec.topics) add_node(TopologyNodeKind::Topic, t.name);
    for (const BucketSpec& b : spec.buckets) add_node(TopologyNodeKind::Bucket, b.name);
    for (const TableSpec& t : spec.tables) add_node(TopologyNodeKind::Table, t.name);

    for (std::size_t i = 0; i < spec.traffic.size(); ++i) {
        const TargetSpec& target = spec.traffic[i].target;
        switch (target.kind) {
            case TargetSpec::Kind::Function: {
                const bool sync = target.invocation == InvocationType::Sync;
                std::string label = sync ? "sync" : "async";
                if (spec.traffic[i].via_api_gateway) label += " via api_gateway";
                add_edge(sources[i], TopologyNodeKind::Function, target.function,
                         sync ? TopologyEdgeKind::SyncInvoke : TopologyEdgeKind::AsyncInvoke, label);
                break;
            }
            case TargetSpec::Kind::Queue:
                add_edge(sources[i], TopologyNodeKind::Queue, target.name, TopologyEdgeKind::Send, "send");
                break;
            case TargetSpec::Kind::Topic:
                add_edge(sources[i], TopologyNodeKind::Topic, target.name, TopologyEdgeKind::Publish, "publish");
                break;
            case TargetSpec::Kind::Bucket:
                add_edge(sources[i], TopologyNodeKind::Bucket, target.name, TopologyEdgeKind::Put, "put");
                break;
        }
    }
    for (const FunctionSpec& f : spec.functions) {
        const DestinationSpec& d = f.async.on_failure;
        if (d.empty()) continue;
        add_edge(*index.find(TopologyNodeKind::Function, f.name),
                 d.kind == DestinationSpec::Kind::Queue ? TopologyNodeKind::Queue : TopologyNodeKind::Topic, d.name,
                 TopologyEdgeKind::OnFailure, "on_failure");
    }
    for (const FunctionSpec& f : spec.functions) {
        const Vertex function = *index.find(TopologyNodeKind::Function, f.name);
        for (std::size_t i = 0; i < f.calls.size(); ++i) {
            const CallSpec& c = f.calls[i];
            const TopologyNodeKind to = c.kind == CallSpec::Kind::BucketPut || c.kind == CallSpec::Kind::BucketGet
                                            ? TopologyNodeKind::Bucket
                                        : c.kind == CallSpec::Kind::TableWrite || c.kind == CallSpec::Kind::TableRead
                                            ? TopologyNodeKind::Table
                                        : c.kind == CallSpec::Kind::Publish ? TopologyNodeKind::Topic
                                        : c.kind == CallSpec::Kind::Send    ? TopologyNodeKind::Queue
                                                                            : TopologyNodeKind::Function;
            add_edge(function, to, c.target, TopologyEdgeKind::Call,
                     fmt::format("call {}: {}{}", i + 1, call_verb(c.kind), c.before_handler ? " (before)" : ""));
        }
    }
    for (const QueueSpec& q : spec.queues) {
        if (q.max_receive_count > 0 && !q.dead_letter_queue.empty())
            add_edge(*index.find(TopologyNodeKind::Queue, q.name), TopologyNodeKind::Queue, q.dead_letter_queue,
                     TopologyEdgeKind::DeadLetter, fmt::format("dlq after {}", q.max_receive_count));
    }
    for (const EventSourceMappingSpec& m : spec.event_source_mappings) {
        if (const auto queue = index.find(TopologyNodeKind::Queue, m.queue))
            add_edge(*queue, TopologyNodeKind::Function, m.function, TopologyEdgeKind::EventSourceMapping,
                     fmt::format("esm batch {}", m.batch_size));
    }
    for (const TopicSpec& t : spec.topics) {
        const Vertex topic = *index.find(TopologyNodeKind::Topic, t.name);
        for (const SubscriptionSpec& s : t.subscriptions) {
            if (s.kind == SubscriptionSpec::Kind::Function)
                add_edge(topic, TopologyNodeKind::Function, s.target, TopologyEdgeKind::Subscription,
                         "async" + filter_suffix(s.filter_fraction));
            else
                add_edge(topic, TopologyNodeKind::Queue, s.target, TopologyEdgeKind::Subscription,
                         "subscription" + filter_suffix(s.filter_fraction));
            if (!s.dead_letter_queue.empty())
                add_edge(topic, TopologyNodeKind::Queue, s.dead_letter_queue, TopologyEdgeKind::DeadLetter,
                         fmt::format("dlq of {} subscription", s.target));
        }
    }
    for (const BucketSpec& b : spec.buckets) {
        const Vertex bucket = *index.find(TopologyNodeKind::Bucket, b.name);
        for (const BucketNotificationSpec& n : b.notifications) {
            switch (n.kind) {
                case BucketNotificationSpec::Kind::Function:
                    add_edge(bucket, TopologyNodeKind::Function, n.target, TopologyEdgeKind::Notify, "notify async");
                    break;
                case BucketNotificationSpec::Kind::Queue:
                    add_edge(bucket, TopologyNodeKind::Queue, n.target, TopologyEdgeKind::Notify, "notify");
                    break;
                case BucketNotificationSpec::Kind::Topic:
                    add_edge(bucket, TopologyNodeKind::Topic, n.target, TopologyEdgeKind::Notify, "notify");
                    break;
            }
        }
    }
    return graph;
}

std::string topology_to_dot(const TopologyGraph& graph, const std::string& title) {
    std::string out = fmt::format("digraph {} {{\n", quoted(title));
    out += "  rankdir=LR;\n";
    out += "  node [fontname=\"Helvetica\"];\n";
    out += "  edge [fontname=\"Helvetica\", fontsize=10];\n";
    for (const Vertex v : boost::make_iterator_range(boost::vertices(graph))) {
        const TopologyNode& node = graph[v];
        std::string label = node.name;
        if (node.kind == TopologyNodeKind::Schedule)
            label += "\\n" + node.detail;
        else if (node.kind == TopologyNodeKind::Queue && node.detail == "fifo")
            label += "\\n(fifo)";
        else if (node.kind != TopologyNodeKind::TrafficSource)
            label += fmt::format("\\n({})", kind_word(node.kind));
        std::string escaped;  // quoted() would double the `\n` escapes
        for (char c : label) escaped += c == '"' ? std::string("\\\"") : std::string(1, c);
        out += fmt::format("  {} [label=\"{}\", {}];\n", node_id(node), escaped, kind_style(node.kind));
    }
    for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
        const TopologyEdge& edge = graph[e];
        const bool dashed = edge.kind == TopologyEdgeKind::DeadLetter || edge.kind == TopologyEdgeKind::OnFailure;
        out += fmt::format("  {} -> {} [label={}{}];\n", node_id(graph[boost::source(e, graph)]),
                           node_id(graph[boost::target(e, graph)]), quoted(edge.label), dashed ? ", style=dashed" : "");
    }
    return out + "}\n";
}

namespace {

// The graph that can carry one event around: a function appears twice, as invoked
// asynchronously (the only way to its on_failure) and as invoked synchronously (a dead end
// unless its calls send work on).
struct DeliveryEdge {
    std::string label;
    int call = -1;  // the index in the source function's `calls`, for call edges
};

struct DeliveryGraph {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, DeliveryEdge>;
    Graph graph;
    std::vector<std::string> names;   // per vertex, for messages
    std::vector<int> function_order;  // per vertex: the function's position in the scenario, or -1
};

DeliveryGraph delivery_graph(const ScenarioSpec& spec) {
    DeliveryGraph d;
    using Names = std::map<std::string, std::size_t>;
    Names async_function, sync_function, queue, topic, bucket;
    const auto add = [&d](std::string name, int order) {
        d.names.push_back(std::move(name));
        d.function_order.push_back(order);
        return boost::add_vertex(d.graph);
    };
    for (std::size_t i = 0; i < spec.functions.size(); ++i)
        async_function[spec.functions[i].name] = add("function " + spec.functions[i].name, static_cast<int>(i));
    for (std::size_t i = 0; i < spec.functions.size(); ++i)
        sync_function[spec.functions[i].name] = add("function " + spec.functions[i].name, static_cast<int>(i));
    for (const QueueSpec& q : spec.queues) queue[q.name] = add("queue " + q.name, -1);
    for (const TopicSpec& t : spec.topics) topic[t.name] = add("topic " + t.name, -1);
    for (const BucketSpec& b : spec.buckets) bucket[b.name] = add("bucket " + b.name, -1);
    const auto edge = [&d](const Names& from_map, const std::string& from, const Names& to_map, const std::string& to,
                           const char* label, int call = -1) {
        const auto a = from_map.find(from), b = to_map.find(to);
        if (a != from_map.end() && b != to_map.end())
            boost::add_edge(a->second, b->second, DeliveryEdge{label, call}, d.graph);
    };
    for (const FunctionSpec& f : spec.functions) {
        const DestinationSpec& dest = f.async.on_failure;
        if (dest.kind == DestinationSpec::Kind::Queue) edge(async_function, f.name, queue, dest.name, "on_failure");
        if (dest.kind == DestinationSpec::Kind::Topic) edge(async_function, f.name, topic, dest.name, "on_failure");
        // Calls are made however the function was invoked.
        for (std::size_t i = 0; i < f.calls.size(); ++i) {
            const CallSpec& c = f.calls[i];
            const Names* to = c.kind == CallSpec::Kind::BucketPut ? &bucket
                              : c.kind == CallSpec::Kind::Publish ? &topic
                              : c.kind == CallSpec::Kind::Send    ? &queue
                              : c.kind == CallSpec::Kind::Invoke  ? &async_function
                                                                  : nullptr;
            if (!to) continue;  // reads and table writes send nothing on
            for (const Names* from : {&async_function, &sync_function})
                edge(*from, f.name, *to, c.target, call_verb(c.kind), static_cast<int>(i));
        }
    }
    // No queue -> dead-letter queue edges: a redrive chain only moves messages between queues,
    // and check_dead_letter_queues refuses its cycles.
    for (const EventSourceMappingSpec& m : spec.event_source_mappings)
        edge(queue, m.queue, sync_function, m.function, "esm");
    for (const TopicSpec& t : spec.topics)
        for (const SubscriptionSpec& s : t.subscriptions) {
            if (s.kind == SubscriptionSpec::Kind::Function)
                edge(topic, t.name, async_function, s.target, "async");
            else
                edge(topic, t.name, queue, s.target, "subscription");
            if (!s.dead_letter_queue.empty()) edge(topic, t.name, queue, s.dead_letter_queue, "dlq");
        }
    for (const BucketSpec& b : spec.buckets)
        for (const BucketNotificationSpec& n : b.notifications) {
            if (n.kind == BucketNotificationSpec::Kind::Function) edge(bucket, b.name, async_function, n.target, "notify");
            if (n.kind == BucketNotificationSpec::Kind::Queue) edge(bucket, b.name, queue, n.target, "notify");
            if (n.kind == BucketNotificationSpec::Kind::Topic) edge(bucket, b.name, topic, n.target, "notify");
        }
    return d;
}

// Stops the depth-first search at the first back edge: the cycle is the tree path from the
// edge's target down to its source, closed by the edge.
struct CycleFound {
    std::vector<std::size_t> vertices;  // v0 ... vk, with an edge vk -> v0
    std::vector<std::string> labels;    // labels[i]: the edge leaving vertices[i]
    std::vector<int> calls;             // calls[i]: its call index, or -1
};

class BackEdgeFinder : public boost::default_dfs_visitor {
public:
    explicit BackEdgeFinder(std::vector<DeliveryGraph::Graph::edge_descriptor>* tree_edge_into)
        : into_(tree_edge_into) {}
    void tree_edge(DeliveryGraph::Graph::edge_descriptor e, const DeliveryGraph::Graph& g) {
        (*into_)[boost::target(e, g)] = e;
    }
    void back_edge(DeliveryGraph::Graph::edge_descriptor e, const DeliveryGraph::Graph& g) {
        CycleFound cycle;
        const std::size_t top = boost::target(e, g);
        std::size_t v = boost::source(e, g);
        cycle.vertices.push_back(v);
        cycle.labels.push_back(g[e].label);
        cycle.calls.push_back(g[e].call);
        while (v != top) {
            const auto up = (*into_)[v];
            v = boost::source(up, g);
            cycle.vertices.push_back(v);
            cycle.labels.push_back(g[up].label);
            cycle.calls.push_back(g[up].call);
        }
        std::reverse(cycle.vertices.begin(), cycle.vertices.end());
        std::reverse(cycle.labels.begin(), cycle.labels.end());
        std::reverse(cycle.calls.begin(), cycle.calls.end());
        throw cycle;
    }

private:
    std::vector<DeliveryGraph::Graph::edge_descriptor>* into_;
};

}  // namespace

std::optional<DeliveryLoop> find_delivery_loop(const ScenarioSpec& spec) {
    const DeliveryGraph d = delivery_graph(spec);
    std::vector<DeliveryGraph::Graph::edge_descriptor> tree_edge_into(boost::num_vertices(d.graph));
    try {
        boost::depth_first_search(d.graph, boost::visitor(BackEdgeFinder(&tree_edge_into)));
    } catch (const CycleFound& cycle) {
        // Start the path at the loop's first function in the scenario's order, where it is reported.
        std::size_t start = 0;
        int best = -1;
        for (std::size_t i = 0; i < cycle.vertices.size(); ++i) {
            const int order = d.function_order[cycle.vertices[i]];
            if (order >= 0 && (best < 0 || order < best)) {
                best = order;
                start = i;
            }
        }
        if (best < 0) return std::nullopt;  // a dead-letter cycle among queues: not this check's
        DeliveryLoop loop;
        loop.function = spec.functions[static_cast<std::size_t>(best)].name;
        loop.call = cycle.calls[start];
        for (std::size_t k = 0; k < cycle.vertices.size(); ++k) {
            const std::size_t i = (start + k) % cycle.vertices.size();
            loop.path += fmt::format("{} -{}-> ", d.names[cycle.vertices[i]], cycle.labels[i]);
        }
        loop.path += d.names[cycle.vertices[start]];
        return loop;
    }
    return std::nullopt;
}

}  // namespace lambdasim
