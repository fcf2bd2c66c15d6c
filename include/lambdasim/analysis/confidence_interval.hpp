#pragma once
// Mean and 95 % confidence half-width of a few independent replications (Student's t).
#include <cmath>
#include <vector>

namespace lambdasim::analysis {

struct MeanInterval {
    double mean = 0;
    double standard_error = 0;  // of the mean; 0 with fewer than two samples
    double half_width = 0;      // 95 %: t(n-1) x standard error
};

// Two-sided 97.5 % quantile of Student's t with `dof` degrees of freedom (table up to 30,
// then the normal value; exact to the 3 decimals of published tables).
inline double student_t_975(int dof) {
    static const double table[] = {0,     12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                   2.201, 2.179,  2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080,
                                   2.074, 2.069,  2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (dof <= 0) return 0;
    return dof <= 30 ? table[dof] : 1.960;
}

inline MeanInterval mean_interval(const std::vector<double>& samples) {
    MeanInterval r;
    const auto n = static_cast<int>(samples.size());
    if (n == 0) return r;
    for (double x : samples) r.mean += x / n;
    if (n < 2) return r;
    double variance = 0;
    for (double x : samples) variance += (x - r.mean) * (x - r.mean) / (n - 1);
    r.standard_error = std::sqrt(variance / n);
    r.half_width = student_t_975(n - 1) * r.standard_error;
    return r;
}

}  // namespace lambdasim::analysis
