/// The format of new record ids, `n-20261123234000-1a2b3c4d`: a prefix, the time as digits and
/// eight hex digits of salt, so that ids sort roughly by creation and two people adding a note in the
/// same second still get different ones. A pure function: the caller chooses the time and the salt
/// (the store a random one, the console a per-session number plus a counter).
public enum RecordID {
    public static func make(_ prefix: String, at time: Timestamp, salt: UInt32) -> String {
        let digits = time.iso.filter { $0.isNumber }
        let hex = String(salt, radix: 16)
        return "\(prefix)-\(digits)-\(String(repeating: "0", count: 8 - hex.count))\(hex)"
    }
}
