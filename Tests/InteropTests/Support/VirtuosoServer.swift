import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KGStore
import XCTest

/// A private Virtuoso Open Source server (Debian package virtuoso-opensource) on loopback, for
/// one test class: its own configuration, database and log under a new temporary directory,
/// SQL and HTTP ports picked free on 127.0.0.1, started as a child process and stopped by that
/// process's pid (shared/VALIDATORS.md, "Virtuoso 7.2.5 on loopback"). The package's own
/// instance (/var/lib/virtuoso-opensource-7/db, ports 1111 and 8890) is never touched.
///
/// A fresh database has the administrator `dba` with password `dba`. Start-up takes about two
/// seconds; ``stop()`` shuts the server down with SQL `shutdown`, and ends the pid only if it
/// is still running after that.
final class VirtuosoServer: @unchecked Sendable {
    /// The temporary directory with `virtuoso.ini`, `db/` and `data/` (the only directory
    /// besides `.` that the server may read files from); removed by ``stop()``.
    let directory: URL
    /// Port of the SQL (ODBC) listener, for `isql-vt`.
    let sqlPort: Int
    /// Port of the HTTP listener (`/sparql`, `/sparql-graph-crud`, `/sparql-graph-crud-auth`).
    let httpPort: Int
    private let process: Process

    /// The administrator's user name and password on a fresh database.
    static let user = "dba", password = "dba"

    /// The SPARQL Protocol endpoint.
    var sparqlEndpoint: String { "http://127.0.0.1:\(httpPort)/sparql" }
    /// The Graph Store endpoint that takes Digest authentication.
    var graphStoreEndpoint: String { "http://127.0.0.1:\(httpPort)/sparql-graph-crud-auth" }
    /// The Graph Store endpoint without authentication (user `SPARQL`, who may not write here).
    var anonymousGraphStoreEndpoint: String { "http://127.0.0.1:\(httpPort)/sparql-graph-crud" }
    /// Where files to load go (`ld_dir`, `file_to_string`).
    var dataDirectory: URL { directory.appendingPathComponent("data") }

    /// Starts a server and waits until both SQL and HTTP answer (at most 60 s).
    /// - Throws: ``Tool/LaunchError`` when it does not start; the message ends with its log.
    static func start() throws -> VirtuosoServer {
        let directory = try SharedFiles.makeTemporaryDirectory("kgexport-virtuoso")
        let fm = FileManager.default
        try fm.createDirectory(at: directory.appendingPathComponent("db"), withIntermediateDirectories: true)
        try fm.createDirectory(at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        let ports = try freePorts(2)
        let ini = directory.appendingPathComponent("virtuoso.ini")
        try configuration(directory: directory.path, sqlPort: ports[0], httpPort: ports[1]).write(to: ini, atomically: true, encoding: .utf8)

        guard let executable = Tool.path(of: "virtuoso-t") else {
            throw Tool.LaunchError(tool: "virtuoso-t", reason: "not found on PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["+foreground", "+configfile", ini.path]
        process.currentDirectoryURL = directory
        let log = directory.appendingPathComponent("stdout.log")
        fm.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? logHandle.close()

        let server = VirtuosoServer(directory: directory, sqlPort: ports[0], httpPort: ports[1], process: process)
        do {
            try server.waitUntilReady()
        } catch {
            server.stop()
            throw error
        }
        return server
    }

    private init(directory: URL, sqlPort: Int, httpPort: Int, process: Process) {
        self.directory = directory
        self.sqlPort = sqlPort
        self.httpPort = httpPort
        self.process = process
    }

    /// Polls `select 1` over SQL, then a SPARQL ASK over HTTP, every 0.1 s.
    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(60)
        var sqlReady = false
        while Date() < deadline {
            guard process.isRunning else {
                throw Tool.LaunchError(tool: "virtuoso-t", reason: "exited with status \(process.terminationStatus):\n\(logTail())")
            }
            if !sqlReady {
                sqlReady = (try? Tool.run("isql-vt", args: ["127.0.0.1:\(sqlPort)", Self.user, Self.password, "exec=select 1;"]))?.status == 0
            }
            if sqlReady, (try? select("ASK { }")) != nil {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Tool.LaunchError(tool: "virtuoso-t", reason: "not answering on 127.0.0.1:\(sqlPort) and :\(httpPort) after 60 s:\n\(logTail())")
    }

    /// Runs SQL statements with `isql-vt` as `dba`; fails on a connection error or any
    /// `*** Error` in the output (isql exits 0 after SQL errors).
    @discardableResult
    func sql(_ statements: String) throws -> String {
        let result = try Tool.run("isql-vt", args: ["127.0.0.1:\(sqlPort)", Self.user, Self.password, "exec=\(statements)"])
        guard result.status == 0, !result.stdout.contains("*** Error"), !result.stderr.contains("*** Error") else {
            throw Tool.LaunchError(tool: "isql-vt", reason: "\(statements)\n\(result.stdout)\(result.stderr)")
        }
        return result.stdout
    }

    /// Loads the RDF/XML file at `path` into the named graph `graph` with Virtuoso's bulk loader
    /// (`ld_dir`, `rdf_loader_run`, `checkpoint`), as a user does; the file is copied into
    /// ``dataDirectory`` first. Fails unless the load list reports it loaded without error.
    func bulkLoad(_ path: String, graph: String) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let target = dataDirectory.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: path), to: target)
        try sql("ld_dir('\(dataDirectory.path)', '\(name)', '\(graph)'); rdf_loader_run(); checkpoint;")
        let state = try sql("select ll_state, ll_error from DB.DBA.LOAD_LIST where ll_file = '\(target.path)';")
        guard state.range(of: #"(?m)^2\s+NULL\s*$"#, options: .regularExpression) != nil else {
            throw Tool.LaunchError(tool: "virtuoso bulk loader", reason: "\(name) not loaded:\n\(state)")
        }
    }

    /// Runs a SPARQL query over HTTP (SPARQL 1.1 Protocol, POST form) with `defaultGraph` as the
    /// default graph (`default-graph-uri`), and returns the variables and the rows of plain
    /// values: an IRI's or literal's text, "" where unbound. ASK gives one row, `true` or `false`.
    func select(_ query: String, defaultGraph: String? = nil) throws -> (variables: [String], rows: [[String]]) {
        var form = [("query", query)]
        if let defaultGraph { form.append(("default-graph-uri", defaultGraph)) }
        let body = form.map { "\($0.0)=\(Self.formEncoded($0.1))" }.joined(separator: "&")
        guard let url = URL(string: sparqlEndpoint) else { throw Tool.LaunchError(tool: "virtuoso", reason: "bad endpoint") }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 30)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/sparql-results+json", forHTTPHeaderField: "Accept")
        let response = try URLSessionTransport().send(request)
        guard response.isSuccess else {
            throw Tool.LaunchError(tool: "virtuoso /sparql", reason: "HTTP \(response.statusText): \(response.message)\n\(query)")
        }
        guard let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw Tool.LaunchError(tool: "virtuoso /sparql", reason: "not JSON: \(response.message)")
        }
        if let answer = json["boolean"] as? Bool { return (["boolean"], [[String(answer)]]) }
        let variables = (json["head"] as? [String: Any])?["vars"] as? [String] ?? []
        let bindings = (json["results"] as? [String: Any])?["bindings"] as? [[String: [String: Any]]] ?? []
        let rows = bindings.map { binding in variables.map { binding[$0]?["value"] as? String ?? "" } }
        return (variables, rows)
    }

    /// Stops the server: SQL `shutdown`, up to 10 s for the process to exit, then SIGTERM and
    /// SIGKILL to its pid only; removes ``directory``. Safe to call twice.
    func stop() {
        if process.isRunning {
            _ = try? Tool.run("isql-vt", args: ["127.0.0.1:\(sqlPort)", Self.user, Self.password, "exec=shutdown;"])
            waitForExit(seconds: 10)
        }
        if process.isRunning {
            process.terminate()
            waitForExit(seconds: 5)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            waitForExit(seconds: 5)
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private func waitForExit(seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// The last lines of the server's log, for failure messages.
    private func logTail() -> String {
        let text = (try? String(contentsOf: directory.appendingPathComponent("stdout.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// `application/x-www-form-urlencoded` value: unreserved characters kept, the rest `%XX`.
    private static func formEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "-._~".utf8.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// `count` distinct TCP ports that were free on 127.0.0.1 a moment ago (bound to port 0,
    /// read back, closed).
    static func freePorts(_ count: Int) throws -> [Int] {
        var sockets: [Int32] = []
        defer { for s in sockets { close(s) } }
        var ports: [Int] = []
        for _ in 0..<count {
            #if canImport(Glibc)
            let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            let s = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            guard s >= 0 else { throw Tool.LaunchError(tool: "socket", reason: "errno \(errno)") }
            sockets.append(s)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, length) }
            }
            guard bound == 0 else { throw Tool.LaunchError(tool: "bind", reason: "errno \(errno)") }
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &length) }
            }
            guard named == 0 else { throw Tool.LaunchError(tool: "getsockname", reason: "errno \(errno)") }
            ports.append(Int(UInt16(bigEndian: address.sin_port)))
        }
        return ports
    }

    /// A minimal virtuoso.ini: database files and log under `directory`/db, files readable only
    /// from `.` and `directory`/data (also the HTTP server's document root: the SPARQL and Graph
    /// Store endpoints are built in), both listeners on 127.0.0.1 only.
    private static func configuration(directory: String, sqlPort: Int, httpPort: Int) -> String {
        """
        [Database]
        DatabaseFile       = \(directory)/db/virtuoso.db
        ErrorLogFile       = \(directory)/db/virtuoso.log
        LockFile           = \(directory)/db/virtuoso.lck
        TransactionFile    = \(directory)/db/virtuoso.trx
        xa_persistent_file = \(directory)/db/virtuoso.pxa
        ErrorLogLevel      = 7
        FileExtend         = 200
        MaxCheckpointRemap = 2000
        Striping           = 0
        TempStorage        = TempDatabase

        [TempDatabase]
        DatabaseFile       = \(directory)/db/virtuoso-temp.db
        TransactionFile    = \(directory)/db/virtuoso-temp.trx
        MaxCheckpointRemap = 2000
        Striping           = 0

        [Parameters]
        ServerPort         = 127.0.0.1:\(sqlPort)
        DisableUnixSocket  = 1
        ServerThreads      = 10
        NumberOfBuffers    = 10000
        MaxDirtyBuffers    = 6000
        DirsAllowed        = ., \(directory)/data

        [HTTPServer]
        ServerPort         = 127.0.0.1:\(httpPort)
        ServerRoot         = \(directory)/data
        MaxClientConnections = 5
        ServerThreads      = 5

        [SPARQL]
        ResultSetMaxRows   = 10000
        MaxQueryExecutionTime = 60

        """
    }
}
