// prices: the price list behind `lambdasim compare`'s cost estimate; each key overrides one
// default of PriceSpec (USD).
#include <cmath>
#include <utility>

#include "lambdasim/scenario/section_readers.hpp"

namespace lambdasim {

namespace {

// The YAML key of each price, with where it lives in the spec.
const std::vector<std::pair<std::string, double PriceSpec::*>>& price_keys() {
    static const std::vector<std::pair<std::string, double PriceSpec::*>> keys = {
        {"lambda_per_gb_second", &PriceSpec::lambda_per_gb_second},
        {"lambda_per_million_requests", &PriceSpec::lambda_per_million_requests},
        {"provisioned_per_gb_second", &PriceSpec::provisioned_per_gb_second},
        {"sqs_per_million_requests", &PriceSpec::sqs_per_million_requests},
        {"sns_per_million_publishes", &PriceSpec::sns_per_million_publishes},
        {"s3_per_thousand_puts", &PriceSpec::s3_per_thousand_puts},
        {"s3_per_thousand_gets", &PriceSpec::s3_per_thousand_gets},
        {"dynamodb_per_million_write_units", &PriceSpec::dynamodb_per_million_write_units},
        {"dynamodb_per_million_read_units", &PriceSpec::dynamodb_per_million_read_units},
        {"dynamodb_per_wcu_hour", &PriceSpec::dynamodb_per_wcu_hour},
        {"dynamodb_per_rcu_hour", &PriceSpec::dynamodb_per_rcu_hour},
        {"eventbridge_per_million_invocations", &PriceSpec::eventbridge_per_million_invocations},
    };
    return keys;
}

}  // namespace

std::vector<std::string> price_key_names() {
    std::vector<std::string> names;
    for (const auto& [key, member] : price_keys()) names.push_back(key);
    return names;
}

double price_of(const PriceSpec& prices, const std::string& key) {
    for (const auto& [name, member] : price_keys())
        if (name == key) return prices.*member;
    return 0;
}

PriceSpec read_prices(const YamlField& field) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected a map of prices in USD, got " + field.describe(), "e.g. prices: {lambda_per_gb_second: 0.0000133334}");
    const YamlMap map(field, price_key_names());
    PriceSpec prices;
    for (const auto& [key, member] : price_keys())
        if (auto value = map.get(key)) {
            const double usd = read_number(*value);
            if (!(usd >= 0) || !std::isfinite(usd)) value->fail("must be a price of 0 or more (USD)", "");
            prices.*member = usd;
        }
    return prices;
}

}  // namespace lambdasim
