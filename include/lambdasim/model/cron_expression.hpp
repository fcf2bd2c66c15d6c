#pragma once
// EventBridge schedule expressions (`eb-scheduled-rule-pattern`, "Schedule expressions"):
// `cron(minutes hours day-of-month month day-of-week year)` in UTC and `rate(value unit)`.
// A parsed cron expression is a set of allowed values per field (bit masks), so the next fire
// time is computed from the current time, in constant memory, without listing fire times.
#include <bitset>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "lambdasim/engine/time.hpp"

namespace lambdasim {

// AWS accepts years 1970-2199 in cron expressions.
inline constexpr int kCronFirstYear = 1970;
inline constexpr int kCronLastYear = 2199;

struct CronExpression {
    std::uint64_t minutes = 0;        // bit m: minute m, 0-59
    std::uint32_t hours = 0;          // bit h: hour h, 0-23
    std::uint32_t days_of_month = 0;  // bit d: day d, 1-31
    std::uint16_t months = 0;         // bit m: month m, 1-12
    std::uint8_t days_of_week = 0;    // bit w: weekday w, 0 = Sunday ... 6 = Saturday (AWS writes 1-7)
    // AWS: exactly one of day-of-month and day-of-week is `?`; the other decides the days.
    bool day_of_month_any = false;
    bool day_of_week_any = false;
    std::bitset<kCronLastYear - kCronFirstYear + 1> years;

    // The first minute at or after `minute` (minutes since 1970-01-01T00:00Z) that matches, or
    // -1 when none does before the end of 2199.
    std::int64_t next_minute_at_or_after(std::int64_t minute) const;
};

// A user mistake in an expression: what is wrong, how to fix it.
class ScheduleExpressionError : public std::runtime_error {
public:
    ScheduleExpressionError(const std::string& message, std::string hint)
        : std::runtime_error(message), hint(std::move(hint)) {}
    std::string hint;
};

// The six fields inside `cron(...)`, e.g. "0 2 * * ? *". Throws ScheduleExpressionError.
CronExpression parse_cron_fields(std::string_view fields);

// The period of `rate(5 minutes)`'s inside, "5 minutes". Throws ScheduleExpressionError.
SimTime parse_rate_period(std::string_view inside);

// Civil UTC calendar helpers (proleptic Gregorian), for cron matching and the `start` key.
std::int64_t days_from_civil(int year, int month, int day);  // days since 1970-01-01
void civil_from_days(std::int64_t days, int& year, int& month, int& day);
int weekday_from_days(std::int64_t days);  // 0 = Sunday

}  // namespace lambdasim
