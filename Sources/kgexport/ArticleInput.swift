import ArgumentParser
import Foundation
import KGExtraction
#if canImport(Glibc)
import Glibc
#endif

/// Reading article files: folders expanded, document ids chosen, decoding errors mapped to exit
/// statuses. Paths in messages are spelled as the user typed them.
///
/// An article is read to its end whatever kind of file it is, so `/dev/stdin` (`cat a.txt |
/// kgexport /dev/stdin`), a process substitution (`kgexport <(cat a.txt)`), a FIFO and `/dev/null`
/// (an empty article) read as a regular file does, each opened once.
enum ArticleInput {
    /// The article files named: a folder stands for its `*.txt` files in code-point order of name.
    /// - Throws: ``CommandFailure`` (`.io`) for a folder that cannot be listed; `ValidationError`
    ///   (a usage error) for a folder with no `.txt` file.
    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                paths.append(argument)  // a file, or a path that read(_:) reports as unreadable
                continue
            }
            let articles = try listing(argument).filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }
                .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            guard !articles.isEmpty else {
                throw ValidationError("the folder \(argument) has no .txt articles; give article files, or a folder that holds *.txt files")
            }
            paths += articles.map { (argument as NSString).appendingPathComponent($0) }
        }
        return paths
    }

    /// The document id of each article of one run, `ids[i]` for `paths[i]`: its file name
    /// (`x.txt`), except when articles in different folders share a file name: each of those is
    /// then named by its path as typed, normalized (`same/a/x.txt`, ``normalized(_:)``), so that
    /// their titles, dates and evidence stay apart. The same file given twice is one article.
    static func ids(for paths: [String]) -> [String] {
        let names = paths.map(baseName)
        var folders: [String: Set<String>] = [:]
        for (name, path) in zip(names, paths) { folders[name, default: []].insert(normalized(path)) }
        return zip(names, paths).map { name, path in
            (folders[name]?.count ?? 0) > 1 ? normalized(path) : name
        }
    }

    /// The file name of `path`, the id an article has by default (as ``KGExtraction/ArticleReader`` names it).
    static func baseName(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }

    /// `path` without empty and `.` components and with `name/..` taken out, `/`-separated
    /// (`./same//a/../a/x.txt` → `same/a/x.txt`); an absolute path stays absolute.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The names in a folder (without `.` and `..`).
    /// - Throws: ``CommandFailure`` (`.io`) with the system's reason.
    static func listing(_ folder: String) throws(CommandFailure) -> [String] {
        guard let directory = opendir(folder) else { throw unreadable(folder, code: errno, folder: true) }
        defer { closedir(directory) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
            errno = 0
        }
        if errno != 0 { throw unreadable(folder, code: errno, folder: true) }
        return names
    }

    /// `PATH: cannot read the file (permission denied); check the path and permissions` (`the
    /// folder` for a folder), an input/output error.
    static func unreadable(_ path: String, code: Int32, folder: Bool = false) -> CommandFailure {
        unreadable(path, reason: systemReason(code), folder: folder)
    }

    static func unreadable(_ path: String, reason: String, folder: Bool = false) -> CommandFailure {
        .io("\(path): cannot read the \(folder ? "folder" : "file") (\(reason)); check the path and permissions")
    }

    /// Why `path` cannot be read as a file, from the system (`is a directory`, `permission
    /// denied`, `no such file or directory`), or nil when it can be. (It opens the file: not for
    /// a FIFO, which is then read only once; ``load(_:id:lenient:)`` finds the same reasons itself.)
    static func obstacle(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return EISDIR }
        return nil
    }

    /// Reads one article and prints its warnings (unless `quiet`); see ``load(_:id:lenient:)``.
    /// - Throws: ``CommandFailure``: `.io` when the file cannot be read, `.data` for bad content.
    static func read(_ path: String, id: String? = nil, lenient: Bool, quiet: Bool) throws(CommandFailure) -> Article {
        let loaded = try load(path, id: id, lenient: lenient)
        if !quiet {
            for warning in loaded.warnings { note("warning: \(warning)") }
        }
        return loaded.article
    }

    /// Reads one article (opened once, read to its end), with its document id `id` (default: the
    /// file name); with `lenient`, bytes that are not UTF-8 become U+FFFD.
    /// - Returns: the article, and what to warn about, without `warning: ` (U+FFFD substituted,
    ///   `FILE:LINE:COLUMN: Date: "2008/09/22" is not a date …`).
    /// - Throws: ``CommandFailure``: `.io` when the file cannot be read, `.data` for bad content.
    static func load(_ path: String, id: String? = nil, lenient: Bool) throws(CommandFailure) -> (article: Article, warnings: [String]) {
        do {
            let bytes = try ArticleReader.contents(of: URL(fileURLWithPath: path))
            let read = try ArticleReader.read(bytes, file: path, id: id ?? baseName(path), lenient: lenient)
            var warnings: [String] = []
            if read.replacements > 0 {
                warnings.append("\(path): replaced \(read.replacements) invalid UTF-8 byte sequence\(read.replacements == 1 ? "" : "s") with U+FFFD")
            }
            warnings += read.article.warnings.map { $0.naming(path) }
            return (read.article, warnings)
        } catch let error as ArticleError {
            let error = error.naming(path)
            switch error {
            case let .unreadable(_, reason): throw unreadable(path, reason: reason)
            case .invalidUTF8: throw CommandFailure.data("\(error); save the file as UTF-8, or pass --lenient to replace each bad byte sequence with U+FFFD")
            default: throw CommandFailure.data("\(error)")
            }
        } catch {
            throw CommandFailure.data("\(error)")
        }
    }
}

extension ArticleError {
    /// The same error naming the file `path` (as the user typed it; the reader names the absolute path).
    func naming(_ path: String) -> ArticleError {
        switch self {
        case let .unreadable(_, reason): return .unreadable(file: path, reason: reason)
        case let .invalidUTF8(_, line, column, byteOffset): return .invalidUTF8(file: path, line: line, column: column, byteOffset: byteOffset)
        case let .binary(_, line, column, byteOffset): return .binary(file: path, line: line, column: column, byteOffset: byteOffset)
        case .empty: return .empty(file: path)
        case let .noBody(_, line, column): return .noBody(file: path, line: line, column: column)
        }
    }
}
