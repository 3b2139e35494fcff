/// A record with an id that orders it; every collection in a dataset is kept sorted by it,
/// so that a dataset's equality and its file form never depend on the order edits arrived in.
public protocol Identified: Identifiable, Sendable where ID: Comparable & Hashable & Sendable {}

extension Array where Element: Identified {
    /// The position of the record with `id`, by binary search (the array must be sorted by id).
    public func index(of id: Element.ID) -> Int? {
        let position = insertionPoint(of: id)
        return position < count && self[position].id == id ? position : nil
    }

    /// Where a record with `id` belongs in sorted order.
    public func insertionPoint(of id: Element.ID) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return low
    }

    public subscript(id id: Element.ID) -> Element? {
        index(of: id).map { self[$0] }
    }

    /// Inserts, replaces or (with nil) removes the record with `id`, keeping the sort.
    public mutating func set(_ id: Element.ID, to record: Element?) {
        let position = insertionPoint(of: id)
        let exists = position < count && self[position].id == id
        switch (exists, record) {
        case (true, let record?): self[position] = record
        case (true, nil): remove(at: position)
        case (false, let record?): insert(record, at: position)
        case (false, nil): break
        }
    }

    public var isSortedByID: Bool {
        zip(self, dropFirst()).allSatisfy { $0.id < $1.id }
    }

    public func sortedByID() -> [Element] { sorted { $0.id < $1.id } }
}
