import OversightDomain
import OversightStore
import Testing

@Suite("CSV files for segment and import")
struct SegmentationCSVTests {
    static let metrics = """
    metric_id,name,domain,direction,standard,floor,weight,scoring
    ae,A&E 4-hour,access,higher,95,,1,ranked
    sick,"Sickness absence, all staff",people,lower,,,1,ranked
    cqc,CQC safe,safety,lower,,,1,score
    """

    func error(_ text: String, _ columns: [String] = SegmentationCSV.valueColumns) -> CSVFileError? {
        do { _ = try CSVTable.parse(text, file: "VALUES.csv", required: columns); return nil } catch { return error }
    }

    @Test("metric definitions read with quoting, optional numbers and defaults")
    func readsMetrics() throws {
        let table = try CSVTable.parse(Self.metrics, file: "METRICS.csv", required: SegmentationCSV.metricColumns)
        let metrics = try SegmentationCSV.metrics(table)
        #expect(metrics.map(\.id) == ["ae", "sick", "cqc"])
        #expect(metrics[0].standard == 95 && metrics[0].floor == nil)
        #expect(metrics[1].name == "Sickness absence, all staff")
        #expect(metrics[2].scoring == .score)
    }

    @Test("malformed CSV names the file and line")
    func malformed() {
        #expect(error("org_code,peer_group,metric_id,value\nRAA,acute,ae\n")?.description == "VALUES.csv line 2: expected 4 fields (org_code,peer_group,metric_id,value), found 3")
        #expect(error("org_code,peer_group,metric_id,value\nRAA,acute,ae,1\nRBB,acute,\"ae,2\n")?.line == 3)
        #expect(error("org_code,peer_group,value\nRAA,acute,1\n")?.message.contains("lacks metric_id") == true)
        #expect(error("")?.message.contains("empty") == true)
    }

    @Test("line numbers count newlines inside quoted fields")
    func quotedNewlines() throws {
        let text = "org_code,peer_group,metric_id,value\n\"RAA\",acute,\"a\nb\",1\nRBB,acute,ae\n"
        #expect(error(text)?.line == 4)
    }

    @Test("bad values are refused with their line", arguments: [
        ("RAA,acute,ae,7,5", "expected 4 fields"),
        ("RAA,hospital,ae,75", "peer_group “hospital”"),
        ("RAA,acute,xx,75", "metric xx is not in the metrics file"),
        ("RAA,acute,ae,seventy", "“seventy” is not a number"),
    ])
    func badValues(row: String, message: String) throws {
        let metrics = try SegmentationCSV.metrics(CSVTable.parse(Self.metrics, file: "METRICS.csv", required: SegmentationCSV.metricColumns))
        do {
            let values = try CSVTable.parse("org_code,peer_group,metric_id,value\nRBB,acute,ae,80\n\(row)\n", file: "VALUES.csv",
                                            required: SegmentationCSV.valueColumns)
            _ = try SegmentationCSV.input(metrics: metrics, values: values, orgs: nil)
            Issue.record("\(row) was accepted")
        } catch {
            #expect(error.line == 3, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test("values become a segmentation input with flags from the orgs file")
    func input() throws {
        let metrics = try SegmentationCSV.metrics(CSVTable.parse(Self.metrics, file: "METRICS.csv", required: SegmentationCSV.metricColumns))
        let values = try CSVTable.parse("org_code,peer_group,metric_id,value\nraa,acute,ae,80\nRAA,acute,sick,\nRBB,acute,ae,suppressed\n",
                                        file: "VALUES.csv", required: SegmentationCSV.valueColumns)
        let orgs = try CSVTable.parse("org_code,deficit,pip\nRAA,yes,no\nRBB,no,yes\n", file: "ORGS.csv", required: SegmentationCSV.orgColumns)
        let input = try SegmentationCSV.input(metrics: metrics, values: values, orgs: orgs)
        #expect(input.organisations.map(\.code) == ["RAA", "RBB"])
        #expect(input.organisations[0].values == ["ae": .number(80), "sick": .missing])
        #expect(input.organisations[0].reportsDeficit)
        #expect(input.organisations[1].decision?.segment == 5)
        #expect(input.organisations[1].values["ae"] == .suppressed)
    }
}
