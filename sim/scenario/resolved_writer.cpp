#include "lambdasim/scenario/resolved_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

namespace v = vocabulary;

// Text as a YAML scalar: plain when that reads back as the same text, else double-quoted.
std::string scalar(const std::string& text) {
    static const char* const kReserved[] = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"};
    bool plain = !text.empty() && text.front() != '-';
    for (char c : text)
        plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == '/');
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* word : kReserved) plain = plain && lower != word;
    if (plain) return text;
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f)
                    out += fmt::format("\\x{:02x}", c);
                else
                    out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string time_from_seconds(double seconds) { return format_duration(from_seconds(seconds)); }

std::string quantity(double value, Quantity q) {
    return q == Quantity::Time ? time_from_seconds(value) : format_size(value);
}

std::string distribution(const DistributionSpec& d, Quantity q) {
    const std::string kind = v::word(v::distributions(), d.kind);
    switch (d.kind) {
        case DistributionKind::Constant:
            return fmt::format("{{dist: {}, value: {}}}", kind, quantity(d.value, q));
        case DistributionKind::Exponential:
            return fmt::format("{{dist: {}, mean: {}}}", kind, quantity(d.mean, q));
        case DistributionKind::Uniform:
            return fmt::format("{{dist: {}, min: {}, max: {}}}", kind, quantity(d.min, q), quantity(d.max, q));
        case DistributionKind::Normal:
            return fmt::format("{{dist: {}, mean: {}, stddev: {}}}", kind, quantity(d.mean, q), quantity(d.stddev, q));
        case DistributionKind::Lognormal:
            if (d.lognormal_by_percentiles)
                return fmt::format("{{dist: {}, p50: {}, p99: {}}}", kind, quantity(d.p50, q), quantity(d.p99, q));
            return fmt::format("{{dist: {}, mean: {}, stddev: {}}}", kind, quantity(d.mean, q), quantity(d.stddev, q));
        case DistributionKind::Empirical: {
            const std::string unit = d.file_unit.empty() ? (q == Quantity::Time ? "s" : "B") : d.file_unit;
            return fmt::format("{{dist: {}, file: {}, unit: {}}}", kind, scalar(d.file), unit);
        }
    }
    return "{}";
}

std::string rate_points(const std::vector<RatePoint>& points) {
    std::string out = "[";
    for (const auto& p : points)
        out += fmt::format("{}{{at: {}, rate: {}}}", out.size() > 1 ? ", " : "", format_duration(p.at),
                           format_rate(p.per_second));
    return out + "]";
}

std::string arrivals(const ArrivalSpec& a) {
    const std::string process = v::word(v::arrival_processes(), a.process);
    switch (a.process) {
        case ArrivalProcessKind::Poisson:
        case ArrivalProcessKind::Constant:
            return fmt::format("{{process: {}, rate: {}}}", process, format_rate(a.rate_per_second));
        case ArrivalProcessKind::Steps:
            return fmt::format("{{process: {}, steps: {}}}", process, rate_points(a.points));
        case ArrivalProcessKind::Ramp:
            return fmt::format("{{process: {}, points: {}}}", process, rate_points(a.points));
        case ArrivalProcessKind::Diurnal:
            return fmt::format("{{process: {}, peak: {}, trough: {}, peak_at: {}, period: {}}}", process,
                               format_rate(a.peak_per_second), format_rate(a.trough_per_second),
                               format_duration(a.peak_at), format_duration(a.period));
        case ArrivalProcessKind::Burst:
            return fmt::format("{{process: {}, count: {}, at: {}, window: {}}}", process, a.count,
                               format_duration(a.at), format_duration(a.window));
        case ArrivalProcessKind::Trace:
            return fmt::format("{{process: {}, file: {}, format: {}}}", process, scalar(a.file),
                               v::word(v::trace_formats(), a.trace_format));
        case ArrivalProcessKind::Schedule:
            break;  // written under `schedules:` (write_schedule), never as traffic

    }
    return "{}";
}

std::string package(const PackageSpec& p) {
    if (p.type == PackageType::Image) return fmt::format("{{type: image, size: {}}}", format_size(p.size_bytes));
    return fmt::format("{{type: zip, size: {}, unzipped_size: {}}}", format_size(p.size_bytes),
                       format_size(p.unzipped_size_bytes));
}

std::string provisioned(const std::vector<ProvisionedStep>& steps) {
    if (steps.empty()) return "0";
    if (steps.size() == 1 && steps.front().at == 0 && steps.front().level > 0)
        return std::to_string(steps.front().level);
    std::string out = "[";
    for (const auto& s : steps)
        out += fmt::format("{}{{at: {}, level: {}}}", out.size() > 1 ? ", " : "", format_duration(s.at), s.level);
    return out + "]";
}

std::string scaling(const ScalingSpec& s) {
    if (s.mode == ScalingMode::Legacy)
        return fmt::format("{{mode: legacy, initial_burst: {}, per_minute: {}}}", s.initial_burst, s.per_minute);
    return fmt::format("{{mode: per_function, environments: {}, per: {}}}", s.environments, format_duration(s.per));
}

std::string destination(const DestinationSpec& d) {
    return fmt::format("{{{}: {}}}", d.kind == DestinationSpec::Kind::Queue ? "queue" : "topic", scalar(d.name));
}

std::string client(const ClientSpec& c) {
    return fmt::format("{{max_attempts: {}, backoff_base: {}, backoff_cap: {}}}", c.max_attempts,
                       format_duration(c.backoff_base), format_duration(c.backoff_cap));
}

std::string call(const CallSpec& c) {
    std::string out;
    switch (c.kind) {
        case CallSpec::Kind::BucketPut:
        case CallSpec::Kind::BucketGet:
            out = fmt::format("bucket: {}, action: {}", scalar(c.target), v::word(v::bucket_actions(), c.kind));
            break;
        case CallSpec::Kind::TableWrite:
        case CallSpec::Kind::TableRead:
            out = fmt::format("table: {}, action: {}, units: {}", scalar(c.target), v::word(v::table_actions(), c.kind),
                              c.units);
            break;
        case CallSpec::Kind::Publish:
            out = fmt::format("topic: {}", scalar(c.target));
            break;
        case CallSpec::Kind::Send:
            out = fmt::format("queue: {}", scalar(c.target));
            break;
        case CallSpec::Kind::Invoke:
            out = fmt::format("function: {}", scalar(c.target));
            break;
    }
    if (c.forwards_work()) out += ", payload: " + distribution(c.payload, Quantity::Size);
    out += fmt::format(", when: {}, latency: {}", v::word(v::call_timings(), c.before_handler),
                       distribution(c.latency, Quantity::Time));
    if (c.can_be_throttled()) out += ", retries: " + client(c.retries);
    return "{" + out + "}";
}

void write_function(std::string& out, const FunctionSpec& f) {
    const auto line = [&out](const std::string& key, const std::string& value) {
        out += fmt::format("    {}: {}\n", key, value);
    };
    out += fmt::format("  {}:\n", scalar(f.name));
    line("runtime", v::word(v::runtimes(), f.runtime));
    line("package", package(f.package));
    line("memory", fmt::format("{}MB", f.memory_mb));
    line("ephemeral_storage", fmt::format("{}MB", f.ephemeral_storage_mb));
    line("timeout", format_duration(f.timeout));
    if (f.reserved_concurrency)
        line("reserved_concurrency", std::to_string(*f.reserved_concurrency));
    else
        out += "    # reserved_concurrency: none (the function uses the account's unreserved pool)\n";
    line("provisioned_concurrency", provisioned(f.provisioned_concurrency));
    line("provisioned_allocation_delay", format_duration(f.provisioned_allocation_delay));
    line("provisioned_allocation_per_minute", std::to_string(f.provisioned_allocation_per_minute));
    line("duration", distribution(f.duration, Quantity::Time));
    if (f.reference_memory_mb > 0)
        line("reference_memory", fmt::format("{}MB", f.reference_memory_mb));
    else
        out += fmt::format("    # reference_memory: {}MB (the function's memory: duration is not rescaled)\n",
                           f.memory_mb);
    line("cpu_bound", format_plain_number(f.cpu_bound));
    if (f.cold_start)
        line("cold_start", distribution(*f.cold_start, Quantity::Time));
    else
        out += fmt::format("    # cold_start: the {} runtime preset\n", v::word(v::runtimes(), f.runtime));
    line("idle_lifetime", distribution(f.idle_lifetime, Quantity::Time));
    line("error_rate", format_plain_number(f.error_rate));
    out += "    async:\n";
    out += fmt::format("      max_event_age: {}\n", format_duration(f.async.max_event_age));
    out += fmt::format("      max_retries: {}\n", f.async.max_retries);
    if (f.async.on_failure.empty())
        out += "      # on_failure: none (events that fail for good are dropped)\n";
    else
        out += fmt::format("      on_failure: {}\n", destination(f.async.on_failure));
    out += fmt::format("      payload_limit: {}\n", format_size(f.async.payload_limit_bytes));
    if (f.calls.empty()) {
        out += "    calls: []\n";
        return;
    }
    out += "    calls:\n";
    for (const CallSpec& c : f.calls) out += fmt::format("      - {}\n", call(c));
}

void write_queue(std::string& out, const QueueSpec& q) {
    const auto line = [&out](const std::string& key, const std::string& value) {
        out += fmt::format("    {}: {}\n", key, value);
    };
    out += fmt::format("  {}:\n", scalar(q.name));
    line("type", v::word(v::queue_types(), q.fifo));
    line("visibility_timeout", format_duration(q.visibility_timeout));
    line("retention", format_duration(q.retention));
    if (q.max_receive_count > 0) {
        line("max_receive_count", std::to_string(q.max_receive_count));
        line("dead_letter_queue", scalar(q.dead_letter_queue));
    } else {
        out += "    # max_receive_count, dead_letter_queue: none (no redrive policy)\n";
    }
    line("delivery_delay", format_duration(q.delivery_delay));
    if (q.fifo) line("message_groups", std::to_string(q.message_groups));
}

void write_topic(std::string& out, const TopicSpec& t) {
    out += fmt::format("  {}:\n", scalar(t.name));
    out += "    subscriptions:\n";
    for (const auto& s : t.subscriptions) {
        const char* kind = s.kind == SubscriptionSpec::Kind::Function ? "function" : "queue";
        std::string entry =
            fmt::format("{{{}: {}, filter: {}", kind, scalar(s.target), format_plain_number(s.filter_fraction));
        if (!s.dead_letter_queue.empty()) entry += fmt::format(", dead_letter_queue: {}", scalar(s.dead_letter_queue));
        out += fmt::format("      - {}}}\n", entry);
    }
}

void write_bucket(std::string& out, const BucketSpec& b) {
    out += fmt::format("  {}:\n", scalar(b.name));
    out += fmt::format("    write_rate_limit: {}\n", format_rate(b.write_rate_limit_per_second));
    out += fmt::format("    read_rate_limit: {}\n", format_rate(b.read_rate_limit_per_second));
    out += fmt::format("    prefixes: {}\n", b.prefixes);
    if (b.notifications.empty()) {
        out += "    notifications: []\n";
        return;
    }
    out += "    notifications:\n";
    for (const auto& n : b.notifications) {
        const char* kind = n.kind == BucketNotificationSpec::Kind::Function ? "function"
                           : n.kind == BucketNotificationSpec::Kind::Queue  ? "queue"
                                                                            : "topic";
        out += fmt::format("      - {{{}: {}}}\n", kind, scalar(n.target));
    }
}

void write_table(std::string& out, const TableSpec& t) {
    out += fmt::format("  {}:\n", scalar(t.name));
    out += fmt::format("    mode: {}\n", v::word(v::capacity_modes(), t.mode));
    out += fmt::format("    hot_key_share: {}\n", format_plain_number(t.hot_key_share));
    if (t.mode == CapacityMode::Provisioned) {
        out += fmt::format("    read_capacity: {}\n", format_rate(t.read_capacity_per_second));
        out += fmt::format("    write_capacity: {}\n", format_rate(t.write_capacity_per_second));
        out += fmt::format("    burst: {}\n", format_duration(t.burst));
        return;
    }
    out += fmt::format("    initial_read: {}\n", format_rate(t.initial_read_per_second));
    out += fmt::format("    initial_write: {}\n", format_rate(t.initial_write_per_second));
    out += fmt::format("    max_read: {}\n", format_rate(t.max_read_per_second));
    out += fmt::format("    max_write: {}\n", format_rate(t.max_write_per_second));
}

void write_event_source_mapping(std::string& out, const EventSourceMappingSpec& m) {
    const auto line = [&out](const std::string& key, const std::string& value) {
        out += fmt::format("    {}: {}\n", key, value);
    };
    out += fmt::format("  {}:\n", scalar(m.name));
    line("queue", scalar(m.queue));
    line("function", scalar(m.function));
    line("batch_size", std::to_string(m.batch_size));
    line("batch_window", format_duration(m.batch_window));
    if (m.max_concurrency)
        line("max_concurrency", std::to_string(*m.max_concurrency));
    else
        out += "    # max_concurrency: none (the mapping itself sets no cap)\n";
    line("report_batch_item_failures", m.report_batch_item_failures ? "true" : "false");
}

std::string target(const TargetSpec& t) {
    switch (t.kind) {
        case TargetSpec::Kind::Queue:
            return fmt::format("{{queue: {}}}", scalar(t.name));
        case TargetSpec::Kind::Topic:
            return fmt::format("{{topic: {}}}", scalar(t.name));
        case TargetSpec::Kind::Bucket:
            return fmt::format("{{bucket: {}}}", scalar(t.name));
        case TargetSpec::Kind::Function:
            break;
    }
    return fmt::format("{{function: {}, invocation: {}}}", scalar(t.function),
                       v::word(v::invocation_types(), t.invocation));
}

void write_traffic_source(std::string& out, const TrafficSourceSpec& s) {
    const auto line = [&out](const std::string& key, const std::string& value) {
        out += fmt::format("    {}: {}\n", key, value);
    };
    out += fmt::format("  {}:\n", scalar(s.name));
    line("arrivals", arrivals(s.arrivals));
    line("target", target(s.target));
    if (s.target.is_sync_function())
        line("client", client(s.client));
    else
        out += "    # client: does not apply (the service accepts the message at once)\n";
    line("payload", distribution(s.payload, Quantity::Size));
    line("via", s.via_api_gateway ? "api_gateway" : "direct");
}

void write_schedule(std::string& out, const TrafficSourceSpec& s) {
    out += fmt::format("  {}:\n", scalar(s.name));
    out += fmt::format("    expression: {}\n", scalar(s.arrivals.schedule.expression));
    out += fmt::format("    target: {}\n", target(s.target));
    out += fmt::format("    retry_policy: {{max_attempts: {}, max_event_age: {}}}\n", s.retry_policy.max_attempts,
                       format_duration(s.retry_policy.max_event_age));
}

// `key:` and its entries, or `key: {}` when there are none.
template <typename Spec, typename Write>
void write_section(std::string& out, const char* key, const std::vector<Spec>& entries, Write write) {
    if (entries.empty()) {
        out += fmt::format("{}: {{}}\n", key);
        return;
    }
    out += fmt::format("{}:\n", key);
    for (const auto& entry : entries) write(out, entry);
}

}  // namespace

std::string to_resolved_yaml(const ScenarioSpec& spec) {
    std::string out;
    out += "# Resolved scenario: every default filled in. lambdasim reads it back to the same scenario.\n";
    out += fmt::format("name: {}\n", scalar(spec.name));
    out += fmt::format("description: {}\n", spec.description.empty() ? "\"\"" : scalar(spec.description));
    out += fmt::format("duration: {}\n", format_duration(spec.duration));
    out += fmt::format("seed: {}\n", spec.seed);
    out += fmt::format("metrics_period: {}\n", format_duration(spec.metrics_period));
    out += fmt::format("start: {}\n", format_utc_time(spec.clock_start));
    out += "account:\n";
    out += fmt::format("  concurrency_limit: {}\n", spec.account.concurrency_limit);
    out += fmt::format("  unreserved_minimum: {}\n", spec.account.unreserved_minimum);
    out += fmt::format("  scaling: {}\n", scaling(spec.account.scaling));
    if (spec.api_gateway) {
        out += "api_gateway:\n";
        out += fmt::format("  rate: {}\n", format_rate(spec.api_gateway->rate_per_second));
        out += fmt::format("  burst: {}\n", spec.api_gateway->burst);
        out += fmt::format("  integration_timeout: {}\n", format_duration(spec.api_gateway->integration_timeout));
    } else {
        out += "# api_gateway: none\n";
    }
    out += "functions:\n";
    for (const auto& f : spec.functions) write_function(out, f);
    write_section(out, "queues", spec.queues, write_queue);
    write_section(out, "topics", spec.topics, write_topic);
    write_section(out, "buckets", spec.buckets, write_bucket);
    write_section(out, "tables", spec.tables, write_table);
    write_section(out, "event_source_mappings", spec.event_source_mappings, write_event_source_mapping);
    std::vector<TrafficSourceSpec> traffic, schedules;
    for (const auto& s : spec.traffic) (s.is_schedule() ? schedules : traffic).push_back(s);
    write_section(out, "traffic", traffic, write_traffic_source);
    write_section(out, "schedules", schedules, write_schedule);
    out += "prices:  # USD, for lambdasim compare's cost estimate\n";
    for (const std::string& key : price_key_names())
        out += fmt::format("  {}: {}\n", key, format_plain_number(price_of(spec.prices, key)));
    return out;
}

}  // namespace lambdasim
