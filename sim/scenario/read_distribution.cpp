#include <filesystem>

#include <fmt/format.h>

#include "lambdasim/scenario/data_files.hpp"
#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

const std::vector<std::string> kKeys = {"dist", "value", "mean", "stddev", "min", "max", "p50", "p99", "file", "unit"};
const char* const kExample = "e.g. {dist: exponential, mean: 100ms} or {dist: lognormal, p50: 80ms, p99: 400ms}";

double read_quantity(const YamlField& field, Quantity quantity) {
    return quantity == Quantity::Time ? to_seconds(read_duration(field)) : read_size(field);
}

std::string show(double value, Quantity quantity) {
    return quantity == Quantity::Time ? format_duration(from_seconds(value)) : format_size(value);
}

double read_non_negative(const YamlField& field, Quantity quantity) {
    const double value = read_quantity(field, quantity);
    if (value < 0) field.fail(fmt::format("must not be negative, got {}", show(value, quantity)), "");
    return value;
}

double read_positive(const YamlField& field, Quantity quantity) {
    const double value = read_quantity(field, quantity);
    if (value <= 0) field.fail(fmt::format("must be greater than 0, got {}", show(value, quantity)), "");
    return value;
}

void read_empirical(const YamlMap& map, Quantity quantity, const ReadContext& context, DistributionSpec& d) {
    const YamlField file = map.required("file", "name a CSV file with one value per line, e.g. file: durations.csv");
    d.file = resolve_data_file(file, context);
    const auto& unit_names = quantity == Quantity::Time ? duration_unit_names() : size_unit_names();
    std::string unit = quantity == Quantity::Time ? "s" : "B";
    if (auto unit_field = map.get("unit")) {
        unit = read_text(*unit_field);
        const bool known =
            quantity == Quantity::Time ? duration_unit(unit).has_value() : size_unit_bytes(unit).has_value();
        if (!known) fail_unknown_choice(*unit_field, unit, unit_names);
    }
    // The file's numbers are read as if written with the unit, so a time converts exactly as
    // `120ms` in the scenario would.
    d.file_unit = unit;
    if (quantity == Quantity::Time) {
        d.samples = read_sample_file(
            d.file, [&](std::string_view text) { return to_seconds(parse_duration(std::string(text) + unit)); });
    } else {
        d.samples =
            read_sample_file(d.file, [&](std::string_view text) { return parse_size(std::string(text) + unit); });
    }
    if (d.samples.empty()) file.fail(fmt::format("`{}` holds no values", d.file), "write one number per line");
}

}  // namespace

DistributionSpec read_distribution(const YamlField& field, Quantity quantity, const ReadContext& context) {
    if (field.is_scalar()) return DistributionSpec::constant(read_non_negative(field, quantity));
    if (field.is_null()) field.fail("no distribution given", kExample);
    if (!field.is_map()) field.fail("expected a distribution map, got " + field.describe(), kExample);
    const YamlMap map(field, kKeys);
    DistributionSpec d;
    d.kind = read_choice(map.required("dist", std::string("say which distribution: ") + kExample),
                         vocabulary::distributions());
    const std::string context_name = "dist: " + vocabulary::word(vocabulary::distributions(), d.kind);
    switch (d.kind) {
        case DistributionKind::Constant:
            map.restrict_to({"dist", "value"}, context_name);
            d.value = read_non_negative(map.required("value", "e.g. {dist: constant, value: 100ms}"), quantity);
            break;
        case DistributionKind::Exponential:
            map.restrict_to({"dist", "mean"}, context_name);
            d.mean = read_positive(map.required("mean", "e.g. {dist: exponential, mean: 100ms}"), quantity);
            break;
        case DistributionKind::Uniform: {
            map.restrict_to({"dist", "min", "max"}, context_name);
            d.min = read_non_negative(map.required("min", "e.g. {dist: uniform, min: 5min, max: 15min}"), quantity);
            const YamlField max = map.required("max", "e.g. {dist: uniform, min: 5min, max: 15min}");
            d.max = read_non_negative(max, quantity);
            if (d.max < d.min)
                max.fail(fmt::format("uniform max {} is below min {}", show(d.max, quantity), show(d.min, quantity)),
                         "swap them, or make max >= min");
            break;
        }
        case DistributionKind::Normal: {
            map.restrict_to({"dist", "mean", "stddev"}, context_name);
            const YamlField mean = map.required("mean", "e.g. {dist: normal, mean: 200ms, stddev: 50ms}");
            d.mean = read_quantity(mean, quantity);
            d.stddev =
                read_non_negative(map.required("stddev", "e.g. {dist: normal, mean: 200ms, stddev: 50ms}"), quantity);
            // Samples are truncated at 0 by rejection; this far below 0 nearly none would be kept.
            if (d.mean < -3 * d.stddev)
                mean.fail(
                    fmt::format("normal mean {} is more than 3 standard deviations ({}) below 0; truncated at 0 it "
                                "would almost never draw a sample",
                                show(d.mean, quantity), show(d.stddev, quantity)),
                    "raise the mean or the stddev, or use dist: constant");
            break;
        }
        case DistributionKind::Lognormal: {
            map.restrict_to({"dist", "p50", "p99", "mean", "stddev"}, context_name);
            const bool by_percentiles = map.has("p50") || map.has("p99");
            const bool by_moments = map.has("mean") || map.has("stddev");
            if (by_percentiles && by_moments)
                (map.has("mean") ? *map.get("mean") : *map.get("stddev"))
                    .fail_at_key("give either p50 and p99 or mean and stddev, not both", "remove one pair");
            if (!by_moments) {
                d.lognormal_by_percentiles = true;
                const char* hint = "e.g. {dist: lognormal, p50: 80ms, p99: 400ms}";
                d.p50 = read_positive(map.required("p50", hint), quantity);
                const YamlField p99 = map.required("p99", hint);
                d.p99 = read_quantity(p99, quantity);
                if (d.p99 <= d.p50)
                    p99.fail(fmt::format("lognormal p99 {} must be above p50 {}", show(d.p99, quantity),
                                         show(d.p50, quantity)),
                             "a right-skewed distribution has p99 > p50; for a fixed value use dist: constant");
            } else {
                const char* hint = "e.g. {dist: lognormal, mean: 120ms, stddev: 60ms}";
                d.mean = read_positive(map.required("mean", hint), quantity);
                d.stddev = read_non_negative(map.required("stddev", hint), quantity);
            }
            break;
        }
        case DistributionKind::Empirical:
            map.restrict_to({"dist", "file", "unit"}, context_name);
            read_empirical(map, quantity, context, d);
            break;
    }
    return d;
}

std::string resolve_data_file(const YamlField& field, const ReadContext& context) {
    namespace fs = std::filesystem;
    const std::string written = read_text(field);
    fs::path path(written);
    if (path.is_relative()) path = context.base_dir / path;
    path = path.lexically_normal();
    std::error_code ec;
    if (!fs::exists(path, ec))
        field.fail(fmt::format("file `{}` not found; looked for {}", written, path.string()),
                   "relative paths start from the scenario file's folder");
    if (!fs::is_regular_file(path, ec)) field.fail(fmt::format("`{}` is not a regular file", path.string()), "");
    return path.string();
}

}  // namespace lambdasim
