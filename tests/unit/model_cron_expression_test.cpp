// EventBridge schedule expressions: cron field parsing, next fire times (month, year and leap
// day boundaries, day-of-week against day-of-month), rate periods, and the errors users see.
#include <gtest/gtest.h>

#include <string>

#include "lambdasim/model/arrival_process.hpp"
#include "lambdasim/model/cron_expression.hpp"

namespace lambdasim {
namespace {

using namespace time_literals;

// Minutes since 1970-01-01T00:00Z of a UTC date and time.
std::int64_t at(int year, int month, int day, int hour = 0, int minute = 0) {
    return days_from_civil(year, month, day) * 1440 + hour * 60 + minute;
}

std::string error_of(const std::string& fields) {
    try {
        parse_cron_fields(fields);
    } catch (const ScheduleExpressionError& e) {
        return std::string(e.what()) + " (" + e.hint + ")";
    }
    return "no error";
}

TEST(CivilCalendar, AgreesWithKnownDatesAndWeekdays) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
    EXPECT_EQ(weekday_from_days(0), 4);                             // Thursday
    EXPECT_EQ(weekday_from_days(days_from_civil(2026, 12, 4)), 5);  // a Friday
    int y = 0, m = 0, d = 0;
    civil_from_days(days_from_civil(2024, 2, 29), y, m, d);
    EXPECT_EQ(y * 10000 + m * 100 + d, 20240229);
}

TEST(CronFields, StarNumbersRangesListsAndStepsBecomeMasks) {
    const CronExpression c = parse_cron_fields("0/15 8-10,20 ? JAN,MAR-APR MON-FRI 2026-2027");
    EXPECT_EQ(c.minutes, (1ull << 0) | (1ull << 15) | (1ull << 30) | (1ull << 45));
    EXPECT_EQ(c.hours, (1u << 8) | (1u << 9) | (1u << 10) | (1u << 20));
    EXPECT_TRUE(c.day_of_month_any);
    EXPECT_FALSE(c.day_of_week_any);
    EXPECT_EQ(c.months, (1u << 1) | (1u << 3) | (1u << 4));
    EXPECT_EQ(c.days_of_week, 0b0111110);  // MON (bit 1) to FRI (bit 5)
    EXPECT_EQ(c.years.count(), 2u);
    EXPECT_TRUE(c.years[2026 - kCronFirstYear]);
}

TEST(CronFields, DayOfWeekNumbersRunFromOneForSunday) {
    const CronExpression c = parse_cron_fields("0 0 ? * 1,7 *");
    EXPECT_EQ(c.days_of_week, (1u << 0) | (1u << 6));                       // SUN and SAT
    EXPECT_EQ(parse_cron_fields("0 0 ? * */2 *").days_of_week, 0b1010101);  // 1,3,5,7
}

TEST(CronFields, NamesAreCaseInsensitive) { EXPECT_EQ(parse_cron_fields("0 0 ? dec sun *").months, 1u << 12); }

TEST(CronNextFire, DailyAtTwoFiresOncePerDay) {
    const CronExpression c = parse_cron_fields("0 2 * * ? *");
    EXPECT_EQ(c.next_minute_at_or_after(0), at(1970, 1, 1, 2));
    EXPECT_EQ(c.next_minute_at_or_after(at(1970, 1, 1, 2)), at(1970, 1, 1, 2));  // at or after
    EXPECT_EQ(c.next_minute_at_or_after(at(1970, 1, 1, 2) + 1), at(1970, 1, 2, 2));
}

TEST(CronNextFire, CrossesMonthAndYearBoundaries) {
    const CronExpression c = parse_cron_fields("30 23 31 * ? *");  // the 31st, where there is one
    EXPECT_EQ(c.next_minute_at_or_after(at(2026, 4, 1)), at(2026, 5, 31, 23, 30));
    EXPECT_EQ(c.next_minute_at_or_after(at(2026, 12, 31, 23, 31)), at(2027, 1, 31, 23, 30));
    const CronExpression new_year = parse_cron_fields("0 0 1 JAN ? *");
    EXPECT_EQ(new_year.next_minute_at_or_after(at(2026, 12, 4)), at(2027, 1, 1));
}

TEST(CronNextFire, FindsTheNextLeapDay) {
    const CronExpression c = parse_cron_fields("0 12 29 FEB ? *");
    EXPECT_EQ(c.next_minute_at_or_after(at(2025, 3, 1)), at(2028, 2, 29, 12));
    EXPECT_EQ(c.next_minute_at_or_after(at(2100, 1, 1)), at(2104, 2, 29, 12));  // 2100 is not a leap year
}

TEST(CronNextFire, DayOfWeekDecidesWhenDayOfMonthIsQuestionMark) {
    const CronExpression weekdays = parse_cron_fields("0 9 ? * MON-FRI *");
    // 2026-12-04 is a Friday: after its 09:00 the next is Monday the 7th.
    EXPECT_EQ(weekdays.next_minute_at_or_after(at(2026, 12, 4, 9, 1)), at(2026, 12, 7, 9));
    const CronExpression first = parse_cron_fields("0 9 1 * ? *");
    EXPECT_EQ(first.next_minute_at_or_after(at(2026, 12, 4)), at(2027, 1, 1, 9));
}

TEST(CronNextFire, YearListsEndTheSchedule) {
    const CronExpression c = parse_cron_fields("0 0 1 1 ? 2027,2030");
    EXPECT_EQ(c.next_minute_at_or_after(at(2026, 6, 1)), at(2027, 1, 1));
    EXPECT_EQ(c.next_minute_at_or_after(at(2027, 1, 1) + 1), at(2030, 1, 1));
    EXPECT_EQ(c.next_minute_at_or_after(at(2030, 1, 1) + 1), -1);
    EXPECT_EQ(parse_cron_fields("0 0 30 FEB ? *").next_minute_at_or_after(0), -1);  // never
}

TEST(CronNextFire, StepsWithinAnHour) {
    const CronExpression c = parse_cron_fields("*/20 * * * ? *");
    EXPECT_EQ(c.next_minute_at_or_after(at(2026, 1, 1, 5, 41)), at(2026, 1, 1, 6, 0));
    EXPECT_EQ(c.next_minute_at_or_after(at(2026, 1, 1, 5, 21)), at(2026, 1, 1, 5, 40));
}

TEST(CronErrors, NeedSixFieldsAndSayWhyForFive) {
    EXPECT_NE(error_of("0 2 * * ?").find("cron needs 6 fields"), std::string::npos);
    EXPECT_NE(error_of("0 2 * * ?").find("year field"), std::string::npos);
}

TEST(CronErrors, ExactlyOneDayFieldIsQuestionMark) {
    EXPECT_NE(error_of("0 2 * * * *").find("one of them must be `?`"), std::string::npos);
    EXPECT_NE(error_of("0 2 ? * ? *").find("both `?`"), std::string::npos);
    EXPECT_NE(error_of("0 ? * * ? *").find("`?` is not allowed in hours"), std::string::npos);
}

TEST(CronErrors, OutOfRangeValuesNameTheFieldAndRange) {
    EXPECT_NE(error_of("60 2 * * ? *").find("minutes `60` is out of range 0-59"), std::string::npos);
    EXPECT_NE(error_of("0 2 ? * 8 *").find("day-of-week `8` is out of range 1-7 (1 = SUN) or SUN-SAT"),
              std::string::npos);
    EXPECT_NE(error_of("0 2 * * ? 1969").find("year `1969`"), std::string::npos);
    EXPECT_NE(error_of("0 2 * FOO ? *").find("month `FOO` is not a number"), std::string::npos);
    EXPECT_NE(error_of("0 2 10-5 * ? *").find("runs backwards"), std::string::npos);
    EXPECT_NE(error_of("*/0 2 * * ? *").find("step `0`"), std::string::npos);
    EXPECT_NE(error_of("0,,5 2 * * ? *").find("empty list item"), std::string::npos);
}

TEST(CronErrors, LastWeekdayAndNthAreNotSupported) {
    EXPECT_NE(error_of("0 2 L * ? *").find("`L` in day-of-month (`L`) is not supported"), std::string::npos);
    EXPECT_NE(error_of("0 2 15W * ? *").find("`W`"), std::string::npos);
    EXPECT_NE(error_of("0 2 ? * 6#3 *").find("`#`"), std::string::npos);
    EXPECT_NE(error_of("0 2 ? * 6L *").find("not supported"), std::string::npos);
}

TEST(RateExpression, MinutesHoursAndDays) {
    EXPECT_EQ(parse_rate_period("5 minutes"), 5_min);
    EXPECT_EQ(parse_rate_period("1 minute"), 1_min);
    EXPECT_EQ(parse_rate_period("1 hour"), 1_h);
    EXPECT_EQ(parse_rate_period("2 days"), 48_h);
}

TEST(RateExpression, RefusesZeroFractionsAndUnknownUnits) {
    EXPECT_THROW(parse_rate_period("0 minutes"), ScheduleExpressionError);
    EXPECT_THROW(parse_rate_period("1.5 hours"), ScheduleExpressionError);
    EXPECT_THROW(parse_rate_period("5 seconds"), ScheduleExpressionError);
    EXPECT_THROW(parse_rate_period("5"), ScheduleExpressionError);
}

}  // namespace
}  // namespace lambdasim

namespace lambdasim {
namespace {

using namespace time_literals;

ArrivalSpec schedule_arrivals(const std::string& fields, SimTime clock_start = 0) {
    ArrivalSpec a;
    a.process = ArrivalProcessKind::Schedule;
    a.schedule.kind = ScheduleSpec::Kind::Cron;
    a.schedule.cron = parse_cron_fields(fields);
    a.schedule.clock_start = clock_start;
    return a;
}

TEST(ScheduleArrivals, CronFiresAtTheStartOfEachMatchingMinute) {
    ArrivalProcess p(schedule_arrivals("0 2 * * ? *"), RandomEngine(1));
    EXPECT_EQ(p.next(), 2_h);
    EXPECT_EQ(p.next(), 26_h);
    EXPECT_EQ(p.next(), 50_h);
}

TEST(ScheduleArrivals, CronFollowsTheWallClockFromStart) {
    // Simulated 0 is 2026-12-04T01:58:30Z: the first 02:00 is 90 s in.
    const SimTime start = (days_from_civil(2026, 12, 4) * 86400 + 1 * 3600 + 58 * 60 + 30) * kSecond;
    ArrivalProcess p(schedule_arrivals("0 2 * * ? *", start), RandomEngine(1));
    EXPECT_EQ(p.next(), 90_s);
    EXPECT_EQ(p.next(), 90_s + 24_h);
}

TEST(ScheduleArrivals, RateFiresAtZeroAndEveryPeriod) {
    ArrivalSpec a;
    a.process = ArrivalProcessKind::Schedule;
    a.schedule.kind = ScheduleSpec::Kind::Rate;
    a.schedule.rate_period = 5_min;
    ArrivalProcess p(a, RandomEngine(1));
    EXPECT_EQ(p.next(), 0);
    EXPECT_EQ(p.next(), 5_min);
    EXPECT_EQ(p.next(), 10_min);
}

TEST(ScheduleArrivals, EndsAfterTheLastListedYear) {
    ArrivalProcess p(schedule_arrivals("0 0 1 1 ? 1970"), RandomEngine(1));
    EXPECT_EQ(p.next(), 0);
    EXPECT_EQ(p.next(), kTimeInfinity);
}

}  // namespace
}  // namespace lambdasim
