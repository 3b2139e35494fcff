import BundledData
import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// The dataset that ships with oversight: loaded through the same code as any store.
@Suite("The bundled national dataset")
struct BundledDatasetTests {
    static let loaded: Dataset = {
        let directory = BundledData.storeDirectory()!
        let bytes = Array(FileManager.default.contents(atPath: directory.appendingPathComponent("snapshot.json").path)!)
        guard case .success(let payload) = Store.readSnapshot(bytes) else { fatalError("the bundled snapshot does not read") }
        return payload.value.data
    }()

    @Test("it opens as a store, writable, with no problems")
    func opensClean() throws {
        let scratch = ScratchDirectory()
        let directory = try #require(BundledData.storeDirectory())
        let bytes = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent("snapshot.json").path))
        try Store.create(scratch.appending("store"), snapshot: Array(bytes))
        let store = try Store.open(scratch.appending("store"), options: SampleStore.options())
        #expect(store.readOnlyReason == nil)
        #expect(store.damage == nil)
        #expect(DatasetValidator.problems(in: Self.loaded).isEmpty)
    }

    @Test("44 STP footprints and the one three of them merged into, 42 ICSs, each STP leading to an ICS")
    func footprints() {
        let stps = Self.loaded.footprints(of: .stp2016)
        let icss = Self.loaded.footprints(of: .ics2022)
        #expect(stps.filter { $0.validFrom.year == 2016 }.count == 44)
        #expect(stps.filter { $0.validFrom.year != 2016 }.map(\.id) == ["E54000049"], "Cumbria and North East, formed in August 2018")
        #expect(icss.count == 42)
        let icsIDs = Set(icss.map(\.id))
        for stp in stps {
            let ics = Self.loaded.pathToICS(fromFootprint: stp.id)?.last?.footprint.id
            #expect(ics.map(icsIDs.contains) == true, "\(stp.id) \(stp.name) leads to no ICS")
        }
        let merged = stps.filter { $0.successors.contains { $0.kind == .merged } }
        #expect(merged.count == 3, "the three northern STPs merged in 2018")
        #expect(Set(icss.compactMap(\.odsCode)).count == 42)
    }

    @Test("every trust of the reference list, with its ICB")
    func trusts() throws {
        let reference = try String(contentsOfFile: BuiltBinary.packageRoot + "/data/reference/trusts.csv", encoding: .utf8)
        let codes = reference.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(codes.count == 207)
        let trusts = Self.loaded.organisations.filter(\.isProvider)
        #expect(trusts.count == 207 + 32 + 4, "and the 32 that closed from 2016 on, and the four care trusts")
        let icbFootprints = Set(Self.loaded.footprints(of: .ics2022).map(\.id))
        for code in codes {
            let org = try #require(Self.loaded.organisation(OrgCode(code)), "\(code) is missing")
            #expect(org.memberships.contains { $0.role == .primary && icbFootprints.contains($0.footprint) },
                    "\(code) has no ICB membership")
            // NHS England's files name the type of every trust they publish; the rest stay a researcher's classification.
            let published = Self.loaded.scorecards.contains { $0.org == org.code && $0.published != nil }
            #expect(org.type != nil && org.typeProvenance?.kind == (published ? .sourced : .unverified),
                    "\(code)'s type must be sourced to NHS England's file where one names it, else marked as a researcher's classification")
            #expect((org.subtype != nil) == published, "\(code): the subtype is NHS England's, where its files give one")
        }
        #expect(Self.loaded.organisations.filter { $0.kind == .icb }.count == 42)
    }

    @Test("nothing in it is made up: no illustrative scorecard, decision, value or record")
    func nothingIllustrative() {
        let data = Self.loaded
        #expect(data.scorecards.allSatisfy { $0.provenance.kind != .illustrative && $0.decision?.provenance.kind != .illustrative },
                "illustrative scorecards belong to the demonstration store (oversight init --demo), not the bundled one")
        #expect(data.organisations.allSatisfy { $0.provenance.kind != .illustrative })
        #expect(data.interventions.allSatisfy { $0.provenance.kind != .illustrative })
        #expect(data.frameworks.allSatisfy { $0.provenance.kind != .illustrative && $0.metrics.allSatisfy { $0.provenance.kind != .illustrative } })
        #expect(!data.scorecards.contains { $0.values.contains { _, value in value.figure != nil } && $0.published == nil },
                "a figure in the bundled store is one NHS England published, carried with its release")
        #expect(Store.illustrativeNotice(data) == nil, "the console must not call the bundled store a demonstration")
    }

    @Test("every segment decision of segment_decisions.csv is there, on its scorecard, as the public record gives it, unless NHS England published that quarter")
    func publishedDecisions() throws {
        let reference = try String(contentsOfFile: BuiltBinary.packageRoot + "/data/reference/segment_decisions.csv", encoding: .utf8)
        let rows = reference.split(separator: "\n").dropFirst().map { Self.fields(String($0)) }
        #expect(rows.count == 19)
        var restated = 0
        for row in rows {
            let id = ScorecardID(org: OrgCode(row[0]), framework: FrameworkID(row[2]), period: try #require(Period.parse(row[3])))
            let card = try #require(Self.loaded.scorecard(id), "\(id) is missing")
            if let published = card.published {
                // NHS England's figure stands where it published one; the record must agree with it.
                restated += 1
                #expect(card.decision == nil && published.segment == Int(row[4]), "\(id)")
                continue
            }
            #expect(card.decision?.segment == Int(row[4]) && card.decision?.basis == .published, "\(id)")
            let kind: Provenance.Kind = row[7] == "verified" ? .sourced : .unverified
            #expect(card.decision?.provenance.kind == kind, "\(id) should be \(kind.rawValue), as the file says \(row[7])")
        }
        #expect(restated == 4, "RM3, RCB, RF4 and RTD in Q1 2025/26")
    }

    @Test("the public intervention history is there, sourced")
    func interventions() {
        let types = Set(Self.loaded.interventions.map(\.type))
        #expect(types.contains("quality-special-measures"))
        #expect(types.contains("financial-special-measures"))
        #expect(types.contains("recovery-support-programme"))
        #expect(Self.loaded.interventions.allSatisfy { $0.provenance.kind == .sourced || $0.provenance.kind == .unverified })
        let july2013 = try? CalendarDate.parse("2013-07")
        let keogh = Self.loaded.interventions.filter { $0.type == "quality-special-measures" && $0.start == july2013 }
        #expect(keogh.count == 11, "the Keogh cohort of July 2013")
    }

    /// A CSV line's fields, quoted fields (which hold commas) unquoted. A doubled quote inside a field toggles
    /// twice, so it keeps the field's bounds; only the columns before the free text are read here.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in line {
            switch character {
            case "\"": quoted.toggle()
            case "," where !quoted: fields.append(field); field = ""
            default: field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
