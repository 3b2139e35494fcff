import OversightStore

/// A disk in memory, as SQLite's crash-test VFS (test6.c) models one: for every file, the bytes a
/// program reads now and the bytes that are surely on the platter (as of its last sync), with the
/// writes in between; for every directory, the entries surely on disk and the creates, links,
/// renames and removals since its last sync. A power cut keeps, drops or garbles each unsynced
/// write (per 512-byte sector) and keeps or loses each unsynced directory change.
public struct SimulatedDisk: Sendable {
    struct Inode: Sendable {
        var isDirectory: Bool
        var mode: UInt32
        /// What reads return now.
        var current: [UInt8] = []
        /// What a power cut is sure to leave: the bytes as of the last sync.
        var durable: [UInt8] = []
        /// Writes and truncations since the last sync, oldest first.
        var pending: [PendingWrite] = []
    }

    enum PendingWrite: Sendable {
        case write(offset: Int, bytes: [UInt8])
        case truncate(Int)
    }

    enum EntryChange: Sendable {
        case bind(String, Int)
        case unbind(String)
        case rename(String, String)
    }

    var inodes: [Int: Inode] = [0: Inode(isDirectory: true, mode: 0o755)]
    /// Paths as a program sees them now.
    var names: [String: Int] = ["/": 0]
    /// Paths a power cut is sure to leave.
    var durableNames: [String: Int] = ["/": 0]
    /// Unsynced entry changes, by the directory that holds them.
    var pendingEntries: [String: [EntryChange]] = [:]
    var nextInode = 1

    public init() {}

    /// The sector size power cuts tear writes at.
    public static let sectorSize = 512

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "/" }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// How many file writes and directory changes a power cut could still lose.
    public var unsyncedChangeCount: Int {
        inodes.values.reduce(0) { $0 + $1.pending.count } + pendingEntries.values.reduce(0) { $0 + $1.count }
    }

    /// Everything as it is now becomes durable (a clean shutdown, or the starting point of a test).
    public mutating func settle() {
        for id in inodes.keys {
            inodes[id]!.durable = inodes[id]!.current
            inodes[id]!.pending = []
        }
        durableNames = names
        pendingEntries = [:]
    }

    /// What a power cut at this moment leaves, for one seed: seed 0 loses every unsynced change,
    /// seed 1 keeps them all (what a process crash leaves), and other seeds choose at random:
    /// each directory change kept or lost, each 512-byte piece of each unsynced write kept,
    /// dropped, or garbled (random bytes or zeros).
    public func afterPowerCut(seed: UInt64) -> SimulatedDisk {
        var random = SeededGenerator(seed: seed)
        func keep() -> Bool { seed == 1 || (seed != 0 && random.chance(0.5)) }

        var survivors = durableNames
        for directory in pendingEntries.keys.sorted() {
            for change in pendingEntries[directory]! where keep() {
                switch change {
                case .bind(let path, let inode): survivors[path] = inode
                case .unbind(let path): survivors[path] = nil
                case .rename(let from, let to):
                    if let inode = survivors[from] {
                        survivors[to] = inode
                        survivors[from] = nil
                    }
                }
            }
        }
        // An entry whose directory did not survive cannot be reached.
        for path in survivors.keys.sorted(by: { $0.count < $1.count }) where path != "/" {
            let parent = SimulatedDisk.parent(of: path)
            if survivors[parent].map({ inodes[$0]?.isDirectory == true }) != true { survivors[path] = nil }
        }

        var result = SimulatedDisk()
        result.nextInode = nextInode
        result.names = survivors
        result.durableNames = survivors
        result.inodes = [:]
        for id in inodes.keys.sorted() {
            var inode = inodes[id]!
            var bytes = inode.durable
            for change in inode.pending {
                switch change {
                case .truncate(let size):
                    if keep() { SimulatedDisk.resize(&bytes, to: size) }
                case .write(let offset, let data):
                    SimulatedDisk.tear(data, at: offset, into: &bytes, seed: seed, random: &random)
                }
            }
            inode.current = bytes
            inode.durable = bytes
            inode.pending = []
            result.inodes[id] = inode
        }
        return result
    }

    /// One unsynced write as a power cut leaves it, sector by sector.
    static func tear(_ data: [UInt8], at offset: Int, into bytes: inout [UInt8], seed: UInt64, random: inout SeededGenerator) {
        var start = 0
        while start < data.count {
            let fileOffset = offset + start
            let sectorEnd = (fileOffset / sectorSize + 1) * sectorSize
            let end = min(data.count, start + (sectorEnd - fileOffset))
            var piece = Array(data[start..<end])
            let fate: Int
            switch seed {
            case 0: fate = 0
            case 1: fate = 1
            default:
                let roll = Double.random(in: 0..<1, using: &random)
                fate = roll < 0.35 ? 0 : roll < 0.8 ? 1 : 2
            }
            if fate != 0 {
                if fate == 2 {
                    let zeros = random.chance(0.3)
                    for i in piece.indices { piece[i] = zeros ? 0 : UInt8.random(in: 0...255, using: &random) }
                }
                if bytes.count < fileOffset { resize(&bytes, to: fileOffset) }
                let overlap = min(bytes.count, fileOffset + piece.count) - fileOffset
                if overlap > 0 { bytes.replaceSubrange(fileOffset..<(fileOffset + overlap), with: piece[0..<overlap]) }
                if overlap < piece.count { bytes += piece[max(0, overlap)...] }
            }
            start = end
        }
    }

    static func resize(_ bytes: inout [UInt8], to size: Int) {
        if size < bytes.count { bytes.removeSubrange(size...) } else { bytes += repeatElement(0, count: size - bytes.count) }
    }

    // MARK: what a program sees

    func inode(at path: String) -> Inode? { names[path].flatMap { inodes[$0] } }

    /// The bytes of a file as a program would read them now.
    public func contents(of path: String) -> [UInt8]? {
        guard let inode = inode(at: path), !inode.isDirectory else { return nil }
        return inode.current
    }

    /// Every file under `directory`, by path relative to it, with its bytes (for comparisons).
    public func files(under directory: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for (path, id) in names where path.hasPrefix(directory + "/") {
            guard let inode = inodes[id], !inode.isDirectory else { continue }
            result[String(path.dropFirst(directory.count + 1))] = inode.current
        }
        return result
    }

    /// Removes an empty directory outright, durably (for tests of stores missing one).
    public mutating func removeEmptyDirectory(at path: String) {
        guard let id = names[path], inodes[id]?.isDirectory == true,
              !names.keys.contains(where: { $0.hasPrefix(path + "/") }) else { return }
        names[path] = nil
        durableNames[path] = nil
    }

    /// Replaces or creates a file's bytes outright, durably (for tests that plant damage).
    public mutating func plant(_ bytes: [UInt8], at path: String) {
        if let id = names[path] {
            inodes[id]!.current = bytes
            inodes[id]!.durable = bytes
            inodes[id]!.pending = []
        } else {
            let id = nextInode
            nextInode += 1
            inodes[id] = Inode(isDirectory: false, mode: 0o600, current: bytes, durable: bytes)
            names[path] = id
            durableNames[path] = id
        }
    }
}
