#include "lambdasim/io/results_folder.hpp"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

namespace lambdasim {
namespace fs = std::filesystem;

ResultsFolder::ResultsFolder(fs::path final_path) : final_(std::move(final_path)) {
    if (final_.filename().empty()) final_ = final_.parent_path();
    const fs::path parent = final_.has_parent_path() ? final_.parent_path() : fs::path(".");
    std::error_code error;
    fs::create_directories(parent, error);
    if (error) throw std::runtime_error(fmt::format("cannot create {}: {}", parent.string(), error.message()));
    if (fs::exists(final_) && !fs::is_directory(final_))
        throw std::runtime_error(fmt::format("{} exists and is not a folder", final_.string()));
    if (fs::is_directory(final_) && !fs::is_empty(final_) && !fs::exists(final_ / "summary.json"))
        throw std::runtime_error(
            fmt::format("{} exists and is not a lambdasim results folder; choose another --out", final_.string()));
    temporary_ = parent / fmt::format(".{}.incomplete-{}", final_.filename().string(), ::getpid());
    fs::remove_all(temporary_, error);
    fs::create_directory(temporary_, error);
    if (error) throw std::runtime_error(fmt::format("cannot create {}: {}", temporary_.string(), error.message()));
}

ResultsFolder::~ResultsFolder() {
    if (committed_) return;
    std::error_code ignored;
    fs::remove_all(temporary_, ignored);
}

void ResultsFolder::write_file(const std::string& name, const std::string& content) const {
    const fs::path target = temporary_ / name;
    const fs::path partial = temporary_ / (name + ".partial");
    {
        std::ofstream out(partial, std::ios::binary);
        out << content;
        out.flush();
        if (!out) throw std::runtime_error(fmt::format("writing {} failed (disk full?)", target.string()));
    }
    std::error_code error;
    fs::rename(partial, target, error);
    if (error) throw std::runtime_error(fmt::format("cannot write {}: {}", target.string(), error.message()));
}

void ResultsFolder::commit() {
    std::error_code error;
    fs::path replaced;
    if (fs::exists(final_)) {
        replaced = final_.parent_path() / fmt::format(".{}.replaced-{}", final_.filename().string(), ::getpid());
        fs::rename(final_, replaced, error);
        if (error) throw std::runtime_error(fmt::format("cannot replace {}: {}", final_.string(), error.message()));
    }
    fs::rename(temporary_, final_, error);
    if (error) throw std::runtime_error(fmt::format("cannot create {}: {}", final_.string(), error.message()));
    committed_ = true;
    if (!replaced.empty()) fs::remove_all(replaced, error);
}

fs::path default_results_path(const fs::path& root, const std::string& scenario_name) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    return root / fmt::format("{}-{}", scenario_name, stamp);
}

}  // namespace lambdasim
