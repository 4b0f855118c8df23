import XCTest
@testable import kgexport

final class ProgressReporterTests: XCTestCase {
    func testLineForAConversionWithKnownSizes() {
        XCTAssertEqual(ProgressReporter.line(label: "converting", filesDone: 1, files: 2, relations: 412_000, bytes: 46,
                                             totalBytes: 100, elapsed: 2),
                       "converting: 1/2 files, 412,000 relations, 206,000 relations/s, 46%, 3 s left")
    }

    func testLineForExtractionCountsFiles() {
        XCTAssertEqual(ProgressReporter.line(label: "extracting", filesDone: 120, files: 800, relations: nil, bytes: 0,
                                             totalBytes: 0, elapsed: 3),
                       "extracting: 120/800 files, 40 files/s, 15%, 17 s left")
    }

    func testStandardInputHasNoShareOrTimeLeft() {
        XCTAssertEqual(ProgressReporter.line(label: "converting", filesDone: 0, files: 1, relations: 5000, bytes: 900,
                                             totalBytes: 0, elapsed: 0.1),
                       "converting: 0/1 files, 5,000 relations, 50,000 relations/s")
    }

    func testDurations() {
        XCTAssertEqual(ProgressReporter.duration(0.2), "1 s")
        XCTAssertEqual(ProgressReporter.duration(185), "3 min 5 s")
        XCTAssertEqual(ProgressReporter.duration(3720), "1 h 2 min")
        XCTAssertEqual(ProgressReporter.grouped(1_234_567), "1,234,567")
        XCTAssertEqual(ProgressReporter.grouped(999), "999")
    }
}
