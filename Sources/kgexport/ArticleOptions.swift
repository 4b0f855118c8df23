import ArgumentParser
import KGModel

/// How articles are read; shared by `extract`, `push` and `explain`.
struct ArticleOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Publication date (YYYY-MM-DD, YYYY-MM or YYYY) for articles whose header has no Date: line; resolves \"September 5\" and the like.", valueName: "date"))
    var documentDate: String?

    @Flag(name: .long, help: "Replace bytes that are not UTF-8 with U+FFFD (and say how many) instead of stopping with an error.")
    var lenient = false

    func validate() throws {
        if let documentDate, PartialDate(iso: documentDate)?.year == nil {
            throw ValidationError("--document-date '\(documentDate)' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
        }
    }

    /// The date of --document-date (checked by ``validate()``).
    var date: PartialDate? {
        documentDate.flatMap { PartialDate(iso: $0) }
    }
}
