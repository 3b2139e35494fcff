import OversightDomain
import Testing

/// Which interventions count as "open" for a period on screen: those in force at any time in it.
@Suite("Interventions in force during a period")
struct InterventionInForceTests {
    /// 2024/25 Q1: 1 April to 30 June 2024.
    let q1 = Period.quarter(2024, 1)

    func item(_ start: String, _ end: String? = nil, status: Intervention.Status? = nil) throws -> Intervention {
        let ended = try end.map(CalendarDate.parse)
        return Intervention(id: "int-test", org: "RXN", type: "recovery-support-programme", appliedBy: "NHS England",
                            start: try CalendarDate.parse(start), end: ended,
                            status: status ?? (ended == nil ? .active : .closed), reason: "test", exitCriteria: "",
                            provenance: Provenance(.recorded))
    }

    @Test("one starting after the period is not in force yet")
    func futureStart() throws {
        #expect(try !item("2026-10-01").inForce(during: q1))
        #expect(try !item("2024-07-01").inForce(during: q1), "the day after the period ends")
        #expect(try item("2024-06-30").inForce(during: q1), "the period's last day")
    }

    @Test("one that ended before the period is not in force")
    func endedBefore() throws {
        #expect(try !item("2013-07", "2014").inForce(during: q1))
        #expect(try !item("2023-01-01", "2024-03-31").inForce(during: q1), "the day before the period starts")
        #expect(try item("2023-01-01", "2024-04-01").inForce(during: q1), "the period's first day")
    }

    @Test("an approximate date stands for any day it could mean: a start's first, an end's last")
    func approximateDates() throws {
        // The Recovery Support Programme entries of the bundled data: c. 2024 – c. 31 Mar 2025.
        #expect(try item("~2024", "~2025-03-31").inForce(during: q1))
        #expect(try item("~2024", "~2025-03-31").inForce(during: .quarter(2023, 4)), "c. 2024 may be January 2024")
        #expect(try !item("~2024", "~2025-03-31").inForce(during: .quarter(2025, 1)))
        #expect(try item("2016", "~2024").inForce(during: q1), "an end of c. 2024 may be December 2024")
        #expect(try item("2016", "2024-04").inForce(during: q1), "an end of April 2024 runs to 30 April")
        #expect(try !item("2016", "2024-03").inForce(during: q1))
        #expect(try !item("~2025").inForce(during: q1), "a start of c. 2025 is after the period")
    }

    @Test("one with no end is in force from its start on")
    func openEnded() throws {
        #expect(try item("2021-07").inForce(during: q1))
        #expect(try item("2021-07").inForce(during: .quarter(2030, 2)))
        #expect(try !item("2021-07").inForce(during: .quarter(2021, 1)))
    }

    @Test("one that started and ended inside the period is in force during it")
    func insideThePeriod() throws {
        #expect(try item("2024-05-01", "2024-05-20").inForce(during: q1))
        #expect(try item("2024-05-01", "2024-05-20").inForce(during: Period(financialYear: 2024)))
        #expect(try !item("2024-05-01", "2024-05-20").inForce(during: .quarter(2024, 2)))
    }

    @Test("a proposed intervention is not in force: it has not been applied")
    func proposed() throws {
        #expect(try !item("2024-01-01", status: .proposed).inForce(during: q1))
    }

    @Test("a date's last possible day follows its precision")
    func lastDay() throws {
        #expect(try CalendarDate.parse("~2024").lastDayNumber == CalendarDate.ymd(2024, 12, 31).dayNumber)
        #expect(try CalendarDate.parse("2024-02").lastDayNumber == CalendarDate.ymd(2024, 2, 29).dayNumber)
        #expect(try CalendarDate.parse("2024-02-10").lastDayNumber == CalendarDate.ymd(2024, 2, 10).dayNumber)
    }
}
