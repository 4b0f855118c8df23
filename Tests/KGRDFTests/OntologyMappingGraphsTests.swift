import KGModel
import XCTest
@testable import KGRDF

/// The dataset view of the mapping (``OntologyMapping/forEachQuad(in:_:)``): one named graph per
/// article, entities and article descriptions in the default graph.
final class OntologyMappingGraphsTests: XCTestCase {
    private let id = "https://w3id.org/kgexport/id/"
    private let kg = "https://w3id.org/kgexport/ontology#"
    private let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    private let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    private let prov = "http://www.w3.org/ns/prov#"
    private let xsd = "http://www.w3.org/2001/XMLSchema#"

    private func quads(_ graph: KnowledgeGraph) throws -> [Quad] {
        var quads: [Quad] = []
        try OntologyMapping().forEachQuad(in: graph) { quads.append($0) }
        return quads
    }

    func testRelationsGoToTheGraphOfTheirArticleAndTheRestToTheDefaultGraph() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "kz", label: "Kazakhstan", type: .country))
        graph.add(Relation(subject: "kz", kind: .memberOf, object: "csto",
                           evidence: Evidence(source: "a.txt", offsets: 3..<9)))
        graph.add(Relation(subject: "kz", kind: .metWith, object: "nato", modality: .planned))
        graph.add(Document(id: "a.txt", title: "T"))
        let member = try XCTUnwrap(graph.sortedRelations.first { $0.kind == .memberOf })
        let meeting = try XCTUnwrap(graph.sortedRelations.first { $0.kind == .metWith })
        let a = "<\(id)article/a.txt>"
        let m = "<\(id)relation/\(member.id)>"
        let t = "<\(id)relation/\(meeting.id)>"
        XCTAssertEqual(try quads(graph).map(\.description), [
            "<\(id)entity/kz> <\(rdf)type> <\(kg)Country> .",
            "<\(id)entity/kz> <\(rdfs)label> \"Kazakhstan\"@en .",
            "<\(id)entity/kz> <\(kg)memberOf> <\(id)entity/csto> \(a) .",
            "\(m) <\(rdf)type> <\(kg)Membership> \(a) .",
            "\(m) <\(kg)member> <\(id)entity/kz> \(a) .",
            "\(m) <\(kg)organization> <\(id)entity/csto> \(a) .",
            "\(m) <\(kg)modality> <\(kg)Asserted> \(a) .",
            "\(m) <\(kg)startOffset> \"3\"^^<\(xsd)integer> \(a) .",
            "\(m) <\(kg)endOffset> \"9\"^^<\(xsd)integer> \(a) .",
            "\(m) <\(prov)wasDerivedFrom> \(a) \(a) .",
            // A relation without a source is in the default graph.
            "\(t) <\(rdf)type> <\(kg)Meeting> .",
            "\(t) <\(kg)participant> <\(id)entity/kz> .",
            "\(t) <\(kg)participant> <\(id)entity/nato> .",
            "\(t) <\(kg)modality> <\(kg)Planned> .",
            // The article's description is about its graph, in the default graph.
            "\(a) <\(rdf)type> <\(kg)Article> .",
            "\(a) <http://schema.org/headline> \"T\"@en .",
        ])
    }

    func testADirectTripleStatedByTwoArticlesIsInBothGraphsAndOnceAsATriple() throws {
        var graph = KnowledgeGraph()
        for source in ["b.txt", "a.txt", nil] {
            graph.add(Relation(subject: "x", kind: .memberOf, object: "y", evidence: Evidence(source: source)))
        }
        let direct = "<\(id)entity/x> <\(kg)memberOf> <\(id)entity/y>"
        let quads = try quads(graph)
        // Default graph first, then the articles in IRI order.
        XCTAssertEqual(quads.filter { $0.triple.predicate == Vocabulary.KG.property(.memberOf) }.map(\.description), [
            "\(direct) .",
            "\(direct) <\(id)article/a.txt> .",
            "\(direct) <\(id)article/b.txt> .",
        ])
        let triples = try OntologyMapping().triples(for: graph)
        XCTAssertEqual(triples.filter { $0.predicate == Vocabulary.KG.property(.memberOf) }.count, 1)
        XCTAssertEqual(Set(quads.compactMap(\.graph)).map(\.string).sorted(), [id + "article/a.txt", id + "article/b.txt"])
    }

    func testTheUnionOfTheGraphsIsTheTripleGraphInTheSameOrder() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "x", label: "X", type: .person, aliases: ["Ex"]))
        graph.add(Entity(id: "y", label: "Y", type: .organization))
        graph.add(Relation(subject: "x", kind: .memberOf, object: "y", evidence: Evidence(sentence: "s", source: "b.txt")))
        graph.add(Relation(subject: "x", kind: .memberOf, object: "y", date: PartialDate(iso: "2008"),
                           evidence: Evidence(source: "a.txt")))
        graph.add(Relation(subject: "y", kind: .holdsShareIn, object: "x", share: 12.5, evidence: Evidence(source: "a.txt")))
        graph.add(Document(id: "a.txt", url: "https://example.org/a"))
        let triples = try OntologyMapping().triples(for: graph)
        var firstSeen: [Triple] = []
        var seen = Set<Triple>()
        for quad in try quads(graph) where seen.insert(quad.triple).inserted {
            firstSeen.append(quad.triple)
        }
        XCTAssertEqual(firstSeen, triples)
        XCTAssertEqual(try quads(graph).count, triples.count + 1)  // the direct triple is in two graphs
    }

    func testARefusedGraphGivesNoQuad() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "x", label: "X", type: .person))
        graph.add(Relation(subject: "x", kind: .holdsShareIn, object: "y", share: .nan))
        var count = 0
        XCTAssertThrowsError(try OntologyMapping().forEachQuad(in: graph) { _ in count += 1 }) { error in
            XCTAssertTrue(error is OntologyMappingError, "\(error)")
        }
        XCTAssertEqual(count, 0)
    }

    func testNamespacesOfMintedIRIsAndLocalParts() throws {
        let iris = try IRIMinter(base: "http://example.org/kg#")
        XCTAssertEqual(iris.namespaces.map(\.prefix), ["entity", "relation", "article"])
        XCTAssertEqual(iris.namespaces.map(\.iri.string),
                       ["http://example.org/kg#entity/", "http://example.org/kg#relation/", "http://example.org/kg#article/"])
        XCTAssertEqual(iris.namespaces[0].localPart(of: iris.entityIRI(id: "Acme Corp")), "Acme%20Corp")
        XCTAssertNil(iris.namespaces[1].localPart(of: iris.entityIRI(id: "x")))
        XCTAssertEqual(Vocabulary.kg.localPart(of: Vocabulary.KG.member), "member")
        XCTAssertEqual(try OntologyMapping().vocabularies.map(\.prefix), ["rdf", "rdfs", "xsd", "skos", "prov", "schema", "kg"])
    }

    func testCanonicalNTriplesEscapes() {
        // RDF 1.2 N-Triples §4: ECHAR for BS, HT, LF, FF, CR, " and \; UCHAR (lower-case u,
        // upper-case hex) for the other controls, DEL, U+FFFE and U+FFFF; all else as itself.
        let text = "a\u{8}b\tc\nd\u{C}e\rf\"g\\h\u{0}i\u{7}j\u{B}k\u{E}l\u{1F}m\u{7F}n\u{FFFE}o\u{FFFF}p é 中 \u{2028} 𝄞"
        XCTAssertEqual(NTriplesString.quoted(text),
                       #""a\bb\tc\nd\fe\rf\"g\\h\u0000i\u0007j\u000Bk\u000El\u001Fm\u007Fn\uFFFEo\uFFFFp é 中 "#
                       + "\u{2028} 𝄞\"")
        XCTAssertNil(NTriplesString.escape(" "))
        XCTAssertNil(NTriplesString.escape("~"))
        XCTAssertEqual(NTriplesString.escape("\u{1B}"), "\\u001B")
        let literal = Literal("x\ty", checkedLanguage: "en-US")
        XCTAssertEqual(literal.description, #""x\ty"@en-US"#)
        let quad = Quad(Triple(IRIMinter().entityIRI(id: "a"), Vocabulary.RDFS.label, literal), graph: IRIMinter().articleIRI(id: "d"))
        XCTAssertEqual(quad.description, "<\(id)entity/a> <\(rdfs)label> \"x\\ty\"@en-US <\(id)article/d> .")
    }
}
