import Foundation
import XCTest

/// Golden files in `Tests/KGFormatsTests/Snapshots/`, read through `Bundle.module`.
///
/// With `KGEXPORT_RECORD=1` in the environment, ``assertMatches(_:named:file:line:)`` writes the
/// actual output into the source tree and fails, so every new baseline is read by a person before
/// it is committed.
enum Snapshot {
    /// `Tests/KGFormatsTests/Snapshots` in the source tree (for recording).
    static let sourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // KGFormatsTests
        .appendingPathComponent("Snapshots")

    static var isRecording: Bool {
        let value = ProcessInfo.processInfo.environment["KGEXPORT_RECORD"] ?? ""
        return !["", "0", "false"].contains(value.lowercased())
    }

    /// The golden file `name` (e.g. `kazakhstan.graphml`) as UTF-8 text, or nil when it does not exist.
    static func expected(named name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Snapshots"),
              let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Asserts that `actual` equals the golden file `name`, byte for byte; reports the first differing line.
    static func assertMatches(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        if isRecording {
            let url = sourceDirectory.appendingPathComponent(name)
            do {
                try Data(actual.utf8).write(to: url)
                XCTFail("recorded \(url.path); read it, then run again without KGEXPORT_RECORD", file: file, line: line)
            } catch {
                XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let expected = expected(named: name) else {
            XCTFail("no golden file Snapshots/\(name); run with KGEXPORT_RECORD=1 to create it", file: file, line: line)
            return
        }
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let index = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        let got = index < a.count ? String(a[index]) : "<end of output>"
        let want = index < e.count ? String(e[index]) : "<end of file>"
        XCTFail("output differs from Snapshots/\(name) at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)",
                file: file, line: line)
    }
}
