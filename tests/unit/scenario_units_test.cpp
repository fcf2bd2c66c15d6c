// Durations, rates and sizes as written in scenario files: parsing to base units, the errors a
// user sees, and formatting that reads back to the identical value.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "lambdasim/scenario/scenario_error.hpp"
#include "lambdasim/scenario/units.hpp"

namespace lambdasim {
namespace {

using namespace time_literals;

// The message and hint of the error parsing `text` throws; fails the test if none is thrown.
template <typename Parse>
std::string error_of(Parse parse, const std::string& text) {
    try {
        parse(text);
    } catch (const ScenarioError& e) {
        return e.message + " | " + e.hint;
    }
    ADD_FAILURE() << "no error for `" << text << "`";
    return {};
}

const auto duration = [](const std::string& t) { return parse_duration(t); };
const auto rate = [](const std::string& t) { return parse_rate(t); };
const auto size = [](const std::string& t) { return parse_size(t); };

TEST(ScenarioUnits, ParsesDurationsInEveryUnit) {
    EXPECT_EQ(parse_duration("7ns"), 7_ns);
    EXPECT_EQ(parse_duration("250us"), 250_us);
    EXPECT_EQ(parse_duration("120ms"), 120_ms);
    EXPECT_EQ(parse_duration("30s"), 30_s);
    EXPECT_EQ(parse_duration("15min"), 15_min);
    EXPECT_EQ(parse_duration("2h"), 2_h);
    EXPECT_EQ(parse_duration("1d"), kDay);
    EXPECT_EQ(parse_duration("0s"), 0);
}

TEST(ScenarioUnits, ParsesDecimalDurationsExactly) {
    EXPECT_EQ(parse_duration("1.5s"), 1500_ms);
    EXPECT_EQ(parse_duration("0.1s"), 100_ms);
    EXPECT_EQ(parse_duration("0.001ms"), 1_us);
    EXPECT_EQ(parse_duration("2.5min"), 150_s);
    EXPECT_EQ(parse_duration("1e3ms"), 1_s);
    EXPECT_EQ(parse_duration("0.0000000004s"), 0);  // rounds to the nearest nanosecond
    EXPECT_EQ(parse_duration("0.0000000006s"), 1_ns);
    EXPECT_EQ(parse_duration("-2s"), -2_s);
    EXPECT_EQ(parse_duration(" 3 s "), 3_s);
}

TEST(ScenarioUnits, RejectsDurationsWithoutAUnit) {
    EXPECT_NE(error_of(duration, "30").find("add a unit: 120ms, 30s, 15min, 2h"), std::string::npos);
    EXPECT_NE(error_of(duration, "0").find("has no unit"), std::string::npos);
    EXPECT_NE(error_of(duration, "").find("no duration"), std::string::npos);
    EXPECT_NE(error_of(duration, "fast").find("is not a duration"), std::string::npos);
}

TEST(ScenarioUnits, RejectsUnknownDurationUnitsWithAHint) {
    EXPECT_NE(error_of(duration, "5m").find("`min` for minutes or `ms`"), std::string::npos);
    EXPECT_NE(error_of(duration, "5sec").find("write `s`"), std::string::npos);
    EXPECT_NE(error_of(duration, "5Min").find("did you mean `min`?"), std::string::npos);
    EXPECT_NE(error_of(duration, "5mins").find("write `min`"), std::string::npos);
    EXPECT_NE(error_of(duration, "5parsec").find("duration units are"), std::string::npos);
    EXPECT_NE(error_of(duration, "5/s").find("rate"), std::string::npos);
}

TEST(ScenarioUnits, RejectsDurationsTooLongToRepresent) {
    EXPECT_NE(error_of(duration, "300000d").find("too long"), std::string::npos);
    EXPECT_EQ(parse_duration("100000d"), 100000 * kDay);
}

TEST(ScenarioUnits, FormatsDurationsWithTheLargestExactUnit) {
    EXPECT_EQ(format_duration(1500_ms), "1500ms");
    EXPECT_EQ(format_duration(2_h), "2h");
    EXPECT_EQ(format_duration(90_min), "90min");
    EXPECT_EQ(format_duration(kDay), "1d");
    EXPECT_EQ(format_duration(0), "0s");
    EXPECT_EQ(format_duration(1), "1ns");
    EXPECT_EQ(format_duration(-3_s), "-3s");
    EXPECT_EQ(format_duration(29_s), "29s");
}

TEST(ScenarioUnits, DurationsRoundTripThroughText) {
    for (SimTime t : {SimTime{0}, SimTime{1}, 999_ns, 1500_ms, 2_h, 123456789_ns, 7 * kDay + 1, -45_s,
                      std::numeric_limits<SimTime>::max()})
        EXPECT_EQ(parse_duration(format_duration(t)), t) << format_duration(t);
}

TEST(ScenarioUnits, ParsesRatesPerSecondMinuteAndHour) {
    EXPECT_DOUBLE_EQ(parse_rate("45/s"), 45);
    EXPECT_DOUBLE_EQ(parse_rate("500/min"), 500.0 / 60);
    EXPECT_DOUBLE_EQ(parse_rate("36/h"), 0.01);
    EXPECT_DOUBLE_EQ(parse_rate("0.5/s"), 0.5);
    EXPECT_DOUBLE_EQ(parse_rate("0/s"), 0);
    EXPECT_DOUBLE_EQ(parse_rate("1e3 / s"), 1000);
}

TEST(ScenarioUnits, RejectsRatesWithoutAPeriod) {
    EXPECT_NE(error_of(rate, "45").find("no period"), std::string::npos);
    EXPECT_NE(error_of(rate, "45s").find("45/s"), std::string::npos);
    EXPECT_NE(error_of(rate, "45/m").find("/min"), std::string::npos);
    EXPECT_NE(error_of(rate, "45/day").find("rate periods are"), std::string::npos);
    EXPECT_NE(error_of(rate, "many/s").find("not a rate"), std::string::npos);
}

TEST(ScenarioUnits, FormatsRatesWithAWholeCountWhereExact) {
    EXPECT_EQ(format_rate(45), "45/s");
    EXPECT_EQ(format_rate(parse_rate("500/min")), "500/min");
    EXPECT_EQ(format_rate(parse_rate("7/h")), "7/h");
    EXPECT_EQ(format_rate(0.5), "30/min");
    EXPECT_EQ(format_rate(0), "0/s");
    EXPECT_EQ(format_rate(10000), "10000/s");
}

TEST(ScenarioUnits, RatesRoundTripThroughText) {
    for (double r : {0.0, 45.0, 500.0 / 60, 1.0 / 3, 0.1, 1e-7, 123456.789, 2.0 / 3600, M_PI})
        EXPECT_EQ(parse_rate(format_rate(r)), r) << format_rate(r);
}

TEST(ScenarioUnits, ParsesSizesAsBinaryUnits) {
    EXPECT_DOUBLE_EQ(parse_size("512B"), 512);
    EXPECT_DOUBLE_EQ(parse_size("1KB"), 1024);
    EXPECT_DOUBLE_EQ(parse_size("6MB"), 6.0 * 1024 * 1024);  // the AWS payload limit is 6 MiB
    EXPECT_DOUBLE_EQ(parse_size("10GB"), 10.0 * 1024 * 1024 * 1024);
    EXPECT_DOUBLE_EQ(parse_size("1.5KB"), 1536);
    EXPECT_DOUBLE_EQ(parse_size("2MiB"), parse_size("2MB"));
}

TEST(ScenarioUnits, RejectsSizesWithoutAKnownUnit) {
    EXPECT_NE(error_of(size, "128").find("add a unit"), std::string::npos);
    EXPECT_NE(error_of(size, "128mb").find("did you mean `MB`?"), std::string::npos);
    EXPECT_NE(error_of(size, "1TB").find("size units are"), std::string::npos);
}

TEST(ScenarioUnits, SizesRoundTripThroughText) {
    EXPECT_EQ(format_size(1769.0 * 1024 * 1024), "1769MB");
    EXPECT_EQ(format_size(1536), "1536B");
    EXPECT_EQ(format_size(10.0 * 1024 * 1024 * 1024), "10GB");
    EXPECT_EQ(format_size(0), "0B");
    for (double b : {0.0, 1.0, 1536.0, 0.5, 1769.0 * 1024 * 1024, 3.0 * 1024 * 1024 * 1024, 1e-3, 123456789.25})
        EXPECT_EQ(parse_size(format_size(b)), b) << format_size(b);
}

TEST(ScenarioUnits, PlainNumbersRoundTripAndRefuseUnits) {
    EXPECT_EQ(parse_plain_number("0.5"), 0.5);
    EXPECT_EQ(parse_plain_number(format_plain_number(0.1 + 0.2)), 0.1 + 0.2);
    EXPECT_EQ(format_plain_number(0), "0");
    EXPECT_NE(error_of([](const std::string& t) { return parse_plain_number(t); }, "5%").find("not a number"),
              std::string::npos);
    EXPECT_NE(error_of([](const std::string& t) { return parse_plain_number(t); }, "nan").find("not a number"),
              std::string::npos);
}

}  // namespace
}  // namespace lambdasim
