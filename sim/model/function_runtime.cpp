#include "lambdasim/model/function_runtime.hpp"

#include "lambdasim/model/runtime_presets.hpp"

namespace lambdasim {

FunctionRuntime::FunctionRuntime(const FunctionSpec& s, const RandomStreams& streams)
    : spec(&s),
      duration(s.duration),
      init(s.cold_start ? *s.cold_start : runtime_init_preset(s.runtime)),
      idle_lifetime(s.idle_lifetime),
      duration_rng(streams.stream(s.name, "duration")),
      init_rng(streams.stream(s.name, "init")),
      error_rng(streams.stream(s.name, "error")),
      lifetime_rng(streams.stream(s.name, "idle_lifetime")),
      async_rng(streams.stream(s.name, "async_retry")),
      duration_scale(speed_scale(s.memory_mb, s.effective_reference_memory_mb(), s.cpu_bound)),
      init_scale(speed_scale(s.memory_mb, s.cold_start ? s.effective_reference_memory_mb() : kPresetReferenceMemoryMb,
                             s.cpu_bound)),
      has_reserved(s.reserved_concurrency.has_value()),
      reserved(s.reserved_concurrency.value_or(0)) {
    if (has_reserved)
        reserved_rate = TokenBucket::per_second(aws_limits::kRequestsPerSecondPerConcurrency * static_cast<double>(reserved),
                                                std::int64_t{aws_limits::kRequestsPerSecondPerConcurrency} * reserved);
}

}  // namespace lambdasim
