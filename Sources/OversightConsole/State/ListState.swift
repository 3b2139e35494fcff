/// Where a level's list stands: which rows show in which order (after filter and sort), which is
/// selected, what is scrolled into view. Each level keeps its own, so going back restores it.
public struct ListState: Sendable {
    /// Row indices after sorting, before filtering.
    public private(set) var sorted: [Int]
    /// Row indices shown: sorted, then filtered.
    public private(set) var order: [Int]
    /// Position in `order` of the selected row.
    public var cursor: Int
    /// First row of `order` scrolled into view.
    public var top: Int
    public private(set) var filter: String
    public private(set) var sort: SortState?
    /// The column the cursor is on (what `sort` sorts by).
    public var column: Int

    public init(table: Table) {
        sorted = Array(table.rows.indices)
        order = sorted
        cursor = 0
        top = 0
        filter = ""
        sort = nil
        column = ListState.firstSortableColumn(table)
    }

    static func firstSortableColumn(_ table: Table) -> Int {
        table.columns.firstIndex { $0.sortable && $0.flexible } ?? table.columns.firstIndex(where: \.sortable) ?? 0
    }

    public var isFiltered: Bool { !filter.isEmpty }

    /// The selected row's index in the table.
    public var selectedRow: Int? { order.indices.contains(cursor) ? order[cursor] : nil }

    public func selectedKey(in table: Table) -> String? { selectedRow.map { table.rows[$0].key } }

    // MARK: changing

    public mutating func setFilter(_ text: String, table: Table) {
        let key = selectedKey(in: table)
        filter = text
        applyFilter(table)
        reselect(key, table: table)
    }

    /// Sorts by the current column; the same column again reverses.
    public mutating func sortByCurrentColumn(table: Table) {
        guard table.columns.indices.contains(column), table.columns[column].sortable else { return }
        let descending = sort?.column == column ? !(sort?.descending ?? true) : false
        setSort(SortState(column: column, descending: descending), table: table)
    }

    public mutating func setSort(_ newSort: SortState?, table: Table) {
        let key = selectedKey(in: table)
        sort = newSort
        applySort(table)
        applyFilter(table)
        reselect(key, table: table)
    }

    /// Carries filter, sort, column and selection over to a rebuilt table (new data or viewpoint).
    public func carried(to table: Table, previous: Table) -> ListState {
        var next = ListState(table: table)
        next.column = min(column, max(0, table.columns.count - 1))
        next.filter = filter
        next.sort = sort.flatMap { table.columns.indices.contains($0.column) ? $0 : nil }
        next.applySort(table)
        next.applyFilter(table)
        next.top = top
        next.reselect(selectedKey(in: previous), table: table, fallback: cursor)
        return next
    }

    public mutating func select(key: String, table: Table) {
        reselect(key, table: table)
    }

    mutating func reselect(_ key: String?, table: Table, fallback: Int? = nil) {
        if let key, let position = order.firstIndex(where: { table.rows[$0].key == key }) {
            cursor = position
        } else {
            cursor = min(fallback ?? cursor, max(0, order.count - 1))
        }
        if order.isEmpty { cursor = 0 }
    }

    public mutating func move(by delta: Int) {
        guard !order.isEmpty else { cursor = 0; return }
        cursor = min(max(0, cursor + delta), order.count - 1)
    }

    public mutating func moveTo(_ position: Int) {
        cursor = order.isEmpty ? 0 : min(max(0, position), order.count - 1)
    }

    /// Keeps the cursor inside a window of `rows` rows.
    public mutating func scrollIntoView(rows: Int) {
        guard rows > 0 else { top = cursor; return }
        if cursor < top { top = cursor }
        if cursor >= top + rows { top = cursor - rows + 1 }
        top = max(0, min(top, max(0, order.count - rows)))
    }

    mutating func applySort(_ table: Table) {
        guard let sort, table.columns.indices.contains(sort.column) else {
            sorted = Array(table.rows.indices)
            return
        }
        guard let ranks = table.sortRanks[sort.column] else { sorted = Array(table.rows.indices); return }
        // Ranks are integers with missing values as Int32.max: those stay last either way; ties keep table order.
        sorted = ranks.withUnsafeBufferPointer { r in
            table.rows.indices.sorted { a, b in
                let (ka, kb) = (r[a], r[b])
                if ka == kb { return a < b }
                if ka == .max { return false }
                if kb == .max { return true }
                return sort.descending ? kb < ka : ka < kb
            }
        }
    }

    mutating func applyFilter(_ table: Table) {
        let terms = FilterTerms(filter)
        order = terms.isEmpty ? sorted : sorted.filter { terms.matches(table.rows[$0].search) }
    }
}

public struct SortState: Hashable, Sendable {
    public var column: Int
    public var descending: Bool

    public init(column: Int, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}

/// A filter's words: every word must appear; a word starting with `!` must not.
struct FilterTerms {
    var include: [[UInt8]] = []
    var exclude: [[UInt8]] = []

    init(_ text: String) {
        for word in text.lowercased().split(separator: " ") {
            if word.hasPrefix("!") {
                if word.count > 1 { exclude.append(Array(word.dropFirst().utf8)) }
            } else {
                include.append(Array(word.utf8))
            }
        }
    }

    var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    func matches(_ haystack: [UInt8]) -> Bool {
        include.allSatisfy { FilterTerms.contains(haystack, $0) } && !exclude.contains { FilterTerms.contains(haystack, $0) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n > 0 else { return true }
        guard haystack.count >= n else { return false }
        let first = needle[0]
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { p in
                var i = 0
                let last = h.count - n
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n && h[i + j] == p[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
