// Benchmarks, run on a release build: `swift run -c release oversight-bench [store|console|segmentation]`.
// Figures go in docs/performance.md; unit tests never time anything.
let area = CommandLine.arguments.dropFirst().first ?? "all"
switch area {
case "store": StoreBenchmarks.run()
case "console": ConsoleBenchmarks.run()
case "segmentation": SegmentationBenchmarks.run()
case "all":
    StoreBenchmarks.run()
    ConsoleBenchmarks.run()
    SegmentationBenchmarks.run()
default:
    print("usage: oversight-bench [store|console|segmentation|all]")
}
