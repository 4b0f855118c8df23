import Foundation
import XCTest

/// Usage errors (exit status 64) are followed by the usage of the subcommand that was given, also
/// of `extract` when it runs as the default subcommand (`kgexport ARTICLE ...`), never by the
/// top-level `kgexport <subcommand>`.
final class UsageErrorTests: XCTestCase {
    private typealias K = KGExportProcess

    private static let extractUsage = [
        "Usage: kgexport extract [<options>] <article> ...",
        "  See 'kgexport extract --help' for more information.",
    ]

    /// Runs in an empty directory and checks that nothing was written there.
    private func runWritingNothing(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> K.Result {
        let dir = try K.temporaryDirectory(for: self)
        let result = try K.run(arguments, in: dir)
        XCTAssertEqual(result.status, 64, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(K.files(in: dir), [], "a usage error writes nothing", file: file, line: line)
        return result
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func testAnUnknownFormatOfTheDefaultCommandShowsExtractsUsage() throws {
        let result = try runWritingNothing([K.exampleArticle.path, "--to", "nosuch"])
        XCTAssertEqual(lines(result.stderr), [
            "Error: --to: unknown format 'nosuch'; choose from graphml, rdfxml, dot, jsonl, ntriples, nquads, turtle, jsonld, gexf, svg, png",
        ] + Self.extractUsage + [""])
    }

    func testAnUnknownOptionOfTheDefaultCommandShowsExtractsUsage() throws {
        let result = try runWritingNothing(["--bogus", K.exampleArticle.path])
        XCTAssertEqual(lines(result.stderr), ["Error: Unknown option '--bogus'. Did you mean '--jobs'?"] + Self.extractUsage + [""])
    }

    func testAMissingArticleArgumentShowsExtractsUsage() throws {
        let result = try runWritingNothing(["--to", "dot"])
        XCTAssertEqual(lines(result.stderr), [
            "Error: Missing expected argument '<article> ...'",
            "Help:  <article>  Article files (UTF-8 text), or folders whose *.txt files are read in name order.",
        ] + Self.extractUsage + [""])
    }

    /// Values checked after parsing (while validating, or while running) name the option and what
    /// it takes, with extract's usage.
    func testBadValuesShowExtractsUsage() throws {
        let cases: [([String], String)] = [
            (["--render", "gif"], "Error: --render takes svg or png, not 'gif'"),
            (["--document-date", "soon"], "Error: --document-date 'soon' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"),
            (["--jobs", "0"], "Error: --jobs must be at least 1, not 0"),
            (["-o", "-"], "Error: -o -: name the format with --to (for example --to graphml)"),
            // --name is checked while parsing, also when one article names the outputs.
            (["--name", "a/b"], "Error: --name 'a/b' must be a file name without '/'; put the directory in --output-dir"),
            (["--name", ""], "Error: --name must not be empty; give the base name of the output files, e.g. --name graph"),
            (["--name", "a\nb"], #"Error: --name "a\nb" has a control character (U+000A); give a name without control characters"#),
            (["--name", "a\u{7F}b"], #"Error: --name "a\u{7F}b" has a control character (U+007F); give a name without control characters"#),
            (["--name", "."], "Error: --name '.' must be a file name, not '.' or '..'"),
        ]
        for (extra, message) in cases {
            let result = try runWritingNothing([K.exampleArticle.path] + extra)
            XCTAssertEqual(lines(result.stderr), [message] + Self.extractUsage + [""], "\(extra)")
        }
    }

    func testConvertChecksNameWhileParsing() throws {
        let result = try runWritingNothing(["convert", "g.jsonl", "--name", "x\ty"])
        XCTAssertEqual(lines(result.stderr).first, #"Error: --name "x\ty" has a control character (U+0009); give a name without control characters"#)
        XCTAssertTrue(lines(result.stderr).dropFirst().first?.hasPrefix("Usage: kgexport convert ") ?? false, result.stderr)
    }

    func testTheNamedExtractCommandShowsTheSameUsage() throws {
        let result = try runWritingNothing(["extract", K.exampleArticle.path, "--to", "nosuch"])
        XCTAssertEqual(Array(lines(result.stderr).dropFirst()), Self.extractUsage + [""])
    }

    func testConvertStillShowsItsOwnUsage() throws {
        for arguments in [["convert", "--bogus"], ["convert", "g.jsonl", "--bogus"], ["convert", "g.jsonl", "--to", "nosuch"]] {
            let result = try runWritingNothing(arguments)
            let text = lines(result.stderr)
            XCTAssertTrue(text.contains { $0.hasPrefix("Usage: kgexport convert <graph.jsonl> ... [--to <formats>]") }, result.stderr)
            XCTAssertTrue(text.contains("  See 'kgexport convert --help' for more information."), result.stderr)
            XCTAssertFalse(result.stderr.contains("kgexport <subcommand>"), result.stderr)
        }
        let unknown = try runWritingNothing(["convert", "g.jsonl", "--bogus"])
        XCTAssertEqual(lines(unknown.stderr).first, "Error: Unknown option '--bogus'")
    }

    func testPushAndStreamNameTheValuesTheyTake() throws {
        let push = try runWritingNothing(["push", K.exampleArticle.path, "--endpoint", "http://127.0.0.1:9/store",
                                          "--graph", "https://example.org/g", "--format", "nquads"])
        XCTAssertEqual(lines(push.stderr), [
            "Error: --format 'nquads' cannot be sent; choose one of ntriples, rdfxml, turtle",
            "Usage: kgexport push [<options>] [<article> ...] --endpoint <url> --graph <iri>",
            "  See 'kgexport push --help' for more information.", "",
        ])
        let stream = try runWritingNothing(["stream", "--to", "dot"])
        XCTAssertEqual(lines(stream.stderr).first, "Error: --to for stream takes nquads or jsonl, not 'dot'")
        XCTAssertEqual(lines(stream.stderr).dropFirst().first, "Usage: kgexport stream [--to <format>] [--base-iri <iri>] [--jobs <n>] [--quiet] [--verbose]")
    }
}
