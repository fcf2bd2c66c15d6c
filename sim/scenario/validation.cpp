#include "lambdasim/scenario/validation.hpp"

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"

namespace lambdasim {

void check_concurrency_budget(const ScenarioSpec& spec, const YamlMap& functions) {
    const long long limit = spec.account.concurrency_limit;
    const long long minimum = spec.account.unreserved_minimum;
    long long claimed = 0;  // reserved, plus provisioned outside reservations
    for (const FunctionSpec& f : spec.functions) {
        const YamlField function_field = *functions.get(f.name);
        const YamlMap settings = YamlMap::of_names(function_field, "key");
        if (f.reserved_concurrency) {
            // `PutFunctionConcurrency`: reserved concurrency ranges from 0 to limit - 100.
            const YamlField reserved = *settings.get("reserved_concurrency");
            if (*f.reserved_concurrency > limit)
                reserved.fail(fmt::format("reserved_concurrency {} is above the account concurrency limit {}",
                                          *f.reserved_concurrency, limit),
                              "lower it, or raise account.concurrency_limit");
            claimed += *f.reserved_concurrency;
            if (limit - claimed < minimum)
                reserved.fail(fmt::format("reserving {} leaves {} of the account's {} unreserved, below "
                                          "account.unreserved_minimum {}",
                                          *f.reserved_concurrency, limit - claimed, limit, minimum),
                              "AWS keeps at least 100 unreserved; lower the reservations or raise "
                              "account.concurrency_limit");
        } else if (f.max_provisioned() > 0) {
            // Provisioned concurrency without a reservation comes out of the unreserved pool,
            // which must still keep its minimum.
            claimed += f.max_provisioned();
            if (limit - claimed < minimum) {
                const YamlField provisioned = *settings.get("provisioned_concurrency");
                provisioned_peak_field(provisioned, f.provisioned_concurrency)
                    .fail(fmt::format("provisioned concurrency {} of this unreserved function leaves {} of the "
                                      "account's {} unreserved, below account.unreserved_minimum {}",
                                      f.max_provisioned(), limit - claimed, limit, minimum),
                          "lower the provisioned level or raise account.concurrency_limit");
            }
        }
    }
}

}  // namespace lambdasim
