import Foundation
import KGModel

/// The publication date a `Publication:` header line implies ("Eurasia Daily Monitor Volume: 5
/// Issue: 180"), used when an article has neither a `Date:` line nor a `--document-date`.
///
/// Rule: the line reads "<name> Volume: <v> Issue: <n>" (labels in any case; "Vol." and "No." are
/// accepted too). When `<name>` is a periodical listed in `Lexicon/publications.tsv` with the year of
/// its volume 1, volume v appeared in that year + v − 1 and the implied date is that year: Eurasia
/// Daily Monitor volume 5 → `2008`. The issue number is not turned into a month or a day: that
/// would need a calendar of issue dates, which the file does not list, and a date is never guessed.
/// An unknown periodical, or a line without a volume number, implies no date.
struct PublicationCalendar: Sendable {
    /// Periodical name (lower case) to the year of its volume 1.
    let firstVolumeYears: [String: Int]

    init(lexicon: Lexicon) {
        firstVolumeYears = lexicon.firstVolumeYears
    }

    init(firstVolumeYears: [String: Int]) {
        self.firstVolumeYears = firstVolumeYears
    }

    /// The year the line's volume appeared, or nil.
    func date(of publication: String) -> PartialDate? {
        let line = PublicationCalendar.parse(publication)
        guard let volume = line.volume, volume >= 1, let first = firstVolumeYears[line.name.lowercased()] else { return nil }
        return PartialDate(year: first + volume - 1, month: nil, day: nil)
    }

    /// The periodical's name and the volume and issue numbers of a `Publication:` value.
    static func parse(_ value: String) -> (name: String, volume: Int?, issue: Int?) {
        let words = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var name: [String] = []
        var volume: Int?
        var issue: Int?
        var k = 0
        while k < words.count {
            let label = words[k].lowercased().trimmingCharacters(in: [":", ".", ","])
            let isVolume = label == "volume" || label == "vol"
            let isIssue = label == "issue" || label == "no" || label == "number"
            if isVolume || isIssue, k + 1 < words.count, let n = Int(words[k + 1].trimmingCharacters(in: [",", ".", ";"])) {
                if isVolume { volume = n } else { issue = n }
                k += 2
                continue
            }
            if volume == nil, issue == nil { name.append(words[k]) }
            k += 1
        }
        return (name.joined(separator: " ").trimmingCharacters(in: [",", " ", ":"]), volume, issue)
    }
}
