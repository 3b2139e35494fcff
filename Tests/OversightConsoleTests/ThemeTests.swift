import OversightConsole
import Testing

/// On a washed-out projector, an 8-colour terminal (PuTTY's default) or with no colour at all, a RAG
/// red cell and a segment 4 chip must still look different: by more than colour.
@Suite struct ThemeTests {
    func attributes(_ style: Style) -> [Bool] { [style.bold, style.reverse, style.underline] }

    @Test(arguments: [Theme.standard, Theme.monochrome])
    func ragRedAndSegmentFourDifferByMoreThanColour(_ theme: Theme) {
        let red = theme.style(.ragRed)
        let four = theme.style(.segment4)
        #expect(attributes(red) != attributes(four), "\(theme.name): bold, reverse and underline alike")
    }

    @Test func inEightColoursTheyShareRedSoTheAttributesCarryIt() {
        guard case .palette(_, let redFallback) = Theme.standard.style(.ragRed).background,
              case .palette(_, let fourFallback) = Theme.standard.style(.segment4).background else {
            Issue.record("both are colour chips")
            return
        }
        #expect(redFallback == fourFallback, "the reason for the underline: both fall back to red")
    }
}
