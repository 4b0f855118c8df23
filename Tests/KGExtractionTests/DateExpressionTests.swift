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
        XCTAssertEqual(dates("on Friday", article: "2005-01"), [])
        XCTAssertEqual(dates("last month", article: "2005-01"), ["2004-12"])
        XCTAssertEqual(dates("last week and earlier this week", article: "2005-01-24"), [])
    }

    func testDayArithmetic() {
        XCTAssertEqual(DateExpression.dayNumber(1970, 1, 1), 0)
        XCTAssertEqual(DateExpression.fromDayNumber(DateExpression.dayNumber(2008, 2, 29) + 1)?.description, "2008-03-01")
        XCTAssertEqual(DateExpression.weekday(DateExpression.dayNumber(2005, 1, 6)), 5)
    }
}
