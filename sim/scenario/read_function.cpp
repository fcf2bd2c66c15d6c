#include <limits>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

constexpr long long kIntMax = std::numeric_limits<int>::max();

const std::vector<std::string> kKeys = {"runtime",
                                        "package",
                                        "memory",
                                        "ephemeral_storage",
                                        "timeout",
                                        "reserved_concurrency",
                                        "provisioned_concurrency",
                                        "provisioned_allocation_delay",
                                        "provisioned_allocation_per_minute",
                                        "duration",
                                        "reference_memory",
                                        "cpu_bound",
                                        "cold_start",
                                        "idle_lifetime",
                                        "error_rate",
                                        "async",
                                        "calls"};

double read_package_size(const YamlField& field, double limit, const char* what, const char* hint) {
    const double bytes = read_size(field);
    if (bytes <= 0) field.fail(fmt::format("must be greater than 0B, got {}", format_size(bytes)), "");
    if (bytes > limit)
        field.fail(fmt::format("{} is above the AWS limit of {} for {}", format_size(bytes), format_size(limit), what),
                   hint);
    return bytes;
}

// Lambda quotas: zip 50 MB direct upload, 250 MB unzipped with layers; images up to 10 GB.
PackageSpec read_package(const YamlField& field) {
    const YamlMap map(field, {"type", "size", "unzipped_size"});
    PackageSpec p;
    if (auto type = map.get("type")) p.type = read_choice(*type, vocabulary::package_types());
    if (p.type == PackageType::Zip) {
        const char* hint = "trim the package, or deploy a container image of up to 10GB";
        if (auto size = map.get("size"))
            p.size_bytes = read_package_size(*size, aws_limits::kMaxZipBytes, "a zip", hint);
        if (auto unzipped = map.get("unzipped_size"))
            p.unzipped_size_bytes = read_package_size(*unzipped, aws_limits::kMaxUnzippedBytes,
                                                      "an unzipped package with its layers", hint);
    } else {
        map.restrict_to({"type", "size"}, "package type: image");
        if (auto size = map.get("size"))
            p.size_bytes = read_package_size(*size, aws_limits::kMaxImageBytes, "a container image",
                                             "use a smaller image: fewer layers, a slimmer base image");
    }
    return p;
}

// An integer (the level from t = 0) or a schedule [{at: 0s, level: 10}, {at: 2h, level: 100}].
std::vector<ProvisionedStep> read_provisioned(const YamlField& field) {
    std::vector<ProvisionedStep> steps;
    if (field.is_scalar()) {
        const int level = static_cast<int>(read_integer(field, 0, kIntMax));
        if (level > 0) steps.push_back({0, level});
        return steps;
    }
    const char* example = "e.g. [{at: 0s, level: 10}, {at: 2h, level: 100}]";
    if (!field.is_list()) field.fail("expected a number or a schedule list, got " + field.describe(), example);
    for (const auto& item : read_list(field)) {
        const YamlMap entry(item, {"at", "level"});
        const YamlField at = entry.required("at", example);
        ProvisionedStep s;
        s.at = read_duration(at);
        if (s.at < 0) at.fail(fmt::format("must not be negative, got {}", format_duration(s.at)), "");
        if (!steps.empty() && s.at <= steps.back().at)
            at.fail(fmt::format("{} is not after the previous entry's {}", format_duration(s.at),
                                format_duration(steps.back().at)),
                    "list entries in increasing time order");
        s.level = static_cast<int>(read_integer(entry.required("level", example), 0, kIntMax));
        steps.push_back(s);
    }
    return steps;
}

}  // namespace

// The field holding the highest provisioned level (the integer itself or that schedule entry's
// `level`), for errors about it.
YamlField provisioned_peak_field(const YamlField& field, const std::vector<ProvisionedStep>& steps) {
    if (field.is_scalar() || steps.empty()) return field;
    std::size_t peak = 0;
    for (std::size_t i = 1; i < steps.size(); ++i)
        if (steps[i].level > steps[peak].level) peak = i;
    return *YamlMap(read_list(field)[peak], {"at", "level"}).get("level");
}

FunctionSpec read_function(const std::string& name, const YamlField& field, const ReadContext& context,
                           const ScenarioNames& names) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected the function's settings as a map, got " + field.describe(),
                   "e.g. `" + name + ":` then indented `duration: {dist: exponential, mean: 100ms}`");
    const YamlMap map(field, kKeys);
    FunctionSpec f;
    f.name = name;
    if (auto runtime = map.get("runtime")) f.runtime = read_choice(*runtime, vocabulary::runtimes());
    if (auto package = map.get("package")) f.package = read_package(*package);
    if (f.runtime == Runtime::ContainerImage && f.package.type != PackageType::Image)
        (map.has("package") ? *map.get("package") : *map.get("runtime"))
            .fail("a container_image function is deployed as an image", "set package: {type: image, size: 1GB}");
    if (f.package.type == PackageType::Image && f.runtime != Runtime::ContainerImage)
        (map.has("runtime") ? *map.get("runtime") : *map.get("package"))
            .fail("a function deployed as an image has runtime container_image", "set runtime: container_image");

    // Lambda quotas: memory 128-10,240 MB in 1 MB steps; /tmp 512-10,240 MB; timeout 1-900 s.
    if (auto memory = map.get("memory"))
        f.memory_mb = read_megabytes(*memory, aws_limits::kMinMemoryMb, aws_limits::kMaxMemoryMb);
    if (auto storage = map.get("ephemeral_storage"))
        f.ephemeral_storage_mb = read_megabytes(*storage, aws_limits::kMinEphemeralMb, aws_limits::kMaxEphemeralMb);
    if (auto timeout = map.get("timeout")) {
        f.timeout = read_duration(*timeout);
        if (f.timeout < aws_limits::kMinTimeout || f.timeout > aws_limits::kMaxTimeout)
            timeout->fail(fmt::format("must be between 1s and 15min, got {}", format_duration(f.timeout)),
                          "the AWS Lambda timeout limits");
    }

    if (auto reserved = map.get("reserved_concurrency"))
        f.reserved_concurrency = static_cast<int>(read_integer(*reserved, 0, kIntMax));
    if (auto provisioned = map.get("provisioned_concurrency")) {
        f.provisioned_concurrency = read_provisioned(*provisioned);
        // AWS: provisioned concurrency cannot exceed the function's reserved concurrency.
        if (f.reserved_concurrency && f.max_provisioned() > *f.reserved_concurrency)
            provisioned_peak_field(*provisioned, f.provisioned_concurrency)
                .fail(
                    fmt::format("provisioned concurrency {} is above reserved_concurrency {}", f.max_provisioned(),
                                *f.reserved_concurrency),
                    "AWS requires provisioned <= reserved; raise reserved_concurrency or lower the provisioned level");
    }
    if (auto delay = map.get("provisioned_allocation_delay")) {
        f.provisioned_allocation_delay = read_duration(*delay);
        if (f.provisioned_allocation_delay < 0) delay->fail("must not be negative", "AWS takes about 1-2 minutes");
    }
    if (auto rate = map.get("provisioned_allocation_per_minute"))
        f.provisioned_allocation_per_minute = static_cast<int>(read_integer(*rate, 1, kIntMax));

    f.duration = read_distribution(
        map.required("duration", "every function needs its run time, e.g. duration: {dist: exponential, mean: 100ms}"),
        Quantity::Time, context);
    if (auto reference = map.get("reference_memory"))
        f.reference_memory_mb = read_megabytes(*reference, aws_limits::kMinMemoryMb, aws_limits::kMaxMemoryMb);
    if (auto cpu = map.get("cpu_bound")) f.cpu_bound = read_fraction(*cpu);
    if (auto cold = map.get("cold_start")) f.cold_start = read_distribution(*cold, Quantity::Time, context);
    if (auto idle = map.get("idle_lifetime")) f.idle_lifetime = read_distribution(*idle, Quantity::Time, context);
    if (auto error_rate = map.get("error_rate")) f.error_rate = read_fraction(*error_rate);
    if (auto async = map.get("async")) f.async = read_async(*async, names);
    if (auto calls = map.get("calls")) f.calls = read_calls(*calls, context, names);
    return f;
}

}  // namespace lambdasim
