/// Console benchmarks: filled in with the console work.
enum ConsoleBenchmarks {
    static func run() {
        print("console: no benchmarks yet")
    }
}
