/// One terminal cell: a character (with its combining marks), how many columns it takes, and
/// what it means. The right half of a wide character is a continuation cell of width 0.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var role: StyleRole
    /// On the selected row: the theme decides how a role looks there (reverse, or a chip kept).
    public var selected: Bool

    public init(_ text: String, width: UInt8 = 1, role: StyleRole = .plain, selected: Bool = false) {
        self.text = text
        self.width = width
        self.role = role
        self.selected = selected
    }

    public static let blank = Cell(" ")

    public static func continuation(_ role: StyleRole) -> Cell { Cell("", width: 0, role: role) }

    public var isContinuation: Bool { width == 0 }
}

/// A place on the grid.
public struct Position: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of the grid that a view or panel draws into.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxY: Int { y + height }
    public var maxX: Int { x + width }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The top `rows` rows, and what is left below them.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: y + height - n, width: width, height: n))
    }

    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    public func inset(left: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y, width: width - left - right, height: height)
    }

    public func row(_ index: Int) -> Rect { Rect(x: x, y: y + index, width: width, height: index < height ? 1 : 0) }
}
