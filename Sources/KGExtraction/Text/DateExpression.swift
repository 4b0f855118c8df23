import KGModel

/// Finds date expressions in a sentence and resolves them against the article's date.
///
/// Resolution rule (the article date is the publication date: the header's `Date:`, else
/// `--document-date`, else what a known `Publication:` calendar implies; see ``PublicationCalendar``):
/// - A full date in the text is kept as written: "May 25, 2001", "25 May 2001" → `2001-05-25`.
/// - A month and year: "April 2005", "in May 2004" → `2005-04`; a year after "in", "since",
///   "by", "until", "during", "of", "from": "in 2005" → `2005`.
/// - A month and day without a year ("September 5", "October 15", "on 5 September") take the year
///   that puts them nearest the article date (so "December" in a January article is the previous
///   year); without an article year they stay partial: `--09-05`. A month alone after "in", "of",
///   "since", "until", "by", "during", "late", "early", "mid" likewise: "in May" → `2008-05`.
/// - Relative expressions are intervals of days counted from the article date: "yesterday",
///   "today", "tomorrow"; a weekday ("on Monday") is the nearest such day on or before the article
///   date, or on or after it when the statement is planned ("will meet ... on Monday"); "last
///   week", "this week", "earlier this week", "later this week", "next week" are calendar weeks
///   starting on Monday (ISO 8601); "last month", "this month", "earlier this month", "next month",
///   "last year", "this year", "earlier this year", "next year" the calendar month or year.
///   An article date that is itself partial (`2008-09`) is the interval of all its days, and the
///   expression is resolved for each of them.
/// - The result is the most precise date that holds the whole interval: one day → `2017-01-30`;
///   days of one month → `2017-02` ("next week" in a 2017-01-31 article); of one year → `2017`;
///   wider than a year → undated. So "on Monday" in a `2008-09` article is `2008` unless the
///   days it may be fall in one month, and nothing is ever made more precise than the text and
///   the article date allow.
/// - Anything else ("recently", "a day earlier", "some years ago") is left undated.
struct DateExpression: Sendable, Hashable {
    /// Tokens of the expression.
    var tokens: Range<Int>
    /// The resolved date.
    var date: PartialDate

    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
    ]

    /// Parses a whole string holding one date: "January 10, 2005", "10 January 2005", "May 2004".
    static func parseStandalone(_ text: String) -> PartialDate? {
        let tokens = Tokenizer.tokenize(Array(text.unicodeScalars))
        guard let d = find(in: tokens, range: 0..<tokens.count, articleDate: nil, planned: false).first,
              d.tokens == 0..<tokens.count || d.tokens.upperBound == tokens.count && d.tokens.lowerBound == 0 else { return nil }
        return d.date
    }

    /// Date expressions in `range`, left to right.
    static func find(in tokens: [Token], range: Range<Int>, articleDate: PartialDate?, planned: Bool) -> [DateExpression] {
        var out: [DateExpression] = []
        var i = range.lowerBound
        let e = range.upperBound
        func number(_ k: Int) -> Int? {
            guard k < e, tokens[k].kind == .number, tokens[k].text.allSatisfy(\.isNumber) else { return nil }
            return Int(tokens[k].text)
        }
        func month(_ k: Int) -> Int? {
            guard k < e, tokens[k].isCapitalized else { return nil }
            return months[tokens[k].lower]
        }
        func isYear(_ v: Int?) -> Bool { v.map { $0 >= 1000 && $0 <= 2999 } ?? false }
        while i < e {
            // Month Day[,] Year | Month Day | Month Year
            if let m = month(i) {
                if let d = number(i + 1), d >= 1, d <= 31, !isYear(d) {
                    var j = i + 2
                    if j < e, tokens[j].text == ",", isYear(number(j + 1)) { j += 1 }
                    if let y = number(j), isYear(y), let date = PartialDate(year: y, month: m, day: d) {
                        out.append(DateExpression(tokens: i..<(j + 1), date: date)); i = j + 1; continue
                    }
                    if let date = withInferredYear(month: m, day: d, articleDate: articleDate) {
                        out.append(DateExpression(tokens: i..<(i + 2), date: date))
                    }
                    i += 2; continue
                }
                if let y = number(i + 1), isYear(y), let date = PartialDate(year: y, month: m, day: nil) {
                    out.append(DateExpression(tokens: i..<(i + 2), date: date)); i += 2; continue
                }
                let afterPreposition = i > range.lowerBound && ["in", "of", "since", "until", "by", "during", "late", "early", "mid"].contains(tokens[i - 1].lower)
                if tokens[i].lower != "may" || afterPreposition, let date = withInferredYear(month: m, day: nil, articleDate: articleDate) {
                    out.append(DateExpression(tokens: i..<(i + 1), date: date))
                }
                i += 1; continue
            }
            // Day Month [Year]
            if let d = number(i), d >= 1, d <= 31, !isYear(d), let m = month(i + 1) {
                if let y = number(i + 2), isYear(y), let date = PartialDate(year: y, month: m, day: d) {
                    out.append(DateExpression(tokens: i..<(i + 3), date: date)); i += 3; continue
                }
                if let date = withInferredYear(month: m, day: d, articleDate: articleDate) {
                    out.append(DateExpression(tokens: i..<(i + 2), date: date))
                }
                i += 2; continue
            }
            let w = tokens[i].lower
            // in 2005
            if ["in", "since", "by", "until", "during", "of", "from"].contains(w), let y = number(i + 1), isYear(y),
               !(i + 2 < e && tokens[i + 2].lower == "percent"), let date = PartialDate(year: y, month: nil, day: nil) {
                out.append(DateExpression(tokens: (i + 1)..<(i + 2), date: date)); i += 2; continue
            }
            if let span = articleDate.flatMap(days(of:)), let (length, lo, hi) = relative(tokens, at: i, end: e, planned: planned),
               let date = enclosing(lo(span.lowerBound), hi(span.upperBound)) {
                out.append(DateExpression(tokens: i..<(i + length), date: date))
                i += length
                continue
            }
            i += 1
        }
        return out
    }

    /// The days (as ``dayNumber(_:_:_:)``) a date may be: one for a full date, a month's or a year's.
    static func days(of date: PartialDate) -> ClosedRange<Int>? {
        guard let y = date.year else { return nil }
        guard let m = date.month else { return dayNumber(y, 1, 1)...dayNumber(y, 12, 31) }
        guard let d = date.day else { return dayNumber(y, m, 1)...dayNumber(y, m, PartialDate.daysIn(month: m, year: y)) }
        let n = dayNumber(y, m, d)
        return n...n
    }

    /// The most precise partial date holding every day from `lo` to `hi`: the day, its month, its
    /// year, or nil when they span years.
    static func enclosing(_ lo: Int, _ hi: Int) -> PartialDate? {
        guard lo <= hi, let a = fromDayNumber(lo), let b = fromDayNumber(hi) else { return nil }
        if lo == hi { return a }
        if a.year == b.year, a.month == b.month { return PartialDate(year: a.year, month: a.month, day: nil) }
        if a.year == b.year { return PartialDate(year: a.year, month: nil, day: nil) }
        return nil
    }

    /// A relative expression at `i`: its length in tokens and the first and last day it names for a
    /// given article day (both non-decreasing in that day, so an interval of article days maps to
    /// the interval from the first day of its first to the last day of its last).
    static func relative(_ tokens: [Token], at i: Int, end e: Int, planned: Bool) -> (Int, (Int) -> Int, (Int) -> Int)? {
        let w = tokens[i].lower
        let next = i + 1 < e ? tokens[i + 1].lower : ""
        let third = i + 2 < e ? tokens[i + 2].lower : ""
        func monday(_ d: Int) -> Int { d - (weekday(d) + 5) % 7 }
        func monthStart(_ d: Int, _ k: Int) -> Int {
            guard let x = fromDayNumber(d), let y = x.year, let m = x.month else { return d }
            let total = y * 12 + (m - 1) + k
            return dayNumber(total / 12, total % 12 + 1, 1)
        }
        func yearStart(_ d: Int, _ k: Int) -> Int {
            guard let y = fromDayNumber(d)?.year else { return d }
            return dayNumber(y + k, 1, 1)
        }
        if tokens[i].isCapitalized, let wd = weekdays[w] {
            if planned { return (1, { $0 + (wd - weekday($0) + 7) % 7 }, { $0 + (wd - weekday($0) + 7) % 7 }) }
            return (1, { $0 - (weekday($0) - wd + 7) % 7 }, { $0 - (weekday($0) - wd + 7) % 7 })
        }
        switch w {
        case "yesterday": return (1, { $0 - 1 }, { $0 - 1 })
        case "today": return (1, { $0 }, { $0 })
        case "tomorrow": return (1, { $0 + 1 }, { $0 + 1 })
        default: break
        }
        let step: Int? = w == "last" ? -1 : w == "next" ? 1 : w == "this" ? 0 : nil
        if let k = step {
            switch next {
            case "week": return (2, { monday($0) + 7 * k }, { monday($0) + 7 * k + 6 })
            case "month": return (2, { monthStart($0, k) }, { monthStart($0, k + 1) - 1 })
            case "year": return (2, { yearStart($0, k) }, { yearStart($0, k + 1) - 1 })
            default: return nil
            }
        }
        if (w == "earlier" || w == "later"), next == "this" {
            let early = w == "earlier"
            switch third {
            case "week": return (3, { early ? monday($0) : $0 }, { early ? $0 : monday($0) + 6 })
            case "month": return (3, { early ? monthStart($0, 0) : $0 }, { early ? $0 : monthStart($0, 1) - 1 })
            case "year": return (3, { early ? yearStart($0, 0) : $0 }, { early ? $0 : yearStart($0, 1) - 1 })
            default: return nil
            }
        }
        return nil
    }

    /// Month (and day) with the year that lies nearest the article date; partial without one.
    static func withInferredYear(month m: Int, day d: Int?, articleDate: PartialDate?) -> PartialDate? {
        guard let y = articleDate?.year else {
            return d.flatMap { PartialDate(year: nil, month: m, day: $0) }
        }
        guard let am = articleDate?.month else { return PartialDate(year: y, month: m, day: d) }
        var best = y
        var bestDistance = Int.max
        for cand in [y - 1, y, y + 1] {
            let dist = abs((cand * 12 + m) - (y * 12 + am))
            if dist < bestDistance { best = cand; bestDistance = dist }
        }
        return PartialDate(year: best, month: m, day: d)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    static func dayNumber(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y2 = m <= 2 ? y - 1 : y
        let era = (y2 >= 0 ? y2 : y2 - 399) / 400
        let yoe = y2 - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func fromDayNumber(_ z0: Int) -> PartialDate? {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return PartialDate(year: y, month: m, day: d)
    }

    /// 1 = Sunday ... 7 = Saturday.
    static func weekday(_ dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday (5).
        ((dayNumber % 7 + 7) % 7 + 4) % 7 + 1
    }
}
