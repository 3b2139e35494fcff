import Foundation

/// Wall-clock samples of one operation, summarised as a budget check.
struct Measurement {
    var name: String
    var samples: [Double] = []

    init(_ name: String) { self.name = name }

    /// Times `body` once, in milliseconds.
    mutating func time(_ body: () throws -> Void) rethrows {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[rank]
    }

    /// One line: name, p50, p99, max, n, and the budget verdict.
    func report(budgetP99: Double? = nil) {
        let figures = String(format: "p50 %.3f ms  p99 %.3f ms  max %.3f ms  (n=%d)", percentile(50), percentile(99), samples.max() ?? .nan, samples.count)
        let verdict = budgetP99.map { percentile(99) <= $0 ? "  within budget \($0) ms" : "  OVER budget \($0) ms" } ?? ""
        print("\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(figures)\(verdict)")
    }
}
