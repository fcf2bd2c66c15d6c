#pragma once
// Little's law, L = λW: holds for any stable system in steady state regardless of arrival or
// service distributions, so it converts between the quantities a simulation measures (mean
// concurrency, throughput, latency) and checks that they are mutually consistent.

namespace lambdasim::analysis {

// L = λW: mean number in the system (e.g. mean concurrency) from throughput and mean time.
inline double littles_law_mean_in_system(double throughput, double mean_time) {
    return throughput * mean_time;
}

// W = L/λ: mean time in the system from mean number in it and throughput.
inline double littles_law_mean_time(double mean_in_system, double throughput) {
    return mean_in_system / throughput;
}

// λ = L/W: throughput from mean number in the system and mean time in it.
inline double littles_law_throughput(double mean_in_system, double mean_time) {
    return mean_in_system / mean_time;
}

}  // namespace lambdasim::analysis
