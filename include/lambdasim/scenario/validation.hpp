#pragma once
// Checks that span sections of a scenario, run by the loader after every section has been read.
// Each error points at the node that tipped the scenario over.
#include "lambdasim/model/specs.hpp"
#include "lambdasim/scenario/yaml_reader.hpp"

namespace lambdasim {

// The account's concurrency budget, in the order the functions are written: no reservation above
// the account limit, and reservations plus the provisioned concurrency of unreserved functions
// must leave at least `account.unreserved_minimum` unreserved. `functions` is the (already
// checked) `functions:` map the spec was read from.
void check_concurrency_budget(const ScenarioSpec& spec, const YamlMap& functions);

}  // namespace lambdasim
