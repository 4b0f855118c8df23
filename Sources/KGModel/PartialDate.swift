/// A calendar date of which only some parts may be known.
///
/// Lexical forms follow ISO 8601 and XML Schema 1.1 Part 2 (§3.3.9 date, §3.3.14 gYearMonth,
/// §3.3.11 gYear, §3.3.12 gMonthDay): `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD`. A day without a
/// month, or a month and year without a day being implied, are never invented.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, 1...9999, or nil when unknown.
    public let year: Int?
    /// Month, 1...12, or nil when unknown.
    public let month: Int?
    /// Day of month, 1...31 (valid for the month and year), or nil when unknown.
    public let day: Int?

    /// The XML Schema datatype local name for this shape: `date`, `gYearMonth`, `gYear`, `gMonthDay`.
    public var xsdType: String {
        switch (year != nil, month != nil, day != nil) {
        case (true, true, true): "date"
        case (true, true, false): "gYearMonth"
        case (false, true, true): "gMonthDay"
        default: "gYear"
        }
    }

    /// Creates a date from its parts; returns nil for an impossible combination
    /// (no part known, a day without a month, a year with a day but no month, 2008-02-30, ...).
    public init?(year: Int?, month: Int?, day: Int?) {
        if let y = year, !(1...9999).contains(y) { return nil }
        if let m = month, !(1...12).contains(m) { return nil }
        switch (year, month, day) {
        case (.some, .none, .none), (.some, .some, .none): break
        case let (y, .some(m), .some(d)):
            guard d >= 1, d <= PartialDate.daysIn(month: m, year: y) else { return nil }
        default: return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`; nil for any other text or an impossible date.
    public init?(iso text: String) {
        let s = Array(text.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= s.count else { return nil }
            var v = 0
            for i in r {
                guard (48...57).contains(s[i]) else { return nil }
                v = v * 10 + Int(s[i] - 48)
            }
            return v
        }
        let dash: UInt8 = 45
        switch s.count {
        case 4:
            guard let y = num(0..<4) else { return nil }
            self.init(year: y, month: nil, day: nil)
        case 7 where s[0] == dash && s[1] == dash && s[4] == dash:
            guard let m = num(2..<4), let d = num(5..<7) else { return nil }
            self.init(year: nil, month: m, day: d)
        case 7 where s[4] == dash:
            guard let y = num(0..<4), let m = num(5..<7) else { return nil }
            self.init(year: y, month: m, day: nil)
        case 10 where s[4] == dash && s[7] == dash:
            guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
            self.init(year: y, month: m, day: d)
        default:
            return nil
        }
    }

    /// The ISO 8601 / XML Schema lexical form, e.g. `2008-09-22`, `2008-09`, `2008`, `--09-05`.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            var count = 0
            forEachUTF8 { byte in
                buffer[count] = byte
                count += 1
            }
            return count
        }
    }

    /// Calls `body` with each byte of ``description`` (at most 10, ASCII), without making the string.
    @inlinable
    func forEachUTF8(_ body: (UInt8) -> Void) {
        // The initializers keep the year in 1...9999, the month in 1...12 and the day in 1...31.
        func digits(_ value: Int, _ count: Int) {
            var divisor = count == 4 ? 1000 : 10
            while divisor > 0 {
                body(UInt8(truncatingIfNeeded: 48 + value / divisor % 10))
                divisor /= 10
            }
        }
        let dash = UInt8(ascii: "-")
        switch (year, month, day) {
        case let (.some(y), .some(m), .some(d)):
            digits(y, 4); body(dash); digits(m, 2); body(dash); digits(d, 2)
        case let (.some(y), .some(m), .none):
            digits(y, 4); body(dash); digits(m, 2)
        case let (.none, .some(m), .some(d)):
            body(dash); body(dash); digits(m, 2); body(dash); digits(d, 2)
        case let (.some(y), _, _):
            digits(y, 4)
        default:
            break
        }
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool { lhs.description < rhs.description }

    /// Days in a month; February has 29 days when the year is unknown or a leap year (Gregorian).
    public static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 4, 6, 9, 11: return 30
        case 2:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        default: return 31
        }
    }
}
