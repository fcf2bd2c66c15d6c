#include <cctype>

#include <fmt/format.h>

#include "lambdasim/model/cron_expression.hpp"
#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"

namespace lambdasim {
namespace {

const char* const kExpressionExample = "e.g. expression: \"cron(0 2 * * ? *)\" or \"rate(5 minutes)\"";

// `cron(...)` or `rate(...)`, parsed; fails at the field with what is wrong in the expression.
ScheduleSpec read_expression(const YamlField& field, SimTime clock_start) {
    ScheduleSpec schedule;
    schedule.expression = read_text(field);
    schedule.clock_start = clock_start;
    const std::string& text = schedule.expression;
    const auto inside = [&text](std::size_t prefix) {
        return std::string_view(text).substr(prefix, text.size() - prefix - 1);
    };
    const bool closed = !text.empty() && text.back() == ')';
    try {
        if (text.rfind("cron(", 0) == 0 && closed) {
            schedule.kind = ScheduleSpec::Kind::Cron;
            schedule.cron = parse_cron_fields(inside(5));
        } else if (text.rfind("rate(", 0) == 0 && closed) {
            schedule.kind = ScheduleSpec::Kind::Rate;
            schedule.rate_period = parse_rate_period(inside(5));
        } else {
            field.fail(fmt::format("`{}` is not a schedule expression", text),
                       std::string("write cron(minutes hours day-of-month month day-of-week year) or rate(N unit), ") +
                           kExpressionExample);
        }
    } catch (const ScheduleExpressionError& e) {
        field.fail(fmt::format("`{}`: {}", text, e.what()), e.hint);
    }
    return schedule;
}

EventBridgeRetryPolicySpec read_retry_policy(const YamlField& field) {
    const char* example = "e.g. retry_policy: {max_attempts: 185, max_event_age: 24h}";
    if (!field.is_map()) field.fail("expected a map, got " + field.describe(), example);
    const YamlMap map(field, {"max_attempts", "max_event_age"});
    EventBridgeRetryPolicySpec policy;
    if (auto attempts = map.get("max_attempts"))
        policy.max_attempts = static_cast<int>(read_integer(*attempts, 0, 185));
    if (auto age = map.get("max_event_age")) {
        // `eb-rule-retry-policy`: maximum event age 60 s to 24 h.
        policy.max_event_age = read_duration(*age);
        if (policy.max_event_age < kMinute || policy.max_event_age > 24 * kHour)
            age->fail(fmt::format("must be between 60s and 24h, got {}", format_duration(policy.max_event_age)),
                      "EventBridge retries an event for 60 s to 24 h");
    }
    return policy;
}

int digits(std::string_view text, std::size_t at, std::size_t count, bool& ok) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) {
            ok = false;
            return 0;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

SimTime read_utc_time(const YamlField& field) {
    const std::string text = read_text(field);
    const char* hint = "write a UTC time as YYYY-MM-DDTHH:MM:SSZ, e.g. start: 2026-12-04T00:00:00Z";
    bool ok = text.size() == 10 ||
              (text.size() == 20 && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z');
    ok = ok && text[4] == '-' && text[7] == '-';
    const int year = digits(text, 0, 4, ok), month = digits(text, 5, 2, ok), day = digits(text, 8, 2, ok);
    int hour = 0, minute = 0, second = 0;
    if (ok && text.size() == 20) {
        hour = digits(text, 11, 2, ok);
        minute = digits(text, 14, 2, ok);
        second = digits(text, 17, 2, ok);
    }
    if (!ok) field.fail(fmt::format("`{}` is not a UTC time", text), hint);
    if (year < kCronFirstYear || year > kCronLastYear)
        field.fail(fmt::format("year {} is outside {}-{}", year, kCronFirstYear, kCronLastYear),
                   "EventBridge cron years run from 1970 to 2199");
    int y = 0, m = 0, d = 0;
    civil_from_days(days_from_civil(year, month, day), y, m, d);
    if (month < 1 || month > 12 || day < 1 || m != month || d != day || hour > 23 || minute > 59 || second > 59)
        field.fail(fmt::format("`{}` is not a valid date and time", text), hint);
    return (days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second) * kSecond;
}

std::string format_utc_time(SimTime since_epoch) {
    const std::int64_t seconds = since_epoch / kSecond;
    int year = 0, month = 0, day = 0;
    civil_from_days(seconds / 86400, year, month, day);
    const std::int64_t of_day = seconds % 86400;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", year, month, day, of_day / 3600, of_day / 60 % 60,
                       of_day % 60);
}

TrafficSourceSpec read_schedule(const std::string& name, const YamlField& field, const ScenarioNames& names,
                                SimTime clock_start) {
    const char* example = "e.g. nightly: {expression: \"cron(0 2 * * ? *)\", target: {function: report}}";
    if (!field.is_map()) field.fail("expected the schedule's settings as a map, got " + field.describe(), example);
    const YamlMap map(field, {"expression", "target", "retry_policy"});
    TrafficSourceSpec s;
    s.name = name;
    s.arrivals.process = ArrivalProcessKind::Schedule;
    s.arrivals.schedule = read_expression(map.required("expression", kExpressionExample), clock_start);
    // EventBridge invokes Lambda asynchronously (`eb-rule-targets`), so async is the default.
    const YamlField target = map.required("target", "e.g. target: {function: report}");
    s.target = read_target(target, names, InvocationType::Async);
    if (s.target.kind == TargetSpec::Kind::Bucket)
        YamlMap::of_names(target, "key")
            .get("bucket")
            ->fail_at_key(
                "an EventBridge schedule cannot PUT into an S3 bucket",
                "S3 is not an EventBridge target; schedule a function (functions cannot write to buckets in lambdasim "
                "yet) or send traffic to the bucket");
    // EventBridge's retries are its retry policy, not an SDK's: a throttled synchronous target
    // is a failed request.
    s.client.max_attempts = 1;
    if (auto policy = map.get("retry_policy")) s.retry_policy = read_retry_policy(*policy);
    return s;
}

}  // namespace lambdasim
