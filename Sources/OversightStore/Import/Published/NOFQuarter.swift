import OversightDomain

/// A quarter as NOF files write it: `Q1 2025/26` (the `Quarter` column, and the summary rows'
/// `Reporting_date`), and the spellings seen elsewhere (`Q4 2024-25`, `Q1 25/26`, `2025/26 Q1`,
/// `Quarter 1 2025/26`, our own `2025-26-Q1`).
enum NOFQuarter {
    static func parse(_ text: String) -> Period? {
        let tokens = text.uppercased().split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "-" || $0 == "_" })
        var quarter: Int?
        var years: [Int] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.hasPrefix("Q"), token.count == 2, let n = Int(token.dropFirst()) {
                guard quarter == nil else { return nil }
                quarter = n
            } else if token == "QUARTER", index + 1 < tokens.count, let n = Int(tokens[index + 1]) {
                guard quarter == nil else { return nil }
                quarter = n
                index += 1
            } else if token.allSatisfy(\.isNumber), token.count == 2 || token.count == 4, let n = Int(token) {
                years.append(n)
            } else {
                return nil
            }
            index += 1
        }
        guard let quarter, (1...4).contains(quarter), years.count == 2 else { return nil }
        let start = years[0] < 100 ? 2000 + years[0] : years[0]
        guard years[1] % 100 == (start + 1) % 100, (2000...2200).contains(start) else { return nil }
        return .quarter(start, quarter)
    }
}
