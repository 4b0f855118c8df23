import ArgumentParser
import Foundation
import KGExtraction
import KGFormats
import KGInterchange
import KGModel
import KGRDF
import KGStore

/// `kgexport push --endpoint URL --graph IRI [--input GRAPH.jsonl]... [ARTICLE...]`: send a graph
/// to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send a graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol).",
        discussion: """
        The graph is extracted from the articles, read from interchange files (--input), or both, \
        merged. It goes to one named graph of the store: PUT replaces that graph's triples, \
        --append adds to them with POST. Graph Store endpoints (Virtuoso: --user dba, Digest):
          Jena Fuseki  http://localhost:3030/DATASET/data
          Virtuoso     http://localhost:8890/sparql-graph-crud-auth
          GraphDB      http://localhost:7200/repositories/REPO/rdf-graphs/service
          Oxigraph     http://localhost:7878/store

        Examples:
          kgexport push article.txt --graph https://example.org/graph/news \\
              --endpoint http://localhost:3030/news/data
          kgexport push --input graph.jsonl --append --user dba \\
              --graph https://example.org/graph/news \\
              --endpoint http://localhost:8890/sparql-graph-crud-auth

        The password can also come from the environment variable KGEXPORT_PASSWORD, which keeps \
        it out of the process list. A 307 or 308 redirect is followed with the whole graph (at \
        most 5); a 301, 302 or 303 is not, as it would drop the graph. Exit status 74 when the \
        store cannot be reached, does not answer within --timeout seconds, redirects with 301, \
        302 or 303, or refuses the graph; the message gives the HTTP status and what the store said.
        """
    )

    @Argument(help: ArgumentHelp("Article files (UTF-8 text) to extract the graph from.", valueName: "article"))
    var articles: [String] = []

    @Option(name: .long, help: ArgumentHelp("Interchange file (.jsonl) to send; repeatable, merged with the articles' graph.", valueName: "graph.jsonl"))
    var input: [String] = []

    @Option(name: .long, help: ArgumentHelp("The store's Graph Store HTTP Protocol endpoint.", valueName: "url"))
    var endpoint: String

    @Option(name: .long, help: ArgumentHelp("IRI of the named graph to replace (or add to, with --append).", valueName: "iri"))
    var graph: String

    @Flag(name: .long, help: "Add the triples to the graph (POST) instead of replacing it (PUT).")
    var append = false

    @Option(name: .long, help: ArgumentHelp("User name, for stores that ask for HTTP Basic or Digest authentication.", valueName: "name"))
    var user: String?

    @Option(name: .long, help: ArgumentHelp("Password of --user (default: the environment variable KGEXPORT_PASSWORD).", valueName: "password"))
    var password: String?

    @Option(name: .long, help: ArgumentHelp("RDF syntax sent: ntriples, rdfxml or turtle.", valueName: "syntax"))
    var format: String = "ntriples"

    @Option(name: .long, help: ArgumentHelp("Namespace for the IRIs of entities, relations and articles.", valueName: "iri"))
    var baseIRI: String = "https://w3id.org/kgexport/id/"

    @OptionGroup var reading: ArticleOptions

    @Option(name: .long, help: ArgumentHelp("Seconds the store may stay silent before the push gives up.", valueName: "seconds"))
    var timeout: Double = 60

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    /// The syntaxes a Graph Store accepts for one graph (N-Quads and JSON-LD datasets are not sent).
    private static let syntaxes: [OutputFormat] = [.ntriples, .rdfxml, .turtle]

    func validate() throws {
        guard !articles.isEmpty || !input.isEmpty else {
            throw ValidationError("give article files or --input GRAPH.jsonl to send")
        }
        _ = try syntax()
        do {
            _ = try GraphStoreClient(endpoint: endpoint)
        } catch {
            throw ValidationError("--endpoint: \(error)")
        }
        guard IRI.isValid(graph) else {
            throw ValidationError("--graph '\(graph)' is not an absolute IRI")
        }
        do {
            _ = try IRIMinter(base: baseIRI)
        } catch {
            throw ValidationError("--base-iri '\(baseIRI)' cannot be used: \(error)")
        }
        if password != nil && user == nil {
            throw ValidationError("--password needs --user")
        }
        if let user, credentials() == nil {
            throw ValidationError("--user \(user) needs --password or the environment variable KGEXPORT_PASSWORD")
        }
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
    }

    mutating func run() throws {
        do {
            let syntax = try syntax()
            let credentials = credentials()
            let knowledgeGraph = try readGraph()
            let mapping: OntologyMapping
            let iris: IRIMinter
            do {
                iris = try IRIMinter(base: baseIRI)
                mapping = try OntologyMapping(iris: iris)
            } catch {
                throw CommandFailure.data("--base-iri \(baseIRI): \(error)")
            }
            let payload = MemorySink()
            let tripleCount: Int
            do {
                tripleCount = try mapping.triples(for: knowledgeGraph).count
                switch syntax {
                case .rdfxml: try RDFXMLWriter.write(knowledgeGraph, mapping: mapping, to: payload)
                case .turtle: try TurtleWriter.write(knowledgeGraph, mapping: mapping, to: payload)
                default: try NTriplesWriter.write(knowledgeGraph, mapping: mapping, to: payload)
                }
            } catch {
                throw CommandFailure.data("cannot write \(syntax.rawValue): \(error)")
            }

            let response: HTTPResponse
            let graphIRI: IRI
            do {
                graphIRI = try IRI(graph)
                let client = try GraphStoreClient(endpoint: endpoint, credentials: credentials, timeout: timeout)
                response = try client.send(Data(payload.bytes), mediaType: syntax.mediaType, to: graphIRI,
                                           operation: append ? .add : .replace)
            } catch let error as GraphStoreError {
                throw CommandFailure.io(Self.message(for: error))
            } catch {
                throw CommandFailure.io("\(error)")
            }
            if !quiet {
                // Where the graph went: the endpoint, or the URL its 307/308 redirects led to.
                let place = response.redirects.last.map { "\($0.absoluteString), redirected from \(endpoint)" } ?? endpoint
                let verb = append ? "added \(tripleCount) triples to" : "replaced \(graphIRI) with \(tripleCount) triples at"
                let target = append ? "\(graphIRI) at \(place)" : place
                note("\(summary(of: knowledgeGraph, written: [])); \(verb) \(target) (HTTP \(response.statusText))")
            }
        } catch let failure as CommandFailure {
            throw report(failure)
        }
    }

    /// The store client's message, with the option that helps where there is one.
    static func message(for error: GraphStoreError) -> String {
        switch error {
        case .authenticationRequired: return "\(error); pass --user and --password (or KGEXPORT_PASSWORD)"
        case .rejected(_, _, let status, _) where status.hasPrefix("401 "):
            return "\(error); check --user and --password (or KGEXPORT_PASSWORD)"
        case .timedOut: return "\(error), or raise --timeout"
        case .redirectRefused(_, _, _, let endpoint): return "\(error); pass --endpoint \(endpoint)"
        case .tooManyRedirects: return "\(error); pass the store's own URL as --endpoint"
        case .credentialsWithheld(_, _, let endpoint): return "\(error); pass --endpoint \(endpoint) to send them there"
        default: return "\(error)"
        }
    }

    /// The one RDF syntax named by --format (aliases as in --to: nt, rdf, ttl).
    private func syntax() throws -> OutputFormat {
        let formats = (try? OutputFormat.parseList(format, option: "--format")) ?? []
        guard formats.count == 1, let syntax = formats.first, Self.syntaxes.contains(syntax) else {
            throw ValidationError("--format '\(format)' cannot be sent; choose one of \(Self.syntaxes.map(\.rawValue).joined(separator: ", "))")
        }
        return syntax
    }

    /// --user with --password, or with KGEXPORT_PASSWORD; nil without --user or a password.
    private func credentials() -> GraphStoreClient.Credentials? {
        guard let user, let secret = password ?? ProcessInfo.processInfo.environment["KGEXPORT_PASSWORD"] else { return nil }
        return GraphStoreClient.Credentials(user: user, password: secret)
    }

    /// The merged graph of the interchange files and the articles.
    /// - Throws: ``CommandFailure`` (`.data` for bad input, `.io` for an article, an interchange
    ///   file or the lexicon that cannot be read).
    private func readGraph() throws -> KnowledgeGraph {
        var merged = KnowledgeGraph()
        for path in input {
            let result: (graph: KnowledgeGraph, warnings: [InterchangeWarning])
            do {
                result = try InterchangeReader.read(contentsOf: URL(fileURLWithPath: path), name: path)
            } catch where error.line == 0 {
                throw CommandFailure.io("\(error)")   // the file cannot be read at all, as convert says
            } catch {
                throw CommandFailure.data("\(error)")
            }
            if !quiet {
                for warning in result.warnings { note("warning: \(warning)") }
            }
            merged.merge(result.graph)
        }
        guard !articles.isEmpty else { return merged }
        let lexicon: Lexicon
        do { lexicon = try Lexicon.bundled() } catch { throw CommandFailure.io("cannot load the lexicon: \(error)") }
        let extractor = Extractor(lexicon: lexicon)
        let date = reading.date
        // As in extract: folders give their *.txt articles, and articles of the same file name
        // in different folders keep their own documents.
        let paths = try ArticleInput.expand(articles)
        for (path, id) in zip(paths, ArticleInput.ids(for: paths)) {
            let article = try ArticleInput.read(path, id: id, lenient: reading.lenient, quiet: quiet)
            merged.merge(extractor.extract(article, documentDate: date))
        }
        return merged
    }
}
