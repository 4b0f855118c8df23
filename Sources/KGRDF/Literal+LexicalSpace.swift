import KGModel

extension Literal {
    /// Whether `text` is in the lexical space of `datatype` (XML Schema 1.1 Part 2: §3.3.9 date,
    /// §3.3.14 gYearMonth, §3.3.11 gYear, §3.3.12 gMonthDay, §3.3.3 decimal, §3.4.13 integer,
    /// §3.3.2 boolean). Datatypes outside that list accept any text.
    static func isLexicalForm(_ text: String, of datatype: IRI) -> Bool {
        var scanner = LexicalScanner(text)
        switch datatype {
        case Vocabulary.XSD.date:
            guard let year = scanner.year(), scanner.take("-"), let month = scanner.month(), scanner.take("-"),
                  let day = scanner.twoDigits(), day >= 1, day <= PartialDate.daysIn(month: month, year: year)
            else { return false }
            return scanner.timezoneThenEnd()
        case Vocabulary.XSD.gYearMonth:
            guard scanner.year() != nil, scanner.take("-"), scanner.month() != nil else { return false }
            return scanner.timezoneThenEnd()
        case Vocabulary.XSD.gYear:
            guard scanner.year() != nil else { return false }
            return scanner.timezoneThenEnd()
        case Vocabulary.XSD.gMonthDay:
            guard scanner.take("-"), scanner.take("-"), let month = scanner.month(), scanner.take("-"),
                  let day = scanner.twoDigits(), day >= 1, day <= PartialDate.daysIn(month: month, year: nil)
            else { return false }
            return scanner.timezoneThenEnd()
        case Vocabulary.XSD.decimal:
            // (\+|-)?([0-9]+(\.[0-9]*)?|\.[0-9]+)
            _ = scanner.take("+") || scanner.take("-")
            let whole = scanner.digits()
            if scanner.take(".") {
                let fraction = scanner.digits()
                return (whole + fraction) > 0 && scanner.atEnd
            }
            return whole > 0 && scanner.atEnd
        case Vocabulary.XSD.integer:
            _ = scanner.take("+") || scanner.take("-")
            return scanner.digits() > 0 && scanner.atEnd
        case Vocabulary.XSD.boolean:
            return ["true", "false", "1", "0"].contains(text)
        default:
            return true
        }
    }
}

/// A cursor over the ASCII of an XML Schema lexical form.
private struct LexicalScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var atEnd: Bool { index == scalars.count }

    /// Consumes `s` when it is next.
    mutating func take(_ s: Unicode.Scalar) -> Bool {
        guard index < scalars.count, scalars[index] == s else { return false }
        index += 1
        return true
    }

    /// Consumes a run of digits and returns its length.
    mutating func digits() -> Int {
        let start = index
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        return index - start
    }

    /// Consumes exactly `count` digits and returns their value.
    mutating func number(_ count: Int) -> Int? {
        guard index + count <= scalars.count else { return nil }
        var value = 0
        for s in scalars[index..<(index + count)] {
            guard ("0"..."9").contains(s) else { return nil }
            value = value * 10 + Int(s.value - 48)
        }
        index += count
        return value
    }

    mutating func twoDigits() -> Int? { number(2) }

    /// `-?([1-9][0-9]{3,}|0[0-9]{3})`: four or more digits, no leading zero beyond four.
    mutating func year() -> Int? {
        let negative = take("-")
        let start = index
        let count = digits()
        guard count >= 4, count <= 9, !(count > 4 && scalars[start] == "0") else { return nil }
        index = start
        guard let value = number(count) else { return nil }
        return negative ? -value : value
    }

    /// `0[1-9]|1[0-2]`.
    mutating func month() -> Int? {
        guard let m = twoDigits(), (1...12).contains(m) else { return nil }
        return m
    }

    /// An optional `Z` or `(+|-)hh:mm` (at most 14:00), then the end of the text.
    mutating func timezoneThenEnd() -> Bool {
        if take("Z") { return atEnd }
        if take("+") || take("-") {
            guard let h = twoDigits(), take(":"), let m = twoDigits(), m < 60, h < 14 || (h == 14 && m == 0)
            else { return false }
        }
        return atEnd
    }
}
