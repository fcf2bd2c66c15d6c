#include "lambdasim/model/runtime_presets.hpp"

#include <algorithm>

namespace lambdasim {

DistributionSpec runtime_init_preset(Runtime runtime) {
    switch (runtime) {
    case Runtime::NodeJs: return DistributionSpec::lognormal_p50_p99(0.20, 0.60);
    case Runtime::Python: return DistributionSpec::lognormal_p50_p99(0.25, 0.70);
    case Runtime::Ruby: return DistributionSpec::lognormal_p50_p99(0.30, 0.90);
    case Runtime::Provided: return DistributionSpec::lognormal_p50_p99(0.10, 0.30);
    case Runtime::Java: return DistributionSpec::lognormal_p50_p99(2.5, 6.0);
    case Runtime::DotNet: return DistributionSpec::lognormal_p50_p99(1.5, 4.0);
    case Runtime::ContainerImage: return DistributionSpec::lognormal_p50_p99(0.8, 3.0);
    }
    return DistributionSpec::constant(0);
}

std::string_view name_of(Runtime runtime) {
    switch (runtime) {
    case Runtime::NodeJs: return "nodejs";
    case Runtime::Python: return "python";
    case Runtime::Java: return "java";
    case Runtime::DotNet: return "dotnet";
    case Runtime::Ruby: return "ruby";
    case Runtime::Provided: return "provided";
    case Runtime::ContainerImage: return "container_image";
    }
    return "unknown";
}

double vcpu_share(int memory_mb) {
    return std::min(static_cast<double>(memory_mb) / aws_limits::kMemoryMbPerVcpu, aws_limits::kMaxVcpu);
}

double speed_scale(int memory_mb, int reference_mb, double cpu_bound) {
    const double ratio = vcpu_share(reference_mb) / vcpu_share(memory_mb);
    return (1.0 - cpu_bound) + cpu_bound * ratio;
}

}  // namespace lambdasim
