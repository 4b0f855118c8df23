import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KGStore

/// A private Oxigraph server (the `oxigraph` command of the PyPI package oxigraph) on loopback:
/// `oxigraph serve` with its database in a new temporary directory, on a free port of
/// 127.0.0.1, started as a child process and ended by that process's pid.
final class OxigraphServer: @unchecked Sendable {
    /// The temporary directory holding the database; removed by ``stop()``.
    let directory: URL
    let port: Int
    private let process: Process

    /// The Graph Store endpoint (SPARQL 1.1 Graph Store HTTP Protocol; no authentication).
    var graphStoreEndpoint: String { "http://127.0.0.1:\(port)/store" }
    /// The SPARQL query endpoint.
    var queryEndpoint: String { "http://127.0.0.1:\(port)/query" }

    /// Starts a server and waits until it answers a query (at most 30 s).
    static func start() throws -> OxigraphServer {
        guard let executable = Tool.path(of: "oxigraph") else {
            throw Tool.LaunchError(tool: "oxigraph", reason: "not found on PATH")
        }
        let directory = try SharedFiles.makeTemporaryDirectory("kgexport-oxigraph")
        let port = try VirtuosoServer.freePorts(1)[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "--location", directory.appendingPathComponent("db").path, "--bind", "127.0.0.1:\(port)"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = OxigraphServer(directory: directory, port: port, process: process)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard process.isRunning else {
                server.stop()
                throw Tool.LaunchError(tool: "oxigraph serve", reason: "exited with status \(process.terminationStatus)")
            }
            if (try? server.count(in: "urn:kgexport:probe")) != nil { return server }
            Thread.sleep(forTimeInterval: 0.1)
        }
        server.stop()
        throw Tool.LaunchError(tool: "oxigraph serve", reason: "not answering on 127.0.0.1:\(port) after 30 s")
    }

    private init(directory: URL, port: Int, process: Process) {
        self.directory = directory
        self.port = port
        self.process = process
    }

    /// Triples in the named graph `graph`, by a SPARQL COUNT over HTTP.
    func count(in graph: String) throws -> Int {
        let query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <\(graph)> { ?s ?p ?o } }"
        guard let url = URL(string: queryEndpoint) else { throw Tool.LaunchError(tool: "oxigraph", reason: "bad endpoint") }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.httpBody = Data(query.utf8)
        request.setValue("application/sparql-query", forHTTPHeaderField: "Content-Type")
        request.setValue("application/sparql-results+json", forHTTPHeaderField: "Accept")
        let response = try URLSessionTransport().send(request)
        guard response.isSuccess,
              let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let bindings = (json["results"] as? [String: Any])?["bindings"] as? [[String: [String: Any]]],
              let value = bindings.first?["n"]?["value"] as? String, let n = Int(value)
        else { throw Tool.LaunchError(tool: "oxigraph /query", reason: "HTTP \(response.statusText): \(response.message)") }
        return n
    }

    /// Ends the server's pid (SIGTERM, then SIGKILL after 5 s) and removes ``directory``.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
