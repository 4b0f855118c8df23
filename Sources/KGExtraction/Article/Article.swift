import KGModel

/// One input article: the whole file as text, its header fields, and where its body starts.
///
/// Offsets everywhere in extraction are Unicode scalar (code point) indices into ``text``,
/// counted from the first character of the file after a UTF-8 byte order mark, if any, is
/// removed (Python: `open(path, encoding="utf-8-sig").read()[start:end]`).
public struct Article: Sendable {
    /// Key of the article, normally the input file's name (`edm-2008-kazakhstan-csto.txt`).
    public var id: String
    /// The whole file (header and body), byte order mark removed, line ends as in the file.
    public var text: String
    /// `Title:` header value.
    public var title: String?
    /// `Source:` header value (a URL).
    public var url: String?
    /// `Publication:` header value.
    public var publication: String?
    /// `Date:` header value; may be partial (`2008-09`).
    public var date: PartialDate?
    /// Code point index in ``text`` where the body starts (0 when there is no header).
    public var bodyStart: Int
    /// Header values that were read but not used (a `Date:` that is not a date), in line order.
    public var warnings: [ArticleWarning] = []

    /// An article from its parts; ``ArticleReader`` builds one from a file.
    public init(id: String, text: String, title: String? = nil, url: String? = nil,
                publication: String? = nil, date: PartialDate? = nil, bodyStart: Int = 0) {
        self.id = id
        self.text = text
        self.title = title
        self.url = url
        self.publication = publication
        self.date = date
        self.bodyStart = bodyStart
    }

    /// The article as a provenance record of the graph.
    public var document: Document {
        Document(id: id, title: title, url: url, date: date, publication: publication)
    }
}

/// A header value the reader could not use; the article is read without it.
public struct ArticleWarning: Sendable, Equatable {
    /// Line and column (from 1; columns in code points, after a byte order mark) of the value.
    public var line: Int
    public var column: Int
    /// What is wrong and what follows, e.g. `Date: "2008/09/22" is not a date (YYYY-MM-DD, YYYY-MM or YYYY); the article gets no date`.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`.
    public func naming(_ file: String) -> String {
        "\(file):\(line):\(column): \(message)"
    }
}
