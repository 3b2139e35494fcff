import OversightDomain

/// The workloads the crash, fault and model tests drive a store through.
public enum Workloads {
    /// store.md's workload W: blocks of edits of every kind (notes, actions, segment decisions,
    /// interventions, multi-record imports), each block followed by two undos and a redo (so the next
    /// block's first edit clears a redo), with explicit compactions and a clean reopen between blocks.
    /// The defaults give 40 edits, 10 undos, 5 redos, 2 compactions and 1 reopen.
    public static func standard(blocks: Int = 5, editsPerBlock: Int = 8, compactAfterBlocks: Set<Int> = [2, 4],
                                reopenAfterBlocks: Set<Int> = [3]) -> [WorkloadStep] {
        var model = StoreModel(start: SampleDataset.make())
        var steps: [WorkloadStep] = []
        var number = 0
        func add(_ step: WorkloadStep) {
            do { try model.perform(step) } catch { preconditionFailure("the standard workload does not fit its own model: \(error)") }
            steps.append(step)
        }
        let kinds = SampleEdits.Kind.allCases
        for block in 1...blocks {
            for _ in 0..<editsPerBlock {
                number += 1
                add(.edit(SampleEdits.fitting(kinds[number % kinds.count], number: number, in: model.current.dataset)))
            }
            add(.undo)
            add(.undo)
            add(.redo)
            if compactAfterBlocks.contains(block) { steps.append(.compact) }
            if reopenAfterBlocks.contains(block) { steps.append(.reopen(compacting: true)) }
        }
        return steps
    }

    /// The next step of the endless kill-test loop, chosen from the seq it will write and the state
    /// the store is in, so that a test can tell what the killed process was doing without asking it.
    /// Mostly edits (some with long text, so writes are big), with undos and redos mixed in.
    public static func soakStep(seq: Int, dataset: Dataset, undoDepth: Int, redoDepth: Int) -> WorkloadStep {
        var random = SeededGenerator(seed: UInt64(seq) &* 0x2545_F491_4F6C_DD1D)
        let roll = Double.random(in: 0..<1, using: &random)
        if roll < 0.15, undoDepth > 0 { return .undo }
        if roll < 0.25, redoDepth > 0 { return .redo }
        let kinds = SampleEdits.Kind.allCases
        let kind = kinds[Int.random(in: 0..<kinds.count, using: &random)]
        return .edit(SampleEdits.fitting(kind, number: seq, in: dataset, longText: random.chance(0.2)))
    }

    /// A random sequence for the model-based test: edits of every kind, undos, redos (several in a
    /// row, so that undo and redo reach deep), compactions, clean reopens and power cuts.
    public static func random(seed: UInt64, length: Int) -> [WorkloadStep] {
        var random = SeededGenerator(seed: seed)
        var model = StoreModel(start: SampleDataset.make())
        var steps: [WorkloadStep] = []
        let kinds = SampleEdits.Kind.allCases
        var number = 0
        while steps.count < length {
            let roll = Double.random(in: 0..<1, using: &random)
            let step: WorkloadStep
            switch roll {
            case ..<0.55:
                number += 1
                step = .edit(SampleEdits.fitting(kinds[Int.random(in: 0..<kinds.count, using: &random)], number: number,
                                                 in: model.current.dataset))
            case ..<0.76: step = .undo
            case ..<0.915: step = .redo
            case ..<0.935: step = .compact
            case ..<0.96: step = .reopen(compacting: random.chance(0.5))
            default: step = .powerCutAndReopen(seed: random.next())
            }
            // Undo and redo with nothing to take back are still tried: the store must refuse them too.
            _ = try? model.perform(step)
            steps.append(step)
        }
        return steps
    }
}
