#pragma once
// `lambdasim compare`: the figures that tell two designs apart, measured per replication under
// common random numbers (same seed, so same arrivals and service draws per named entity), with
// 95 % confidence intervals and a paired difference, an estimated cost, and a verdict.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/model/specs.hpp"

namespace lambdasim {

// One replication's figures, by name (order matters: it is the order of the report).
struct ReplicationFigures {
    std::vector<std::pair<std::string, double>> values;
};

// The cost estimate uses the scenario's own price list (`prices:`, defaults in PriceSpec).
ReplicationFigures figures_of(const ScenarioSpec& spec, const ModelRunResult& run);

struct ComparisonRow {
    std::string figure;
    double a_mean, a_half_width, b_mean, b_half_width;
    double difference_mean, difference_half_width;  // paired, B - A
    bool significant() const { return difference_half_width < std::abs(difference_mean); }
};

std::vector<ComparisonRow> compare_replications(const std::vector<ReplicationFigures>& a,
                                                const std::vector<ReplicationFigures>& b);

// A short paragraph in plain words: which design loses fewer events, throttles its neighbours
// less, is faster end to end, and costs less, citing only differences that are significant.
std::string verdict(const std::string& a_name, const std::string& b_name, const std::vector<ComparisonRow>& rows);

nlohmann::ordered_json comparison_json(const std::string& a_name, const std::string& b_name, int replications,
                                       std::uint64_t first_seed, const std::vector<ComparisonRow>& rows,
                                       const std::string& verdict_text);
std::string comparison_csv(const std::vector<ComparisonRow>& rows);

}  // namespace lambdasim
