#include "lambdasim/analysis/erlang.hpp"

#include <cmath>
#include <limits>

namespace lambdasim::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool valid_load(int servers, double offered_load) {
    return servers >= 0 && std::isfinite(offered_load) && offered_load >= 0;
}

}  // namespace

double erlang_b(int servers, double offered_load) {
    if (!valid_load(servers, offered_load)) return kNaN;
    // The textbook form (a^c/c!) / sum(a^k/k!) overflows a double once c! does (c > 170); this
    // standard recursion keeps every intermediate in [0, 1] and loses no accuracy as c grows.
    double blocking = 1.0;
    for (int k = 1; k <= servers; ++k) {
        blocking = offered_load * blocking / (k + offered_load * blocking);
    }
    return blocking;
}

double erlang_c(int servers, double offered_load) {
    if (!valid_load(servers, offered_load) || offered_load >= servers) return kNaN;
    // Deriving C from B reuses the stable recursion: C = c·B / (c − a(1 − B)).
    const double blocking = erlang_b(servers, offered_load);
    return servers * blocking / (servers - offered_load * (1.0 - blocking));
}

double erlang_c_mean_wait(int servers, double offered_load, double mean_service) {
    if (!(std::isfinite(mean_service) && mean_service > 0)) return kNaN;
    // Wq = C / (cμ − λ); with μ = 1/mean_service and λ = a·μ this is C·mean_service / (c − a).
    return erlang_c(servers, offered_load) * mean_service / (servers - offered_load);
}

double mean_busy_servers_loss(int servers, double offered_load) {
    // Only the fraction 1 − B of the offered load is admitted, and each admitted request
    // holds one server for one mean service time.
    return offered_load * (1.0 - erlang_b(servers, offered_load));
}

}  // namespace lambdasim::analysis
