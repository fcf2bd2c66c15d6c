#pragma once
// Helpers for the dashboard tests: results folders made by the real CLI, temp folders, waiting
// on the Qt event loop.
#include <QApplication>
#include <QElapsedTimer>
#include <QThread>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "support/cli_runner.hpp"

namespace lambdasim::gui::testing {

// The CLI runner, temp folders and file helpers are shared with the other test suites.
using CommandResult = lambdasim::testing::CliResult;
using lambdasim::testing::read_text;
using lambdasim::testing::run_cli;
using lambdasim::testing::run_command;
using lambdasim::testing::TempFolder;
using lambdasim::testing::write_text;

inline std::string scenario_path(const std::string& name) { return lambdasim::testing::shipped(name); }

// Processes Qt events until `done` holds or `timeout_ms` passes; true when it held.
inline bool wait_until(const std::function<bool()>& done, int timeout_ms) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeout_ms) return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

}  // namespace lambdasim::gui::testing
