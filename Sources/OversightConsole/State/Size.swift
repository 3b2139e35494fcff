/// A terminal size in columns and rows.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Smaller than this shows the "terminal too small" notice instead of a screen.
    public static let minimum = Size(width: 60, height: 16)

    public var isTooSmall: Bool { width < Size.minimum.width || height < Size.minimum.height }
}
