import KGModel

/// Runs the relation rules over every sentence.
struct RelationExtractor {
    let lexicon: Lexicon
    let analysis: Analysis

    func candidates() -> [Candidate] {
        []
    }
}
