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

    public init(file: String, line: Int, column: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
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

/// Something the reader accepted but that the user may want to know (an unknown field it ignored).
public typealias InterchangeWarning = InterchangeError
