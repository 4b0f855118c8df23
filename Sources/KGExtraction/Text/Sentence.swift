/// A sentence: a run of tokens and its place in the article.
struct Sentence: Sendable, Hashable {
    /// Position of the sentence in the article (0-based).
    var index: Int
    /// Indices of its tokens in the article's token array.
    var tokens: Range<Int>
    /// Code point offsets of the sentence in ``Article/text``, end exclusive.
    var offsets: Range<Int>
    /// Paragraph number (0-based); paragraphs are separated by line breaks.
    var paragraph: Int
}
