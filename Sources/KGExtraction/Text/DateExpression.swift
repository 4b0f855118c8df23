import KGModel

/// Finds date expressions in a sentence and resolves them against the article's date.
///
/// Resolution rule:
/// - A full date in the text is kept as written: "May 25, 2001", "25 May 2001" → `2001-05-25`.
/// - A month and year: "April 2005", "in May 2004" → `2005-04`; a year after "in", "since",
///   "by", "until", "during", "of", "from": "in 2005" → `2005`.
/// - A month and day without a year ("September 22", "on 5 September") take the year that puts
///   them nearest the article date (so "December" in a January article is the previous year);
///   without an article year they stay partial: `--09-22`.
/// - Relative days ("on Friday", "yesterday", "today", "tomorrow") resolve only against an
///   article date with a day: a weekday is the nearest such day on or before the article date,
///   or on or after it when the statement is planned. "last month", "next month", "last year",
///   "next year" resolve against an article date with a month (resp. year).
/// - Anything else ("last week", "earlier this week", "recently", a weekday without a full
///   article date) is left undated: a date is never invented.
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
            if let day = articleDate, let y = day.year, let mo = day.month {
                if let d = day.day {
                    let base = dayNumber(y, mo, d)
                    var offset: Int?
                    if tokens[i].isCapitalized, let wd = weekdays[w] {
                        let today = weekday(base)
                        offset = planned ? (wd - today + 7) % 7 : -((today - wd + 7) % 7)
                    } else if w == "yesterday" { offset = -1 } else if w == "today" { offset = 0 } else if w == "tomorrow" { offset = 1 }
                    if let o = offset, let date = fromDayNumber(base + o) {
                        out.append(DateExpression(tokens: i..<(i + 1), date: date)); i += 1; continue
                    }
                }
                if (w == "last" || w == "next"), i + 1 < e {
                    let step = w == "last" ? -1 : 1
                    if tokens[i + 1].lower == "month" {
                        var m2 = mo + step
                        var y2 = y
                        if m2 == 0 { m2 = 12; y2 -= 1 } else if m2 == 13 { m2 = 1; y2 += 1 }
                        if let date = PartialDate(year: y2, month: m2, day: nil) {
                            out.append(DateExpression(tokens: i..<(i + 2), date: date)); i += 2; continue
                        }
                    } else if tokens[i + 1].lower == "year", let date = PartialDate(year: y + step, month: nil, day: nil) {
                        out.append(DateExpression(tokens: i..<(i + 2), date: date)); i += 2; continue
                    }
                }
            }
            i += 1
        }
        return out
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
