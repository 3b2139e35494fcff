/// How a role looks: colours where the terminal has them, and attributes that carry the meaning
/// on their own (the monochrome theme uses only bold, reverse and underline).
public struct Style: Hashable, Sendable {
    public enum Colour: Hashable, Sendable {
        case terminalDefault
        /// A colour from the 256-colour palette, with the 8-colour fallback to use when there are fewer.
        case palette(Int, fallback: Int)
    }

    public var foreground: Colour
    public var background: Colour
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Colour = .terminalDefault, background: Colour = .terminalDefault,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

/// A role map. Two are built in: the default (colour-blind-safe, Okabe–Ito hues, black text on
/// coloured chips so it reads on a projector) and monochrome (NO_COLOR, --no-color, or no colours).
public struct Theme: Sendable {
    public var name: String
    public var usesColour: Bool
    public var styles: [StyleRole: Style]

    public func style(_ role: StyleRole) -> Style { styles[role] ?? .plain }

    /// How a role looks on the selected row. In colour, text takes the selection style and chips
    /// keep their colour (underlined, so the row still reads as one); in monochrome the whole row
    /// is reversed, and a cell already reversed turns bold and underlined instead.
    public func style(_ role: StyleRole, selected: Bool) -> Style {
        guard selected else { return style(role) }
        var base = style(role)
        if usesColour {
            if [.plain, .muted, .chart, .title, .standard].contains(role) { return style(.selection) }
            base.underline = true
            return base
        }
        if base.reverse {
            base.reverse = false
            base.bold = true
            base.underline = true
        } else {
            base.reverse = true
        }
        return base
    }

    // 8-colour indices: black 0, red 1, green 2, yellow 3, blue 4, magenta 5, cyan 6, white 7.
    static func chip(_ palette: Int, _ fallback: Int) -> Style {
        Style(foreground: .palette(16, fallback: 0), background: .palette(palette, fallback: fallback), bold: true)
    }

    static func ink(_ palette: Int, _ fallback: Int, bold: Bool = false) -> Style {
        Style(foreground: .palette(palette, fallback: fallback), bold: bold)
    }

    public static let standard = Theme(name: "default", usesColour: true, styles: [
        .plain: .plain,
        .header: Style(foreground: .palette(231, fallback: 7), background: .palette(24, fallback: 4), bold: true),
        .crumbs: Style(foreground: .palette(231, fallback: 7), background: .palette(24, fallback: 4), bold: true),
        .columnHeader: Style(bold: true, underline: true),
        .currentColumn: Style(bold: true, reverse: true),
        .selection: Style(reverse: true),
        .hintKey: Style(foreground: .palette(16, fallback: 0), background: .palette(152, fallback: 6), bold: true),
        .hintLabel: .plain,
        .status: Style(foreground: .palette(231, fallback: 7), background: .palette(238, fallback: 0)),
        // Okabe–Ito: blue, sky blue, yellow, orange, reddish purple: distinct for the common colour-blindnesses.
        .segment1: chip(32, 4), .segment2: chip(117, 6), .segment3: chip(227, 3), .segment4: chip(214, 1),
        .segment5: chip(175, 5), .segmentNone: Style(),
        // Vermillion, orange, bluish green; underlined, and spelt "R", "A", "G", so that on a washed-out projector or
        // an 8-colour terminal (where both fall back to red) RAG red is never read as segment 4 by colour alone.
        .ragRed: chip(202, 1).underlined, .ragAmber: chip(220, 3).underlined, .ragGreen: chip(36, 2).underlined,
        .error: Style(foreground: .palette(231, fallback: 7), background: .palette(160, fallback: 1), bold: true),
        .muted: ink(245, 7),
        .badge: Style(foreground: .palette(16, fallback: 0), background: .palette(229, fallback: 3), bold: true),
        .title: Style(bold: true),
        .standard: ink(202, 1, bold: true),
        .chart: ink(32, 4),
        .field: Style(underline: true),
        .fieldFocused: Style(foreground: .palette(16, fallback: 0), background: .palette(230, fallback: 7), underline: true),
    ])

    /// Bold, reverse and underline only; the text and glyphs carry the meaning.
    public static let monochrome = Theme(name: "monochrome", usesColour: false, styles: [
        .plain: .plain,
        .header: Style(bold: true, reverse: true),
        .crumbs: Style(bold: true, reverse: true),
        .columnHeader: Style(bold: true, underline: true),
        .currentColumn: Style(bold: true, reverse: true),
        .selection: Style(reverse: true),
        .hintKey: Style(bold: true, reverse: true),
        .hintLabel: .plain,
        .status: Style(reverse: true),
        .segment1: .plain, .segment2: .plain, .segment3: .plain,
        .segment4: Style(bold: true), .segment5: Style(bold: true, underline: true), .segmentNone: .plain,
        .ragRed: Style(bold: true, reverse: true), .ragAmber: Style(bold: true), .ragGreen: .plain,
        .error: Style(bold: true, reverse: true),
        .muted: .plain,
        .badge: Style(bold: true, reverse: true),
        .title: Style(bold: true, underline: true),
        .standard: Style(bold: true),
        .chart: .plain,
        .field: Style(underline: true),
        .fieldFocused: Style(bold: true, underline: true),
    ])
}

extension Style {
    /// The same style, underlined: a mark that needs no colour.
    var underlined: Style {
        var style = self
        style.underline = true
        return style
    }
}
