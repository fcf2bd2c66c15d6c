#include "lambdasim/analysis/ctmc.hpp"

#include <algorithm>
#include <cassert>

namespace lambdasim::analysis {

namespace {

// Birth–death chain on 0..last_state: births at arrival_rate (except from last_state), deaths at
// service_rate times the number of busy servers, min(n, servers).
Eigen::MatrixXd birth_death_generator(int servers, double arrival_rate, double service_rate,
                                      int last_state) {
    assert(servers >= 1 && arrival_rate > 0 && service_rate > 0 && last_state >= servers);
    const Eigen::Index size = last_state + 1;
    Eigen::MatrixXd generator = Eigen::MatrixXd::Zero(size, size);
    for (Eigen::Index n = 0; n < size; ++n) {
        if (n < last_state) generator(n, n + 1) = arrival_rate;
        const Eigen::Index busy_servers = std::min<Eigen::Index>(n, servers);
        if (n > 0) generator(n, n - 1) = service_rate * static_cast<double>(busy_servers);
        generator(n, n) = -generator.row(n).sum();
    }
    return generator;
}

}  // namespace

Eigen::VectorXd stationary_distribution(const Eigen::MatrixXd& generator) {
    assert(generator.rows() == generator.cols() && generator.rows() > 0);
    const Eigen::Index size = generator.rows();
    // πQ = 0 is Qᵀπᵀ = 0, a rank-deficient system (the balance equations sum to zero), so one of
    // them is redundant. Replacing the last with Σπ = 1 makes the system non-singular exactly
    // when the chain is irreducible. The normalisation row is scaled to the largest rate so the
    // solve, pivots included, is the same whatever time unit the rates are in.
    const double largest_rate = generator.diagonal().cwiseAbs().maxCoeff();
    const double scale = largest_rate > 0 ? largest_rate : 1.0;
    Eigen::MatrixXd system = generator.transpose();
    system.row(size - 1).setConstant(scale);
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(size);
    rhs(size - 1) = scale;
    // Apart from the normalisation row, Qᵀ is column diagonally dominant (generator rows sum to
    // zero), the case where Gaussian elimination with partial pivoting is stable; it is also
    // ~4x faster than full pivoting, which matters for the few-hundred-state chains the tests
    // solve in Debug builds.
    const Eigen::VectorXd pi = system.partialPivLu().solve(rhs);
    // A reducible chain makes the system singular; LU does not report that, but it usually
    // leaves inf/NaN behind, which this catches in Debug builds.
    assert(pi.allFinite() && "generator is not irreducible");
    return pi;
}

Eigen::MatrixXd loss_system_generator(int servers, double arrival_rate, double service_rate) {
    return birth_death_generator(servers, arrival_rate, service_rate, servers);
}

Eigen::MatrixXd delay_system_generator(int servers, double arrival_rate, double service_rate,
                                       int truncate_at) {
    return birth_death_generator(servers, arrival_rate, service_rate, truncate_at);
}

}  // namespace lambdasim::analysis
