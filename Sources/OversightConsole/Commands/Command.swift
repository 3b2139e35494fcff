/// Everything the console can be asked to do. Keys become commands through the command table;
/// `update` turns a command and the state into a new state and effects.
public enum Command: Hashable, Sendable {
    // Moving about a list.
    case moveUp, moveDown, pageUp, pageDown, top, bottom, columnLeft, columnRight
    // Levels of the view stack.
    case open, back, quit, quitNow
    // Finding.
    case help, filter, sort, goTo
    // What the screens show.
    case switchEra, nextFramework, earlierPeriod, laterPeriod, interventions
    // The journal (recording decisions arrives with its own issue; undo and redo work on the store now).
    case undo, redo
    // Typing into the filter or go-to line.
    case type(Character), erase, accept, cancel, complete
    // Answering a question ("Quit oversight?").
    case confirm, decline
    /// The terminal is now this size.
    case resize(width: Int, height: Int)
}
