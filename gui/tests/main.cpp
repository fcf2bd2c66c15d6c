// GoogleTest main for the dashboard tests: one QApplication for all of them, offscreen unless
// the caller chose a platform (ctest sets QT_QPA_PLATFORM=offscreen).
#include <QApplication>

#include <cstdlib>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
