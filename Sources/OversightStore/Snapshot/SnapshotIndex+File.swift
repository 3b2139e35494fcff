import OversightDomain

/// snapshot-index.json: one CRC frame around
///
///     {"v":1,"snapshot":{"crc":"9237b23e","len":4102860},
///      "scorecards":{"array":[s,e],"groups":[{"framework":"nof-2025","period":"2025-26-Q1","published":true,"cards":[s,e,s,e,…]},…]},
///      "window":{"array":[s,e],"entries":[seq,s,e,seq,s,e,…]},
///      "log":[s,e],"records":{"notes":[s,e],"actions":[s,e]}}
///
/// `records` and `published` are optional: an index without them (written before they were) is still
/// used, with the notes and actions read as part of the document, and every group taken as published.
///
/// Ranges are flat runs of numbers (start, end) rather than objects: a store of 10,000
/// organisations lists 80,000 scorecards, and this is read at every open.
extension SnapshotIndex {
    func encoded() -> [UInt8] {
        var text = #"{"v":\#(SnapshotIndex.version),"snapshot":{"crc":"\#(CRC32C.hex(snapshotCRC))","len":\#(snapshotLength)},"#
        text += #""scorecards":{"array":[\#(scorecards.lowerBound),\#(scorecards.upperBound)],"groups":["#
        for (n, group) in groups.enumerated() {
            if n > 0 { text += "," }
            text += #"{"framework":\#(SnapshotIndex.quoted(group.key.framework.rawValue)),"period":\#(SnapshotIndex.quoted(group.key.period.id)),"#
            text += #""published":\#(group.published),"cards":["#
            text += group.cards.map { "\($0.lowerBound),\($0.upperBound)" }.joined(separator: ",")
            text += "]}"
        }
        text += #"]},"window":{"array":[\#(window.lowerBound),\#(window.upperBound)],"entries":["#
        text += windowEntries.map { "\($0.seq),\($0.range.lowerBound),\($0.range.upperBound)" }.joined(separator: ",")
        text += #"]},"log":[\#(log.lowerBound),\#(log.upperBound)]"#
        if let records {
            text += #","records":{"notes":[\#(records.notes.lowerBound),\#(records.notes.upperBound)],"#
            text += #""actions":[\#(records.actions.lowerBound),\#(records.actions.upperBound)]}"#
        }
        text += "}"
        return Frame.encode(Array(text.utf8))
    }

    /// The index in `bytes`, or nil when they are not one this oversight wrote (damaged, another
    /// version, anything unexpected): the caller then reads the snapshot whole.
    static func decode(_ bytes: [UInt8]) -> SnapshotIndex? {
        guard let range = try? Frame.wholeFilePayload(bytes),
              let value = try? JSONParser.parse(bytes[range]), case .object(let root) = value.content,
              integer(root["v"]) == version,
              case .object(let snapshot)? = root["snapshot"]?.content, case .string(let crcText)? = snapshot["crc"]?.content,
              crcText.utf8.count == 8, let crc = UInt32(crcText, radix: 16), let length = integer(snapshot["len"]),
              case .object(let cards)? = root["scorecards"]?.content, let cardsArray = ranges(cards["array"])?.first,
              case .array(let groupValues)? = cards["groups"]?.content,
              case .object(let window)? = root["window"]?.content, let windowArray = ranges(window["array"])?.first,
              let entryNumbers = integers(window["entries"]), entryNumbers.count % 3 == 0,
              let log = ranges(root["log"])?.first else { return nil }
        var groups: [Group] = []
        for value in groupValues {
            guard case .object(let group) = value.content, case .string(let framework)? = group["framework"]?.content,
                  case .string(let periodText)? = group["period"]?.content, let period = Period.parse(periodText),
                  let ranges = ranges(group["cards"]) else { return nil }
            var published = true
            if let flag = group["published"] {
                guard case .bool(let value) = flag.content else { return nil }
                published = value
            }
            groups.append(Group(key: GroupKey(framework: FrameworkID(framework), period: period), cards: ranges, published: published))
        }
        var entries: [WindowEntry] = []
        for i in stride(from: 0, to: entryNumbers.count, by: 3) {
            let start = entryNumbers[i + 1], end = entryNumbers[i + 2]
            guard start < end else { return nil }
            entries.append(WindowEntry(seq: entryNumbers[i], range: start..<end))
        }
        var records: Records?
        if let value = root["records"] {
            guard case .object(let lists) = value.content, let notes = ranges(lists["notes"])?.first,
                  let actions = ranges(lists["actions"])?.first else { return nil }
            records = Records(notes: notes, actions: actions)
        }
        return SnapshotIndex(snapshotCRC: crc, snapshotLength: length, scorecards: cardsArray, groups: groups,
                             window: windowArray, windowEntries: entries, log: log, records: records)
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        guard case .number(let number)? = value?.content, let integer = number.integerValue, integer >= 0 else { return nil }
        return Int(integer)
    }

    private static func integers(_ value: JSONValue?) -> [Int]? {
        guard case .array(let elements)? = value?.content else { return nil }
        var result: [Int] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let n = integer(element) else { return nil }
            result.append(n)
        }
        return result
    }

    /// Pairs of numbers as ranges; nil when odd or a pair runs backwards.
    private static func ranges(_ value: JSONValue?) -> [Range<Int>]? {
        guard let numbers = integers(value), numbers.count % 2 == 0 else { return nil }
        var result: [Range<Int>] = []
        result.reserveCapacity(numbers.count / 2)
        for i in stride(from: 0, to: numbers.count, by: 2) {
            guard numbers[i] <= numbers[i + 1] else { return nil }
            result.append(numbers[i]..<numbers[i + 1])
        }
        return result
    }

    /// A framework id or period as a JSON string (they are plain ASCII codes, but a hostile one must not break the file).
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
