import Foundation
import KGInterchange
import KGModel
import XCTest

/// `shared/cases/nasty-names.jsonl` (PITFALLS.md): names and values that broke other exporters,
/// and what each must read back as after a round trip through a format.
enum NastyNames {
    /// The graph, read with the interchange reader.
    static func graph(file: StaticString = #filePath, line: UInt = #line) throws -> KnowledgeGraph {
        let url = SharedFiles.url("cases/nasty-names.jsonl")
        do {
            return try InterchangeReader.read(contentsOf: url).graph
        } catch {
            XCTFail("cannot read \(url.path): \(error)", file: file, line: line)
            throw error
        }
    }

    /// Entity id → the label a consumer must read back. Only `e12` differs from the input: BEL is
    /// dropped and the form feed becomes a space, as documented for every format.
    static let labels: [String: String] = [
        "e1": "Kazakhstan",
        "e2": "node",
        "e3": "Strict",
        "e4": "Acme:AG",
        "e5": "Acme \"AG\"",
        "e6": "Back\\slash Holdings\\",
        "e7": "Назарбаев Нурсултан",
        "e8": "Société Générale",
        "e9": "شركة النفط",
        "e10": "中国石油",
        "e11": "Tom & Jerry <Ltd>",
        "e12": "Bell Corp ",
        "e13": "A]]>B",
        "e14": "Acme Corp",
        "e15": "2023",
        "e16": "<b>bold</b>",
        "e17": "NATO",
    ]

    /// Number of relations (two of them parallel: e7 met e8 twice).
    static let relationCount = 10
}
