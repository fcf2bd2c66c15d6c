#include "downsample.hpp"

#include <algorithm>

namespace lambdasim::gui {

std::vector<Point> downsample_min_max(const std::vector<double>& x, const std::vector<double>& y, double x_min,
                                      double x_max, std::size_t buckets) {
    std::vector<Point> out;
    const std::size_t n = std::min(x.size(), y.size());
    if (n == 0) return out;
    auto first =
        static_cast<std::size_t>(std::lower_bound(x.begin(), x.begin() + static_cast<long>(n), x_min) - x.begin());
    auto last =
        static_cast<std::size_t>(std::upper_bound(x.begin(), x.begin() + static_cast<long>(n), x_max) - x.begin());
    if (first > 0) --first;  // one point before and after the range, so the line reaches the edges
    if (last < n) ++last;
    if (last <= first) return out;
    const std::size_t count = last - first;
    buckets = std::max<std::size_t>(buckets, 1);
    if (count <= 2 * buckets) {
        out.reserve(count);
        for (std::size_t i = first; i < last; ++i) out.push_back({x[i], y[i]});
        return out;
    }
    out.reserve(2 * buckets + 2);
    const double lo = x[first];
    const double span = x[last - 1] - lo;
    std::size_t i = first;
    for (std::size_t b = 0; b < buckets && i < last; ++b) {
        const double bucket_end = lo + span * static_cast<double>(b + 1) / static_cast<double>(buckets);
        std::size_t min_i = i, max_i = i;
        std::size_t j = i;
        for (; j < last && (x[j] <= bucket_end || b + 1 == buckets); ++j) {
            if (y[j] < y[min_i]) min_i = j;
            if (y[j] > y[max_i]) max_i = j;
        }
        if (j == i) continue;  // an empty bucket (gaps in x)
        const std::size_t a = std::min(min_i, max_i), c = std::max(min_i, max_i);
        out.push_back({x[a], y[a]});
        if (c != a) out.push_back({x[c], y[c]});
        i = j;
    }
    return out;
}

}  // namespace lambdasim::gui
