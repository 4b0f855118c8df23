import ArgumentParser
import Foundation
import KGInterchange
import KGModel

/// `kgexport convert GRAPH.jsonl`: export an interchange file made by any tool.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Export an interchange file (JSON Lines of entities and relations) to other formats.",
        discussion: """
        The interchange format is documented in README.md and Ontology/README.md: one JSON object \
        per line, every document and entity line before the first relation line. Relations are \
        streamed from the input to every output, so memory does not grow with their number; they \
        are written in input order, entities in id order. A bad line stops the run with its file, \
        line, column and field, and nothing is written.

        --drop-isolated reads the inputs twice: first for the entities the relations name, then \
        to write. Standard input, and an input that is not a regular file (/dev/stdin, <(…), a \
        FIFO), is first copied to a temporary file in TMPDIR (else /tmp), removed at the end of \
        the run.
        """
    )

    @Argument(help: ArgumentHelp("Interchange files (.jsonl; '-' for standard input); several are merged.", valueName: "graph.jsonl"))
    var inputs: [String]

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Base name of the output files when several inputs are merged.", valueName: "name"))
    var name: String = "graph"

    @Flag(name: .long, help: "Treat warnings (unknown fields) as errors.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print nothing but errors (no warnings, summary or progress).")
    var quiet = false

    @Flag(name: .long, help: "Print every warning (by default the first three of each field, then a count), and the time taken.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("give either --quiet or --verbose, not both") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
        try Destination.validate(name: name)
    }

    mutating func run() throws {
        ignoreBrokenPipe()
        let formats = try output.formats()
        let progress = ProgressReporter.forStandardError(quiet: quiet, label: "converting")
        let warnings = WarningReport(strict: strict, quiet: quiet, verbose: verbose, progress: progress)
        do {
            let stem = inputs.count == 1 && inputs[0] != "-" ? ExtractCommand.stem(of: inputs[0]) : name
            let plan = try Destination.plan(formats: formats, options: output, stem: stem)
            let export = StreamingExport(inputs: inputs, baseIRI: output.baseIRI, clusterByType: output.clusterByType,
                                         warn: warnings.report, progress: progress, dropIsolated: output.dropIsolated)
            let started = ProgressReporter.now()
            let result = try export.run(plan, files: OutputFiles(options: output))
            warnings.finish()
            if verbose {
                let seconds = ProgressReporter.now() - started
                let rate = seconds > 0 ? Int(Double(result.relations) / seconds) : 0
                note(String(format: "converted in %.2f s (%@ relations/s)", seconds, ProgressReporter.grouped(rate)))
            }
            if !quiet {
                let files = result.written.filter { $0 != "-" }
                var counts = "\(result.entities) entit\(result.entities == 1 ? "y" : "ies"), "
                    + "\(result.relations) relation\(result.relations == 1 ? "" : "s")"
                if result.duplicates > 0 {
                    counts += " (\(result.duplicates) repeated relation \(result.duplicates == 1 ? "line" : "lines") left out)"
                }
                if result.isolated > 0 {
                    counts += " (\(isolatedEntities(result.isolated)) left out)"
                }
                note(files.isEmpty ? counts : counts + "; wrote " + files.joined(separator: ", "))
            }
        } catch let failure as CommandFailure {
            throw report(failure)
        }
    }
}

/// Prints the reader's warnings on standard error: each of the first three of a field, then one
/// count per field at the end (every warning with `--verbose`, none with `--quiet`); with
/// `--strict` the first warning is an error.
final class WarningReport {
    private let strict: Bool
    private let quiet: Bool
    private let verbose: Bool
    /// Per field name: how many warnings, in order of first appearance.
    private var counts: [(field: String, count: Int)] = []
    static let shownPerField = 3

    /// The progress line, erased before a warning is printed.
    private let progress: ProgressReporter?

    init(strict: Bool, quiet: Bool, verbose: Bool, progress: ProgressReporter? = nil) {
        self.strict = strict
        self.quiet = quiet
        self.verbose = verbose
        self.progress = progress
    }

    /// Prints (or counts) one warning.
    /// - Throws: ``CommandFailure`` (`.data`) with `--strict`.
    func report(_ warning: InterchangeWarning) throws {
        if strict { throw CommandFailure.data("\(warning.strictError)") }
        let field = warning.field ?? ""
        let seen: Int
        if let i = counts.firstIndex(where: { $0.field == field }) {
            counts[i].count += 1
            seen = counts[i].count
        } else {
            counts.append((field, 1))
            seen = 1
        }
        if !quiet, verbose || seen <= Self.shownPerField {
            progress?.clear()
            note("warning: \(warning)")
        }
    }

    /// Prints the count of the warnings not shown.
    func finish() {
        guard !quiet, !verbose else { return }
        for (field, count) in counts where count > Self.shownPerField {
            note("warning: \(count - Self.shownPerField) more warnings for field '\(field)' not shown (--verbose lists them)")
        }
    }
}
