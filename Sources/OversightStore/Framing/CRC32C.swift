internal import CCRC32C

/// CRC-32C (Castagnoli), the checksum that frames every journal line and the snapshot.
/// Check value: crc32c("123456789") == 0xE3069283.
public enum CRC32C {
    /// Eight tables for "slicing by 8": eight bytes per step instead of one, several times faster
    /// on a multi-megabyte snapshot. Table 0 is the classic byte-at-a-time table.
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var crc = UInt32(index)
            for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[index] = crc
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        if let crc = bytes.withContiguousStorageIfAvailable({ checksum(buffer: $0) }) { return crc }
        return Array(bytes).withUnsafeBufferPointer { checksum(buffer: $0) }
    }

    /// Whether the CPU computes CRC-32C itself (`CCRC32C`); the tables are the check and the fallback.
    static let hardware = crc32c_hardware_available() != 0

    static func checksum(buffer bytes: UnsafeBufferPointer<UInt8>) -> UInt32 { update(0, buffer: bytes) }

    /// The checksum of bytes that follow those `crc` is the checksum of: a file read in pieces is
    /// checked whole, `update(update(0, a), b) == checksum(a + b)`.
    static func update(_ crc: UInt32, buffer bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let start = bytes.baseAddress else { return crc }
        if hardware { return crc32c_hardware_update(crc ^ 0xFFFF_FFFF, start, bytes.count) ^ 0xFFFF_FFFF }
        return software(start, count: bytes.count, continuing: crc)
    }

    static func update(_ crc: UInt32, _ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBufferPointer { update(crc, buffer: $0) }
    }

    /// Slicing by 8, for CPUs without the instruction (and to check it against).
    static func software(_ start: UnsafePointer<UInt8>, count: Int, continuing previous: UInt32 = 0) -> UInt32 {
        return tables.withUnsafeBufferPointer { tables in
            let t = tables.baseAddress!
            var crc: UInt32 = previous ^ 0xFFFF_FFFF
            var index = 0
            while index + 8 <= count {
                let low = crc ^ (UInt32(start[index]) | UInt32(start[index + 1]) << 8
                                 | UInt32(start[index + 2]) << 16 | UInt32(start[index + 3]) << 24)
                crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(start[index + 4])] ^ t[2 * 256 + Int(start[index + 5])]
                    ^ t[1 * 256 + Int(start[index + 6])] ^ t[Int(start[index + 7])]
                index += 8
            }
            while index < count {
                crc = t[Int((crc ^ UInt32(start[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }

    /// Eight lowercase hex digits, as frames write it.
    public static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
