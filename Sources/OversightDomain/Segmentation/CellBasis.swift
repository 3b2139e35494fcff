/// How one organisation's metric was scored, held compactly while the method runs (10,000 × 20 of them);
/// the public `ScoreBasis`, with its standard, bookends or bracket, is built from it once for the result.
enum CellBasis: Sendable {
    case metStandard
    case failedFloor
    case ranked(better: Int32, pool: Int32)
    /// The position of the bracket among the metric's brackets.
    case bracket(Int32)
    /// The position of the bracket among the metric's count brackets.
    case countBracket(Int32)
    /// Read from the table by the two components' scores, in hundredths.
    case matrix(row: Int32, column: Int32)
    case given
    case leftOut(LeftOutReason)

    func basis(_ shape: MetricShape) -> ScoreBasis {
        switch self {
        case .metStandard: return .metStandard(shape.standard ?? .nan)
        case .failedFloor: return .failedFloor(shape.floor ?? .nan)
        case .ranked(let better, let pool):
            return .ranked(Ranking(strictlyBetter: Int(better), poolSize: Int(pool),
                                   best: Score(hundredths: shape.standard == nil ? 100 : 200),
                                   worst: Score(hundredths: shape.floor == nil ? 400 : 300)))
        case .bracket(let index):
            guard case .bespoke(let brackets) = shape.kind else { return .leftOut(.outsideBrackets) }
            return .bracket(brackets[Int(index)])
        case .countBracket(let index):
            guard shape.countBrackets.indices.contains(Int(index)) else { return .leftOut(.outsideBrackets) }
            return .countBracket(shape.countBrackets[Int(index)])
        case .matrix(let row, let column):
            return .matrix(row: Score(hundredths: Int(row)), column: Score(hundredths: Int(column)))
        case .given: return .given
        case .leftOut(let reason): return .leftOut(reason)
        }
    }
}
