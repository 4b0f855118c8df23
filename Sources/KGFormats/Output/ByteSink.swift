/// A destination for the bytes a writer produces: memory, a file written atomically, or standard output.
///
/// Writers in this module stream into a sink and never hold a whole file. A sink is a reference
/// type because a writer and its caller share it: the writer appends, the caller decides what
/// happens to the result (``FileSink/commit()`` or ``FileSink/discard()``).
public protocol ByteSink: AnyObject {
    /// Appends bytes to the sink.
    ///
    /// - Parameter bytes: the bytes to append; only valid for the duration of the call.
    /// - Throws: ``OutputError`` when the bytes cannot be written.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    /// Appends the UTF-8 encoding of a string.
    ///
    /// - Throws: ``OutputError`` when the bytes cannot be written.
    public func write(_ string: String) throws {
        var text = string
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends bytes from an array.
    ///
    /// - Throws: ``OutputError`` when the bytes cannot be written.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// A sink whose output becomes visible only when the caller says the output is complete.
///
/// ``FileSink`` renames its temporary file onto the destination on ``commit()``;
/// ``DescriptorSink`` (standard output, a device, a FIFO) flushes its buffer. A command-line tool writes through one of them,
/// then commits on success or discards on failure, so a failed run never leaves a half-written file.
public protocol CommittableSink: ByteSink {
    /// Makes the output complete and visible.
    /// - Throws: ``OutputError`` when the bytes cannot be flushed, synced or moved into place.
    func commit() throws
    /// Abandons the output (removes a temporary file; drops buffered bytes).
    func discard()
}

/// Opens the sink for an output path: `-` is standard output; a path that exists and is neither a
/// regular file nor a directory (`/dev/null`, `/dev/stdout`, a FIFO) is written in place
/// (``DescriptorSink``); anything else is a ``FileSink`` (a temporary file renamed when complete).
///
/// - Parameter path: a file path, or `-` for standard output.
/// - Returns: a sink to write into, then commit or discard.
/// - Throws: ``OutputError`` when the temporary file for `path`, or `path` itself, cannot be opened.
public func makeOutputSink(path: String) throws -> any CommittableSink {
    if path == "-" { return DescriptorSink() }
    if DescriptorSink.isSpecialFile(path) { return try DescriptorSink(openingInPlace: path) }
    return try FileSink(path: path)
}
