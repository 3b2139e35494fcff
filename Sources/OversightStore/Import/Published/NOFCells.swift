import OversightDomain

/// The cells of a NOF file that must be read strictly: numbers (NHS England writes whole numbers as
/// `113.0`), ranks and segments (whole), flags (`Yes`/`No`, `1`/`0`) and trust codes. Each returns nil
/// or a reason, and the reader names the file, line and column.
enum NOFCells {
    /// A decimal such as `4.01`, `-22.79`, `113.0` or `1e-3`; blank is nil. Thousands separators, `NaN`,
    /// `inf` and hex are refused: no NHS England file writes them, so one is a damaged cell.
    static func decimal(_ text: String) -> Double?? {
        let text = trimmed(text)
        if text.isEmpty { return .some(nil) }
        var digits = 0, dots = 0, exponent = false, previous: UInt8 = 0
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1; if dots > 1 || exponent { return nil }
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard offset == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard digits > 0, !exponent else { return nil }
                exponent = true
            default: return nil
            }
            previous = byte
        }
        guard digits > 0, let value = Double(text), value.isFinite else { return nil }
        return .some(value)
    }

    /// A whole number written either way (`44` or `44.0`); blank is nil.
    static func whole(_ text: String) -> Int?? {
        guard let parsed = decimal(text) else { return nil }
        guard let value = parsed else { return .some(nil) }
        guard value == value.rounded(), abs(value) < 1e9 else { return nil }
        return .some(Int(value))
    }

    /// `Trust_in_financial_deficit`: Yes/No (also Y/N, True/False, 1/0); blank is nil.
    static func flag(_ text: String) -> Bool?? {
        switch trimmed(text).lowercased() {
        case "": return .some(nil)
        case "yes", "y", "true", "1", "1.0": return .some(true)
        case "no", "n", "false", "0", "0.0": return .some(false)
        default: return nil
        }
    }

    /// An ODS trust code: 3 characters (RX1), or 5 for newer bodies (G6V2S); letters and digits, starting
    /// with a letter. Read in capitals.
    static func trustCode(_ text: String) -> OrgCode? {
        let code = trimmed(text).uppercased()
        guard code.utf8.count == 3 || code.utf8.count == 5,
              let first = code.utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first),
              code.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return OrgCode(code)
    }

    /// A `Metric_ID` such as `OF0003`: not blank, and no spaces inside (kept as spelt otherwise, so that an id
    /// the framework does not know is still kept and reported).
    static func metricID(_ text: String) -> MetricID? {
        let id = trimmed(text)
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "," }) else { return nil }
        return MetricID(id)
    }
}
