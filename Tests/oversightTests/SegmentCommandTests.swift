import Foundation
import OversightStore
import OversightTestSupport
import Testing

@Suite("oversight segment and import metrics")
struct SegmentCommandTests {
    let scratch = ScratchDirectory("segment")

    func write(_ name: String, _ text: String) -> String {
        let path = scratch.appending(name)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Eight acute trusts on two metrics, so that the quartiles are easy to check by hand.
    func files() -> (String, String, String) {
        let metrics = write("METRICS.csv", "metric_id,name,domain,direction,standard,floor,weight,scoring\nae,A&E,access,higher,95,,1,ranked\nsick,Sickness,people,lower,,,1,ranked\n")
        var values = "org_code,peer_group,metric_id,value\n"
        for n in 1...8 {
            values += "R0\(n),acute,ae,\(70 + n * 3)\nR0\(n),acute,sick,\(7.0 - Double(n) * 0.4)\n"
        }
        let orgs = write("ORGS.csv", "org_code,deficit,pip\nR08,yes,no\nR01,no,yes\n")
        return (metrics, write("VALUES.csv", values), orgs)
    }

    @Test("CSV in, CSV out: the columns the issue names, in league order")
    func csvMode() throws {
        let (metrics, values, orgs) = files()
        let result = try BuiltBinary.run(["segment", "--metrics", metrics, "--values", values, "--orgs", orgs, "--format", "csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "org_code,peer_group,metrics_scored,raw_score,delivery_score,financial_override,segment,rank,distance_to_next")
        #expect(lines.count == 9)
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(first[0] == "R07", "R08 has the best values but its deficit moves it to 3, so R07 leads")
        let deficit = try #require(lines.first { $0.hasPrefix("R08,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(deficit[4] == "1" && deficit[5] == "yes" && deficit[6] == "3", "a deficit moves segment 1 to 3")
        let worst = try #require(lines.first { $0.hasPrefix("R01,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(worst[6] == "5", "PIP entry on a segment-4 provider is segment 5")
    }

    /// `--detail --format csv` is one table (no blank line, no second header), a row per organisation and
    /// metric, with the organisation's columns repeated, so that a spreadsheet opens it as it is.
    @Test("--detail as CSV is one long table a spreadsheet opens")
    func csvDetailIsOneTable() throws {
        let (metrics, values, orgs) = files()
        let result = try BuiltBinary.run(["segment", "--metrics", metrics, "--values", values, "--orgs", orgs, "--format", "csv", "--detail"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("\n\n"), "no blank line splits it into two tables")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "org_code,metric_id,value,score,how,peer_group,metrics_scored,raw_score,delivery_score,financial_override,segment,rank,distance_to_next")
        #expect(lines.count == 1 + 8 * 2, "a row for each of the 8 trusts' 2 metrics")
        let widths = Set(lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).count })
        #expect(widths == [13], "every row has every column: \(widths)")
        #expect(lines[1].hasPrefix("R07,"), "league order, as without --detail")
        let r01 = try #require(lines.first { $0.hasPrefix("R01,ae,73,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(r01[10] == "5", "the organisation's segment is on each of its metric rows")
    }

    /// The fix for rows of metrics that do not apply: an acute-only metric has no row for a mental health trust.
    @Test("--detail lists only the metrics that apply to the organisation's peer group")
    func detailOnlyApplicableMetrics() throws {
        let store = SampleStore.create(in: scratch)
        let result = try BuiltBinary.run(["segment", "--store", store, "--framework", "nof-test", "--period", "2025-26-Q1",
                                          "--format", "csv", "--detail"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let metrics = Dictionary(grouping: rows, by: { String($0[0]) }).mapValues { $0.map { String($0[1]) } }
        #expect(metrics["RAA"] == ["ae", "rtt", "sick"])
        #expect(metrics["RBB"] == ["sick"], "A&E and RTT are acute-only: \(metrics["RBB"] ?? [])")
        let table = try BuiltBinary.run(["segment", "--store", store, "--framework", "nof-test", "--period", "2025-26-Q1", "--detail"])
        let rbb = table.stdout.components(separatedBy: "\n").drop { !$0.contains(" RBB ") }.dropFirst().prefix { $0.hasPrefix("        ") }
        #expect(rbb.count == 1 && rbb.first?.contains("sick") == true, "the table's detail lines too: \(Array(rbb))")
    }

    @Test("a malformed file stops with its name and line")
    func malformed() throws {
        let (metrics, _, _) = files()
        let values = write("BAD.csv", "org_code,peer_group,metric_id,value\nR01,acute,ae,80\nR02,acute,ae,\"80\n")
        let result = try BuiltBinary.run(["segment", "--metrics", metrics, "--values", values])
        #expect(result.status != 0)
        #expect(result.stderr.contains("BAD.csv line 3"))
    }

    @Test("an import is one entry: undo takes it all back")
    func importUndo() throws {
        let store = SampleStore.create(in: scratch)
        let values = write("IMPORT.csv", "org_code,peer_group,metric_id,value\nRAA,acute,ae,81.5\nRAA,acute,rtt,60\nRBB,non-acute,sick,4.4\n")
        let imported = try BuiltBinary.run(["import", "metrics", values, "--framework", "nof-test", "--period", "2025-26-Q3", "--store", store])
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        #expect(imported.stdout.contains("Import 3 metric values for 2 organisations"))
        let open = try Store.open(store, options: SampleStore.options(readOnly: true))
        #expect(open.dataset.scorecards.filter { $0.period == .quarter(2025, 3) }.count == 2)
        let undone = try BuiltBinary.run(["undo", "--store", store])
        #expect(undone.status == 0)
        let after = try Store.open(store, options: SampleStore.options(readOnly: true))
        #expect(after.dataset.scorecards.filter { $0.period == .quarter(2025, 3) }.isEmpty)
        let bad = write("BADIMPORT.csv", "org_code,peer_group,metric_id,value\nRAA,acute,ae,140\n")
        let refused = try BuiltBinary.run(["import", "metrics", bad, "--framework", "nof-test", "--period", "2025-26-Q3", "--store", store])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("BADIMPORT.csv line 2: ae: 140.00 is not a percentage"))
    }
}
