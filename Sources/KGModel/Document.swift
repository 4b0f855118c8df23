/// An input article: the provenance of the relations read from it.
public struct Document: Sendable, Hashable {
    /// Key: the input file's name (e.g. `edm-2008-kazakhstan-csto.txt`); relations name it in ``Evidence/source``.
    public var id: String
    /// `Title:` header line.
    public var title: String?
    /// `Source:` header line: where the article was published (a URL).
    public var url: String?
    /// Publication date from `Date:` or `--document-date`.
    public var date: PartialDate?
    /// `Publication:` header line, e.g. "Eurasia Daily Monitor Volume: 5 Issue: 180".
    public var publication: String?

    public init(id: String, title: String? = nil, url: String? = nil, date: PartialDate? = nil, publication: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.date = date
        self.publication = publication
    }
}
