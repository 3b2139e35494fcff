import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// Notes on an organisation or a footprint: adding, changing, deleting (after a question), and
/// what typing and pasting into a note does with characters a terminal would obey.
@Suite struct NoteFormTests {
    let scorecard = ConsoleFixture.state().pressing(.enter, .enter, .enter)

    @Test func aNoteOnTheScorecardIsAboutItsOrganisationByTheUserNow() {
        let form = scorecard.pressing(.character("n"))
        #expect(form.field("subject")?.text.hasPrefix("RAAA Hôpital Zoë") == true)
        #expect(form.formField?.id == "text", "the cursor starts in the first field that can be typed in")
        let typed = form.typing("Zoë’s board agreed £2m; 国民保健 noted")
        let effects = typed.effects(.function(2)).1
        let note = Note(id: "n-20261120103000-00000001", subject: .organisation("RAAA"), text: "Zoë’s board agreed £2m; 国民保健 noted",
                        author: "secretary", created: ConsoleFixture.now)
        #expect(effects == [.commit(.addNote(note))])
    }

    @Test func aNoteOnTheFootprintIsAboutTheFootprint() {
        let effects = ConsoleFixture.state().pressing(.enter, .enter, .character("n")).typing("System-wide recovery plan").effects(.function(2)).1
        guard case .commit(.addNote(let note))? = effects.first else { Issue.record("no note: \(effects)"); return }
        #expect(note.subject == .footprint("Q00"))
    }

    /// Enter in a note starts a new line, as people expect: when it saved, the rest of their typing was read as commands.
    @Test func enterOrCtrlJStartsANewLineAndF2OrCtrlOSaves() {
        let typed = scorecard.pressing(.character("n")).typing("First").pressing(.control("j")).typing("Second").pressing(.enter).typing("Third")
        #expect(typed.effects(.enter).1.isEmpty && typed.form != nil, "Enter never saves a note")
        let effects = typed.effects(.function(2)).1
        guard case .commit(.addNote(let note))? = effects.first else { Issue.record("no note: \(effects)"); return }
        #expect(note.text == "First\nSecond\nThird")
        #expect(typed.effects(.control("o")).1 == effects, "Ctrl-O saves as F2 does")
    }

    @Test func anEmptyNoteIsRefusedBesideTheText() {
        let (refused, effects) = scorecard.pressing(.character("n")).typing("   ").effects(.function(2))
        #expect(effects.isEmpty)
        #expect(refused.field("text")?.error == "must not be empty")
    }

    @Test func pastedEscapeSequencesAndControlCharactersAreRemovedWithAMessage() {
        let pasted = scorecard.pressing(.character("n")).pressing(.paste("Safe\u{1B}[2J\u{1B}]2;PWNED\u{07} text\u{0}\r\nnext line"))
        #expect(pasted.field("text")?.text == "Safe text\nnext line")
        #expect(pasted.form?.notice?.text == "Removed 3 control characters or escape sequences from the pasted text.")
        let effects = pasted.effects(.function(2)).1
        guard case .commit(.addNote(let note))? = effects.first else { Issue.record("no note: \(effects)"); return }
        #expect(note.text == "Safe text\nnext line", "the stored note is clean")
    }

    @Test func textOverItsLimitIsRefusedWithTheLimitNamed() {
        let long = String(repeating: "a", count: TextRules.longLimit + 1)
        let refused = scorecard.pressing(.character("n")).pressing(.paste(long))
        #expect(refused.field("text")?.text == "", "a paste that does not fit is not pasted at all")
        #expect(refused.form?.notice?.text == "Not pasted: Note takes at most 16,000 characters and the pasted text is 16,001 (room for 16,000 more).")
        let full = scorecard.pressing(.character("n")).pressing(.paste(String(long.dropFirst()))).typing("b")
        #expect(full.field("text")?.buffer.count == TextRules.longLimit)
        #expect(full.form?.notice?.text == "Note is at its limit of 16,000 characters.")
    }

    @Test func aCharacterThatCouldDisguiseTextIsNotTyped() {
        let refused = scorecard.pressing(.character("n")).pressing(.character("\u{202E}"))
        #expect(refused.field("text")?.text == "")
        #expect(refused.form?.notice?.text == "That character (U+202E) cannot be stored, so it was not typed.")
    }

    @Test func capitalNListsTheNotesAndEChangesTheSelectedOne() {
        let notes = scorecard.pressing(.character("N"))
        #expect(notes.topKind == .notes)
        #expect(notes.visibleKeys == ["note-0"])
        let form = notes.pressing(.character("E"))
        #expect(form.field("text")?.text == "Board discussed the quarter's position; actions agreed.")
        let effects = form.pressing(.control("u")).typing("Board agreed the recovery plan").effects(.function(2)).1
        #expect(effects == [.commit(.editNote("note-0", text: "Board agreed the recovery plan", at: ConsoleFixture.now))])
    }

    @Test func savingANoteUnchangedSaysSoBesideTheText() {
        let refused = scorecard.pressing(.character("N"), .character("E"), .function(2))
        #expect(refused.field("text")?.error == "nothing was changed")
    }

    @Test func deleteAsksFirstNamingTheNote() {
        let asking = scorecard.pressing(.character("N"), .delete)
        #expect(asking.mode.kind == .confirming)
        #expect(asking.question?.text == "Delete the note on RAAA by secretary, 15 Jun 2025 (“Board discussed the quarter's position; …”)? y deletes it (u brings it back), n keeps it.")
        #expect(asking.effects(.character("y")).1 == [.commit(.deleteNote("note-0"))])
        let kept = asking.effects(.character("n"))
        #expect(kept.1.isEmpty && kept.0.mode.kind == .browsing && kept.0.message?.text == "Nothing was changed.")
        #expect(scorecard.pressing(.character("N")).effects(.character("D")).0.mode.kind == .confirming, "D asks too")
    }

    @Test func onAReadOnlyStoreNoteKeysExplain() {
        let readOnly = ConsoleFixture.state(readOnly: "read-only (--read-only)",
                                            explanation: "It was opened with --read-only; open it without that flag to edit.")
            .pressing(.enter, .enter, .enter, .character("N"))
        for key in [Key.character("n"), .character("E"), .delete] {
            let (refused, effects) = readOnly.effects(key)
            #expect(effects.isEmpty && refused.mode.kind == .browsing)
            #expect(refused.message?.text == "Nothing can be recorded: it was opened with --read-only; open it without that flag to edit.", "\(key)")
        }
    }
}
