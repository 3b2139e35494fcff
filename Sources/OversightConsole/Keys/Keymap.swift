/// Keys to intents, by the command table, for the screen and mode in force.
public enum Keymap {
    static let typingModes: Set<Mode.Kind> = [.filtering, .goTo, .form]

    /// The intent a key asks for. Edit keys are found on a read-only store too (they are only left
    /// out of the hint bar and help there), so that pressing one can say why nothing was recorded;
    /// `update` refuses them.
    public static func intent(for key: Key, on screen: ScreenKind, mode: Mode.Kind) -> Intent? {
        switch key {
        case .resize: return nil // the runner turns a resize into .resize(width:height:)
        // A paste where nothing is typed is kept aside, never read as commands.
        case .paste(let text): return typingModes.contains(mode) ? .paste(text) : .setAside(text)
        case .unknown(let sequence): return .unknownKey(sequence)
        default: break
        }
        for binding in CommandTable.bindings(on: screen, mode: mode, readOnly: false) where binding.keys.contains(key) {
            return binding.intent
        }
        // In a text field every other printable character is typed.
        if typingModes.contains(mode), let c = key.typedCharacter { return .type(c) }
        // While browsing a key with no command here is said, never silently dropped.
        if mode == .browsing { return .notHere(key) }
        return nil
    }
}
