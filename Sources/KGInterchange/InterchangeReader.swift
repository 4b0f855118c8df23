import Foundation
import KGModel

/// Reads the kgexport interchange format: JSON Lines (one JSON object per line; RFC 8259, jsonlines.org).
///
/// Records, told apart by `kind`:
/// - `{"kind":"document","id":"a.txt","title":…,"url":…,"date":"2008-09","publication":…}` (optional)
/// - `{"kind":"entity","id":"kazakhstan","label":"Kazakhstan","type":"Country","aliases":["Kazakh"]}`
/// - `{"kind":"relation","subject":"akhmetov","relation":"met-with","object":"bisonero","date":"2008-09",
///   "place":"astana","share":null,"modality":"asserted","evidence":"…","source":"a.txt",
///   "citedSource":"Liter, September 6","offsets":[1234,1320]}`
///
/// Entities come before the relations that name them. `type` is an ontology class name
/// (``EntityType``); `relation` is `member-of`, `met-with` or `holds-share-in`; `share` is a
/// number, percent, 0...100; `date` is `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`; `modality` is
/// `asserted` (default), `planned` or `negated`; `offsets` are two code-point positions, start ≤
/// end. Optional fields may be absent or `null`; `label` defaults to `id`. Blank lines are
/// skipped; a byte-order mark at the start and CRLF line ends are accepted. Warnings (in
/// ``warnings``): an unknown field (ignored); a relation whose `source` names no document line,
/// when the file has document lines (documents are optional); a file with no lines, or only
/// blank ones (`FILE: no lines; the graph is empty`).
///
/// - Throws: ``InterchangeError`` for the first bad line (malformed JSON with its column, a missing
///   or mistyped field, an unknown type or relation listing the allowed ones, a duplicate entity
///   id, a relation naming an entity not declared before it, an impossible date, a share outside
///   0...100). The caller then writes nothing.
public struct InterchangeReader {
    /// The name used in messages (the file path as the user gave it).
    public let file: String
    /// Problems that did not stop reading, in line order.
    public private(set) var warnings: [InterchangeWarning] = []
    /// The graph read so far.
    public private(set) var graph = KnowledgeGraph()
    private var lineNumber = 0
    /// Whether a line that is not blank was read.
    private var sawRecord = false

    public init(file: String) {
        self.file = file
    }

    /// Reads a whole file (opened once and read to its end, so a pipe or FIFO reads as a regular file does).
    /// - Throws: ``InterchangeError`` (line 0 when the file cannot be read at all, with the
    ///   system's reason: `no such file or directory`, `is a directory`, `permission denied`).
    public static func read(contentsOf url: URL, name: String? = nil) throws(InterchangeError) -> (graph: KnowledgeGraph, warnings: [InterchangeWarning]) {
        let display = name ?? url.path
        func unreadable(_ code: Int32) -> InterchangeError {
            InterchangeError(file: display, line: 0,
                             message: "cannot read the file (\(LineReaderError(code: code).reason)); check the path and permissions")
        }
        // Opened and read here so that the message gives the system's reason, as the streaming
        // reader's does.
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unreadable(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw unreadable(EISDIR) }
        var bytes: [UInt8] = []
        if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { readDescriptor(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(errno)
            }
            bytes.append(contentsOf: buffer[..<count])
        }
        var reader = InterchangeReader(file: display)
        try reader.consume(bytes)
        return (reader.graph, reader.warnings)
    }

    /// Reads every line of `bytes` (UTF-8).
    /// - Throws: ``InterchangeError``.
    public mutating func consume(_ bytes: [UInt8]) throws(InterchangeError) {
        var start = 0
        let end = bytes.count
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < end {
            var nl = start
            while nl < end, bytes[nl] != 0x0A { nl += 1 }
            var lineEnd = nl
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            try consumeLine(bytes[start..<lineEnd])
            start = nl + 1
        }
        if !sawRecord { warnings.append(.noLines(file: file, blank: lineNumber > 0)) }
    }

    /// Reads one line, without its line break.
    /// - Throws: ``InterchangeError``.
    public mutating func consumeLine(_ line: ArraySlice<UInt8>) throws(InterchangeError) {
        lineNumber += 1
        let (record, found, error) = decode(line)
        warnings += found
        if let error { throw error }
        if record != nil { sawRecord = true }
        switch record {
        case nil: break
        case let .entity(entity)?: graph.add(entity)
        case let .relation(relation)?:
            if let source = relation.evidence.source, !graph.documents.isEmpty, graph.documents[source] == nil {
                let column = line.withUnsafeBufferPointer { RecordDecoder.column(ofField: "source", in: $0) }
                warnings.append(.sourceWithoutDocument(file: file, line: lineNumber, column: column))
            }
            graph.add(relation)
        case let .document(document)?: graph.add(document)
        }
    }

    /// The record on the current line and its warnings, or the error it raises. (A separate
    /// method, so that nothing holds on to the graph when ``consumeLine(_:)`` then adds to it.)
    private func decode(_ line: ArraySlice<UInt8>) -> (InterchangeRecord?, [InterchangeWarning], InterchangeError?) {
        var found: [InterchangeWarning] = []
        let entities = graph.entities
        let decoder = RecordDecoder(file: file, line: lineNumber, isDeclared: { entities[$0] != nil },
                                    warn: { found.append($0) })
        do {
            let record = try line.withUnsafeBufferPointer { bytes throws(InterchangeError) in try decoder.decode(bytes) }
            return (record, found, nil)
        } catch {
            return (nil, found, error)
        }
    }

    /// Byte offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        // ASCII eight bytes at a time.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let (len, lo, hi): (Int, UInt8, UInt8) = switch b {
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
            if len == 0 || i + len > bytes.count { return i }
            if !(lo...hi).contains(bytes[i + 1]) { return i }
            for k in 2..<max(2, len) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += len
        }
        return nil
    }
}

/// `read(2)`, named apart from ``InterchangeReader/read(contentsOf:name:)``.
private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
