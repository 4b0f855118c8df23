import KGModel
import XCTest
@testable import KGExtraction

final class DateExpressionTests: XCTestCase {
    private func dates(_ text: String, article: String?, planned: Bool = false) -> [String] {
        let toks = Tokenizer.tokenize(Array(text.unicodeScalars))
        return DateExpression.find(in: toks, range: 0..<toks.count, articleDate: article.flatMap { PartialDate(iso: $0) },
                                   planned: planned).map(\.date.description)
    }

    func testMonthDayTakesTheArticleYear() {
        XCTAssertEqual(dates("on September 22", article: "2008-09"), ["2008-09-22"])
        XCTAssertEqual(dates("on 5 September", article: "2008-09-13"), ["2008-09-05"])
    }

    func testMonthDayWithoutArticleYearStaysPartial() {
        XCTAssertEqual(dates("on September 5", article: nil), ["--09-05"])
        XCTAssertEqual(dates("in December", article: nil), [])
    }

    func testNearestYearAcrossTheTurnOfTheYear() {
        XCTAssertEqual(dates("its bid approach in December", article: "2005-01-06"), ["2004-12"])
        XCTAssertEqual(dates("on October 15", article: "2008-09"), ["2008-10-15"])
    }

    func testFullDatesAndYears() {
        XCTAssertEqual(dates("resolution of May 25, 2001", article: "2008-09"), ["2001-05-25"])
        XCTAssertEqual(dates("in 2005 and in April 2005", article: nil), ["2005", "2005-04"])
        XCTAssertEqual(dates("On May 2004, they signed", article: "2005-01-24"), ["2004-05"])
        XCTAssertEqual(dates("it may rain in May", article: "2005-01-24"), ["2005-05"])
    }

    func testRelativeDaysNeedAFullArticleDate() {
        // 2005-01-06 was a Thursday.
        XCTAssertEqual(dates("talks on Friday", article: "2005-01-06", planned: true), ["2005-01-07"])
        XCTAssertEqual(dates("talks on Friday", article: "2005-01-06", planned: false), ["2004-12-31"])
        XCTAssertEqual(dates("yesterday", article: "2005-01-01"), ["2004-12-31"])
        XCTAssertEqual(dates("on Friday", article: "2005-01"), [], "the Fridays of January 2005 span two years")
        XCTAssertEqual(dates("last month", article: "2005-01"), ["2004-12"])
    }

    func testWeeksMonthsAndYearsAreCalendarIntervals() {
        // 2005-01-24 was a Monday; weeks start on Monday.
        XCTAssertEqual(dates("last week and earlier this week", article: "2005-01-24"), ["2005-01", "2005-01-24"])
        XCTAssertEqual(dates("last week", article: "2005-02-02"), ["2005-01"])
        XCTAssertEqual(dates("last week", article: "2005-02-16"), ["2005-02"])
        XCTAssertEqual(dates("last week", article: "2005-02-09"), ["2005"], "2005-01-31 to 2005-02-06")
        XCTAssertEqual(dates("last week", article: "2005-01-05"), [], "2004-12-27 to 2005-01-02 spans two years")
        // 2017-01-31 was a Tuesday: next week is 2017-02-06 to 2017-02-12.
        XCTAssertEqual(dates("in Abuja next week", article: "2017-01-31"), ["2017-02"])
        XCTAssertEqual(dates("this year and next year", article: "2008-09"), ["2008", "2009"])
        XCTAssertEqual(dates("earlier this month", article: "2008-09-10"), ["2008-09"])
        XCTAssertEqual(dates("last month", article: "2005"), [], "a year-only article date leaves last month open")
    }

    func testWeekdaysAgainstFullAndPartialArticleDates() {
        XCTAssertEqual(dates("admitted on Monday", article: "2017-01-31"), ["2017-01-30"])
        XCTAssertEqual(dates("met on Tuesday", article: "2019-06-18"), ["2019-06-18"], "the article's own weekday is that day")
        XCTAssertEqual(dates("will meet on Tuesday", article: "2019-06-19", planned: true), ["2019-06-25"])
        // September 2008 began on a Monday: every "Monday" on or before a September day is in September.
        XCTAssertEqual(dates("on Monday", article: "2008-09"), ["2008-09"])
        XCTAssertEqual(dates("on Sunday", article: "2008-09"), ["2008"], "2008-08-31 to 2008-09-28")
    }

    func testPublicationCalendarImpliesTheYearOnly() {
        let calendar = PublicationCalendar(lexicon: TestSupport.lexicon)
        XCTAssertEqual(calendar.date(of: "Eurasia Daily Monitor Volume: 5 Issue: 180")?.description, "2008")
        XCTAssertEqual(calendar.date(of: "Eurasia Daily Monitor Vol. 1 No. 12")?.description, "2004")
        XCTAssertNil(calendar.date(of: "Baltic Security Review Volume: 7 Issue: 14"), "no calendar for it")
        XCTAssertNil(calendar.date(of: "Eurasia Daily Monitor"), "no volume")
        let parsed = PublicationCalendar.parse("Eurasia Daily Monitor Volume: 5 Issue: 180")
        XCTAssertEqual(parsed.name, "Eurasia Daily Monitor")
        XCTAssertEqual(parsed.volume, 5)
        XCTAssertEqual(parsed.issue, 180)
    }

    func testDocumentDatePrecedence() {
        let header = "Title: T\nPublication: Eurasia Daily Monitor Volume: 5 Issue: 180\n\nKazakhstan joined NATO on September 22."
        let fromCalendar = TestSupport.extractor.extract(ArticleReader.parse(header, id: "a.txt"))
        XCTAssertEqual(fromCalendar.documents["a.txt"]?.date?.description, "2008")
        XCTAssertEqual(fromCalendar.sortedRelations.first?.date?.description, "2008-09-22")
        let given = TestSupport.extractor.extract(ArticleReader.parse(header, id: "a.txt"), documentDate: PartialDate(iso: "2009-01-05"))
        XCTAssertEqual(given.documents["a.txt"]?.date?.description, "2009-01-05", "--document-date wins over the calendar")
        XCTAssertEqual(given.sortedRelations.first?.date?.description, "2008-09-22", "nearest to January 2009")
        let dated = "Date: 2010-03\nPublication: Eurasia Daily Monitor Volume: 5 Issue: 180\n\nText."
        XCTAssertEqual(TestSupport.extractor.extract(ArticleReader.parse(dated, id: "b.txt"), documentDate: PartialDate(iso: "2009-01-05"))
            .documents["b.txt"]?.date?.description, "2010-03", "the header's Date: wins")
        let none = TestSupport.extractor.extract(ArticleReader.parse("Kazakhstan joined NATO on September 22.", id: "c.txt"))
        XCTAssertEqual(none.sortedRelations.first?.date?.description, "--09-22", "partial dates stay partial")
    }

    func testDayArithmetic() {
        XCTAssertEqual(DateExpression.dayNumber(1970, 1, 1), 0)
        XCTAssertEqual(DateExpression.fromDayNumber(DateExpression.dayNumber(2008, 2, 29) + 1)?.description, "2008-03-01")
        XCTAssertEqual(DateExpression.weekday(DateExpression.dayNumber(2005, 1, 6)), 5)
    }
}
