import OversightDomain
import Testing

/// The 2016 era as the domain answers for it: the regions of a period, footprint members by kind and
/// day, and the trusts no footprint holds.
@Suite("The 2016 era: regions, members, unplaced trusts")
struct EraTests {
    let data = EraFixture.dataset

    @Test("the four regions of 2016 until March 2020, the seven from April 2020")
    func regionsOfAPeriod() {
        #expect(data.regions(during: .quarter(2016, 3)).map(\.code) == ["Y54", "Y57"])
        #expect(data.regions(during: .quarter(2019, 4)).map(\.code) == ["Y54", "Y57"], "31 March 2020 is the 2016 regions' last day")
        #expect(data.regions(during: .quarter(2020, 1)).map(\.code) == ["Y63"])
        #expect(data.regions(during: Period(financialYear: 2020)).map(\.code) == ["Y63"])
    }

    @Test("a footprint sits in its 2016 region while that region exists, then in its 2020 region")
    func footprintRegion() throws {
        let north = try #require(data.footprint("E9"))
        #expect(data.region(of: north, on: .ymd(2019, 6, 30)) == "Y54")
        #expect(data.region(of: north, on: .ymd(2020, 6, 30)) == "Y63")
        #expect(data.footprints(of: .stp2016, on: .ymd(2016, 12, 31), in: "Y54").map(\.id) == ["E1", "E2"])
        #expect(data.footprints(of: .stp2016, on: .ymd(2019, 6, 30), in: "Y54").map(\.id) == ["E9"], "after the merger")
        #expect(data.footprints(of: .stp2016, on: .ymd(2020, 6, 30), in: "Y54").isEmpty, "no 2016 region in 2020/21")
    }

    @Test("members by kind on a day, from March 2016, host before serving")
    func membersOnADay() {
        let march = data.members(of: "E1", on: .ymd(2016, 3, 15))
        #expect(march.trusts.map(\.organisation.code) == ["RA1", "RB2"])
        #expect(march.ccgs.map(\.organisation.code) == ["01A", "02B"])
        #expect(march.trusts.first?.membership.provenance.isDerived == true, "the 2016/17 part is derived")
        let serving = data.members(of: "E2", on: .ymd(2016, 12, 31))
        #expect(serving.trusts.map(\.role) == [.serves])
        #expect(serving.ccgs.isEmpty)
        #expect(data.members(of: "E1", on: .ymd(2016, 2, 28)).isEmpty, "before the footprints were set")
        let merged = data.members(of: "E9", on: .ymd(2019, 3, 31))
        #expect(merged.trusts.map(\.organisation.code) == ["RA1"])
        #expect(merged.ccgs.map(\.organisation.code) == ["02B"], "01A merged into 02B in April 2018")
        #expect(data.members(of: "E1", on: .ymd(2019, 3, 31)).isEmpty, "the merged footprint holds them after August 2018")
        #expect(data.members(of: "Q1", on: .ymd(2022, 7, 1)).others.map(\.organisation.code) == ["Q1"], "an ICS's own ICB")
    }

    @Test("a trust open in the era that no footprint holds is listed, not left out")
    func unplaced() {
        #expect(data.unplacedProviders(era: .stp2016, on: .ymd(2016, 12, 31)).map(\.code) == ["TAX"])
        #expect(data.unplacedProviders(era: .stp2016, on: .ymd(2019, 3, 31)).map(\.code) == ["RB2", "TAX"], "RB2's footprints ended with the merger")
        #expect(data.unplacedProviders(era: .ics2022, on: .ymd(2016, 12, 31)).isEmpty, "no ICS existed then to be left out of")
    }

    @Test("every period of a framework's life: SOF 2016's quarters, the CCG IAF's years")
    func frameworkPeriods() {
        let quarters = EraFixture.sof.periods(through: .quarter(2025, 4))
        #expect(quarters.first == .quarter(2016, 3) && quarters.last == .quarter(2018, 4))
        #expect(quarters.count == 10)
        #expect(EraFixture.iaf.periods(through: .quarter(2025, 4)).map(\.id) == ["2016-17", "2017-18", "2018-19"])
        #expect(EraFixture.iaf.periods(through: .quarter(2017, 2)).map(\.id) == ["2016-17", "2017-18"], "up to the latest period asked for")
        #expect(data.frameworks(inForceDuring: .quarter(2016, 2)).map(\.id) == ["ccg-iaf-2016"], "SOF 2016 began in October 2016")
    }
}
