import KGModel

/// The small fixed graph of the writers' golden files and the interop tests, read from the Kazakhstan article in `Examples/articles/` (Eurasia Daily
/// Monitor, 2008): three memberships in the CSTO, two meetings (one planned, with a date and a
/// place) and a 50 % shareholding. Offsets are the sentences' code-point positions in that file.
public enum GoldenGraph {
    public static let source = "edm-2008-kazakhstan-csto.txt"

    public static var kazakhstan: KnowledgeGraph {
        var graph = KnowledgeGraph()
        graph.add(Document(id: source,
                           title: "South Ossetia Tests Kazakhstan’s Foreign Policy Priorities",
                           url: "https://jamestown.org/program/south-ossetia-tests-kazakhstans-foreign-policy-priorities/",
                           date: PartialDate(year: 2008, month: 9, day: nil),
                           publication: "Eurasia Daily Monitor Volume: 5 Issue: 180"))
        let entities = [
            Entity(id: "kazakhstan", label: "Kazakhstan", type: .country, aliases: ["Kazakh"]),
            Entity(id: "armenia", label: "Armenia", type: .country),
            Entity(id: "belarus", label: "Belarus", type: .country),
            Entity(id: "collective-security-treaty-organization", label: "Collective Security Treaty Organization",
                   type: .organization, aliases: ["CSTO"]),
            Entity(id: "danial-akhmetov", label: "Danial Akhmetov", type: .person, aliases: ["Akhmetov"]),
            Entity(id: "claudio-bisonero", label: "Claudio Bisonero", type: .person, aliases: ["Bisonero"]),
            Entity(id: "kazmunaigas", label: "KazMunaiGas", type: .company),
            Entity(id: "batumi-oil-terminal", label: "Batumi oil terminal", type: .facility),
            Entity(id: "nursultan-nazarbayev", label: "Nursultan Nazarbayev", type: .person, aliases: ["Nazarbayev"]),
            Entity(id: "dmitri-medvedev", label: "Dmitri Medvedev", type: .person, aliases: ["Medvedev"]),
            Entity(id: "astana", label: "Astana", type: .place),
        ]
        for entity in entities { graph.add(entity) }

        let unites = "Speaking at the Collective Security Treaty Organization (CSTO) summit in Moscow on September 5, Kazakh President Nursultan Nazarbayev went out of his way to show his country’s commitment to this heavily militarized organization, which unites four Central Asian countries, Armenia, and Belarus under the watchful eyes of Moscow."
        let satisfied = "The Kazakh leader said that he was satisfied with the level of cooperation among Kazakhstan and other member-countries within the CSTO and expressed his hope for strengthening regional security further."
        let handshake = "At almost the same time as the CSTO summit, Kazakh Defense Minister Danial Akhmetov, shaking hands with Claudio Bisonero, deputy secretary general of NATO in Astana, said that “expanding the constructive interaction with NATO is a priority area of Kazakhstan’s foreign policy course.”"
        let share = "Astana pursues purely economic interests in Georgia with a 50 percent share of the KazMunaiGas national oil company at the Batumi oil terminal, which is threatened by military tension in Georgia."
        let visit = "Russian President Dmitri Medvedev will probably demand clear promises of friendship from Nazarbayev when he arrives on an official visit to Astana on September 22."

        let csto = "collective-security-treaty-organization"
        graph.add(Relation(subject: "kazakhstan", kind: .memberOf, object: csto,
                           evidence: Evidence(sentence: satisfied, source: source, citedSource: "Liter, September 6", offsets: 562..<764)))
        graph.add(Relation(subject: "armenia", kind: .memberOf, object: csto,
                           evidence: Evidence(sentence: unites, source: source, citedSource: "Liter, September 6", offsets: 234..<561)))
        graph.add(Relation(subject: "belarus", kind: .memberOf, object: csto,
                           evidence: Evidence(sentence: unites, source: source, citedSource: "Liter, September 6", offsets: 234..<561)))
        graph.add(Relation(subject: "danial-akhmetov", kind: .metWith, object: "claudio-bisonero", place: "astana",
                           evidence: Evidence(sentence: handshake, source: source, offsets: 2477..<2761)))
        graph.add(Relation(subject: "kazmunaigas", kind: .holdsShareIn, object: "batumi-oil-terminal", share: 50,
                           evidence: Evidence(sentence: share, source: source, citedSource: "Delovaya Nedelia, September 12",
                                              offsets: 3505..<3700)))
        graph.add(Relation(subject: "nursultan-nazarbayev", kind: .metWith, object: "dmitri-medvedev",
                           date: PartialDate(year: 2008, month: 9, day: 22), place: "astana", modality: .planned,
                           evidence: Evidence(sentence: visit, source: source, offsets: 4968..<5131)))
        return graph
    }
}
