import OversightDomain

/// A yes-or-no question that names what will happen: deleting a note, closing an intervention,
/// throwing away what was typed in a form. `y` (or Enter) answers yes; `n` or Esc goes back.
public struct Question: Sendable {
    public enum Answer: Sendable, Equatable {
        /// Save this edit.
        case commit(Edit)
        /// Close the form without saving.
        case discardForm
        /// Open again the form kept as a draft when the window closed (the form the question is over).
        case reopenDraft
        /// Undo or redo an entry that was not the last one made here, or is some minutes old.
        case undo
        case redo
        /// Write the paper, replacing the file of that name.
        case writePaper(PaperOrder)
    }

    public var text: String
    public var onYes: Answer
    /// The form the question was asked from (to throw away, or whose save closes an intervention),
    /// still shown behind it: no goes back to it, and a yes that saves keeps it open with what was
    /// typed until the store has the edit (a refused save shows its reason on it).
    public var form: Form?

    public init(_ text: String, onYes: Answer, over form: Form? = nil) {
        self.text = text
        self.onYes = onYes
        self.form = form
    }

    /// What the console goes back to after the answer: the form it was asked from, else browsing.
    var returning: Mode { form.map(Mode.form) ?? .browsing }
}
