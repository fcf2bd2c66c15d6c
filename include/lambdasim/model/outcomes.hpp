#pragma once
// Why an attempt was refused and how a request ended. Names are AWS's where AWS has one
// (429 TooManyRequestsException reasons, `lambda-concurrency`); ScalingRateExceeded is ours.
#include <array>
#include <cstdint>
#include <string_view>

namespace lambdasim {

enum class ThrottleReason : std::uint8_t {
    ConcurrentInvocationLimitExceeded,                  // account / unreserved pool full
    ReservedFunctionConcurrentInvocationLimitExceeded,  // function at its reserved cap
    FunctionInvocationRateLimitExceeded,                // 10 x account limit requests/s
    ReservedFunctionInvocationRateLimitExceeded,        // 10 x reserved requests/s
    ScalingRateExceeded,                                // no new environment allowed yet
    ApiGatewayThrottled,                                // API Gateway account bucket empty (429)
    Count
};
inline constexpr std::size_t kThrottleReasonCount = static_cast<std::size_t>(ThrottleReason::Count);

inline constexpr std::array<std::string_view, kThrottleReasonCount> kThrottleReasonNames = {
    "ConcurrentInvocationLimitExceeded",
    "ReservedFunctionConcurrentInvocationLimitExceeded",
    "FunctionInvocationRateLimitExceeded",
    "ReservedFunctionInvocationRateLimitExceeded",
    "ScalingRateExceeded",
    "ApiGatewayThrottled",
};
inline std::string_view name_of(ThrottleReason r) { return kThrottleReasonNames[static_cast<std::size_t>(r)]; }

// How one invocation ended inside the function.
enum class InvocationOutcome : std::uint8_t { Success, FunctionError, Timeout };

// Why a request failed (not throttled) from the caller's point of view.
enum class FailureReason : std::uint8_t {
    FunctionError,     // the handler raised (sync: 200 with X-Amz-Function-Error; via API Gateway 502)
    Timeout,           // the function ran into its own timeout
    GatewayTimeout,    // API Gateway integration timeout: 504 while the function runs on
    RequestTooLarge,   // payload above the 6 MB sync limit: 413 before any concurrency is used
    Count
};
inline constexpr std::size_t kFailureReasonCount = static_cast<std::size_t>(FailureReason::Count);
inline constexpr std::array<std::string_view, kFailureReasonCount> kFailureReasonNames = {
    "FunctionError", "Timeout", "GatewayTimeout", "RequestTooLarge"};
inline std::string_view name_of(FailureReason r) { return kFailureReasonNames[static_cast<std::size_t>(r)]; }

}  // namespace lambdasim
