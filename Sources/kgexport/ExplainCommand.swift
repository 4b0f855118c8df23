import ArgumentParser
import Foundation
import KGExtraction
import KGModel

/// `kgexport explain ARTICLE`: print why each relation was found and each candidate turned down.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain the extraction of one article: the rule, words and sentence of each relation, and why candidates were rejected.",
        discussion: """
        Prints plain text on standard output: for each relation found, the sentence (with its \
        position in code points), the words that matched and the rule that fired; then each \
        candidate that was turned down (negated, hypothetical, planned, ended, not a member, an \
        entity without a type) with the reason. Writes no graph.
        """
    )

    @Argument(help: ArgumentHelp("Article file (UTF-8 text).", valueName: "article"))
    var article: String

    @OptionGroup var reading: ArticleOptions

    mutating func run() throws {
        ignoreBrokenPipe()
        let date = reading.date
        do {
            let lexicon: Lexicon
            do { lexicon = try Lexicon.bundled() } catch { throw CommandFailure.io("cannot load the lexicon: \(error)") }
            let input = try ArticleInput.read(article, lenient: reading.lenient, quiet: false)
            let text = Extractor(lexicon: lexicon).explain(input, documentDate: date).text
            try writeStandardOutput(Data(text.utf8))
        } catch let failure as CommandFailure {
            throw report(failure)
        }
    }
}
