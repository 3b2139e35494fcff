/// The files of a store directory, by name.
///
///     <store>/LOCK               flock'd by the one writer; holds its pid
///     <store>/snapshot.json      the dataset at journal seq S, framed with a CRC
///     <store>/snapshot-index.json where the snapshot's parts lie, so an open can read what it needs first
///     <store>/journal.jsonl      CRC-framed entries after S
///     <store>/README.txt         what the files are, and never to delete the journal
///     <store>/backups/           the last 3 snapshot generations and the journal segments they need
///     <store>/quarantine/        bytes recovery set aside; never deleted automatically
public struct StoreLayout: Sendable {
    public let directory: String

    public init(directory: String) {
        var path = directory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.directory = path
    }

    public static let snapshotName = "snapshot.json"
    public static let journalName = "journal.jsonl"

    public var lock: String { directory + "/LOCK" }
    public var snapshot: String { directory + "/" + StoreLayout.snapshotName }
    public var snapshotTemp: String { directory + "/snapshot.json.tmp" }
    /// Where the parts of snapshot.json lie (`SnapshotIndex`): derived from it, rewritten with it.
    public var snapshotIndex: String { directory + "/" + StoreLayout.snapshotIndexName }
    public var snapshotIndexTemp: String { directory + "/snapshot-index.json.tmp" }
    public static let snapshotIndexName = "snapshot-index.json"
    public var journal: String { directory + "/" + StoreLayout.journalName }
    public var journalTemp: String { directory + "/journal.jsonl.tmp" }
    public var readme: String { directory + "/README.txt" }
    /// An empty file init makes first (durably) and removes last: while it is there, whatever else
    /// the directory holds of the store's names is init's own, whatever a power cut left in it.
    public var initMarker: String { directory + "/" + StoreLayout.initMarkerName }
    public static let initMarkerName = ".oversight-init"
    public var backups: String { directory + "/backups" }
    public var quarantine: String { directory + "/quarantine" }

    /// The directory holding `path` ("/" for a top-level entry).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    public func backupSnapshot(seq: Int) -> String { backups + "/snapshot-\(seq).json" }
    public func backupJournal(seq: Int) -> String { backups + "/journal-\(seq).jsonl" }

    /// Directory and file modes: this is oversight data about named organisations.
    public static let directoryMode: UInt32 = 0o700
    public static let fileMode: UInt32 = 0o600

    static let readmeText = """
    This directory is an oversight store.

    snapshot.json   the data as of a point in the journal (checked by a CRC)
    snapshot-index.json  where the parts of snapshot.json lie; made again from it
                    whenever it is missing or out of date
    journal.jsonl   every change since then, one per line: your most recent work.
                    Never delete or edit it; a change to any byte is detected and
                    the store opens read-only until `oversight repair` is run.
    backups/        earlier snapshots and journal segments
    quarantine/     bytes that recovery set aside; nothing here is used

    Check it with `oversight validate --store <this directory>`.

    """
}
