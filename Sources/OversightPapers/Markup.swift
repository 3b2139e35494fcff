/// A small element tree for HTML and SVG: text is escaped in one place, attributes are quoted in one
/// place, and every element is closed, so what comes out is well-formed XML (XHTML) whatever a recorded
/// note holds. (Why not Plot: docs/architecture.md, "Board papers".)
public indirect enum Markup: Sendable, Equatable {
    case element(String, attributes: [(String, String)], children: [Markup])
    case text(String)

    public static func == (lhs: Markup, rhs: Markup) -> Bool { lhs.serialised() == rhs.serialised() }

    public static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [Markup] = []) -> Markup {
        .element(name, attributes: attributes, children: children)
    }

    public static func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> Markup {
        .element(name, attributes: attributes, children: [.text(text)])
    }

    public func serialised() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    func write(into out: inout String) {
        switch self {
        case .text(let text):
            out += Markup.escape(text, quotes: false)
        case .element(let name, let attributes, let children):
            out += "<" + name
            for (key, value) in attributes { out += " " + key + "=\"" + Markup.escape(value, quotes: true) + "\"" }
            if children.isEmpty {
                out += "/>"
            } else {
                out += ">"
                for child in children { child.write(into: &out) }
                out += "</" + name + ">"
            }
        }
    }

    /// Escapes the five XML specials, and drops characters XML 1.0 cannot hold (stored text is already free of
    /// C0 controls, but a paper must stay well-formed whatever it is handed).
    static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
