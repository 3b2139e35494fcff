import OversightConsole
import Testing

/// The grid is the last gate before the terminal: no control character, escape sequence or half
/// a wide character gets through, whatever the data holds.
@Suite struct GridTests {
    @Test func escapeSequencesAndControlCharactersNeverReachACell() {
        var grid = Grid(width: 40, height: 1)
        grid.write("Evil\u{1B}]0;owned\u{07} Trust\u{1B}[2J\u{9B}31m\u{0007}\u{202E}X", x: 0, y: 0)
        #expect(grid.text == "Evil TrustX")
        for x in 0..<grid.width {
            let scalars = grid[x, 0].text.unicodeScalars
            #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        }
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverCutInHalf() {
        var grid = Grid(width: 7, height: 1)
        let used = grid.write("国民保健", x: 0, y: 0, ellipsis: false)
        #expect(used == 6)
        #expect(grid[0, 0].width == 2 && grid[1, 0].isContinuation)
        #expect(grid.line(0) == "国民保 ")
        grid.write("x", x: 1, y: 0)
        #expect(grid.line(0) == " x民保 ", "overwriting the right half blanks the left half")
        var edge = Grid(width: 3, height: 1)
        edge.write("a国", x: 1, y: 0, ellipsis: false)
        #expect(edge.line(0) == " a ", "a wide character does not straddle the right edge")
    }

    @Test func asciiGridsFoldAccentsAndSymbols() {
        var grid = Grid(width: 40, height: 1, glyphs: .ascii)
        grid.write("Zoë’s £2m – Hôpital", x: 0, y: 0)
        #expect(grid.text == "Zoe's GBP 2m - Hopital")
    }

    @Test func textIsCutToTheFieldWithAnEllipsis() {
        var grid = Grid(width: 20, height: 1)
        grid.write("Lancashire and South Cumbria", in: Rect(x: 2, y: 0, width: 10, height: 1))
        #expect(grid.text == "  Lancashir…")
        grid.write("42", in: Rect(x: 14, y: 0, width: 5, height: 1), alignRight: true)
        #expect(grid.line(0).hasSuffix("   42 "))
    }
}

@Suite struct BreadcrumbTests {
    let crumbs = ["England", "North West", "Lancashire and South Cumbria ICS", "RAA Riverside Hospitals", "A&E 4-hour performance"]

    @Test func theWholePathWhenItFits() {
        #expect(Breadcrumbs.text(["England", "North West"], width: 40, glyphs: .unicode) == "England › North West")
    }

    @Test func middleLevelsGiveWayFirstAsOneEllipsis() {
        #expect(Breadcrumbs.text(crumbs, width: 62, glyphs: .unicode) == "England › … › RAA Riverside Hospitals › A&E 4-hour performance")
        #expect(Breadcrumbs.text(crumbs, width: 36, glyphs: .unicode) == "England › … › A&E 4-hour performance")
        #expect(Breadcrumbs.text(crumbs, width: 36, glyphs: .ascii) == "England > ... > A&E 4-hour perfor...")
    }

    @Test func theCurrentLevelIsCutLast() {
        #expect(Breadcrumbs.text(crumbs, width: 24, glyphs: .unicode) == "England › … › A&E 4-hou…")
    }
}
