/// Segmentation benchmarks: filled in with the segmentation work.
enum SegmentationBenchmarks {
    static func run() {
        print("segmentation: no benchmarks yet")
    }
}
