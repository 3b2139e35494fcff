import Foundation

// Benchmarks, run on a release build: `swift run -c release oversight-bench [store|team|console|segmentation|import [DIR]|depth|scale]`.
// Figures go in docs/performance.md; unit tests never time anything.
let area = CommandLine.arguments.dropFirst().first ?? "all"
switch area {
case "store": StoreBenchmarks.run()
case "team": TeamStoreBenchmarks.run()
case "console": ConsoleBenchmarks.run()
case "segmentation": SegmentationBenchmarks.run()
case "import": ImportBenchmarks.run(folder: CommandLine.arguments.dropFirst(2).first)
case "scale": exit(ScaleStore.run(Array(CommandLine.arguments.dropFirst(2))))
case "depth": exit(DepthBenchmarks.run(Array(CommandLine.arguments.dropFirst(2))))
case "opening": exit(OpeningBenchmarks.run(Array(CommandLine.arguments.dropFirst(2))))
case "all":
    StoreBenchmarks.run()
    ConsoleBenchmarks.run()
    SegmentationBenchmarks.run()
    ImportBenchmarks.run(folder: nil)
default:
    print("usage: oversight-bench [store|team|console|segmentation|import [DIR]|depth [--quick] [--gate] [--only CURVES]|opening --store DIR [--first-frame]|scale --store DIR [options]|all]")
}
