import OversightDomain

/// A yes-or-no question that names what will happen: deleting a note, closing an intervention,
/// throwing away what was typed in a form. `y` (or Enter) answers yes; `n` or Esc goes back.
public struct Question: Sendable {
    public enum Answer: Sendable, Equatable {
        /// Save this edit.
        case commit(Edit)
        /// Close the form without saving.
        case discardForm
    }

    public var text: String
    public var onYes: Answer

    public init(_ text: String, onYes: Answer) {
        self.text = text
        self.onYes = onYes
    }
}
