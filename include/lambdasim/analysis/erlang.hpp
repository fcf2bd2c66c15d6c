#pragma once
// Closed-form Erlang formulas: the analytic oracles the simulator's concurrency model is
// validated against. A function whose concurrency is capped at `servers` with Poisson arrivals
// is an M/M/c/c loss system when excess requests are throttled (synchronous invokes) and an
// M/M/c delay system when they wait (asynchronous invokes retried from the internal queue).
//
// Loads are in Erlangs: offered_load = arrival_rate * mean_service. Inputs outside a formula's
// domain (negative or non-finite load, negative servers, an unstable delay system) give a quiet
// NaN rather than an assertion, so a report comparing simulation with theory shows "no
// steady state" instead of aborting.

namespace lambdasim::analysis {

// Erlang B: probability that an arrival finds all `servers` busy and is lost (M/M/c/c).
double erlang_b(int servers, double offered_load);

// Erlang C: probability that an arrival has to wait (M/M/c). Requires offered_load < servers.
double erlang_c(int servers, double offered_load);

// Mean time spent waiting in queue, Wq, for M/M/c, in the time unit of `mean_service`.
// Requires offered_load < servers and mean_service > 0.
double erlang_c_mean_wait(int servers, double offered_load, double mean_service);

// Carried load of the loss system: the mean number of busy servers, a(1 - B).
double mean_busy_servers_loss(int servers, double offered_load);

}  // namespace lambdasim::analysis
