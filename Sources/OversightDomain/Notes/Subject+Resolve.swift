extension Dataset {
    /// What a typed subject names: an ODS code (`RX1`, any case), a footprint's code (`QHM`,
    /// `E54000048`), or the written forms `org:RX1`, `footprint:QHM`, `meeting:NAME`. The console's
    /// "About" field and the command line's SUBJECT argument both read subjects through this.
    public func resolveSubject(_ typed: String) throws(EditError) -> Subject {
        let text = typed.trimmingSpaces
        guard !text.isEmpty else { throw EditError(field: "subject", "type an ODS code such as RX1, or a footprint code such as QHM") }
        if let subject = Subject.parse(text) {
            switch subject {
            case .organisation(let code):
                guard let org = organisation(code) ?? organisation(OrgCode(code.rawValue.uppercased())) else {
                    throw EditError(field: "subject", "No organisation with ODS code \(code).\(didYouMean(code.rawValue))")
                }
                return .organisation(org.code)
            case .footprint(let id):
                guard let footprint = footprint(id) ?? footprint(FootprintID(id.rawValue.uppercased())) else {
                    throw EditError(field: "subject",
                                    "No footprint \(id). Footprint ids are ONS codes for STPs (E54000005) and ODS codes for ICSs (QHM).")
                }
                return .footprint(footprint.id)
            case .meeting:
                return subject
            }
        }
        let upper = text.uppercased()
        if let org = organisation(OrgCode(upper)) { return .organisation(org.code) }
        if let footprint = footprint(FootprintID(upper)) ?? footprints.first(where: { $0.odsCode?.uppercased() == upper }) {
            return .footprint(footprint.id)
        }
        throw EditError(field: "subject", "No organisation with ODS code \(text).\(didYouMean(text))")
    }

    /// " Did you mean: RX1 (…), RX2 (…)?" for up to five organisations whose names hold the text.
    public func didYouMean(_ text: String) -> String {
        let needle = text.lowercased()
        guard needle.count >= 3 else { return "" }
        let matches = organisations.filter { $0.name.lowercased().contains(needle) }.prefix(5)
        return matches.isEmpty ? "" : " Did you mean: " + matches.map { "\($0.code) (\($0.name))" }.joined(separator: ", ") + "?"
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
