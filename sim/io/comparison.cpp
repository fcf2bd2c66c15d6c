#include "lambdasim/io/comparison.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lambdasim/analysis/confidence_interval.hpp"

namespace lambdasim {
namespace {

const ComparisonRow* find_row(const std::vector<ComparisonRow>& rows, const std::string& figure) {
    for (const auto& r : rows)
        if (r.figure == figure) return &r;
    return nullptr;
}

}  // namespace

ReplicationFigures figures_of(const ScenarioSpec& spec, const ModelRunResult& run) {
    const PriceSpec& prices = spec.prices;
    const MetricsRecorder& m = *run.metrics;
    FlowCounts flow;
    LogHistogram end_to_end;
    double sync_requests = 0, sync_succeeded = 0, sync_throttled = 0, sync_failed = 0;
    LogHistogram sync_latency;
    for (std::size_t s = 0; s < spec.traffic.size(); ++s) {
        const EntryPointMetrics& e = m.entry_point(s);
        // A synchronous source's invocations may send work on through calls: its flow counts too.
        flow.add(e.total.flow);
        if (spec.traffic[s].target.is_sync_function()) {
            sync_requests += static_cast<double>(e.total.requests);
            sync_succeeded += static_cast<double>(e.total.succeeded);
            sync_throttled += static_cast<double>(e.total.throttled);
            sync_failed += static_cast<double>(e.total.failed);
            sync_latency.merge(e.latency_total);
        }
        // A synchronous source's end-to-end figures are the paths its calls started, if any.
        if (!spec.traffic[s].target.is_sync_function() || e.total.flow.created > 0)
            end_to_end.merge(e.end_to_end_total);
    }
    double throttles = 0, gb_seconds = 0, invocations = 0, provisioned_gb_seconds = 0, calls_failed = 0;
    for (std::size_t f = 0; f < spec.functions.size(); ++f) {
        const FunctionMetrics& fm = m.function(f);
        const double gb = spec.functions[f].memory_mb / 1024.0;
        throttles += static_cast<double>(fm.total.throttles());
        calls_failed += static_cast<double>(fm.total.calls_failed);
        invocations += static_cast<double>(fm.total.invocations);
        // Billed time: handler plus init (AWS bills the init phase of on-demand functions).
        const double seconds = (fm.duration_total.mean() * static_cast<double>(fm.duration_total.count()) +
                                fm.init_total.mean() * static_cast<double>(fm.init_total.count())) / 1000.0;
        gb_seconds += gb * seconds;
        provisioned_gb_seconds += gb * spec.functions[f].max_provisioned() * to_seconds(run.simulated_end);
    }
    double sqs_requests = 0, sns_publishes = 0;
    for (const QueueMetrics& q : m.queues())
        sqs_requests += static_cast<double>(q.total.sent + q.total.received + q.total.deleted);  // per message: an upper bound
    for (const TopicMetrics& t : m.topics()) sns_publishes += static_cast<double>(t.total.published);
    double s3_puts = 0, s3_gets = 0, s3_slow_down = 0;
    for (const BucketMetrics& b : m.buckets()) {
        s3_puts += static_cast<double>(b.total.puts);
        s3_gets += static_cast<double>(b.total.gets);
        s3_slow_down += static_cast<double>(b.total.slow_down + b.total.get_slow_down);
    }
    double table_throttles = 0;
    for (const TableMetrics& t : m.tables())
        table_throttles += static_cast<double>(t.total.read_throttles + t.total.write_throttles);
    // DynamoDB: on-demand tables pay per request unit; provisioned ones per capacity-hour.
    double dynamodb = 0;
    const double hours = to_seconds(run.simulated_end) / 3600.0;
    for (std::size_t t = 0; t < spec.tables.size(); ++t) {
        const TableSpec& table = spec.tables[t];
        const TableCounts& c = m.tables()[t].total;
        if (table.mode == CapacityMode::OnDemand)
            dynamodb += static_cast<double>(c.write_units) / 1e6 * prices.dynamodb_per_million_write_units +
                        static_cast<double>(c.read_units) / 1e6 * prices.dynamodb_per_million_read_units;
        else
            dynamodb += hours * (table.write_capacity_per_second * prices.dynamodb_per_wcu_hour +
                                 table.read_capacity_per_second * prices.dynamodb_per_rcu_hour);
    }
    double schedule_invocations = 0;
    for (std::size_t s = 0; s < spec.traffic.size(); ++s)
        if (spec.traffic[s].is_schedule()) schedule_invocations += static_cast<double>(m.entry_point(s).total.requests);
    const double cost = gb_seconds * prices.lambda_per_gb_second +
                        invocations / 1e6 * prices.lambda_per_million_requests +
                        provisioned_gb_seconds * prices.provisioned_per_gb_second +
                        sqs_requests / 1e6 * prices.sqs_per_million_requests +
                        sns_publishes / 1e6 * prices.sns_per_million_publishes +
                        s3_puts / 1e3 * prices.s3_per_thousand_puts + s3_gets / 1e3 * prices.s3_per_thousand_gets +
                        dynamodb + schedule_invocations / 1e6 * prices.eventbridge_per_million_invocations;

    ReplicationFigures r;
    r.values = {
        {"async_units_delivered", static_cast<double>(flow.delivered)},
        {"async_units_lost", static_cast<double>(flow.lost())},
        {"async_units_expired", static_cast<double>(flow.expired)},
        {"async_units_dropped", static_cast<double>(flow.dropped)},
        {"async_units_dead_lettered", static_cast<double>(flow.dead_lettered)},
        {"async_units_in_flight_at_end",
         static_cast<double>(flow.created - flow.delivered - flow.forwarded - flow.filtered - flow.lost())},
        {"end_to_end_latency_p50_ms", end_to_end.quantile(0.50)},
        {"end_to_end_latency_p99_ms", end_to_end.quantile(0.99)},
        {"sync_requests_succeeded", sync_succeeded},
        {"sync_requests_throttled", sync_throttled},
        {"sync_requests_failed", sync_failed},
        {"sync_latency_p99_ms", sync_latency.quantile(0.99)},
        {"function_throttles", throttles},
        {"service_calls_failed", calls_failed},
        {"table_throttle_events", table_throttles},
        {"s3_slow_down", s3_slow_down},
        {"peak_account_concurrency", static_cast<double>(m.account().concurrency.max())},
        {"estimated_cost_usd", cost},
    };
    (void)sync_requests;
    return r;
}

std::vector<ComparisonRow> compare_replications(const std::vector<ReplicationFigures>& a,
                                                const std::vector<ReplicationFigures>& b) {
    std::vector<ComparisonRow> rows;
    if (a.empty() || b.empty()) return rows;
    for (std::size_t k = 0; k < a.front().values.size(); ++k) {
        std::vector<double> xa, xb, diff;
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
            xa.push_back(a[i].values[k].second);
            xb.push_back(b[i].values[k].second);
            diff.push_back(xb.back() - xa.back());
        }
        const auto ia = analysis::mean_interval(xa), ib = analysis::mean_interval(xb), id = analysis::mean_interval(diff);
        rows.push_back({a.front().values[k].first, ia.mean, ia.half_width, ib.mean, ib.half_width, id.mean, id.half_width});
    }
    return rows;
}

std::string verdict(const std::string& a_name, const std::string& b_name, const std::vector<ComparisonRow>& rows) {
    std::vector<std::string> sentences;
    auto better = [&](const char* figure, const char* what, bool lower_is_better, const char* unit) {
        const ComparisonRow* r = find_row(rows, figure);
        if (!r) return;
        if (!r->significant()) {
            if (r->a_mean != 0 || r->b_mean != 0)
                sentences.push_back(fmt::format("{} does not differ significantly ({:.4g} vs {:.4g}{}).", what, r->a_mean,
                                                r->b_mean, unit));
            return;
        }
        const bool b_wins = lower_is_better ? r->difference_mean < 0 : r->difference_mean > 0;
        sentences.push_back(fmt::format("{} favours {}: {:.5g}{} against {:.5g}{} (difference {:+.5g} ± {:.2g}).", what,
                                        b_wins ? b_name : a_name, b_wins ? r->b_mean : r->a_mean, unit,
                                        b_wins ? r->a_mean : r->b_mean, unit, r->difference_mean, r->difference_half_width));
    };
    better("sync_requests_throttled", "Throttling of the synchronous callers", true, "");
    better("sync_requests_failed", "Failed synchronous requests", true, "");
    better("async_units_lost", "Events lost", true, "");
    // A design that delivered nothing end to end has no latency to compare (its figure reads 0).
    const ComparisonRow* delivered = find_row(rows, "async_units_delivered");
    if (!delivered || (delivered->a_mean > 0 && delivered->b_mean > 0))
        better("end_to_end_latency_p99_ms", "End-to-end p99 latency", true, " ms");
    better("peak_account_concurrency", "Peak account concurrency", true, "");
    better("estimated_cost_usd", "Estimated cost", true, " USD");
    std::string text = fmt::format("Comparing {} (A) with {} (B) under the same traffic, 95 % confidence: ", a_name, b_name);
    for (const auto& s : sentences) text += s + " ";
    if (!text.empty()) text.pop_back();
    return text;
}

nlohmann::ordered_json comparison_json(const std::string& a_name, const std::string& b_name, int replications,
                                       std::uint64_t first_seed, const std::vector<ComparisonRow>& rows,
                                       const std::string& verdict_text) {
    nlohmann::ordered_json j;
    j["a"] = a_name;
    j["b"] = b_name;
    j["replications"] = replications;
    j["first_seed"] = first_seed;
    nlohmann::ordered_json figures = nlohmann::ordered_json::object();
    for (const auto& r : rows)
        figures[r.figure] = {{"a_mean", r.a_mean},
                             {"a_ci95", r.a_half_width},
                             {"b_mean", r.b_mean},
                             {"b_ci95", r.b_half_width},
                             {"difference_mean", r.difference_mean},
                             {"difference_ci95", r.difference_half_width},
                             {"significant", r.significant()}};
    j["figures"] = figures;
    j["verdict"] = verdict_text;
    return j;
}

std::string comparison_csv(const std::vector<ComparisonRow>& rows) {
    std::string out = "figure,a_mean,a_ci95,b_mean,b_ci95,difference_mean,difference_ci95,significant\n";
    for (const auto& r : rows)
        out += fmt::format("{},{},{},{},{},{},{},{}\n", r.figure, r.a_mean, r.a_half_width, r.b_mean, r.b_half_width,
                           r.difference_mean, r.difference_half_width, r.significant() ? "true" : "false");
    return out;
}

}  // namespace lambdasim
