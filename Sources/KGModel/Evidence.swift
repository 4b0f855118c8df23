/// Where a relation was read: the sentence, its position in the article, and the sources.
public struct Evidence: Sendable, Hashable {
    /// The sentence (or sentences) stating the relation, as in the article.
    public var sentence: String?
    /// The article: the ``Document/id`` of the input it came from (its file name).
    public var source: String?
    /// The source the article itself cites for the statement, e.g. "Liter, September 6".
    public var citedSource: String?
    /// Start and end of the sentence in the article file, in Unicode scalars (code points) from the
    /// first character of the file, end exclusive (Python's `text[start:end]`).
    public var offsets: Range<Int>?

    public init(sentence: String? = nil, source: String? = nil, citedSource: String? = nil, offsets: Range<Int>? = nil) {
        self.sentence = sentence
        self.source = source
        self.citedSource = citedSource
        self.offsets = offsets
    }

    /// True when no field is set.
    public var isEmpty: Bool { sentence == nil && source == nil && citedSource == nil && offsets == nil }
}
