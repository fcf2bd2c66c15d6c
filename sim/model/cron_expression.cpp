#include "lambdasim/model/cron_expression.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <vector>

#include <fmt/format.h>

namespace lambdasim {
namespace {

constexpr std::int64_t kMinutesPerDay = 24 * 60;
const char* const kCronExample = "e.g. cron(0 2 * * ? *) every day at 02:00 UTC, cron(0/15 8-17 ? * MON-FRI *)";

struct FieldRule {
    const char* name;
    int min;
    int max;
    const char* const* names = nullptr;  // names[i] stands for min + i (JAN = 1, SUN = 1)
    bool question_mark = false;          // `?` allowed (day-of-month, day-of-week)
};

const char* const kMonthNames[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",  "JUL",
                                   "AUG", "SEP", "OCT", "NOV", "DEC", nullptr};
const char* const kDayNames[] = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", nullptr};

const std::array<FieldRule, 6> kFields = {{
    {"minutes", 0, 59},
    {"hours", 0, 23},
    {"day-of-month", 1, 31, nullptr, true},
    {"month", 1, 12, kMonthNames},
    {"day-of-week", 1, 7, kDayNames, true},
    {"year", kCronFirstYear, kCronLastYear},
}};

std::string range_text(const FieldRule& rule) {
    std::string text = fmt::format("{}-{}", rule.min, rule.max);
    if (rule.names == kMonthNames) text += " or JAN-DEC";
    if (rule.names == kDayNames) text += " (1 = SUN) or SUN-SAT";
    return text;
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// A number or (for months and weekdays) a name, within the field's range.
int parse_value(std::string_view text, const FieldRule& rule) {
    if (rule.names) {
        const std::string word = upper(text);
        for (int i = 0; rule.names[i]; ++i)
            if (word == rule.names[i]) return rule.min + i;
    }
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        const std::string word = upper(text);
        for (const char special : {'L', 'W', '#'})
            if (word.find(special) != std::string::npos)
                throw ScheduleExpressionError(
                    fmt::format("`{}` in {} (`{}`) is not supported by lambdasim", special, rule.name, text),
                    "write the days explicitly instead, e.g. 28-31 or MON-FRI");
        throw ScheduleExpressionError(
            fmt::format("{} `{}` is not a number", rule.name, text),
            fmt::format("{} takes {}, `*`, ranges a-b, lists a,b and steps */n", rule.name, range_text(rule)));
    }
    if (value < rule.min || value > rule.max)
        throw ScheduleExpressionError(fmt::format("{} `{}` is out of range {}", rule.name, text, range_text(rule)), "");
    return value;
}

// One field: `*`, `?`, or a comma-separated list of `v`, `a-b`, `*/n`, `a/n`, `a-b/n`.
// Returns the allowed values as bits (bit v - offset); sets `any` for `?`.
std::vector<bool> parse_field(std::string_view text, const FieldRule& rule, bool& any) {
    std::vector<bool> allowed(static_cast<std::size_t>(rule.max - rule.min + 1), false);
    any = false;
    if (text == "?") {
        if (!rule.question_mark)
            throw ScheduleExpressionError(fmt::format("`?` is not allowed in {}", rule.name),
                                          "`?` goes in day-of-month or day-of-week only; write `*` here");
        any = true;
        return allowed;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string_view item = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
        if (item.empty())
            throw ScheduleExpressionError(fmt::format("{} `{}` has an empty list item", rule.name, text),
                                          "separate values with single commas, e.g. 1,15");
        std::string_view base = item;
        int step = 1;
        if (const std::size_t slash = item.find('/'); slash != std::string_view::npos) {
            base = item.substr(0, slash);
            const std::string_view step_text = item.substr(slash + 1);
            const auto [end, error] = std::from_chars(step_text.data(), step_text.data() + step_text.size(), step);
            if (step_text.empty() || error != std::errc() || end != step_text.data() + step_text.size() || step < 1)
                throw ScheduleExpressionError(
                    fmt::format("{} `{}`: the step `{}` is not a whole number >= 1", rule.name, item, step_text),
                    "write e.g. */15 or 0/15");
        }
        int first = rule.min;
        int last = rule.max;
        if (base != "*") {
            const std::size_t dash = base.find('-');
            if (dash != std::string_view::npos) {
                first = parse_value(base.substr(0, dash), rule);
                last = parse_value(base.substr(dash + 1), rule);
                if (last < first)
                    throw ScheduleExpressionError(
                        fmt::format("{} range `{}` runs backwards", rule.name, base),
                        "lambdasim does not wrap ranges around; list both parts, e.g. FRI-SAT,SUN-MON");
            } else {
                first = parse_value(base, rule);
                // `a/n` runs from a to the end of the range; a lone `a` is just a.
                last = item.find('/') == std::string_view::npos ? first : rule.max;
            }
        }
        for (int v = first; v <= last; v += step) allowed[static_cast<std::size_t>(v - rule.min)] = true;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return allowed;
}

template <typename Mask>
Mask to_mask(const std::vector<bool>& allowed, int shift) {
    Mask mask = 0;
    for (std::size_t i = 0; i < allowed.size(); ++i)
        if (allowed[i]) mask = static_cast<Mask>(mask | (Mask{1} << (i + static_cast<std::size_t>(shift))));
    return mask;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

// Howard Hinnant's civil-calendar algorithms (public domain, "chrono-Compatible Low-Level Date
// Algorithms").
std::int64_t days_from_civil(int year, int month, int day) {
    const std::int64_t y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t days, int& year, int& month, int& day) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

int weekday_from_days(std::int64_t days) {
    std::int64_t weekday = (days + 4) % 7;  // 1970-01-01 was a Thursday
    if (weekday < 0) weekday += 7;
    return static_cast<int>(weekday);
}

CronExpression parse_cron_fields(std::string_view fields) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < fields.size()) {
        while (i < fields.size() && std::isspace(static_cast<unsigned char>(fields[i]))) ++i;
        const std::size_t begin = i;
        while (i < fields.size() && !std::isspace(static_cast<unsigned char>(fields[i]))) ++i;
        if (i > begin) parts.push_back(fields.substr(begin, i - begin));
    }
    if (parts.size() != kFields.size())
        throw ScheduleExpressionError(
            fmt::format("cron needs 6 fields (minutes hours day-of-month month day-of-week year), got {}",
                        parts.size()),
            parts.size() == 5 ? std::string("EventBridge cron has a year field; add `*` at the end, ") + kCronExample
                              : kCronExample);
    CronExpression cron;
    bool any = false;
    cron.minutes = to_mask<std::uint64_t>(parse_field(parts[0], kFields[0], any), 0);
    cron.hours = to_mask<std::uint32_t>(parse_field(parts[1], kFields[1], any), 0);
    cron.days_of_month = to_mask<std::uint32_t>(parse_field(parts[2], kFields[2], cron.day_of_month_any), 1);
    cron.months = to_mask<std::uint16_t>(parse_field(parts[3], kFields[3], any), 1);
    cron.days_of_week = to_mask<std::uint8_t>(parse_field(parts[4], kFields[4], cron.day_of_week_any), 0);
    const std::vector<bool> years = parse_field(parts[5], kFields[5], any);
    for (std::size_t y = 0; y < years.size(); ++y) cron.years[y] = years[y];
    // AWS: "You can't specify the Day-of-month and Day-of-week fields in the same cron expression."
    if (cron.day_of_month_any == cron.day_of_week_any)
        throw ScheduleExpressionError(
            cron.day_of_month_any
                ? "day-of-month and day-of-week are both `?`"
                : fmt::format("day-of-month `{}` and day-of-week `{}`: one of them must be `?`", parts[2], parts[4]),
            "EventBridge takes exactly one of the two day fields; e.g. cron(0 2 * * ? *) every day, "
            "cron(0 2 ? * MON-FRI *) on weekdays");
    return cron;
}

std::int64_t CronExpression::next_minute_at_or_after(std::int64_t minute) const {
    std::int64_t day = floor_div(minute, kMinutesPerDay);
    std::int64_t minute_of_day = minute - day * kMinutesPerDay;
    for (;;) {
        int year = 0, month = 0, day_of_month = 0;
        civil_from_days(day, year, month, day_of_month);
        if (year > kCronLastYear) return -1;
        if (year < kCronFirstYear || !years[static_cast<std::size_t>(year - kCronFirstYear)]) {
            day = days_from_civil(year < kCronFirstYear ? kCronFirstYear : year + 1, 1, 1);
            minute_of_day = 0;
            continue;
        }
        if (!((months >> month) & 1u)) {
            day = month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1, 1);
            minute_of_day = 0;
            continue;
        }
        const bool day_matches = day_of_month_any ? ((days_of_week >> weekday_from_days(day)) & 1u) != 0
                                                  : ((days_of_month >> day_of_month) & 1u) != 0;
        if (day_matches) {
            for (std::int64_t m = minute_of_day; m < kMinutesPerDay; ++m)
                if (((hours >> (m / 60)) & 1u) && ((minutes >> (m % 60)) & 1u)) return day * kMinutesPerDay + m;
        }
        ++day;
        minute_of_day = 0;
    }
}

SimTime parse_rate_period(std::string_view inside) {
    const char* example = "e.g. rate(5 minutes), rate(1 hour), rate(1 day)";
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < inside.size()) {
        while (i < inside.size() && std::isspace(static_cast<unsigned char>(inside[i]))) ++i;
        const std::size_t begin = i;
        while (i < inside.size() && !std::isspace(static_cast<unsigned char>(inside[i]))) ++i;
        if (i > begin) parts.push_back(inside.substr(begin, i - begin));
    }
    if (parts.size() != 2) throw ScheduleExpressionError("rate needs a value and a unit", example);
    long long value = 0;
    const auto [end, error] = std::from_chars(parts[0].data(), parts[0].data() + parts[0].size(), value);
    if (error != std::errc() || end != parts[0].data() + parts[0].size() || value < 1)
        throw ScheduleExpressionError(fmt::format("rate value `{}` is not a whole number >= 1", parts[0]), example);
    const std::string unit(parts[1]);
    SimTime per = 0;
    if (unit == "minute" || unit == "minutes") per = kMinute;
    if (unit == "hour" || unit == "hours") per = kHour;
    if (unit == "day" || unit == "days") per = kDay;
    if (per == 0)
        throw ScheduleExpressionError(fmt::format("unknown rate unit `{}`", unit),
                                      "EventBridge rate units are minute(s), hour(s) and day(s)");
    // Past ~100 years the period would overflow nanoseconds; no schedule needs that.
    if (value > 36500 * kDay / per)
        throw ScheduleExpressionError(fmt::format("rate({} {}) is longer than 100 years", parts[0], unit), example);
    return value * per;
}

}  // namespace lambdasim
