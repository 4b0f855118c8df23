import KGTestSupport
import Foundation
import KGFormats
import KGModel
import KGRDF
import XCTest

/// RDF/XML output read by its real consumers: raptor, Jena RIOT (strict), rdflib and pyoxigraph must
/// all accept the golden graph and the pitfall graph and read back exactly the triples of the mapping.
final class RDFXMLInteropTests: XCTestCase {
    private var directory: URL!
    private let kg = "https://w3id.org/kgexport/ontology#"
    private let id = "https://w3id.org/kgexport/id/"

    override func setUpWithError() throws {
        directory = try SharedFiles.makeTemporaryDirectory("kgexport-rdfxml")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Writes `graph` as RDF/XML through an atomic file sink and returns the path.
    private func write(_ graph: KnowledgeGraph, name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let sink = try FileSink(path: path)
        try RDFXMLWriter.write(graph, mapping: OntologyMapping(), to: sink)
        try sink.commit()
        return path
    }

    /// The rows a consumer must read back for `graph`: the mapping's triples with literals as RDF/XML
    /// carries them (characters XML 1.0 forbids removed, vertical tab and form feed as a space), as
    /// sorted `[subject, predicate, kind, value, datatype, language]` without duplicates.
    private func expectedRows(_ graph: KnowledgeGraph) throws -> [[String]] {
        let rows = try OntologyMapping().triples(for: graph).map { triple -> [String] in
            switch triple.object {
            case let .iri(iri):
                return [triple.subject.string, triple.predicate.string, "iri", iri.string, "", ""]
            case let .literal(literal):
                return [triple.subject.string, triple.predicate.string, "literal", Self.xmlCarried(literal.lexicalForm),
                        literal.datatype.string, literal.language ?? ""]
            }
        }
        return Set(rows).sorted { $0.lexicographicallyPrecedes($1) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
    }

    /// The documented XML rule: U+0000–U+001F other than tab, LF and CR, and U+FFFE/U+FFFF are
    /// dropped; vertical tab and form feed become a space.
    private static func xmlCarried(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0B, 0x0C: out.append(" ")
            case 0x09, 0x0A, 0x0D: out.append(scalar)
            case 0x00...0x1F, 0xFFFE, 0xFFFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Sorts rdflib's rows the same way as ``expectedRows(_:)`` (code-point order), so the two lists
    /// compare element by element.
    private func sorted(_ rows: [[String]]) -> [[String]] {
        rows.sorted { $0.lexicographicallyPrecedes($1) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
    }

    // MARK: Every consumer, the same triples

    func testAllConsumersReadTheSameTriplesFromBothGraphs() throws {
        let golden = GoldenGraph.kazakhstan
        let nasty = try NastyNames.graph()
        let goldenPath = try write(golden, name: "kazakhstan.rdf")
        let nastyPath = try write(nasty, name: "nasty-names.rdf")
        let expectedGolden = try expectedRows(golden)
        let expectedNasty = try expectedRows(nasty)
        XCTAssertEqual(expectedGolden.count, 94)
        XCTAssertEqual(try OntologyMapping().triples(for: golden).count, 94)

        // rdflib: the exact triples, not just how many.
        let read = try RDFConsumers.rdflibTriples([goldenPath, nastyPath])
        XCTAssertEqual(sorted(read[goldenPath] ?? []), expectedGolden)
        XCTAssertEqual(sorted(read[nastyPath] ?? []), expectedNasty)
        if let rows = read[nastyPath] {
            for (a, b) in zip(sorted(rows), expectedNasty) where a != b {
                XCTFail("first difference: rdflib read \(a), expected \(b)")
                break
            }
        }

        // The same count from every other consumer.
        XCTAssertEqual(try RDFConsumers.rapperCount(goldenPath), expectedGolden.count, "rapper, golden graph")
        XCTAssertEqual(try RDFConsumers.rapperCount(nastyPath), expectedNasty.count, "rapper, nasty names")
        XCTAssertEqual(try RDFConsumers.oxigraphCounts([goldenPath, nastyPath]),
                       [goldenPath: expectedGolden.count, nastyPath: expectedNasty.count], "pyoxigraph")
        XCTAssertEqual(try RDFConsumers.riotCounts([goldenPath, nastyPath]),
                       [goldenPath: expectedGolden.count, nastyPath: expectedNasty.count], "Jena riot --count")
    }

    func testJenaValidatesBothGraphsAndTheOntologyStrictly() throws {
        let goldenPath = try write(GoldenGraph.kazakhstan, name: "kazakhstan.rdf")
        let nastyPath = try write(try NastyNames.graph(), name: "nasty-names.rdf")
        try RDFConsumers.riotValidate([goldenPath, nastyPath, ontologyPath])
    }

    func testJenaRejectsWhatItShould() throws {
        // The check above can fail: the same call rejects the shared sample with `ns1:2023`.
        let result = try RDFConsumers.jena("riotcmd.riot", ["--validate", "--syntax=RDF/XML",
                                                            SharedFiles.path("schemas/samples/kg-invalid-qname.rdf")])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("QName"), result.stderr)
    }

    func testNastyLabelsReadBackAsDocumented() throws {
        let nasty = try NastyNames.graph()
        let path = try write(nasty, name: "nasty-names.rdf")
        let rows = try XCTUnwrap(try RDFConsumers.rdflibTriples([path])[path])
        let mapping = try OntologyMapping()
        let labels = Dictionary(rows.filter { $0[1] == Vocabulary.RDFS.label.string }.map { ($0[0], $0[3]) },
                                uniquingKeysWith: { a, _ in a })
        for (entity, label) in NastyNames.labels {
            XCTAssertEqual(labels[mapping.iris.entityIRI(id: entity).string], label, entity)
        }
        // Both meetings of e7 and e8 (parallel relations) are there, each with its own date.
        let dates = rows.filter { $0[1] == kg + "date" && $0[4].hasSuffix("#date") }.map { $0[3] }.sorted()
        XCTAssertEqual(dates, ["2008-09-05", "2008-10-15"])
        XCTAssertTrue(rows.contains { $0[1] == kg + "date" && $0[3] == "--09-05" && $0[4].hasSuffix("#gMonthDay") })
        XCTAssertTrue(rows.contains { $0[1] == kg + "date" && $0[3] == "2008" && $0[4].hasSuffix("#gYear") })
        XCTAssertTrue(rows.contains { $0[1] == kg + "share" && $0[3] == "12.5" && $0[4].hasSuffix("#decimal") })
    }

    // MARK: Queries

    func testSPARQLFindsTheMembersOfTheCSTOAndThePlannedMeeting() throws {
        let path = try write(GoldenGraph.kazakhstan, name: "kazakhstan.rdf")
        let prefixes = """
        PREFIX kg: <\(kg)>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

        """
        let members = try RDFConsumers.rdflibQuery(path, prefixes + """
        SELECT ?label WHERE {
          ?org skos:altLabel "CSTO"@en .
          ?member kg:memberOf ?org ; rdfs:label ?label .
        } ORDER BY ?label
        """)
        XCTAssertEqual(members, [["Armenia"], ["Belarus"], ["Kazakhstan"]])

        let planned = try RDFConsumers.rdflibQuery(path, prefixes + """
        SELECT ?date (DATATYPE(?date) AS ?type) ?a ?b ?place WHERE {
          ?m a kg:Meeting ; kg:modality kg:Planned ; kg:date ?date ; kg:place ?place ;
             kg:participant ?a, ?b .
          FILTER (STR(?a) < STR(?b))
        }
        """)
        XCTAssertEqual(planned, [["2008-09-22", "http://www.w3.org/2001/XMLSchema#date",
                                  id + "entity/dmitri-medvedev", id + "entity/nursultan-nazarbayev", id + "entity/astana"]])

        // kg:metWith holds only meetings that happened: the planned one has no direct triple.
        let met = try RDFConsumers.rdflibQuery(path, prefixes + "SELECT ?a ?b WHERE { ?a kg:metWith ?b }")
        XCTAssertEqual(met, [[id + "entity/danial-akhmetov", id + "entity/claudio-bisonero"]])

        let share = try RDFConsumers.rdflibQuery(path, prefixes + """
        SELECT ?share (DATATYPE(?share) AS ?type) WHERE { ?h a kg:Shareholding ; kg:share ?share }
        """)
        XCTAssertEqual(share, [["50", "http://www.w3.org/2001/XMLSchema#decimal"]])
    }

    // MARK: The ontology declares what the mapping emits

    private var ontologyPath: String {
        SharedFiles.packageRoot.appendingPathComponent("Ontology/kgexport.owl").path
    }

    /// `kg:` term → the OWL kind the mapping's use of it requires.
    private func emittedTerms() throws -> [String: String] {
        let owl = "http://www.w3.org/2002/07/owl#"
        var graph = GoldenGraph.kazakhstan
        graph.merge(try NastyNames.graph())
        // No input graph has a negated relation; add one so kg:Negated is covered.
        graph.add(Relation(subject: "kazakhstan", kind: .memberOf, object: "nato", modality: .negated))
        var terms: [String: String] = [:]
        for triple in try OntologyMapping().triples(for: graph) {
            let predicate = triple.predicate.string
            if predicate.hasPrefix(kg) {
                if case .iri = triple.object { terms[predicate] = owl + "ObjectProperty" } else { terms[predicate] = owl + "DatatypeProperty" }
            }
            guard case let .iri(object) = triple.object, object.string.hasPrefix(kg) else { continue }
            terms[object.string] = triple.predicate == Vocabulary.RDF.type ? owl + "Class" : owl + "NamedIndividual"
        }
        return terms
    }

    func testOntologyDeclaresEveryTermTheMappingEmits() throws {
        try Tool.requirePython(module: "rdflib", package: "rdflib")
        let program = #"""
        import sys, json, rdflib
        from rdflib.namespace import RDF, RDFS, OWL, XSD
        g = rdflib.Graph()
        g.parse(sys.argv[1], format="xml")
        kg = sys.argv[2]
        terms = {}
        for s in set(g.subjects()):
            if isinstance(s, rdflib.URIRef) and str(s).startswith(kg):
                terms[str(s)] = {
                    "types": sorted(str(t) for t in g.objects(s, RDF.type)),
                    "labels": sorted(l.language or "" for l in g.objects(s, RDFS.label)),
                    "comments": sorted(c.language or "" for c in g.objects(s, RDFS.comment)),
                }
        # Datatypes named anywhere in the ontology (ranges, restrictions, unions).
        datatypes = sorted({str(o) for o in g.objects() if isinstance(o, rdflib.URIRef) and str(o).startswith(str(XSD))})
        print(json.dumps({"terms": terms, "datatypes": datatypes}))
        """#
        let result = try Tool.python(program, args: [ontologyPath, kg])
        XCTAssertEqual(result.status, 0, "rdflib could not read the ontology:\n\(result.stderr)")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], result.stdout)
        let declared = try XCTUnwrap(json["terms"] as? [String: [String: [String]]])

        let emitted = try emittedTerms()
        // 10 classes (kg:QualifiedRelation and kg:Modality are only in the ontology), 10 object and
        // 6 datatype properties, 3 modalities.
        let kinds = Dictionary(grouping: emitted.values) { $0 }.mapValues(\.count)
        XCTAssertEqual(kinds, ["http://www.w3.org/2002/07/owl#Class": 10, "http://www.w3.org/2002/07/owl#ObjectProperty": 10,
                               "http://www.w3.org/2002/07/owl#DatatypeProperty": 6, "http://www.w3.org/2002/07/owl#NamedIndividual": 3],
                       "\(emitted.keys.sorted())")
        for (term, kind) in emitted.sorted(by: { $0.key < $1.key }) {
            let types = declared[term]?["types"] ?? []
            XCTAssertTrue(types.contains(kind), "\(term) must be declared as \(kind); the ontology says \(types)")
            if kind.hasSuffix("NamedIndividual") {
                XCTAssertTrue(types.contains(kg + "Modality"), "\(term) must be a kg:Modality")
            }
        }
        // Everything the ontology defines is labelled and explained in English.
        for (term, info) in declared {
            XCTAssertEqual(info["labels"], ["en"], "\(term) needs one rdfs:label@en")
            XCTAssertEqual(info["comments"], ["en"], "\(term) needs one rdfs:comment@en")
        }
        // Only datatypes of the OWL 2 datatype map, which DL reasoners require (xsd:date is not one).
        let owl2 = Set(["decimal", "integer", "nonNegativeInteger", "string", "boolean", "double", "float",
                        "dateTime", "dateTimeStamp", "anyURI"].map { "http://www.w3.org/2001/XMLSchema#" + $0 })
        for datatype in try XCTUnwrap(json["datatypes"] as? [String]) {
            if datatype.hasSuffix("#minInclusive") || datatype.hasSuffix("#maxInclusive") { continue }
            XCTAssertTrue(owl2.contains(datatype), "\(datatype) is outside the OWL 2 datatype map")
        }
    }
}
