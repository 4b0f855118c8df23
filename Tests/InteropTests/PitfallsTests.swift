import KGTestSupport
import Foundation
import KGFormats
import KGModel
import KGRDF
import XCTest

/// One test per numbered case of `shared/cases/PITFALLS.md` (inputs that broke other exporters),
/// each asserting the expected behaviour on the real writers and, where the case says so, with
/// the real consumers: xmllint with the GraphML schema, jing with the GEXF schema, NetworkX,
/// `dot -Tcanon`, Jena RIOT and rdflib.
final class PitfallsTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try SharedFiles.makeTemporaryDirectory("kgexport-pitfalls")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    // MARK: Writing

    private enum Format: String {
        case graphML = "graphml", gexf, dot, rdfXML = "rdf"
    }

    /// Writes `graph` in `format` through an atomic file sink and returns the path.
    private func write(_ graph: KnowledgeGraph, _ format: Format, name: String = "graph",
                       dotOptions: DOTWriter.Options = DOTWriter.Options()) throws -> String {
        let path = directory.appendingPathComponent(name + "." + format.rawValue).path
        let sink = try FileSink(path: path)
        switch format {
        case .graphML: try GraphMLWriter.write(graph, to: sink)
        case .gexf: try GEXFWriter.write(graph, to: sink)
        case .dot: try DOTWriter.write(graph, to: sink, options: dotOptions)
        case .rdfXML: try RDFXMLWriter.write(graph, mapping: try OntologyMapping(), to: sink)
        }
        try sink.commit()
        return path
    }

    private func graph(_ entities: [Entity], _ relations: [Relation] = [], documents: [Document] = []) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        for e in entities { g.add(e) }
        for d in documents { g.add(d) }
        for r in relations { g.add(r) }
        return g
    }

    // MARK: Consumers

    private func assertGraphMLSchemaValid(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try Tool.require("xmllint", package: "Debian package libxml2-utils", file: file, line: line)
        let result = try Tool.run("xmllint", args: ["--noout", "--nonet", "--schema", SharedFiles.path("schemas/graphml/graphml.xsd"), path],
                                  environment: ["XML_CATALOG_FILES": SharedFiles.xmlCatalog])
        XCTAssertEqual(result.status, 0, "xmllint rejected \(path):\n\(result.stderr)", file: file, line: line)
    }

    private func assertWellFormed(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try Tool.require("xmllint", package: "Debian package libxml2-utils", file: file, line: line)
        let result = try Tool.run("xmllint", args: ["--noout", "--nonet", path])
        XCTAssertEqual(result.status, 0, "not well-formed XML 1.0: \(path)\n\(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stderr, "", file: file, line: line)
    }

    /// What NetworkX reads from a GraphML or GEXF file: nodes and edges with `[type name, value]` attributes.
    private struct NetworkXGraph {
        var directed: Bool
        var nodes: [String: [String: [Any]]]
        var edges: [(source: String, target: String, key: String, data: [String: [Any]])]

        func value(_ node: String, _ key: String) -> String? { nodes[node]?[key]?[1] as? String }
        func edges(_ source: String, _ target: String) -> [(key: String, data: [String: [Any]])] {
            edges.filter { $0.source == source && $0.target == target }.map { ($0.key, $0.data) }
        }
    }

    private func networkX(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> NetworkXGraph {
        try Tool.requirePython(module: "networkx", package: "networkx", file: file, line: line)
        let program = #"""
        import sys, json, networkx as nx
        path = sys.argv[1]
        G = nx.read_gexf(path) if path.endswith(".gexf") else nx.read_graphml(path)
        def typed(d): return {k: [type(v).__name__, v] for k, v in d.items()}
        edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, d.get("id"), d) for u, v, d in G.edges(data=True))
        print(json.dumps({"directed": G.is_directed(), "nodes": {n: typed(d) for n, d in G.nodes(data=True)},
                          "edges": [[u, v, k, typed(d)] for u, v, k, d in edges]}, ensure_ascii=False))
        """#
        let result = try Tool.python(program, args: [path])
        XCTAssertEqual(result.status, 0, "networkx could not read \(path):\n\(result.stderr)", file: file, line: line)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], result.stdout,
                                 file: file, line: line)
        let edges = (json["edges"] as? [[Any]] ?? []).map { e in
            (source: e[0] as? String ?? "", target: e[1] as? String ?? "", key: e[2] as? String ?? "", data: e[3] as? [String: [Any]] ?? [:])
        }
        return NetworkXGraph(directed: json["directed"] as? Bool ?? false, nodes: json["nodes"] as? [String: [String: [Any]]] ?? [:],
                             edges: edges)
    }

    /// The structure of a GraphML or GEXF file as Python's ElementTree (a strict XML parser) sees it:
    /// the order of the declarations, every declaration, every id, and every value with its owner.
    private struct Structure: Decodable {
        /// Local names of the children of `<graphml>` (GraphML) or `<graph>` (GEXF), in order.
        var order: [String]
        /// Attributes of `<graph>`.
        var graph: [String: String]
        /// GraphML `<key>` or GEXF `<attribute>` attributes; GEXF ones get `class` from `<attributes>`.
        var declarations: [[String: String]]
        var nodes: [[String: String]]
        var edges: [[String: String]]
        /// `owner` (node or edge), `key` (data@key or attvalue@for) and `value`.
        var values: [[String: String]]
    }

    private func structure(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> Structure {
        try Tool.require("python3", package: "Debian package python3", file: file, line: line)
        let program = #"""
        import sys, json, xml.etree.ElementTree as ET
        path = sys.argv[1]
        root = ET.parse(path).getroot()
        local = lambda e: e.tag.split("}")[-1]
        out = {"order": [], "graph": {}, "declarations": [], "nodes": [], "edges": [], "values": []}
        if path.endswith(".gexf"):
            graph = [e for e in root if local(e) == "graph"][0]
            out["order"] = [local(e) for e in graph]
            out["graph"] = dict(graph.attrib)
            for a in graph:
                if local(a) == "attributes":
                    for d in a: out["declarations"].append(dict(d.attrib, **{"class": a.get("class")}))
            for owner in ("node", "edge"):
                for e in graph.iter("{http://gexf.net/1.3}" + owner):
                    out[owner + "s"].append(dict(e.attrib))
                    for v in e.iter("{http://gexf.net/1.3}attvalue"):
                        out["values"].append({"owner": owner, "key": v.get("for"), "value": v.get("value")})
        else:
            out["order"] = [local(e) for e in root]
            graph = [e for e in root if local(e) == "graph"][0]
            out["graph"] = dict(graph.attrib)
            out["declarations"] = [dict(k.attrib) for k in root if local(k) == "key"]
            for owner in ("node", "edge"):
                for e in graph.iter("{http://graphml.graphdrawing.org/xmlns}" + owner):
                    out[owner + "s"].append(dict(e.attrib))
                    for v in e.iter("{http://graphml.graphdrawing.org/xmlns}data"):
                        out["values"].append({"owner": owner, "key": v.get("key"), "value": v.text or ""})
        print(json.dumps(out, ensure_ascii=False))
        """#
        let result = try Tool.python(program, args: [path])
        XCTAssertEqual(result.status, 0, "ElementTree could not parse \(path):\n\(result.stderr)", file: file, line: line)
        return try JSONDecoder().decode(Structure.self, from: result.stdoutData)
    }

    /// An XML 1.0 NMTOKEN (production [7]) made only of the characters kgexport writes in ids:
    /// ASCII letters, digits, `-`, `.` and `_`.
    private func isNMToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "." || s == "_"
        }
    }

    // MARK: GraphML and GEXF

    /// 1. Parallel relations (two meetings of the same pair on different dates) are two edges with
    /// ids unique in the file; a reader must get both back, each with its own attributes.
    func testCase01ParallelRelationsAreTwoEdgesWithUniqueIdsAndTheirOwnAttributes() throws {
        let nasty = try NastyNames.graph()
        let meetings = nasty.sortedRelations.filter { $0.subject == "e7" && $0.object == "e8" }
        XCTAssertEqual(meetings.map { $0.date?.description ?? "" }, ["2008-09-05", "2008-10-15"])
        for format in [Format.graphML, .gexf] {
            let path = try write(nasty, format, name: "case01")
            let ids = try structure(path).edges.compactMap { $0["id"] }
            XCTAssertEqual(ids.count, NastyNames.relationCount, format.rawValue)
            XCTAssertEqual(Set(ids).count, ids.count, "edge ids are unique in the \(format.rawValue) file")

            let read = try networkX(path).edges("e7", "e8")
            XCTAssertEqual(read.count, 2, format.rawValue)
            XCTAssertEqual(Set(read.map(\.key)), Set(meetings.map(\.id)), format.rawValue)
            for meeting in meetings {
                let data = try XCTUnwrap(read.first { $0.key == meeting.id }?.data, format.rawValue)
                XCTAssertEqual(data["date"]?[1] as? String, meeting.date?.description, format.rawValue)
                XCTAssertEqual(data["evidence"]?[1] as? String, meeting.evidence.sentence, format.rawValue)
                XCTAssertEqual(data["source"]?[1] as? String, meeting.evidence.source, format.rawValue)
            }
            let first = try XCTUnwrap(read.first { $0.key == meetings[0].id }?.data)
            let second = try XCTUnwrap(read.first { $0.key == meetings[1].id }?.data)
            XCTAssertEqual(first["place"]?[1] as? String, "Kazakhstan", format.rawValue)
            XCTAssertNil(second["place"], "the second meeting has no place of its own: \(format.rawValue)")
        }
    }

    /// 2. Every `<key>` has `id`, `for` (node or edge), `attr.name` and a lower-case `attr.type`; keys
    /// come before `<graph>`; every `<data key>` names a declared key. (GEXF likewise: attributes
    /// declared with id, title and type before the nodes; every `attvalue@for` names one.)
    func testCase02EveryKeyIsDeclaredFirstWithIdForNameAndTypeAndEveryValueNamesOne() throws {
        let nasty = try NastyNames.graph()
        let graphML = try write(nasty, .graphML, name: "case02")
        try assertGraphMLSchemaValid(graphML)
        let g = try structure(graphML)
        XCTAssertEqual(g.order, Array(repeating: "key", count: 20) + ["graph"], "keys come before <graph>")
        var declared: [String: String] = [:]
        for key in g.declarations {
            let id = try XCTUnwrap(key["id"])
            XCTAssertEqual(key["attr.name"], id, "key ids equal attr.name, never opaque")
            XCTAssertTrue(["node", "edge"].contains(key["for"] ?? ""), id)
            XCTAssertTrue(["string", "int", "long", "float", "double", "boolean"].contains(key["attr.type"] ?? ""), id)
            XCTAssertNil(declared.updateValue(key["for"] ?? "", forKey: id), "\(id) declared once")
        }
        XCTAssertEqual(g.values.count, 57 + 57, "57 node values (label, type, iri; 6 alias lists) and 57 edge values")
        for value in g.values {
            XCTAssertEqual(declared[value["key"] ?? ""], value["owner"], "data key \(value["key"] ?? "") is declared for \(value["owner"] ?? "")")
        }

        let gexf = try write(nasty, .gexf, name: "case02")
        try GEXFConsumers.assertValid([gexf])
        let x = try structure(gexf)
        XCTAssertEqual(x.order, ["attributes", "attributes", "nodes", "edges"], "attributes come before the nodes")
        var attributes: [String: String] = [:]
        for attribute in x.declarations {
            let id = try XCTUnwrap(attribute["id"])
            XCTAssertEqual(attribute["title"], id)
            XCTAssertTrue(["string", "integer", "double", "liststring"].contains(attribute["type"] ?? ""), id)
            XCTAssertNil(attributes.updateValue(attribute["class"] ?? "", forKey: id), "\(id) declared once")
        }
        XCTAssertEqual(x.values.count, 114 - 17, "the same values as GraphML, less the label (the node's own attribute)")
        for value in x.values {
            XCTAssertEqual(attributes[value["key"] ?? ""], value["owner"], "attvalue for \(value["key"] ?? "") is declared for \(value["owner"] ?? "")")
        }
    }

    /// 3. One declared type per attribute. A list (aliases) is one documented string (a JSON array)
    /// in GraphML and a `liststring` in GEXF 1.3; never a type that changes from node to node.
    func testCase03OneTypePerAttributeAndListsAreAJSONArrayOrAListstring() throws {
        let nasty = try NastyNames.graph()
        var withQuotes = nasty
        withQuotes.add(Entity(id: "e18", label: "Q", type: .company, aliases: ["A \"B\"\\", "x, [y]", "it's"]))
        let aliases = Dictionary(uniqueKeysWithValues: withQuotes.sortedEntities.filter { !$0.aliases.isEmpty }.map { ($0.id, $0.aliases) })
        XCTAssertEqual(aliases.count, 7, "six in the nasty names, one added")

        let graphML = try write(withQuotes, .graphML, name: "case03")
        let g = try structure(graphML)
        XCTAssertEqual(g.declarations.first { $0["id"] == "aliases" }?["attr.type"], "string")
        let read = try networkX(graphML)
        for (id, list) in aliases {
            let text = try XCTUnwrap(read.value(id, "aliases"), id)
            XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String], list, id)
        }

        let gexf = try write(withQuotes, .gexf, name: "case03")
        try GEXFConsumers.assertValid([gexf])
        XCTAssertEqual(try structure(gexf).declarations.first { $0["id"] == "aliases" }?["type"], "liststring")
        let readGEXF = try networkX(gexf)
        for (id, list) in aliases {
            XCTAssertEqual(GEXFConsumers.gephiList(try XCTUnwrap(readGEXF.value(id, "aliases"), id)), list, id)
        }

        // Whatever a reader makes of a value, every attribute has one type across all nodes and edges.
        for (name, read) in [("graphml", read), ("gexf", readGEXF)] {
            var types: [String: Set<String>] = [:]
            for data in Array(read.nodes.values) + read.edges.map(\.data) {
                for (key, value) in data { types[key, default: []].insert(value[0] as? String ?? "") }
            }
            XCTAssertTrue(types.values.allSatisfy { $0.count == 1 }, "\(name): \(types.filter { $0.value.count > 1 })")
            XCTAssertEqual(types["aliases"], ["str"], name)
            XCTAssertEqual(types["share"], ["float"], name)
        }
    }

    /// 4. Node ids, edge ids and `attr.name` are XML NMTOKENs: no spaces. `Acme Corp` is a label, not an id.
    func testCase04IdsAndAttributeNamesAreNMTokensAndNamesStayLabels() throws {
        let ids = ["Acme Corp", "Strict:node_1", "Назарбаев", "a\"b<c>", "x y\tz"]
        let g = graph(ids.map { Entity(id: $0, label: $0, type: .company) },
                      [Relation(subject: "Acme Corp", kind: .holdsShareIn, object: "x y\tz", share: 5),
                       Relation(subject: "Назарбаев", kind: .metWith, object: "a\"b<c>")])
        let graphML = try write(g, .graphML, name: "case04")
        try assertGraphMLSchemaValid(graphML)   // the schema types ids and attr.name as xs:NMTOKEN
        let gexf = try write(g, .gexf, name: "case04")
        try GEXFConsumers.assertValid([gexf])
        for path in [graphML, gexf] {
            let s = try structure(path)
            for node in s.nodes { XCTAssertTrue(isNMToken(node["id"] ?? ""), node["id"] ?? "") }
            for edge in s.edges {
                for field in ["id", "source", "target"] { XCTAssertTrue(isNMToken(edge[field] ?? ""), "\(field) \(edge[field] ?? "")") }
            }
            for declaration in s.declarations {
                XCTAssertTrue(isNMToken(declaration["attr.name"] ?? declaration["id"] ?? ""), "\(declaration)")
            }
            let read = try networkX(path)
            XCTAssertEqual(Set(read.nodes.keys), Set(ids.map(Identifier.nmtoken)))
            XCTAssertEqual(read.value("Acme_20Corp", "label"), "Acme Corp", "the name is the label")
            XCTAssertEqual(read.value("x_20y_09z", "label"), "x y\tz")
            XCTAssertEqual(read.value("a_22b_3Cc_3E", "label"), "a\"b<c>")
            XCTAssertEqual(read.edges("Acme_20Corp", "x_20y_09z").count, 1)
        }
    }

    /// 5. Booleans are `true`/`false`; numbers use `.` and no thousands separator; a missing value is
    /// an absent `<data>`, never an empty string or `NaN`. (No kgexport attribute is boolean: the
    /// declared types are exactly those below, so a boolean could not slip in unnoticed.)
    func testCase05NumbersArePlainAndMissingValuesAreAbsent() throws {
        let entities = [Entity(id: "a", label: "A", type: .company), Entity(id: "b", label: "B", type: .facility)]
        let stake = Relation(subject: "a", kind: .holdsShareIn, object: "b", share: 12.5,
                             evidence: Evidence(sentence: "s", source: "doc.txt", offsets: 1234..<1234567))
        let bare = Relation(subject: "b", kind: .memberOf, object: "a")
        let g = graph(entities, [stake, bare])
        let graphML = try write(g, .graphML, name: "case05")
        let gexf = try write(g, .gexf, name: "case05")
        try assertGraphMLSchemaValid(graphML)
        try GEXFConsumers.assertValid([gexf])

        let declaredGraphML = Set(try structure(graphML).declarations.compactMap { $0["attr.type"] })
        XCTAssertEqual(declaredGraphML, ["string", "double", "int"])
        let declaredGEXF = Set(try structure(gexf).declarations.compactMap { $0["type"] })
        XCTAssertEqual(declaredGEXF, ["string", "double", "integer", "liststring"])

        for path in [graphML, gexf] {
            let values = try structure(path).values
            let byKey = Dictionary(values.map { ($0["key"] ?? "", $0["value"] ?? "") }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(byKey["share"], "12.5")
            XCTAssertEqual(byKey["offset_start"], "1234")
            XCTAssertEqual(byKey["offset_end"], "1234567", "no thousands separator")
            XCTAssertFalse(values.contains { ($0["value"] ?? "").isEmpty }, "no empty value")
            XCTAssertFalse(values.contains { ["NaN", "nan", "INF", "-INF"].contains($0["value"] ?? "") })

            let read = try networkX(path)
            let edge = try XCTUnwrap(read.edges("a", "b").first?.data)
            XCTAssertEqual(edge["share"]?[1] as? Double, 12.5)
            XCTAssertEqual(edge["offset_end"]?[1] as? Int, 1_234_567)
            let missing = try XCTUnwrap(read.edges("b", "a").first?.data)
            for key in ["date", "place", "share", "evidence", "source", "offset_start", "offset_end"] {
                XCTAssertNil(missing[key], "\(key) is absent, not empty")
            }
        }
    }

    /// 6. Never mix directed and undirected edges in one graph: NetworkX refuses the file.
    /// Symmetric relations (met-with) are written once with a documented direction.
    func testCase06AllEdgesAreDirectedAndMetWithIsWrittenOnceFromSubjectToObject() throws {
        let nasty = try NastyNames.graph()
        let metWith = nasty.sortedRelations.filter { $0.kind == .metWith }
        XCTAssertEqual(metWith.count, 3)
        let graphML = try write(nasty, .graphML, name: "case06")
        let gexf = try write(nasty, .gexf, name: "case06")

        let g = try structure(graphML)
        XCTAssertEqual(g.graph["edgedefault"], "directed")
        XCTAssertTrue(g.edges.allSatisfy { $0["directed"] == nil }, "no edge overrides the default")
        let x = try structure(gexf)
        XCTAssertEqual(x.graph["defaultedgetype"], "directed")
        XCTAssertTrue(x.edges.allSatisfy { $0["type"] == nil }, "no edge overrides the default")

        for path in [graphML, gexf] {
            let read = try networkX(path)
            XCTAssertTrue(read.directed)
            let meetings = read.edges.filter { $0.data["relation"]?[1] as? String == "met-with" }
            XCTAssertEqual(meetings.count, metWith.count, "each meeting once")
            XCTAssertEqual(Set(meetings.map { "\($0.source) \($0.target)" }), ["e7 e8", "e12 e14"], "subject to object")
        }
    }

    // MARK: DOT

    /// 7. Every id and every string is double-quoted, with `\` and `"` escaped: keywords in any case,
    /// a colon, a trailing backslash and an HTML-like label come back unchanged from `dot -Tcanon`.
    func testCase07KeywordsColonsBackslashesQuotesAndHTMLComeBackUnchangedFromDot() throws {
        let names = ["node", "Strict", "EDGE", "graph", "digraph", "subgraph", "Acme:AG", "trailing\\", "<b>HTML</b>", "Acme \"AG\""]
        let relations = [Relation(subject: "Acme:AG", kind: .memberOf, object: "node"),
                         Relation(subject: "trailing\\", kind: .metWith, object: "Acme \"AG\"", modality: .planned),
                         Relation(subject: "EDGE", kind: .holdsShareIn, object: "subgraph", share: 50)]
        let g = graph(names.map { Entity(id: $0, label: $0, type: .organization, aliases: [$0]) }, relations)
        for (name, options) in [("plain", DOTWriter.Options()), ("drawn", DOTWriter.Options(legend: true, clusterByType: true))] {
            let canon = try DOTCanon.read(try write(g, .dot, name: "case07-" + name, dotOptions: options))
            let entities = canon.nodes.filter { !$0.key.hasPrefix("kgexport-legend") }
            XCTAssertEqual(Set(entities.keys), Set(names), "\(name): no node split, merged, or read as a port")
            for id in names {
                XCTAssertEqual(entities[id]?.attributes["label"], id, "\(name): \(id)")
                XCTAssertEqual(entities[id]?.attributes["aliases"], PropertyGraphJSON.array([id]), "\(name): \(id)")
            }
            let edges = canon.edges.filter { !$0.tail.hasPrefix("kgexport-legend") }.map { "\($0.tail) -> \($0.head) \($0.attributes["id"] ?? "")" }
            XCTAssertEqual(edges.sorted(), relations.map { "\($0.subject) -> \($0.object) \($0.id)" }.sorted(), name)
        }
    }

    /// 8. Non-ASCII names (Cyrillic, Arabic, CJK) are written as UTF-8 with `charset="UTF-8"`.
    func testCase08NonASCIINamesAreRawUTF8WithTheCharsetDeclared() throws {
        let path = try write(try NastyNames.graph(), .dot, name: "case08")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = try XCTUnwrap(String(data: bytes, encoding: .utf8), "the file is valid UTF-8")
        XCTAssertTrue(text.contains("graph [charset=\"UTF-8\""))
        for name in ["Назарбаев Нурсултан", "شركة النفط", "中国石油", "Société Générale"] {
            XCTAssertTrue(text.contains("label=\"\(name)\""), "\(name) written as itself, not escaped")
        }
        XCTAssertFalse(text.contains("&#"), "no character references")
        let canon = try DOTCanon.read(path)   // fails on any warning, such as dot falling back to Latin-1
        XCTAssertEqual(canon.nodes["e7"]?.attributes["label"], "Назарбаев Нурсултан")
        XCTAssertEqual(canon.nodes["e9"]?.attributes["label"], "شركة النفط")
        XCTAssertEqual(canon.nodes["e10"]?.attributes["label"], "中国石油")
        XCTAssertEqual(canon.nodes["e10"]?.attributes["aliases"], "[\"PetroChina\"]")
    }

    // MARK: RDF/XML

    /// 9. RDF/XML can only write a predicate whose IRI ends in an XML name: such a predicate fails
    /// with a clear error instead of a broken file, and the ontology's own terms are NCName-safe.
    func testCase09PredicatesWithoutAnXMLNameAreAClearErrorAndOntologyTermsAreSafe() throws {
        let path = directory.appendingPathComponent("case09.rdf").path
        let sink = try FileSink(path: path)
        let writer = try RDFXMLWriter(sink: sink)
        let subject = try IRI("https://example.org/id/acme")
        try writer.begin()
        try writer.write(Triple(subject, Vocabulary.RDFS.label, Literal("Acme")))
        for bad in ["https://example.org/rel/2023", "https://example.org/p%20q", "https://example.org/rel/"] {
            XCTAssertThrowsError(try writer.write(Triple(subject, try IRI(bad), Literal("x")))) { error in
                XCTAssertEqual(error as? RDFXMLError, .unwritablePredicate(bad))
                XCTAssertEqual("\(error)", "predicate <\(bad)> cannot be written as RDF/XML: its IRI does not end in an XML name (NCName)")
            }
        }
        try writer.write(Triple(subject, try IRI("https://example.org/rel/p2023"), Literal("y")))
        try writer.finish()
        try sink.commit()
        try assertWellFormed(path)
        try RDFConsumers.riotValidate([path])
        XCTAssertEqual(try RDFConsumers.rdflibTriples([path])[path]?.map { $0[1] }.sorted(),
                       [Vocabulary.RDFS.label.string, "https://example.org/rel/p2023"], "the refused triples left no trace")

        // Every predicate the mapping emits is writable, and Jena (strict on QNames) accepts the files.
        let golden = try write(GoldenGraph.kazakhstan, .rdfXML, name: "case09-golden")
        let nasty = try write(try NastyNames.graph(), .rdfXML, name: "case09-nasty")
        try RDFConsumers.riotValidate([golden, nasty])
        for path in [golden, nasty] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertFalse(text.contains("xmlns:ns1"), "every predicate is an ontology or vocabulary term with its own prefix")
        }
    }

    /// 10. IRIs are minted, not pasted: no spaces, quotes or angle brackets. Language tags are BCP 47.
    func testCase10IRIsAreMintedAndLanguageTagsAreBCP47() throws {
        let ids = ["Acme Corp", "a\"b", "<x>", "50% #1", "Назарбаев", "doc 1.txt"]
        let entities = ids.map { Entity(id: $0, label: $0, type: .company) }
        let g = graph(entities, [Relation(subject: "Acme Corp", kind: .holdsShareIn, object: "<x>", share: 50,
                                          evidence: Evidence(sentence: "s", source: "doc 1.txt"))],
                      documents: [Document(id: "doc 1.txt", title: "T", url: "https://example.org/a b")])
        let mapping = try OntologyMapping()
        var iris = Set<String>()
        for triple in try mapping.triples(for: g) {
            iris.insert(triple.subject.string)
            iris.insert(triple.predicate.string)
            if case let .iri(object) = triple.object { iris.insert(object.string) }
        }
        for iri in iris {
            XCTAssertFalse(iri.unicodeScalars.contains { " \"<>{}|\\^`\t\n".unicodeScalars.contains($0) }, iri)
            XCTAssertTrue(IRI.isValid(iri), iri)
        }
        let entityIRIs = ids.map { mapping.iris.entityIRI(id: $0).string }
        XCTAssertEqual(Set(entityIRIs).count, ids.count, "distinct ids, distinct IRIs")
        XCTAssertEqual(entityIRIs[0], "https://w3id.org/kgexport/id/entity/Acme%20Corp")
        XCTAssertEqual(entityIRIs[3], "https://w3id.org/kgexport/id/entity/50%25%20%231")

        let path = try write(g, .rdfXML, name: "case10")
        try RDFConsumers.riotValidate([path])   // Jena: "Bad character in IRI (space)", "Bad language tag"
        let rows = try XCTUnwrap(try RDFConsumers.rdflibTriples([path])[path])
        let labels = Dictionary(rows.filter { $0[1] == Vocabulary.RDFS.label.string }.map { ($0[0], ($0[3], $0[5])) },
                                uniquingKeysWith: { a, _ in a })
        for (id, iri) in zip(ids, entityIRIs) {
            XCTAssertEqual(labels[iri]?.0, id, "the name is the label, the IRI is minted")
            XCTAssertEqual(labels[iri]?.1, "en")
        }

        XCTAssertThrowsError(try OntologyMapping(language: "en_US")) {
            XCTAssertEqual($0 as? OntologyMappingError, .invalidLanguageTag("en_US"))
            XCTAssertEqual("\($0)", "invalid language tag \"en_US\": not a well-formed BCP 47 tag (e.g. en, en-US)")
        }
        let american = directory.appendingPathComponent("case10-en-US.rdf").path
        let sink = try FileSink(path: american)
        try RDFXMLWriter.write(g, mapping: try OntologyMapping(language: "en-US"), to: sink)
        try sink.commit()
        try RDFConsumers.riotValidate([american])
        let tags = Set(try XCTUnwrap(try RDFConsumers.rdflibTriples([american])[american]).map { $0[5] }.filter { !$0.isEmpty })
        XCTAssertEqual(tags, ["en-US"])
    }

    /// 11. Literal datatypes match their lexical form: `xsd:date` only for `YYYY-MM-DD`, `xsd:gYearMonth`,
    /// `xsd:gYear` and `xsd:gMonthDay` for partial dates, `xsd:decimal` for `12.5` (never `"12.5%"`).
    func testCase11LiteralDatatypesMatchTheirLexicalForms() throws {
        var g = try NastyNames.graph()
        g.add(Relation(subject: "e1", kind: .memberOf, object: "e17", date: PartialDate(iso: "2008-09"),
                       evidence: Evidence(sentence: "z", source: "doc-1.txt", offsets: 3..<70)))
        let path = try write(g, .rdfXML, name: "case11")
        try RDFConsumers.riotValidate([path])   // Jena checks every lexical form against its datatype
        let rows = try XCTUnwrap(try RDFConsumers.rdflibTriples([path])[path])
        let kg = "https://w3id.org/kgexport/ontology#", xsd = "http://www.w3.org/2001/XMLSchema#"
        let dates = Set(rows.filter { $0[1] == kg + "date" }.map { "\($0[3]) \($0[4])" })
        XCTAssertEqual(dates, ["2008-09-05 \(xsd)date", "2008-10-15 \(xsd)date", "2008-09 \(xsd)gYearMonth",
                               "2008 \(xsd)gYear", "--09-05 \(xsd)gMonthDay"])
        let shares = Set(rows.filter { $0[1] == kg + "share" }.map { "\($0[3]) \($0[4])" })
        XCTAssertEqual(shares, ["50 \(xsd)decimal", "12.5 \(xsd)decimal", "0.5 \(xsd)decimal"])
        XCTAssertFalse(rows.contains { $0[2] == "literal" && $0[4] == xsd + "decimal" && $0[3].contains("%") })
        let offsets = Set(rows.filter { $0[1] == kg + "startOffset" || $0[1] == kg + "endOffset" }.map { "\($0[3]) \($0[4])" })
        XCTAssertEqual(offsets, ["3 \(xsd)integer", "70 \(xsd)integer"])
    }

    // MARK: XML in general

    /// 12. XML 1.0 forbids U+0000 to U+001F except tab, newline and carriage return, even as character
    /// references; every XML format strips them (vertical tab and form feed become a space).
    func testCase12ForbiddenCharactersAreStrippedInEveryXMLFormat() throws {
        let controls = (0x00...0x1F).filter { ![0x09, 0x0A, 0x0D].contains($0) }.compactMap { Unicode.Scalar(UInt32($0)) }
        let everything = String(String.UnicodeScalarView(controls))
        var g = try NastyNames.graph()
        g.add(Entity(id: "e18", label: "All" + everything + "controls\u{FFFE}\u{FFFF}", type: .organization, aliases: ["x\u{1}y"]))
        g.add(Relation(subject: "e18", kind: .memberOf, object: "e17", evidence: Evidence(sentence: "a\u{0}b\u{B}c\u{C}d\u{1B}e\tf\r\ng")))
        let expectedLabel = "All  controls"   // vertical tab and form feed become spaces, the rest is dropped
        XCTAssertEqual(XMLCarried.text(g.entities["e18"]?.label ?? ""), expectedLabel)

        for format in [Format.graphML, .gexf, .rdfXML] {
            let path = try write(g, format, name: "case12")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertFalse(XMLCarried.hasForbiddenCharacter(text), format.rawValue)
            XCTAssertFalse(text.contains("&#1;") || text.contains("&#x1;") || text.contains("&#27;"), "no references to forbidden characters")
            try assertWellFormed(path)
        }
        for format in [Format.graphML, .gexf] {
            let read = try networkX(try write(g, format, name: "case12"))
            XCTAssertEqual(read.value("e12", "label"), "Bell Corp ", format.rawValue)
            XCTAssertEqual(read.value("e18", "label"), expectedLabel, format.rawValue)
            XCTAssertEqual(read.edges("e12", "e14").first?.data["evidence"]?[1] as? String, "Bell Corp met Acme Corp .", format.rawValue)
            XCTAssertEqual(read.edges("e18", "e17").first?.data["evidence"]?[1] as? String, "ab c de\tf\r\ng", format.rawValue)
        }
        let rdf = try write(g, .rdfXML, name: "case12")
        try RDFConsumers.riotValidate([rdf])   // Jena: "An invalid XML character (Unicode: 0x1)" otherwise
        let rows = try XCTUnwrap(try RDFConsumers.rdflibTriples([rdf])[rdf])
        let mapping = try OntologyMapping()
        let labels = Dictionary(rows.filter { $0[1] == Vocabulary.RDFS.label.string }.map { ($0[0], $0[3]) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(labels[mapping.iris.entityIRI(id: "e12").string], "Bell Corp ")
        XCTAssertEqual(labels[mapping.iris.entityIRI(id: "e18").string], expectedLabel)
        XCTAssertTrue(rows.contains { $0[3] == "xy" }, "the alias lost its control character")
    }

    /// 13. `]]>` in text, `&`, `<`, `>` and quotes in attributes: libxml2 escapes them; every consumer
    /// reads the exact text back.
    func testCase13MarkupCharactersInTextAndAttributesAreEscaped() throws {
        let nasty = "Tom & Jerry <Ltd> \"quoted\" 'single' x]]>y &amp; <![CDATA[z]]>"
        let g = graph([Entity(id: "m", label: nasty, type: .company, aliases: [nasty]),
                       Entity(id: "n", label: "A]]>B", type: .organization)],
                      [Relation(subject: "m", kind: .memberOf, object: "n", evidence: Evidence(sentence: nasty, source: "doc & <1>.txt",
                                                                                                citedSource: nasty))],
                      documents: [Document(id: "doc & <1>.txt", title: nasty, url: "https://example.org/?a=1&b=<2>")])
        for format in [Format.graphML, .gexf, .rdfXML] {
            let path = try write(g, format, name: "case13")
            try assertWellFormed(path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertFalse(text.contains("]]>"), "\(format.rawValue): ]]> never appears unescaped")
            XCTAssertFalse(text.contains("<Ltd>") || text.contains("<![CDATA["), format.rawValue)
            XCTAssertTrue(text.contains("Tom &amp; Jerry &lt;Ltd&gt;"), format.rawValue)
        }
        for format in [Format.graphML, .gexf] {
            let read = try networkX(try write(g, format, name: "case13"))
            XCTAssertEqual(read.value("m", "label"), nasty, format.rawValue)
            XCTAssertEqual(read.value("n", "label"), "A]]>B", format.rawValue)
            let edge = try XCTUnwrap(read.edges("m", "n").first?.data)
            for key in ["evidence", "cited_source", "source_title"] {
                XCTAssertEqual(edge[key]?[1] as? String, nasty, "\(format.rawValue) \(key)")
            }
            XCTAssertEqual(edge["source"]?[1] as? String, "doc & <1>.txt")
            XCTAssertEqual(edge["source_url"]?[1] as? String, "https://example.org/?a=1&b=<2>")
            let aliases = try XCTUnwrap(read.value("m", "aliases"))
            let list = format == .gexf ? GEXFConsumers.gephiList(aliases)
                : try JSONSerialization.jsonObject(with: Data(aliases.utf8)) as? [String] ?? []
            XCTAssertEqual(list, [nasty], format.rawValue)
        }
        let rdf = try write(g, .rdfXML, name: "case13")
        try RDFConsumers.riotValidate([rdf])
        let rows = try XCTUnwrap(try RDFConsumers.rdflibTriples([rdf])[rdf])
        XCTAssertEqual(rows.filter { $0[3] == nasty }.count, 5, "label, alias, evidence, cited source and headline")
        XCTAssertTrue(rows.contains { $0[3] == "A]]>B" })
    }
}

/// The JSON array GraphML and DOT write for a list (``PropertyGraphAttributes``' documented form),
/// for comparing what a consumer read.
private enum PropertyGraphJSON {
    static func array(_ items: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
