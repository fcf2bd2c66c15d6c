#pragma once
// Reduces a time series to what a chart of a given pixel width can show: the points are cut to
// the visible time range and split into one bucket per pixel; each bucket keeps its minimum and
// its maximum (in time order), so spikes and dips survive however long the run is. A 24 h run
// at 1 s periods (86,400 points) becomes at most 2 x width points.
#include <cstddef>
#include <vector>

namespace lambdasim::gui {

struct Point {
    double x = 0;
    double y = 0;
};

// `x` increasing. Returns the points with x in [x_min, x_max] plus one neighbour on each side
// (so lines reach the edges). When they number at most 2 x `buckets`, they are returned as they
// are; otherwise one min and one max per bucket (a single point when they coincide).
std::vector<Point> downsample_min_max(const std::vector<double>& x, const std::vector<double>& y, double x_min,
                                      double x_max, std::size_t buckets);

}  // namespace lambdasim::gui
