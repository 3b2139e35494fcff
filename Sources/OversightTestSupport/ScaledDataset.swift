import OversightDomain

/// The sample dataset grown to a realistic size for benchmarks: extra acute trusts with a
/// scorecard for every quarter from 2019/20 on, so a store holds about as many records as the
/// national one (store.md's 10,000 records).
public enum ScaledDataset {
    public static func make(organisations: Int = 360, quarters: Int = 28) -> Dataset {
        var data = SampleDataset.make()
        let provenance = Provenance(.sourced, source: "benchmark fixture")
        let periods = (0..<quarters).map { Period.quarter(2019 + $0 / 4, 1 + $0 % 4) }
        for index in 0..<organisations {
            let code = OrgCode("R\(String(index, radix: 36, uppercase: true).leftPadded(to: 3))")
            data.organisations.append(Organisation(
                code: code, name: "Benchmark Hospitals NHS Trust \(index)", kind: .nhsTrust, type: .acute, region: "Y62",
                memberships: [Membership(footprint: SampleDataset.ics, from: .ymd(2022, 7, 1), provenance: provenance)],
                provenance: provenance))
            for (q, period) in periods.enumerated() {
                let seed = Double((index * 31 + q * 7) % 400) / 10
                data.scorecards.append(Scorecard(
                    org: code, framework: SampleDataset.nof, period: period,
                    values: ["ae": .number(55 + seed), "rtt": .number(45 + seed), "sick": .number(3 + seed / 20)],
                    provenance: provenance))
            }
        }
        data.normalise()
        return data
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
