import Foundation
import Glibc
import OversightDomain
import OversightStore

/// Open and first frame across the depth curve (issue 16): quarters 1, 8, 40; journal 0, 1,000,
/// 10,000 entries; organisations 250, 1,000, 10,000. Each store is made by the scale generator.
/// An open is a fresh `oversight history --limit 1` process (its wall time; its peak memory through
/// GNU time), and `Store.open` itself in this process (read-only, everything read); the
/// first frame is the console on a real pseudo-terminal at 80×24, until its hint bar is drawn; and,
/// where VisiData is installed, VisiData's first frame on the same organisations' figures as CSV,
/// beside it as a ratio. Each figure is printed beside its goal; `--gate` exits non-zero when one
/// is missed (CI runs `--quick` without it: it reports, it does not gate on a busy machine's times).
/// `--only deep,journal` runs only those curves' points (with the bundled-size point, which the
/// deep store's first frame is held to).
enum DepthBenchmarks {
    struct Goal {
        var text: String
        var met: Bool
    }

    static func run(_ arguments: [String]) -> Int32 {
        let quick = arguments.contains("--quick")
        let gate = arguments.contains("--gate")
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("oversight").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("depth: build the console beside the benchmark first (swift build -c release --product oversight)")
            return 2
        }
        let vd = which("vd")
        let root = NSTemporaryDirectory() + "oversight-depth-\(getpid())"
        defer { if ProcessInfo.processInfo.environment["OVERSIGHT_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: root) } }
        let only = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
            .map { Set($0.split(separator: ",").map(String.init)) }
        let every: [(String, ScaleSpec)] = quick
            ? [("quick", ScaleSpec(orgs: 250, quarters: 8)), ("quick journal", ScaleSpec(orgs: 250, quarters: 8, journal: 1_000))]
            : [("quarters", ScaleSpec(orgs: 250, quarters: 1)), ("quarters", ScaleSpec(orgs: 250, quarters: 8)),
               ("quarters", ScaleSpec(orgs: 250, quarters: 40)),
               ("journal", ScaleSpec(orgs: 250, quarters: 8, journal: 1_000)), ("journal", ScaleSpec(orgs: 250, quarters: 8, journal: 10_000)),
               ("journal kept", ScaleSpec(orgs: 250, quarters: 8, journal: 10_000, kept: true)),
               ("deep", ScaleSpec(orgs: 250, quarters: 40, journal: 10_000, kept: true)),
               ("organisations", ScaleSpec(orgs: 1_000, quarters: 8)), ("organisations", ScaleSpec(orgs: 10_000, quarters: 8))]
        let points = every.filter { curve, spec in
            only.map { $0.contains(curve) || (spec.orgs == 250 && spec.quarters == 8 && spec.journal == 0) } ?? true
        }
        // CI runs the debug build: the heading says which, so its figures are not read as the release ones.
        #if DEBUG
        let build = "debug build: not the figures to compare with the goals"
        #else
        let build = "release build"
        #endif
        print("Depth curve (\(build); \(Machine.describe())); VisiData: \(vd ?? "not installed (pip install visidata)")")
        print("curve          store                                               snapshot  open p50  Store.open  peak mem  1st frame  VisiData  ratio")
        var goals: [Goal] = []
        // The bundled data's size (250 organisations, 8 quarters, no journal): what a deep store's first frame is held to.
        var bundledDirectory: String?
        for (index, (curve, spec)) in points.enumerated() {
            let directory = root + "/\(index)"
            let sizes: (snapshot: Int, journal: Int, data: Dataset)
            do { sizes = try ScaleStore.create(spec, at: directory) } catch {
                print("depth: could not make \(spec): \(error)")
                return 1
            }
            let openCommand = [binary, "history", "--store", directory, "--limit", "1"]
            let opens = (0..<(quick ? 3 : 5)).map { _ in Child.run(openCommand).ms }
            let memory = Child.peakResidentKiB(openCommand, scratch: directory + "-time.txt")
            let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LINES": "24", "COLUMNS": "80",
                               "XDG_DATA_HOME": root + "/xdg", "XDG_STATE_HOME": root + "/xdg"]
            // The median of several, since one start of a process on a shared machine can be far off.
            func firstFrame(_ store: String) -> Double? {
                PseudoTerminal.firstFrame([binary, "--store", store, "--read-only"], environment: environment,
                                          markers: ["Segment mix", "Quit"]).firstFrameMs
            }
            let frames = (0..<(quick ? 1 : 5)).compactMap { _ in firstFrame(directory) }
            let frame = frames.isEmpty ? nil : median(frames)
            var vdFrame: Double?
            if let vd {
                let csv = directory + "-figures.csv"
                let first = writeCSV(sizes.data, to: csv)
                let frames = (0..<(quick ? 1 : 3)).compactMap { _ in
                    PseudoTerminal.firstFrame([vd, csv], environment: environment, markers: ["org_code", first]).firstFrameMs
                }
                vdFrame = frames.isEmpty ? nil : median(frames)
            }
            let open = median(opens)
            // The open itself, in this process (a read-only `Store.open` of everything, then close): the
            // command above adds a process's start and, for `history`, decoding every summary it keeps.
            let storeOpen = median((0..<(quick ? 3 : 5)).map { _ in
                let start = DispatchTime.now().uptimeNanoseconds
                (try? Store.open(directory, options: StoreOptions(readOnly: true)))?.close()
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            })
            // `validate` reads and checks every file in one pass (issue 16: at most 1.2 × an open).
            let validate = median((0..<(quick ? 3 : 5)).map { _ in Child.run([binary, "validate", "--store", directory]).ms })
            let memoryText = memory.map { "\($0 / 1024) MiB" } ?? "–"
            let ratio = frame.flatMap { f in vdFrame.map { f / $0 } }
            func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
            func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
            print(pad(curve, 14) + " " + pad(spec.description, 51) + right(String(format: "%.1f MB", Double(sizes.snapshot) / 1e6), 9)
                  + right(String(format: "%.0f ms", open), 10) + right(String(format: "%.0f ms", storeOpen), 12) + right(memoryText, 10) + right(show(frame) + " ms", 11)
                  + right(show(vdFrame) + " ms", 10) + right(ratio.map { String(format: "%.2f", $0) } ?? "–", 7))
            goals.append(Goal(text: "validate ≤ 1.2 × an open (\(spec)): \(Int(validate)) ms against \(Int(open)) ms",
                              met: validate <= 1.2 * open))
            if spec.journal == 10_000 && spec.quarters == 8 {
                let kind = spec.kept ? "kept as the store keeps it" : "all in journal.jsonl"
                goals.append(Goal(text: "open (Store.open), 10,000-entry journal (\(kind)) ≤ 100 ms: \(Int(storeOpen)) ms", met: storeOpen <= 100))
            }
            if spec.orgs == 250 && spec.quarters == 8 && spec.journal == 0 { bundledDirectory = directory }
            if spec.quarters == 40 && spec.journal == 10_000, let bundledDirectory {
                // A ratio of two figures taken minutes apart on a shared machine moves with whatever
                // else ran between them: the two stores' first frames are taken in turn, here.
                var deep: [Double] = [], bundled: [Double] = []
                let turns = quick ? 1 : 9
                for _ in 0..<turns {
                    if let ms = firstFrame(bundledDirectory) { bundled.append(ms) }
                    if let ms = firstFrame(directory) { deep.append(ms) }
                }
                if !deep.isEmpty, !bundled.isEmpty {
                    let (d, b) = (median(deep), median(bundled))
                    goals.append(Goal(text: "first frame, 40 quarters and 10,000 entries, within 1.5 × the bundled size's (taken in turn, \(turns) each): \(Int(d)) ms against \(Int(b)) ms (\(String(format: "%.2f", d / b)) ×)",
                                      met: d <= 1.5 * b))
                }
            }
            if spec.orgs == 10_000 {
                goals.append(Goal(text: "first frame, 10,000 organisations ≤ 300 ms: \(show(frame)) ms", met: (frame ?? .infinity) <= 300))
                goals.append(Goal(text: "peak memory, 10,000 organisations ≤ 250 MiB: \(memoryText)", met: (memory ?? .max) / 1024 <= 250))
            }
            if let ratio { goals.append(Goal(text: "first frame ≤ 1/5 of VisiData's (\(spec)): \(String(format: "%.2f", ratio))", met: ratio <= 0.2)) }
        }
        for goal in goals { print((goal.met ? "met     " : "MISSED  ") + goal.text) }
        return gate && goals.contains { !$0.met } ? 1 : 0
    }

    static func show(_ ms: Double?) -> String { ms.map { String(format: "%.0f", $0) } ?? "–" }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The same organisations' figures as one CSV table: one row per organisation and quarter, a column per metric.
    /// Returns the first row's organisation code, which VisiData's first frame shows.
    static func writeCSV(_ data: Dataset, to path: String) -> String {
        let metrics = data.frameworks.flatMap(\.metrics).map(\.id)
        var lines = ["org_code,name,framework,period," + metrics.map(\.rawValue).joined(separator: ",")]
        let names = Dictionary(uniqueKeysWithValues: data.organisations.map { ($0.code, $0.name) })
        for card in data.scorecards where !card.values.isEmpty {
            let name = (names[card.org] ?? "").replacingOccurrences(of: ",", with: " ")
            let cells = metrics.map { card.number($0).map { String($0) } ?? "" }
            lines.append(([card.org.rawValue, name, card.framework.rawValue, card.period.label] + cells).joined(separator: ","))
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        return data.scorecards.first { !$0.values.isEmpty }?.org.rawValue ?? ""
    }
}

/// A child process run to its end: its wall time, or its peak memory.
enum Child {
    /// Peak resident memory through GNU time, which forks the program from its own small process. (A child
    /// spawned from here would be charged this process's memory too: Linux counts the memory a process had
    /// before exec, and posix_spawn shares ours until then.) Nil where /usr/bin/time is not installed.
    static func peakResidentKiB(_ argv: [String], scratch: String) -> Int? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return nil }
        _ = run(["/usr/bin/time", "-f", "%M", "-o", scratch] + argv)
        return (try? String(contentsOfFile: scratch, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    static func run(_ argv: [String]) -> (ms: Double, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ) == 0 else { return (.nan, -1) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000, status)
    }
}

/// The machine, read from /proc, not assumed.
enum Machine {
    static func describe() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }.map { String($0.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let cores = cpuinfo.split(separator: "\n").filter { $0.hasPrefix("processor") }.count
        let memory = ((try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? "").split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }.map { "\($0 / 1_048_576) GiB" } ?? "unknown memory"
        return "\(cores) × \(model), \(memory)"
    }
}
