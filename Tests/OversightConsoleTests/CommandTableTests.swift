import Foundation
import OversightConsole
import Testing

/// One table drives keys, help, the hint bar and docs/keys.md; these are its rules.
@Suite struct CommandTableTests {
    static let screens = EveryScreen.kinds
    static let modes = Mode.Kind.allCases

    @Test func noKeyMeansTwoThingsOnAnyScreenInAnyMode() {
        for screen in CommandTableTests.screens {
            for mode in CommandTableTests.modes {
                var seen: [Key: String] = [:]
                for binding in CommandTable.bindings(on: screen, mode: mode, readOnly: false) {
                    for key in binding.keys {
                        if let other = seen[key], other != binding.name {
                            Issue.record("\(key.label) means both \(other) and \(binding.name) on \(screen.id) while \(mode.label)")
                        }
                        seen[key] = binding.name
                    }
                }
            }
        }
    }

    /// In a form every letter is typed into the field, so its F1 can have no letter; everywhere else one is needed.
    /// The table lists no screens: a command scoped to the screens that offer it applies where the
    /// screen's kind says so, and the global ones everywhere, so a new screen is one new type.
    @Test func theTableAsksTheScreenWhatItOffers() {
        let plain = ScreenKind("plain", title: "Plain")
        let deciding = ScreenKind("deciding", title: "Deciding", offers: [.decideSegment])
        #expect(Keymap.intent(for: .character("d"), on: plain, mode: .browsing) == .notHere(.character("d")), "said, not dropped")
        #expect(Keymap.intent(for: .character("d"), on: deciding, mode: .browsing) == .decideSegment)
        #expect(Keymap.intent(for: .function(1), on: plain, mode: .browsing) == .help, "every screen has the global commands")
        for screen in CommandTableTests.screens {
            for binding in CommandTable.bindings(on: screen, mode: .browsing, readOnly: false) where binding.scope == .offered {
                #expect(screen.offers.contains(binding.intent), "\(binding.name) on \(screen.id)")
            }
        }
    }

    @Test func everyFunctionKeyHasALetterAlternative() {
        for binding in CommandTable.all where binding.functionKey != nil && binding.scope != .mode(.form) {
            #expect(binding.keys.contains { if case .character = $0 { return true } else if case .control = $0 { return true }; return false },
                    "\(binding.name) has only an F-key")
        }
    }

    @Test func everyCommandHasALongNameAndHelp() {
        for binding in CommandTable.all {
            #expect(!binding.name.isEmpty && !binding.help.isEmpty && !binding.keys.isEmpty, "\(binding.name)")
            #expect(!binding.name.contains(" "), "command names are one word for the palette: \(binding.name)")
        }
    }

    @Test func quittingAndHelpWorkEverywhere() {
        for screen in CommandTableTests.screens {
            #expect(Keymap.intent(for: .function(1), on: screen, mode: .browsing) == .help)
            #expect(Keymap.intent(for: .function(10), on: screen, mode: .browsing) == .quitNow)
            #expect(Keymap.intent(for: .escape, on: screen, mode: .browsing) == .back)
        }
    }

    @Test func typingIntoAFilterTakesLettersThatAreKeysElsewhere() {
        #expect(Keymap.intent(for: .character("q"), on: .overview, mode: .filtering) == .type("q"))
        #expect(Keymap.intent(for: .character("j"), on: .overview, mode: .goTo) == .type("j"))
        #expect(Keymap.intent(for: .backspace, on: .overview, mode: .filtering) == .erase)
    }

    /// docs/keys.md is generated; `UPDATE_DOCS=1 swift test --filter keysDocument` rewrites it.
    @Test func keysDocumentIsUpToDate() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/keys.md")
        let expected = KeysDocument.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_DOCS"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let current = try? String(contentsOf: url, encoding: .utf8)
        #expect(current == expected, "docs/keys.md is stale: run UPDATE_DOCS=1 swift test --filter keysDocument")
    }
}
