/// A problem in an interchange file, located by file, line and column.
///
/// `line` and `column` count from 1; `column` is in Unicode scalars. A problem with a field is at
/// the start of the field's value (a string's opening quote), a missing field at the `{` of the
/// object that lacks it, an unknown field at its name. Line 0 (no column) is the whole file: it
/// cannot be read. The message is lower case and says what to do.
public struct InterchangeError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int?
    /// The field at fault (`share`, `subject`, ...), when there is one.
    public let field: String?
    public let message: String
    /// For a warning: the message it becomes when warnings are errors (`--strict`), saying what to
    /// do; nil for an error.
    public let strictMessage: String?

    public init(file: String, line: Int, column: Int? = nil, field: String? = nil, message: String,
                strictMessage: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.strictMessage = strictMessage
    }

    /// This warning as the error that `--strict` makes of it: the same place, its
    /// ``strictMessage`` (`unknown field; remove it, or run without --strict`).
    public var strictError: InterchangeError {
        InterchangeError(file: file, line: line, column: column, field: field,
                         message: strictMessage ?? message + "; run without --strict to accept it")
    }

    /// `FILE:LINE:COLUMN: field 'F': message`, the shape compilers use so editors can jump to it
    /// (`FILE: message` for line 0, the whole file).
    public var description: String {
        var s = file
        if line > 0 { s += ":\(line)" }
        if let column { s += ":\(column)" }
        s += ": "
        if let field { s += "field '\(field)': " }
        return s + message
    }
}

/// Something the reader accepted but that the user may want to know: an unknown field it ignored,
/// a relation whose `source` names no document line, a file with no lines.
public typealias InterchangeWarning = InterchangeError

extension InterchangeWarning {
    /// `FILE:LINE:COLUMN: field 'NAME': unknown field, ignored`, at the member's name.
    public static func unknownField(file: String, line: Int, column: Int, name: String) -> InterchangeWarning {
        InterchangeWarning(file: file, line: line, column: column, field: name, message: "unknown field, ignored",
                           strictMessage: "unknown field; remove it, or run without --strict")
    }

    /// `FILE:LINE:COLUMN: field 'source': names no document line; add a document line with that id`,
    /// at the value of `source`.
    static func sourceWithoutDocument(file: String, line: Int, column: Int?) -> InterchangeWarning {
        InterchangeWarning(file: file, line: line, column: column, field: "source",
                           message: "names no document line; add a document line with that id",
                           strictMessage: "names no document line; add a document line with that id, or run without --strict")
    }

    /// `FILE: no lines; the graph is empty` (or `only blank lines`): an empty input is more often a
    /// truncated download than an empty graph.
    static func noLines(file: String, blank: Bool) -> InterchangeWarning {
        let what = blank ? "only blank lines" : "no lines"
        return InterchangeWarning(file: file, line: 0, message: "\(what); the graph is empty",
                                  strictMessage: "\(what); check that the file was saved or downloaded completely, or run without --strict")
    }
}
