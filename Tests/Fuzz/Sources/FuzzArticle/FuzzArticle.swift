import CFuzzSupport
import Foundation
import FuzzSupport
import KGExtraction
import KGModel

private let lexicon: Lexicon? = try? Lexicon.bundled()

/// Decodes the input as an article file (strict, or lenient when the first byte is odd), parses
/// its header and extracts the graph. A decoding error must point inside the input; an extracted
/// graph must have relations between its own entities, with evidence whose offsets lie in the
/// text and select exactly the evidence sentence.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        guard let lexicon else { throw FuzzFailure("the bundled lexicon does not load") }
        let lenient = (bytes.first ?? 0) & 1 == 1
        let text: String
        do {
            text = try ArticleReader.decode(bytes, file: "fuzz.txt", lenient: lenient).text
        } catch let error as ArticleError {
            switch error {
            case let .binary(_, line, column, offset) where offset < bytes.count && bytes[offset] == 0 && line >= 1 && column >= 1: return
            case let .invalidUTF8(_, line, column, offset) where !lenient && offset < bytes.count && line >= 1 && column >= 1: return
            default: throw FuzzFailure("unexpected decoding error: \(error)")
            }
        }
        let article = ArticleReader.parse(text, id: "fuzz.txt")
        let scalars = Array(article.text.unicodeScalars)
        guard (0...scalars.count).contains(article.bodyStart) else {
            throw FuzzFailure("body starts at \(article.bodyStart), outside 0...\(scalars.count)")
        }
        let graph = Extractor(lexicon: lexicon).extract(article)
        for relation in graph.relations {
            guard graph.entities[relation.subject] != nil, graph.entities[relation.object] != nil else {
                throw FuzzFailure("relation names an entity that is not in the graph: \(relation)")
            }
            if let offsets = relation.evidence.offsets {
                guard offsets.lowerBound >= 0, offsets.upperBound <= scalars.count else {
                    throw FuzzFailure("offsets \(offsets) outside the text (\(scalars.count) scalars)")
                }
                let selected = String(String.UnicodeScalarView(scalars[offsets]))
                guard relation.evidence.sentence == nil || relation.evidence.sentence == selected else {
                    throw FuzzFailure("text[\(offsets)] is \(selected.debugDescription), evidence is \(String(describing: relation.evidence.sentence).debugDescription)")
                }
            }
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzArticle_main")
public func fuzzArticleMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzArticle)
}
