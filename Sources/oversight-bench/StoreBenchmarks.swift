/// Store benchmarks: filled in with the store work.
enum StoreBenchmarks {
    static func run() {
        print("store: no benchmarks yet")
    }
}
