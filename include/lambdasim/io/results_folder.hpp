#pragma once
// A results folder written atomically: everything goes into a hidden sibling folder named
// `.<name>.incomplete-<pid>` and is renamed into place only when every file is complete, so a
// crash or an I/O error never leaves a folder that looks finished.
#include <filesystem>
#include <string>

namespace lambdasim {

class ResultsFolder {
public:
    // Throws std::runtime_error when the folder cannot be prepared (unwritable parent...).
    explicit ResultsFolder(std::filesystem::path final_path);
    ~ResultsFolder();  // removes the temporary folder unless committed
    ResultsFolder(const ResultsFolder&) = delete;
    ResultsFolder& operator=(const ResultsFolder&) = delete;

    // Path of a file inside the temporary folder (for streaming writers).
    std::filesystem::path file(const std::string& name) const { return temporary_ / name; }
    // Writes a whole file (temporary name, then rename); throws on I/O error.
    void write_file(const std::string& name, const std::string& content) const;
    // Moves the folder into place, replacing an earlier results folder at the same path.
    void commit();

    const std::filesystem::path& final_path() const { return final_; }

private:
    std::filesystem::path final_;
    std::filesystem::path temporary_;
    bool committed_ = false;
};

// `results/<scenario>-<YYYYmmdd-HHMMSS>` under `root`.
std::filesystem::path default_results_path(const std::filesystem::path& root, const std::string& scenario_name);

}  // namespace lambdasim
