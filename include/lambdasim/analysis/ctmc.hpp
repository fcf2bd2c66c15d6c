#pragma once
// A small dense solver for continuous-time Markov chains, used as an independent numerical
// oracle for the Erlang formulas and for models without a closed form. Dense matrices are
// fine here: the chains we check have at most a few hundred states.
#include <Eigen/Dense>

namespace lambdasim::analysis {

// Stationary distribution π of an irreducible chain: πQ = 0 with Σπ = 1. `generator` is Q:
// off-diagonal entries are transition rates, each row sums to zero. A reducible chain has no
// unique answer and is a programming error (asserted).
Eigen::VectorXd stationary_distribution(const Eigen::MatrixXd& generator);

// M/M/c/c loss system: state n = busy servers, 0..servers; arrivals finding every server busy
// are lost. Rates are per unit time; only their ratio matters for π.
Eigen::MatrixXd loss_system_generator(int servers, double arrival_rate, double service_rate);

// M/M/c delay system: state n = requests in system (busy + waiting), 0..truncate_at. The real
// chain is infinite; arrivals at truncate_at are dropped, so pick truncate_at large enough that
// the tail mass, about (λ/cμ)^(truncate_at − servers), is below the accuracy you need.
// Requires truncate_at >= servers.
Eigen::MatrixXd delay_system_generator(int servers, double arrival_rate, double service_rate,
                                       int truncate_at);

}  // namespace lambdasim::analysis
