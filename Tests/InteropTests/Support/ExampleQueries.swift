import Foundation
import XCTest

/// The SPARQL queries in `Examples/queries/` and the rows each must return over the example
/// article's graph, from `<name>.expected.tsv` beside `<name>.rq`.
///
/// Expected files are written by hand: lines starting with `#` are comments, the first other
/// line names the variables, each further line is one row, fields separated by tabs, values as
/// plain text (an IRI's or literal's characters, without quotes, language tags or datatypes),
/// an unbound variable as an empty field. Rows are compared in order (every query has ORDER BY).
struct ExampleQuery {
    /// The file name without `.rq`, e.g. `meetings`.
    let name: String
    /// The query text.
    let text: String
    /// The path of the `.rq` file.
    let path: String
    /// The variables, in the order of the expected file's header line.
    let variables: [String]
    /// The expected rows.
    let rows: [[String]]

    /// `Examples/queries/` under the package root.
    static let directory = SharedFiles.packageRoot.appendingPathComponent("Examples/queries")

    /// Every query with its expected rows, sorted by name.
    /// - Throws: when a query has no expected file, or a row's field count differs from the header's.
    static func all() throws -> [ExampleQuery] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".rq") }
            .map { String($0.dropLast(3)) }
            .sorted()
        return try names.map(load)
    }

    /// The query `name` (without `.rq`).
    static func load(_ name: String) throws -> ExampleQuery {
        let query = directory.appendingPathComponent(name + ".rq")
        let expected = directory.appendingPathComponent(name + ".expected.tsv")
        let text = try String(contentsOf: query, encoding: .utf8)
        guard let table = try? String(contentsOf: expected, encoding: .utf8) else {
            throw Tool.LaunchError(tool: name + ".rq", reason: "no expected rows in \(expected.path)")
        }
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else {
            throw Tool.LaunchError(tool: name + ".rq", reason: "\(expected.path) has no header line")
        }
        for (i, row) in lines.dropFirst().enumerated() where row.count != header.count {
            throw Tool.LaunchError(tool: name + ".rq", reason: "row \(i + 1) of \(expected.path) has \(row.count) fields, the header \(header.count)")
        }
        return ExampleQuery(name: name, text: text, path: query.path, variables: header, rows: Array(lines.dropFirst()))
    }

    /// Asserts that a store returned exactly the expected variables and rows; on failure the
    /// message shows what the store returned, as an expected file would hold it.
    func assertMatches(variables actualVariables: [String], rows actualRows: [[String]], store: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        let tsv = ([actualVariables] + actualRows).map { $0.joined(separator: "\t") }.joined(separator: "\n")
        XCTAssertEqual(actualVariables, variables, "\(store): variables of \(name).rq", file: file, line: line)
        XCTAssertEqual(actualRows, rows, "\(store): rows of \(name).rq differ from \(name).expected.tsv; the store returned:\n\(tsv)",
                       file: file, line: line)
    }
}
