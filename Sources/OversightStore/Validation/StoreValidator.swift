import OversightDomain

/// `oversight validate`: reads every file of a store and reports every problem it can find, each
/// with its file, line:column and JSON path. It never changes a byte.
///
/// Unlike `Store.open`, which stops at the first thing that forces read-only, this goes on: a bad
/// checksum does not stop the payload being parsed, a type error in one journal line does not stop
/// the next line being read.
public struct StoreValidator {
    public let layout: StoreLayout
    let fs: FileSystem
    /// Whether to insist on private modes (not for the bundled dataset, which ships in the source tree).
    let checkPermissions: Bool
    var problems: [StoreProblem] = []
    /// Whether the snapshot's data met every rule; if not, the journal's replay would repeat its problems.
    var snapshotDataValid = true

    public init(directory: String, fileSystem: FileSystem = POSIXFileSystem(), checkPermissions: Bool = true) {
        layout = StoreLayout(directory: directory)
        fs = fileSystem
        self.checkPermissions = checkPermissions
    }

    /// The dataset as of the journal's last entry, when the snapshot decoded (the replay stops at a
    /// bad entry, so with problems it may stop short), and that entry's sequence number.
    var replayed: (dataset: Dataset, lastSeq: Int)?

    /// Every problem found, in file order. Empty means valid.
    public static func validate(_ directory: String, fileSystem: FileSystem = POSIXFileSystem(), checkPermissions: Bool = true) -> [StoreProblem] {
        check(directory, fileSystem: fileSystem, checkPermissions: checkPermissions).problems
    }

    /// What `validate` reports, with the state it replayed to on the way.
    public struct Report: Sendable {
        /// Every problem found, in file order. Empty means valid.
        public var problems: [StoreProblem]
        /// The dataset after the journal's replay, and the last entry replayed; nil when the snapshot did not decode.
        public var dataset: Dataset?
        public var lastSeq: Int?
    }

    /// Every problem, and the state the replay reached: `oversight validate` reports a valid store's
    /// counts from it, rather than reading and decoding every file a second time through `Store.open`.
    public static func check(_ directory: String, fileSystem: FileSystem = POSIXFileSystem(), checkPermissions: Bool = true) -> Report {
        var validator = StoreValidator(directory: directory, fileSystem: fileSystem, checkPermissions: checkPermissions)
        validator.run()
        return Report(problems: validator.problems, dataset: validator.replayed?.dataset, lastSeq: validator.replayed?.lastSeq)
    }

    mutating func report(_ file: String, line: Int? = nil, column: Int? = nil, path: DataPath? = nil, _ message: String) {
        problems.append(StoreProblem(file: file, line: line, column: column, path: path, message: message))
    }

    mutating func run() {
        // Whether this is a store at all, and one whose files are plain files this process can
        // read, is decided before any file is opened (a FIFO would hang a read; a link is never followed).
        switch StoreDirectory.inspect(layout, fs: fs) {
        case .store:
            break
        case .absent:
            report(layout.directory, "does not exist; create a store with `oversight init --store \(layout.directory)`")
            return
        case .empty, .interruptedCreate:
            report(layout.directory, "holds no snapshot.json, so it is not an oversight store; create one with `oversight init --store \(layout.directory)`")
            return
        case .notAStore(let why), .unreadable(let why), .unsafe(let why):
            report(layout.directory, why)
            return
        }
        if checkPermissions { checkModes() }
        // Another process may compact while this reads (it holds no lock): snapshot.json is replaced
        // before the journal, so if it is the same file after the journal was read, the two belong
        // together; if not, everything is read again (a few times at most).
        for attempt in 1...20 {
            let found = problems
            let before = (try? fs.status(layout.snapshot))?.identity
            if let payload = checkSnapshot() { checkJournal(after: payload) }
            if (try? fs.status(layout.snapshot))?.identity == before || attempt == 20 { return }
            problems = found
            snapshotDataValid = true
            replayed = nil
        }
    }

    /// Loose modes on the store's own plain files and folder (a link or anything else was refused before this).
    mutating func checkModes() {
        if let status = try? fs.status(layout.directory, followingLinks: true), status.mode & 0o077 != 0 {
            report(".", "the store directory is readable by other users (mode \(String(status.mode, radix: 8))); run chmod 700 on it")
        }
        for name in [StoreLayout.snapshotName, StoreLayout.journalName] {
            if let status = try? fs.status(layout.directory + "/" + name), status.kind == .file, status.mode & 0o077 != 0 {
                report(name, "is readable by other users (mode \(String(status.mode, radix: 8))); run chmod 600 on it")
            }
        }
    }

    // MARK: snapshot.json

    /// Checks the snapshot; returns its payload when it decodes (even with other problems).
    mutating func checkSnapshot() -> SnapshotPayload? {
        let file = StoreLayout.snapshotName
        let bytes: [UInt8]
        do {
            guard let read = try fs.read(layout.snapshot) else {
                report(file, "is missing; without it the store cannot be read (`oversight repair` restores the newest backup, if any)")
                return nil
            }
            bytes = read
        } catch {
            report(file, "cannot be read: \(error)")
            return nil
        }
        let lines = LineTable(bytes)
        let found = problems.count
        guard let payloadRange = checkFrame(bytes, file: file, lines: lines, lineOffset: 0, lineNumber: 1, wholeFile: true) else { return nil }
        if problems.count == found, let payload = CleanSnapshot.read(bytes[payloadRange]) {
            snapshotDataValid = true
            return payload
        }
        let prefix = DataPath.root.key("rec")
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes[payloadRange])
        } catch {
            problems.append(StoreProblem(error, file: file, lines: lines, payloadOffset: payloadRange.lowerBound, pathPrefix: prefix))
            return nil
        }
        for problem in StoredTextScan.problems(in: value) {
            problems.append(StoreProblem(problem, file: file, lines: lines, payloadOffset: payloadRange.lowerBound, pathPrefix: prefix))
        }
        if case .object(let object) = value.content, case .number(let number)? = object["schemaVersion"]?.content,
           let version = number.integerValue, version > Int64(SnapshotPayload.currentSchemaVersion) {
            report(file, line: lines.position(of: payloadRange.lowerBound).line, path: prefix.key("schemaVersion"),
                   "store format \(version) is newer than this oversight reads (\(SnapshotPayload.currentSchemaVersion)); upgrade oversight")
            return nil
        }
        let payload: SnapshotPayload
        do {
            let (decoded, unknown) = try JSONValueDecoder().decodeReportingUnknownFields(SnapshotPayload.self, from: value)
            for problem in unknown {
                problems.append(StoreProblem(problem, file: file, lines: lines, payloadOffset: payloadRange.lowerBound, pathPrefix: prefix))
            }
            payload = decoded
        } catch {
            for problem in error.problems {
                problems.append(StoreProblem(problem, file: file, lines: lines, payloadOffset: payloadRange.lowerBound, pathPrefix: prefix))
            }
            return nil
        }
        // The meaning: references, ranges, duplicates. Paths from the validator index the file's own order.
        let data = value.nearest(DataPath.root.key("data"))
        let meaning = DatasetValidator.problems(in: payload.data)
        snapshotDataValid = meaning.isEmpty
        for problem in meaning {
            let located = data.nearest(problem.path)
            let position = lines.position(of: located.offset + payloadRange.lowerBound)
            report(file, line: position.line, column: position.column, path: prefix.key("data") + problem.path, problem.message)
        }
        checkUndoWindow(payload.history, file: file, lines: lines, value: value, payloadOffset: payloadRange.lowerBound)
        return payload
    }

    mutating func checkUndoWindow(_ window: UndoWindow, file: String, lines: LineTable, value: JSONValue, payloadOffset: Int) {
        let entries = Set(window.entries.map(\.seq))
        let at = lines.position(of: value.nearest(DataPath.root.key("history")).offset + payloadOffset)
        for seq in window.undo + window.redo where !entries.contains(seq) {
            report(file, line: at.line, column: at.column, path: DataPath.root.key("rec").key("history"),
                   "the undo window names entry \(seq) but does not hold it")
        }
        if Set(window.undo).count + Set(window.redo).count != Set(window.undo + window.redo).count {
            report(file, line: at.line, column: at.column, path: DataPath.root.key("rec").key("history"),
                   "an entry is on both the undo and the redo stack")
        }
    }

    /// Checks one frame; returns the payload's byte range when the frame is well formed, even if
    /// its checksum is wrong (that is reported, and the payload is still examined for more).
    mutating func checkFrame(_ bytes: [UInt8], file: String, lines: LineTable, lineOffset: Int, lineNumber: Int, wholeFile: Bool) -> Range<Int>? {
        var end = bytes.count
        if wholeFile {
            if bytes.last != 0x0A {
                report(file, line: lines.lineCount, "the file does not end with a newline: it was cut short")
            } else {
                end -= 1
            }
        }
        let line = bytes[lineOffset..<end]
        do {
            return try Frame.payloadRange(in: line)
        } catch {
            switch error {
            case .checksumMismatch, .lengthMismatch:
                report(file, line: lineNumber, column: 1,
                       "\(error): the bytes were changed after oversight wrote them")
                // The frame's shape is intact; look inside anyway for a more precise problem.
                let start = lineOffset + Frame.payloadStart(in: line)
                return start < end - 1 ? start..<(end - 1) : nil
            case .malformed(let why):
                report(file, line: lineNumber, column: 1, "not a valid frame: \(why)")
                return nil
            }
        }
    }

    // MARK: journal.jsonl

    mutating func checkJournal(after payload: SnapshotPayload) {
        let file = StoreLayout.journalName
        let bytes: [UInt8]
        do {
            bytes = try fs.read(layout.journal) ?? []
        } catch {
            report(file, "cannot be read: \(error)")
            return
        }
        let lines = LineTable(bytes)
        var dataset = payload.data
        dataset.normalise()
        var stacks = UndoStacks(undo: payload.history.undo, redo: payload.history.redo)
        var lastSeq = payload.seq
        var replaying = true
        let framedLines = JournalScan.framedLines(bytes)
        let readings = JournalLineReading.read(framedLines, of: bytes)
        for (framed, reading) in zip(framedLines, readings) {
            let number = framed.number
            let range: Range<Int>
            switch framed.payload {
            case .success(let payload):
                range = payload
            case .failure(let error):
                if framed.number == framedLines.count, JournalScan.isTornWrite(bytes[framed.offset...]) {
                    report(file, line: number, column: 1, "the last line has no newline: a write was cut short (oversight sets it aside in quarantine/ on the next open)")
                } else {
                    report(file, line: number, column: 1, "\(error)")
                }
                replaying = false
                continue
            }
            let prefix = DataPath.root.key("rec")
            guard let reading else { continue }
            if let syntax = reading.syntax {
                problems.append(StoreProblem(syntax, file: file, lines: lines, payloadOffset: range.lowerBound, pathPrefix: prefix))
                replaying = false
                continue
            }
            for problem in reading.textProblems {
                problems.append(StoreProblem(problem, file: file, lines: lines, payloadOffset: range.lowerBound, pathPrefix: prefix))
            }
            let entry: JournalEntry
            switch reading.entry {
            case .success(let (decoded, unknown))?:
                for problem in unknown {
                    problems.append(StoreProblem(problem, file: file, lines: lines, payloadOffset: range.lowerBound, pathPrefix: prefix))
                }
                entry = decoded
            case .failure(let error)?:
                for problem in error.problems {
                    problems.append(StoreProblem(problem, file: file, lines: lines, payloadOffset: range.lowerBound, pathPrefix: prefix))
                }
                replaying = false
                continue
            case nil:
                continue
            }
            // An entry in another format would be read as if it were this one: the fields could mean other things.
            if entry.v > SnapshotPayload.currentSchemaVersion || entry.v < 1 {
                let why = entry.v > SnapshotPayload.currentSchemaVersion
                    ? "was written in store format \(entry.v), newer than this oversight reads (\(SnapshotPayload.currentSchemaVersion)); upgrade oversight to read it"
                    : "says it is in store format \(entry.v), which no oversight ever wrote (formats start at 1)"
                report(file, line: number, column: 1, path: prefix.key("v"), why)
                replaying = false
                continue
            }
            guard replaying, entry.seq > lastSeq else { continue }
            guard entry.seq == lastSeq + 1 else {
                report(file, line: number, column: 1, path: prefix.key("seq"), "entry \(entry.seq) follows \(lastSeq): entries are missing")
                replaying = false
                continue
            }
            do {
                try dataset.apply(entry.change)
                try stacks.record(entry.kind, seq: entry.seq, of: entry.of)
                lastSeq = entry.seq
            } catch {
                report(file, line: number, column: 1, path: prefix.key("change"), "does not fit the data before it: \(error)")
                replaying = false
            }
        }
        dataset.normalise()
        replayed = (dataset, lastSeq)
        if replaying && snapshotDataValid && lastSeq > payload.seq {
            for problem in DatasetValidator.problems(in: dataset) {
                report(file, "after replaying the journal, \(problem.path): \(problem.message)")
            }
        }
    }
}

extension Frame {
    /// Where a frame's payload starts, for a line whose shape is right but whose checksum is not.
    static func payloadStart(in line: ArraySlice<UInt8>) -> Int {
        guard let range = line.firstRange(of: recKey) else { return line.count }
        return range.upperBound - line.startIndex
    }
}

/// What one journal line's payload reads as: its syntax error, or the problems in its text and the
/// entry (or why there is none). Each line stands alone, so `validate` reads them on every core, as
/// an open does, and then reports and replays them in order.
struct JournalLineReading {
    var syntax: JSONSyntaxError?
    var textProblems: [JSONProblem] = []
    var entry: Result<(JournalEntry, [JSONProblem]), JSONDecodingFailure>?

    init(_ payload: ArraySlice<UInt8>) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(payload)
        } catch {
            syntax = error
            return
        }
        textProblems = StoredTextScan.problems(in: value)
        do {
            let (decoded, unknown) = try JSONValueDecoder().decodeReportingUnknownFields(JournalEntry.self, from: value)
            entry = .success((decoded, unknown))
        } catch {
            entry = .failure(error)
        }
    }

    /// One reading per framed line, in order; nil for a line whose frame is not intact.
    static func read(_ framed: [JournalScan.FramedLine], of bytes: [UInt8]) -> [JournalLineReading?] {
        @Sendable func reading(_ line: JournalScan.FramedLine) -> JournalLineReading? {
            guard case .success(let range) = line.payload else { return nil }
            return JournalLineReading(bytes[range])
        }
        guard framed.count > 16 else { return framed.map(reading) }
        let chunks = min(framed.count, ParallelMap.chunks)
        return ParallelMap.map(chunks) { chunk in
            framed[chunk * framed.count / chunks ..< (chunk + 1) * framed.count / chunks].map(reading)
        }.flatMap { $0 }
    }
}
