#pragma once
// Exit codes (contract, DESIGN.md section 6).
namespace lambdasim::cli {
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;     // bad scenario or arguments
inline constexpr int kExitRunFailed = 2;    // I/O error, broken invariant
inline constexpr int kExitInterrupted = 3;  // Ctrl-C / SIGTERM: partial results written and marked
}  // namespace lambdasim::cli
