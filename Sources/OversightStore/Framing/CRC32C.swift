/// CRC-32C (Castagnoli), the checksum that frames every journal line and the snapshot.
/// Check value: crc32c("123456789") == 0xE3069283.
public enum CRC32C {
    static let table: [UInt32] = (0..<256).map { index -> UInt32 in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
        }
        return crc
    }

    public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        // Contiguous bytes (every caller's case) take a pointer loop: many times faster in debug builds, where tests run.
        if let crc = bytes.withContiguousStorageIfAvailable({ checksum(buffer: $0) }) { return crc }
        return table.withUnsafeBufferPointer { table in
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
            return crc ^ 0xFFFF_FFFF
        }
    }

    static func checksum(buffer bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let start = bytes.baseAddress else { return 0 }
        return table.withUnsafeBufferPointer { table in
            let entries = table.baseAddress!
            var crc: UInt32 = 0xFFFF_FFFF
            var index = 0
            while index < bytes.count {
                crc = entries[Int((crc ^ UInt32(start[index])) & 0xFF)] ^ (crc >> 8)
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
