import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// Moving about a form and editing text in it: the keys every form shares.
@Suite struct FormInputTests {
    /// The add-intervention form: a choice, a line, a date, a choice, two long texts.
    let form = ConsoleFixture.state().pressing(.enter, .enter, .enter, .character("I"))

    @Test func tabAndShiftTabMoveBetweenFieldsAndWrapRound() {
        #expect(form.formField?.id == "type")
        let ids = (0..<6).map { n in form.pressing([Key](repeating: .tab, count: n)).formField?.id }
        #expect(ids == ["type", "appliedBy", "start", "status", "reason", "exitCriteria"])
        #expect(form.pressing(.tab, .tab, .tab, .tab, .tab, .tab).formField?.id == "type", "Tab after the last goes to the first")
        #expect(form.pressing(.backTab).formField?.id == "exitCriteria", "Shift-Tab before the first goes to the last")
    }

    @Test func aboutFieldsThatCannotBeTypedInAreSkipped() {
        let note = ConsoleFixture.state().pressing(.enter, .enter, .enter, .character("n"))
        #expect(note.pressing(.tab).formField?.id == "text", "the About field shows the organisation and is not a stop")
    }

    @Test func arrowsChooseInAListAndMoveBetweenFieldsElsewhere() {
        #expect(form.pressing(.down).field("type")?.choice?.label == "Recovery Support Programme")
        #expect(form.pressing(.down).formField?.id == "type", "in a list ↓ chooses; the cursor stays")
        #expect(form.pressing(.right, .left).field("type")?.chosen == 0)
        #expect(form.pressing(.end).field("type")?.chosen == 1, "End goes to the last entry")
        let reason = form.pressing(.tab, .tab, .tab, .tab)
        #expect(reason.pressing(.down).formField?.id == "exitCriteria", "in text ↓ is the next field")
        #expect(reason.pressing(.up).formField?.id == "status")
    }

    @Test func typingTheFirstLetterChoosesAndAMissSaysSo() {
        #expect(form.typing("r").field("type")?.choice?.label == "Recovery Support Programme")
        #expect(form.typing("R").field("type")?.chosen == 1, "either case")
        let miss = form.typing("z")
        #expect(miss.field("type")?.chosen == 0)
        #expect(miss.form?.notice?.text == "No entry of Type starts with “z”.")
        #expect(form.pressing(.paste("Recovery")).form?.notice?.isError == true, "a list takes no paste")
    }

    @Test func lineEditingKeysWorkOnWideAndAccentedText() {
        let field = form.pressing(.tab).replacing(with: "Zoë 国民")
        #expect(field.formField?.buffer.cursor == 6)
        let inserted = field.pressing(.left, .left).typing("x")
        #expect(inserted.formField?.text == "Zoë x国民", "← moves by a character, wide or not")
        #expect(inserted.pressing(.home).typing(">").formField?.text == ">Zoë x国民")
        #expect(inserted.pressing(.control("a")).typing(">").formField?.text == ">Zoë x国民", "Ctrl-A is Home")
        #expect(inserted.pressing(.end, .backspace).formField?.text == "Zoë x国")
        #expect(inserted.pressing(.home, .delete).formField?.text == "oë x国民")
        #expect(inserted.pressing(.control("u")).formField?.text == "国民", "Ctrl-U erases back to the start")
        #expect(inserted.pressing(.home, .right, .control("k")).formField?.text == "Z", "Ctrl-K erases to the end")
        #expect(inserted.pressing(.control("e")).formField?.buffer.cursor == 7, "Ctrl-E is End")
    }

    @Test func homeAndEndStayOnTheLineOfALongText() {
        let reason = form.pressing(.tab, .tab, .tab, .tab).typing("one").pressing(.control("j")).typing("two")
        #expect(reason.pressing(.home).typing("2:").formField?.text == "one\n2:two")
        #expect(reason.pressing(.up).formField?.id == "status", "↑ leaves the field even in long text")
    }

    @Test func aOneLineFieldTakesNoNewLineAndSaysWhy() {
        let applied = form.pressing(.tab).pressing(.control("j"))
        #expect(applied.formField?.text == "NHS England")
        #expect(applied.form?.notice?.text == "Applied by is one line; F2 saves the form.")
    }

    @Test func aOneLineFieldRefusesTextOverTheShortLimit() {
        let full = form.pressing(.tab).replacing(with: "").pressing(.paste(String(repeating: "b", count: TextRules.shortLimit)))
        let refused = full.typing("c")
        #expect(refused.formField?.buffer.count == TextRules.shortLimit)
        #expect(refused.form?.notice?.text == "Applied by is at its limit of 200 characters.")
    }

    @Test func aPastedLineBreakIsASpaceInAOneLineField() {
        let pasted = form.pressing(.tab).replacing(with: "").pressing(.paste("NHS\r\nEngland"))
        #expect(pasted.formField?.text == "NHS England")
    }

    @Test func f1ShowsTheFormsKeysAndHidesThemAgain() {
        let shown = form.pressing(.function(1))
        #expect(shown.form?.showsKeys == true)
        #expect(view(shown, size: Size(width: 80, height: 40)).text.contains("Ctrl-J"))
        #expect(shown.pressing(.function(1)).form?.showsKeys == false)
    }

    @Test func lettersThatAreKeysElsewhereAreTypedInAForm() {
        let typed = form.pressing(.tab).replacing(with: "").typing("qQ?:/udnaIxEH")
        #expect(typed.formField?.text == "qQ?:/udnaIxEH")
        #expect(typed.mode.kind == .form && typed.stack.count == 4)
    }
}
