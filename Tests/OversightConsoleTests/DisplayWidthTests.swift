import OversightConsole
import Testing

/// Text is measured in terminal columns: combining marks take none, East Asian wide characters
/// two, ambiguous ones (– £) one; cutting never splits a wide character.
@Suite struct DisplayWidthTests {
    @Test func widthsByKindOfCharacter() {
        #expect(DisplayWidth.of("Trust") == 5)
        #expect(DisplayWidth.of("Zoe\u{0308}") == 3, "e + combining diaeresis is one column")
        #expect(DisplayWidth.of("国民保健") == 8)
        #expect(DisplayWidth.of("£2m – ok") == 8, "pound sign and en dash are one column each")
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2, "zero-width space takes nothing")
    }

    @Test func truncationEndsInAnEllipsisAndNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("Riverside Hospitals", to: 10, ellipsis: "…") == "Riverside…")
        #expect(DisplayWidth.truncate("Short", to: 10, ellipsis: "…") == "Short")
        let cut = DisplayWidth.truncate("国民保健サービス", to: 6, ellipsis: "…")
        #expect(cut == "国民…", "two wide characters (4 columns) and the ellipsis; a third would straddle: \(cut)")
        #expect(DisplayWidth.of(cut) <= 6)
        #expect(DisplayWidth.truncate("国民保健", to: 1, ellipsis: "…") == "…")
        #expect(DisplayWidth.truncate("abc", to: 0, ellipsis: "…") == "")
        #expect(DisplayWidth.truncate("abcdef", to: 4, ellipsis: "...") == "a...")
    }

    @Test func paddingRightAlignsByColumnsNotCharacters() {
        #expect(DisplayWidth.pad("国", to: 4, ellipsis: "…", alignRight: true) == "  国")
        #expect(DisplayWidth.pad("é", to: 3, ellipsis: "…") == "é  ")
    }
}
