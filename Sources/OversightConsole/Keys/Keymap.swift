/// Keys to commands, by the command table, for the screen and mode in force.
public enum Keymap {
    public static func command(for key: Key, on screen: ScreenKind, mode: InputMode, readOnly: Bool) -> Command? {
        if case .resize = key { return nil } // the runner turns a resize into .resize(width:height:)
        for binding in CommandTable.bindings(on: screen, mode: mode, readOnly: readOnly) where binding.keys.contains(key) {
            return binding.command
        }
        // In a text field every other printable character is typed.
        if mode == .filtering || mode == .goTo, let c = key.typedCharacter { return .type(c) }
        return nil
    }
}
