#include "lambdasim/scenario/units.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "lambdasim/scenario/scenario_error.hpp"
#include "lambdasim/scenario/suggestion.hpp"

namespace lambdasim {
namespace {

__extension__ typedef unsigned __int128 Wide;  // exact products of 19-digit mantissas and units

struct DurationUnit {
    const char* name;
    SimTime ns;
};
// Largest first: the formatter picks the first that divides exactly.
constexpr DurationUnit kDurationUnits[] = {{"d", kDay},        {"h", kHour},         {"min", kMinute},
                                           {"s", kSecond},     {"ms", kMillisecond}, {"us", kMicrosecond},
                                           {"ns", kNanosecond}};

struct SizeUnit {
    const char* name;
    double bytes;
};
constexpr SizeUnit kSizeUnits[] = {{"GB", 1024.0 * 1024 * 1024}, {"MB", 1024.0 * 1024}, {"KB", 1024.0}, {"B", 1.0}};
constexpr SizeUnit kSizeAliases[] = {{"GiB", 1024.0 * 1024 * 1024}, {"MiB", 1024.0 * 1024}, {"KiB", 1024.0}};

struct RatePeriod {
    const char* name;
    double seconds;
};
constexpr RatePeriod kRatePeriods[] = {{"s", 1.0}, {"min", 60.0}, {"h", 3600.0}};

const char* const kDurationExamples = "add a unit: 120ms, 30s, 15min, 2h";
const char* const kSizeExamples = "add a unit: 512KB, 128MB, 10GB";
const char* const kRateExamples = "add a period: 45/s, 500/min, 10/h";

[[noreturn]] void fail(std::string message, std::string hint) {
    throw ScenarioError("", 0, 0, std::move(message), std::move(hint));
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Unit names are too short for edit-distance suggestions ("TB" is one edit from "B"), so only a
// difference of case is suggested; otherwise the units are listed.
std::string unit_hint(std::string_view written, const std::vector<std::string>& units, std::string_view listing) {
    for (const auto& u : units)
        if (u.size() == written.size() && edit_distance(u, written) == 0) return "did you mean `" + u + "`?";
    return std::string(listing) + ": " + join_quoted(units);
}

// Splits "1.5 min" into the number "1.5" and the unit "min". The number is
// [-+]digits[.digits][e[-+]digits]; empty when the text does not start with one.
std::pair<std::string_view, std::string_view> split_number(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    }
    if (digits == 0) return {std::string_view{}, text};
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < text.size() && (text[j] == '-' || text[j] == '+')) ++j;
        if (j < text.size() && is_digit(text[j])) {
            while (j < text.size() && is_digit(text[j])) ++j;
            i = j;
        }
    }
    return {text.substr(0, i), trim(text.substr(i))};
}

double to_double(std::string_view number) {
    if (!number.empty() && number.front() == '+') number.remove_prefix(1);
    double value = 0;
    const auto result = std::from_chars(number.data(), number.data() + number.size(), value);
    if (result.ec != std::errc() || result.ptr != number.data() + number.size() || !std::isfinite(value))
        fail(fmt::format("`{}` is not a usable number", number), "numbers must be finite and not too large");
    return value;
}

// Exact decimal: value = mantissa * 10^exponent.
struct Decimal {
    bool negative = false;
    std::uint64_t mantissa = 0;
    int exponent = 0;
};

Decimal to_decimal(std::string_view number) {
    Decimal d;
    if (!number.empty() && (number.front() == '-' || number.front() == '+')) {
        d.negative = number.front() == '-';
        number.remove_prefix(1);
    }
    std::string digits;
    int fraction_digits = 0;
    bool in_fraction = false;
    std::size_t i = 0;
    for (; i < number.size(); ++i) {
        const char c = number[i];
        if (c == '.') {
            in_fraction = true;
        } else if (is_digit(c)) {
            digits += c;
            if (in_fraction) ++fraction_digits;
        } else {
            break;
        }
    }
    long long exponent = -fraction_digits;
    if (i < number.size()) {  // exponent part: e[-+]digits
        long long e = 0;
        auto tail = number.substr(i + 1);
        if (!tail.empty() && tail.front() == '+') tail.remove_prefix(1);
        const auto result = std::from_chars(tail.data(), tail.data() + tail.size(), e);
        if (result.ec != std::errc() || e > 1000 || e < -1000)
            fail(fmt::format("`{}` has an unusable exponent", number), "write the number plainly, e.g. 1500ms");
        exponent += e;
    }
    const auto first = digits.find_first_not_of('0');
    if (first == std::string::npos) return d;  // zero
    digits.erase(0, first);
    while (digits.size() > 1 && digits.back() == '0') {
        digits.pop_back();
        ++exponent;
    }
    if (digits.size() > 19)
        fail(fmt::format("`{}` has more digits than can be represented", number), "use at most 19 significant digits");
    std::from_chars(digits.data(), digits.data() + digits.size(), d.mantissa);
    d.exponent = static_cast<int>(exponent);
    return d;
}

// mantissa * 10^exponent * unit, rounded to the nearest integer (halves away from zero).
SimTime exact_duration(const Decimal& d, SimTime unit, std::string_view text) {
    constexpr auto kMax = static_cast<Wide>(std::numeric_limits<SimTime>::max());
    Wide value = static_cast<Wide>(d.mantissa) * static_cast<Wide>(unit);
    const auto too_long = [&] {
        fail(fmt::format("duration `{}` is too long", text), "the longest representable duration is about 292 years");
    };
    if (d.exponent >= 0) {
        for (int i = 0; i < d.exponent; ++i) {
            if (value > kMax) too_long();
            value *= 10;
        }
    } else if (d.exponent < -38) {
        value = 0;  // below half a nanosecond
    } else {
        Wide divisor = 1;
        for (int i = 0; i < -d.exponent; ++i) divisor *= 10;
        value = (value + divisor / 2) / divisor;
    }
    if (value > kMax) too_long();
    const auto ns = static_cast<SimTime>(value);
    return d.negative ? -ns : ns;
}

template <typename Unit>
std::vector<std::string> names_of(const Unit* begin, const Unit* end, bool smallest_first) {
    std::vector<std::string> names;
    for (auto u = begin; u != end; ++u) names.emplace_back(u->name);
    if (smallest_first) std::reverse(names.begin(), names.end());
    return names;
}

}  // namespace

const std::vector<std::string>& duration_unit_names() {
    static const std::vector<std::string> names =
        names_of(std::begin(kDurationUnits), std::end(kDurationUnits), /*smallest_first=*/true);
    return names;
}

const std::vector<std::string>& size_unit_names() {
    static const std::vector<std::string> names =
        names_of(std::begin(kSizeUnits), std::end(kSizeUnits), /*smallest_first=*/true);
    return names;
}

std::optional<SimTime> duration_unit(std::string_view name) {
    for (const auto& u : kDurationUnits)
        if (name == u.name) return u.ns;
    return std::nullopt;
}

std::optional<double> size_unit_bytes(std::string_view name) {
    for (const auto& u : kSizeUnits)
        if (name == u.name) return u.bytes;
    for (const auto& u : kSizeAliases)
        if (name == u.name) return u.bytes;
    return std::nullopt;
}

std::optional<std::string> duration_unit_name(SimTime ns) {
    for (const auto& u : kDurationUnits)
        if (ns == u.ns) return std::string(u.name);
    return std::nullopt;
}

std::optional<std::string> size_unit_name(double bytes) {
    for (const auto& u : kSizeUnits)
        if (bytes == u.bytes) return std::string(u.name);
    return std::nullopt;
}

SimTime parse_duration(std::string_view raw) {
    const std::string_view text = trim(raw);
    if (text.empty()) fail("no duration given", kDurationExamples);
    const auto [number, unit_name] = split_number(text);
    if (number.empty()) fail(fmt::format("`{}` is not a duration", text), kDurationExamples);
    if (unit_name.empty()) fail(fmt::format("`{}` has no unit", text), kDurationExamples);
    const auto unit = duration_unit(unit_name);
    if (!unit) {
        std::string hint;
        if (unit_name == "m" || unit_name == "M")
            hint = "write `min` for minutes or `ms` for milliseconds";
        else if (unit_name == "sec" || unit_name == "secs" || unit_name == "second" || unit_name == "seconds")
            hint = "write `s` for seconds";
        else if (unit_name == "hr" || unit_name == "hour" || unit_name == "hours")
            hint = "write `h` for hours";
        else if (unit_name == "mins" || unit_name == "minute" || unit_name == "minutes")
            hint = "write `min` for minutes";
        else if (unit_name.size() >= 2 && unit_name[0] == '/')
            hint = "this looks like a rate; this key takes a duration such as 30s";
        else
            hint = unit_hint(unit_name, duration_unit_names(), "duration units are");
        fail(fmt::format("unknown duration unit `{}` in `{}`", unit_name, text), hint);
    }
    return exact_duration(to_decimal(number), *unit, text);
}

constexpr double kMaxRatePerSecond = 1e7;

double parse_rate(std::string_view raw) {
    const std::string_view text = trim(raw);
    if (text.empty()) fail("no rate given", kRateExamples);
    const auto [number, rest] = split_number(text);
    if (number.empty()) fail(fmt::format("`{}` is not a rate", text), kRateExamples);
    if (rest.empty()) fail(fmt::format("`{}` has no period", text), kRateExamples);
    if (rest.front() != '/')
        fail(fmt::format("`{}` is not a rate", text),
             fmt::format("write a count per period: {}/s or {}/min", number, number));
    const std::string_view period_name = trim(rest.substr(1));
    for (const auto& p : kRatePeriods) {
        if (period_name != p.name) continue;
        const double per_second = to_double(number) / p.seconds;
        // Far above any Lambda account (10 x a 1,000,000 limit); beyond it simulated time
        // would barely advance while memory grew with the backlog.
        if (per_second > kMaxRatePerSecond)
            fail(fmt::format("`{}` is above the largest rate lambdasim simulates, 1e7/s", text),
                 "lower the rate: 1e7/s is 1,000 times the request-rate cap of a default account");
        return per_second;
    }
    std::vector<std::string> periods;
    for (const auto& p : kRatePeriods) periods.emplace_back(p.name);
    std::string hint =
        period_name == "m" ? "write `/min` for per minute" : unit_hint(period_name, periods, "rate periods are");
    fail(fmt::format("unknown rate period `{}` in `{}`", period_name, text), hint);
}

double parse_size(std::string_view raw) {
    const std::string_view text = trim(raw);
    if (text.empty()) fail("no size given", kSizeExamples);
    const auto [number, unit_name] = split_number(text);
    if (number.empty()) fail(fmt::format("`{}` is not a size", text), kSizeExamples);
    if (unit_name.empty()) fail(fmt::format("`{}` has no unit", text), kSizeExamples);
    const auto unit = size_unit_bytes(unit_name);
    if (!unit) {
        std::vector<std::string> names = size_unit_names();
        for (const auto& a : kSizeAliases) names.emplace_back(a.name);
        std::string hint = unit_hint(unit_name, names, "size units are (binary: 1KB = 1024B)");
        fail(fmt::format("unknown size unit `{}` in `{}`", unit_name, text), hint);
    }
    const double bytes = to_double(number) * *unit;
    if (!std::isfinite(bytes)) fail(fmt::format("size `{}` is too large", text), "");
    return bytes;
}

double parse_plain_number(std::string_view raw) {
    const std::string_view text = trim(raw);
    if (text.empty()) fail("no number given", "write a number such as 0.5");
    const auto [number, rest] = split_number(text);
    if (number.empty() || !rest.empty())
        fail(fmt::format("`{}` is not a number", text), "write a plain number such as 0.5");
    return to_double(number);
}

std::string format_plain_number(double value) {
    if (value == 0) return "0";       // also for -0.0
    return fmt::format("{}", value);  // shortest text that reads back identically
}

std::string format_duration(SimTime t) {
    if (t == 0) return "0s";
    if (t < 0) {
        if (t == std::numeric_limits<SimTime>::min()) return "-9223372036854775808ns";
        return fmt::format("-{}", format_duration(-t));
    }
    for (const auto& u : kDurationUnits)
        if (t % u.ns == 0) return fmt::format("{}{}", t / u.ns, u.name);
    return fmt::format("{}ns", t);
}

std::string format_rate(double per_second) {
    if (per_second == 0) return "0/s";
    // A whole count per period when one reads back exactly (500/min rather than 8.333.../s).
    for (const auto& p : kRatePeriods) {
        const double count = std::round(per_second * p.seconds);
        if (std::abs(count) < 1e15 && count / p.seconds == per_second) return fmt::format("{}/{}", count, p.name);
    }
    return fmt::format("{}/s", per_second);
}

std::string format_size(double bytes) {
    if (bytes == 0) return "0B";
    for (const auto& u : kSizeUnits) {
        const double count = bytes / u.bytes;
        if (std::abs(count) < 1e15 && count == std::round(count) && count * u.bytes == bytes)
            return fmt::format("{}{}", count, u.name);
    }
    return fmt::format("{}B", bytes);
}

}  // namespace lambdasim
