/// Every symbol the console draws, in a Unicode set and an ASCII set for terminals that cannot
/// show UTF-8. Views ask for glyphs by purpose, never spell them out.
public struct Glyphs: Sendable, Equatable {
    public var ellipsis: String
    /// Stands for levels left out of the breadcrumbs.
    public var crumbEllipsis: String
    public var crumbSeparator: String
    /// A column's sort direction; never the same marks as better and worse, which say how a figure moved.
    public var sortAscending: String
    public var sortDescending: String
    public var better: String
    public var worse: String
    public var same: String
    public var arrow: String
    public var backArrow: String
    /// Filled part of a chart bar; `bar` ramps from low to high for sparklines (8 steps).
    public var block: String
    public var sparks: [String]
    public var horizontal: String
    public var vertical: String
    public var bullet: String
    public var marker: String
    public var dash: String
    /// A cell on a distribution strip, and this organisation's place on it.
    public var stripDot: String
    public var stripYou: String
    public var standardLine: String
    /// Marks a segment near a boundary.
    public var near: String
    /// Fills an intervention's span on a timeline.
    public var spanFill: String
    /// Starts a message beside a form field that cannot be saved.
    public var cross: String
    /// After a provider type that is a researcher's classification (UNVERIFIED), with a legend.
    public var unverified: String

    public static let unicode = Glyphs(
        ellipsis: "…", crumbEllipsis: "…", crumbSeparator: " › ", sortAscending: "▲", sortDescending: "▼", better: "↑", worse: "↓", same: "=",
        arrow: "→", backArrow: "←", block: "█", sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontal: "─", vertical: "│", bullet: "•", marker: "▶", dash: "–", stripDot: "·", stripYou: "◆",
        standardLine: "┄", near: "≈", spanFill: "━", cross: "✗", unverified: "†")

    public static let ascii = Glyphs(
        ellipsis: "...", crumbEllipsis: "...", crumbSeparator: " > ", sortAscending: "^", sortDescending: "v", better: "+", worse: "-", same: "=",
        arrow: "->", backArrow: "<-", block: "#", sparks: [".", ",", ":", ";", "=", "+", "*", "#"],
        horizontal: "-", vertical: "|", bullet: "*", marker: ">", dash: "-", stripDot: "_", stripYou: "@",
        standardLine: "-", near: "~", spanFill: "=", cross: "x", unverified: "+")
}
