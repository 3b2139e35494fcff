import OversightConsole
import OversightDomain
import Testing

/// The 2016 era in the console, on the bundled store: every framework reachable with `f` and every period of
/// its life with `p`, the four regions of 2016 on the overview and the seven from April 2020, the trusts beside
/// the CCGs of a footprint (`X`), and one key (`e`) from a 2016 footprint to the ICS it became and back.
@Suite struct EraConsoleTests {
    static func state(_ size: Size = Size(width: 80, height: 24)) throws -> AppState {
        LeagueFixture.state(size, dataset: try #require(BundledFixture.dataset, "the bundled store opens"))
    }

    static func goTo(_ code: String) -> [Key] { [.character(":")] + code.map { Key.character($0) } + [.enter] }

    /// `f` until the framework is `id`.
    static func framework(_ id: FrameworkID, from state: AppState) -> AppState {
        var state = state
        for _ in 0..<5 where state.viewpoint.framework != id { state = state.pressing(.character("f")) }
        return state
    }

    @Test("f reaches all four frameworks in turn, each in its own years")
    func everyFramework() throws {
        var state = try Self.state()
        var seen: [FrameworkID] = []
        for _ in 0..<4 {
            state = state.pressing(.character("f"))
            seen.append(try #require(state.viewpoint.framework))
            let framework = try #require(state.landscape.framework(state.viewpoint.framework))
            #expect(framework.isInForce(during: try #require(state.viewpoint.period)), "\(framework.id) at \(state.viewpoint.period?.label ?? "")")
        }
        #expect(Set(seen) == ["sof-2016", "ccg-iaf-2016", "sof-2021-22", "nof-2025-26"])
    }

    @Test("p goes back to 2016/17 under SOF 2016, where the overview shows the four regions of 2016 and the STP footprints")
    func backTo2016() throws {
        var state = Self.framework("sof-2016", from: try Self.state())
        for _ in 0..<20 { state = state.pressing(.character("p")) }
        #expect(state.viewpoint.period == .quarter(2016, 3), "SOF 2016 began in October 2016")
        #expect(state.viewpoint.era == .stp2016, "no ICS existed then")
        let regions = state.top.table.rows.map { $0.cells[0].searchText }
        #expect(regions == ["North", "Midlands and East", "London", "South"])
        // From April 2020, the seven.
        var later = Self.framework("sof-2021-22", from: state)
        later = later.pressing(.character("p"))
        #expect(later.top.table.rows.count == 7)
    }

    @Test("X on Lancashire and South Cumbria in 2017/18 lists Lancashire Care and the CCGs beside the trusts")
    func trustsBesideCCGs() throws {
        var state = Self.framework("sof-2016", from: try Self.state())
        for _ in 0..<20 where state.viewpoint.period != .quarter(2017, 3) { state = state.pressing(.character("p")) }
        state = state.pressing(Self.goTo("E54000048") + [.character("X")])
        #expect(state.topKind == .exoskeleton)
        let keys = state.top.table.rows.map(\.key)
        #expect(keys.contains("RW5"), "Lancashire Care")
        #expect(keys.contains("00R") && keys.contains("00Q"), "Blackpool and Blackburn with Darwen CCGs")
        let kinds = state.top.table.rows.map { $0.cells[0].searchText }
        #expect((kinds.firstIndex(of: "CCG") ?? 0) > (kinds.lastIndex(of: "Trust") ?? 0), "the trusts, then the CCGs: \(kinds)")
        #expect(state.top.table.rows.allSatisfy { !$0.cells[3].searchText.isEmpty }, "every organisation says what is known, or that nothing is")
    }

    @Test("e goes from a 2016 footprint to the ICS it became, naming the date, and back")
    func toTheICSAndBack() throws {
        let stp = try Self.state().pressing(Self.goTo("E54000048"))
        #expect(stp.top.screen.pathKey == "E54000048")
        let ics = stp.pressing(.character("e"))
        #expect(ics.top.screen.pathKey == "QE1")
        #expect(ics.message?.text.contains("on 1 Jul 2022") == true, "\(ics.message?.text ?? "")")
        let back = ics.pressing(.character("e"))
        #expect(back.top.screen.pathKey == "E54000048")
        // The three northern footprints merged in 2018 and then became one ICS; each leads there.
        let cumbria = try Self.state().pressing(Self.goTo("E54000047") + [.character("e")])
        #expect(cumbria.top.screen.pathKey == "QHM", "\(cumbria.message?.text ?? "")")
    }
}

/// The 2016 era's screens: the overview with the regions of 2016, a footprint with its trusts and CCGs, and
/// the trusts beside the CCGs (Sussex and East Surrey in 2017/18 Q3, whose CCGs' IAF ratings are on record).
@Suite struct EraSnapshots {
    static let sizes = [Size(width: 80, height: 24), Size(width: 60, height: 16), Size(width: 132, height: 43)]

    static func in2017(_ size: Size) throws -> AppState {
        var state = EraConsoleTests.framework("sof-2016", from: try EraConsoleTests.state(size))
        for _ in 0..<20 where state.viewpoint.period != .quarter(2017, 3) { state = state.pressing(.character("p")) }
        return state
    }

    static let screens: [(name: String, keys: [Key])] = [
        ("era-overview-2017", []),
        ("era-footprint-2017", EraConsoleTests.goTo("E54000033")),
        ("era-exoskeleton", EraConsoleTests.goTo("E54000033") + [.character("X")]),
    ]

    @Test(arguments: sizes)
    func everyScreen(at size: Size) throws {
        for screen in Self.screens {
            Snapshot.check(view(try Self.in2017(size).pressing(screen.keys), size: size), name: "\(screen.name)-\(size.width)x\(size.height)")
        }
    }
}
