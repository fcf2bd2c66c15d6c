#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim::vocabulary {

const Choices<Runtime>& runtimes() {
    static const Choices<Runtime> c = {{"nodejs", Runtime::NodeJs},
                                       {"python", Runtime::Python},
                                       {"java", Runtime::Java},
                                       {"dotnet", Runtime::DotNet},
                                       {"ruby", Runtime::Ruby},
                                       {"provided", Runtime::Provided},
                                       {"container_image", Runtime::ContainerImage}};
    return c;
}

const Choices<PackageType>& package_types() {
    static const Choices<PackageType> c = {{"zip", PackageType::Zip}, {"image", PackageType::Image}};
    return c;
}

const Choices<ScalingMode>& scaling_modes() {
    static const Choices<ScalingMode> c = {{"per_function", ScalingMode::PerFunction}, {"legacy", ScalingMode::Legacy}};
    return c;
}

const Choices<DistributionKind>& distributions() {
    static const Choices<DistributionKind> c = {
        {"constant", DistributionKind::Constant},   {"exponential", DistributionKind::Exponential},
        {"uniform", DistributionKind::Uniform},     {"normal", DistributionKind::Normal},
        {"lognormal", DistributionKind::Lognormal}, {"empirical", DistributionKind::Empirical}};
    return c;
}

const Choices<ArrivalProcessKind>& arrival_processes() {
    static const Choices<ArrivalProcessKind> c = {
        {"poisson", ArrivalProcessKind::Poisson}, {"constant", ArrivalProcessKind::Constant},
        {"steps", ArrivalProcessKind::Steps},     {"ramp", ArrivalProcessKind::Ramp},
        {"diurnal", ArrivalProcessKind::Diurnal}, {"burst", ArrivalProcessKind::Burst},
        {"trace", ArrivalProcessKind::Trace}};
    return c;
}

const Choices<TraceFormat>& trace_formats() {
    static const Choices<TraceFormat> c = {{"timestamps", TraceFormat::Timestamps}, {"counts", TraceFormat::Counts}};
    return c;
}

const Choices<InvocationType>& invocation_types() {
    static const Choices<InvocationType> c = {{"sync", InvocationType::Sync}, {"async", InvocationType::Async}};
    return c;
}

const Choices<bool>& queue_types() {
    static const Choices<bool> c = {{"standard", false}, {"fifo", true}};
    return c;
}

const Choices<CapacityMode>& capacity_modes() {
    static const Choices<CapacityMode> c = {{"on_demand", CapacityMode::OnDemand},
                                            {"provisioned", CapacityMode::Provisioned}};
    return c;
}

const Choices<bool>& call_timings() {
    static const Choices<bool> c = {{"after", false}, {"before", true}};
    return c;
}

const Choices<CallSpec::Kind>& bucket_actions() {
    static const Choices<CallSpec::Kind> c = {{"put", CallSpec::Kind::BucketPut}, {"get", CallSpec::Kind::BucketGet}};
    return c;
}

const Choices<CallSpec::Kind>& table_actions() {
    // `put` and `get` (DynamoDB's PutItem, GetItem) are accepted for write and read; the
    // resolved scenario writes the first name.
    static const Choices<CallSpec::Kind> c = {{"write", CallSpec::Kind::TableWrite},
                                              {"read", CallSpec::Kind::TableRead},
                                              {"put", CallSpec::Kind::TableWrite},
                                              {"get", CallSpec::Kind::TableRead}};
    return c;
}

}  // namespace lambdasim::vocabulary
