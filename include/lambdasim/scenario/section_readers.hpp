#pragma once
// Readers for the sections of a scenario file, used by the loader. Each reads one part of the
// tree strictly (see yaml_reader.hpp), checks what can be checked locally (AWS limits, ranges,
// orderings) and fills the matching spec. Checks that span sections live in validation.hpp.
#include <filesystem>
#include <string>
#include <vector>

#include "lambdasim/model/specs.hpp"
#include "lambdasim/scenario/yaml_reader.hpp"

namespace lambdasim {

// What a distribution's numbers measure; decides the units its values are written in.
enum class Quantity { Time, Size };  // Time: seconds in the spec; Size: bytes

struct ReadContext {
    std::filesystem::path base_dir;  // relative data-file paths resolve against this folder
};

// `{dist: ..., ...}` or a bare value as shorthand for `{dist: constant, value: ...}`.
DistributionSpec read_distribution(const YamlField& field, Quantity quantity, const ReadContext& context);

ArrivalSpec read_arrivals(const YamlField& field, const ReadContext& context);
AccountSpec read_account(const YamlField& field);
ApiGatewaySpec read_api_gateway(const YamlField& field);
FunctionSpec read_function(const std::string& name, const YamlField& field, const ReadContext& context);
TrafficSourceSpec read_traffic_source(const std::string& name, const YamlField& field, const ReadContext& context,
                                      const std::vector<std::string>& function_names);

// Within a function's `provisioned_concurrency` field, the one holding the highest level (the
// number itself, or that schedule entry's `level`): where errors about the level point.
YamlField provisioned_peak_field(const YamlField& provisioned, const std::vector<ProvisionedStep>& steps);

// A data file named in the scenario, resolved against the scenario's folder; fails at `field`
// when it does not exist.
std::string resolve_data_file(const YamlField& field, const ReadContext& context);

// Function and traffic-source names become keys in --set paths and results: AWS's function name
// characters (letters, digits, `-`, `_`), 1 to 64 of them.
void check_entity_name(const YamlField& key_field, const std::string& name, const std::string& what);

}  // namespace lambdasim
