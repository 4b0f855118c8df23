#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import KGModel

/// Reads an interchange file (the JSON Lines format of ``InterchangeReader``) one record at a
/// time, so that a caller can stream relations to a writer without holding them.
///
/// The reader keeps only the ids of the entities declared so far (to check the relations that
/// name them) and a block of the file (1 MiB, or the longest line); its memory does not grow with
/// the number of relations. Each line gets the same checks and messages as with
/// ``InterchangeReader``, plus one rule streaming needs: every document and entity line comes
/// before the first relation line. A document or entity after it is an error
/// (`FILE:LINE:COLUMN: field 'kind': …`, at the value of `kind`), as is a relation naming an entity no earlier line declares.
///
/// Most lines are decoded straight from their bytes; any line of another shape, and every line
/// with a problem, goes through the general decoder, so records, warnings and errors are exactly
/// those of ``InterchangeReader``.
///
/// ```swift
/// let reader = try InterchangeStreamReader(path: "graph.jsonl")
/// while let record = try reader.next() {
///     if case let .relation(r) = record { try writer.write(r) }
/// }
/// ```
public final class InterchangeStreamReader {
    /// The name used in messages (the file path as the user gave it, `-` for standard input).
    public let file: String
    /// The number of the line last read, from 1 (0 before the first).
    public private(set) var lineNumber = 0
    /// Bytes of the input read so far, line breaks included (for progress reports).
    public var bytesRead: Int { lines.consumed }
    /// Receives each warning as its line is read (an unknown field, ignored; a relation whose
    /// `source` names no document line), and at the end of a file with no lines.
    public var warningHandler: (InterchangeWarning) -> Void = { _ in }

    private let lines: LineReader
    private var declared = EntityIDTable()
    private var fast = FastRecordDecoder()
    private var sawRelation = false
    /// The ids of the document lines read (they all come before the relations).
    private var documents = Set<String>()
    /// Whether a line that is not blank was read, and whether the end of the input was reached.
    private var sawRecord = false
    private var atEnd = false

    /// Opens `path` for reading (`-` reads standard input).
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - name: the name to use in messages; default `path`.
    /// - Throws: ``InterchangeError`` (line 0) when the file cannot be opened.
    public init(path: String, name: String? = nil) throws(InterchangeError) {
        file = name ?? path
        if path == "-" {
            lines = LineReader(descriptor: STDIN_FILENO, closeWhenDone: false)
            return
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw InterchangeError(file: name ?? path, line: 0,
                                   message: "cannot read the file (\(LineReaderError(code: errno).reason)); check the path and permissions")
        }
        lines = LineReader(descriptor: fd, closeWhenDone: true)
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    /// - Throws: ``InterchangeError`` for the first bad line (see ``InterchangeReader``), for a
    ///   document or entity line after a relation line, or (line 0) when the file cannot be read.
    public func next() throws(InterchangeError) -> InterchangeRecord? {
        while true {
            let line: UnsafeBufferPointer<UInt8>
            do {
                guard let next = try lines.nextLine() else {
                    if !atEnd, !sawRecord { warningHandler(.noLines(file: file, blank: lineNumber > 0)) }
                    atEnd = true
                    return nil
                }
                line = next
            } catch {
                throw InterchangeError(file: file, line: 0, message: "cannot read the file (\(error.reason))")
            }
            lineNumber += 1
            guard let record = try decode(line) else { continue }
            sawRecord = true
            switch record {
            case let .entity(entity):
                guard !sawRelation else { throw lateRecord("an entity", line) }
                _ = declared.insert(entity.id)
            case let .document(document):
                guard !sawRelation else { throw lateRecord("a document", line) }
                documents.insert(document.id)
            case let .relation(relation):
                sawRelation = true
                // Documents are optional: a source is checked only in a file that has them.
                if !documents.isEmpty, let source = relation.evidence.source, !documents.contains(source) {
                    warningHandler(.sourceWithoutDocument(file: file, line: lineNumber,
                                                          column: RecordDecoder.column(ofField: "source", in: line)))
                }
            }
            return record
        }
    }

    private func decode(_ line: UnsafeBufferPointer<UInt8>) throws(InterchangeError) -> InterchangeRecord? {
        if !RecordDecoder.isBlank(line) {
            let file = self.file, number = lineNumber, handler = warningHandler
            if let record = fast.decode(line, declared: declared, unknown: { key, column in
                handler(.unknownField(file: file, line: number, column: column, name: key))
            }) {
                return record
            }
        }
        let declared = self.declared
        return try RecordDecoder(file: file, line: lineNumber, isDeclared: { declared.contains($0) },
                                 warn: warningHandler).decode(line)
    }

    /// The error for a record of `what` kind after the first relation, at the column of its `kind`.
    private func lateRecord(_ what: String, _ line: UnsafeBufferPointer<UInt8>) -> InterchangeError {
        InterchangeError(file: file, line: lineNumber, column: RecordDecoder.column(ofField: "kind", in: line), field: "kind",
                         message: "\(what) after the first relation line; put every document and entity line before the relations, which are streamed")
    }
}
