import OversightDomain
import Testing

@Suite("Periods and dates")
struct PeriodTests {
    @Test("quarters run April to March and order by time")
    func quarterOrder() {
        let q4 = Period.quarter(2024, 4)
        #expect(q4.start == .ymd(2025, 1, 1))
        #expect(q4.end == .ymd(2025, 3, 31))
        #expect(q4.next == .quarter(2025, 1))
        #expect(Period.quarter(2025, 1).previous == q4)
        let shuffled: [Period] = [.quarter(2025, 2), Period(financialYear: 2025), .quarter(2024, 4), .quarter(2025, 1)]
        #expect(shuffled.sorted() == [.quarter(2024, 4), .quarter(2025, 1), Period(financialYear: 2025), .quarter(2025, 2)],
                "a year sorts after the quarter that starts on the same day")
    }

    @Test("period ids and labels round-trip")
    func periodText() {
        #expect(Period.quarter(2025, 1).id == "2025-26-Q1")
        #expect(Period.quarter(2025, 1).label == "2025/26 Q1")
        #expect(Period.parse("2025-26-Q1") == .quarter(2025, 1))
        #expect(Period.parse("2025/26 Q3") == .quarter(2025, 3))
        #expect(Period.parse("2099-26") == nil, "the two halves of a financial year must be consecutive")
        #expect(Period.parse("2025-26-Q5") == nil)
        #expect(Period.quarter(containing: .ymd(2026, 2, 10)) == .quarter(2025, 4))
        #expect(Period.quarters(from: .quarter(2024, 3), through: .quarter(2025, 2)).count == 4)
    }

    @Test("dates keep their precision and refuse impossible days")
    func datePrecision() throws {
        #expect(try CalendarDate.parse("2013-07").display == "Jul 2013")
        #expect(try CalendarDate.parse("~2017").display == "c. 2017")
        #expect(try CalendarDate.parse("2025-07-01").display == "1 Jul 2025")
        #expect(try CalendarDate.parse("2024-02-29").iso == "2024-02-29")
        #expect(throws: DateError.self) { try CalendarDate.parse("2025-02-29") }
        #expect(throws: DateError.self) { try CalendarDate.parse("2025-13-01") }
        #expect(throws: DateError.self) { try CalendarDate.parse("1/7/2025") }
        #expect(try CalendarDate.parse("2013") < CalendarDate.parse("2013-01-01"), "a vaguer date sorts first on the same day")
    }

    @Test("timestamps print and parse as UTC ISO-8601")
    func timestamps() {
        let t = Timestamp(secondsSince1970: 1_795_477_200)
        #expect(Timestamp.parse(t.iso) == t)
        #expect(Timestamp.parse("2026-11-23T23:40:00Z")?.iso == "2026-11-23T23:40:00Z")
        #expect(Timestamp.parse("2026-11-23 23:40:00") == nil)
    }
}
