/// What the console is asked to do: a key's meaning (through the command table), a command run
/// from the palette, or the terminal's new size. `update` turns an intent and the state into a new
/// state and effects. (Elm and Bubble Tea call this a message; their "command" is our `Effect`.)
public enum Intent: Hashable, Sendable {
    // Moving about a list.
    case moveUp, moveDown, pageUp, pageDown, top, bottom, columnLeft, columnRight
    // Levels of the view stack.
    case open, back, quit, quitNow
    // Finding.
    case help, filter, sort, goTo
    // What the screens show.
    case switchEra, nextFramework, earlierPeriod, laterPeriod, interventions
    // Into the overview's list of segment changes.
    case segmentChanges
    // The 2016 era's view of a footprint: its trusts under SOF 2016 beside its CCGs under the CCG IAF.
    case exoskeleton
    // Lists of what has been recorded: notes, actions, the journal, an organisation's segment decisions; and the history's organisation filter.
    case notes, actions, history, historyScope, decisions
    // Meetings: every meeting, upcoming first; Enter opens one's agenda.
    case meetings
    /// From a meeting's agenda: the presenter view, the selected item large, ↓ and ↑ to the next and previous.
    case present
    /// A meeting's minutes as they stand; on them, approving them (asks first).
    case minutes, approveMinutes
    /// Preparing a meeting: a new one (on the meetings list), items suggested from the data (on its agenda), and on
    /// the suggestions, keeping or dropping one and adding the kept ones to the agenda.
    case newMeeting, suggestAgenda, toggleKeep, addKept
    /// On a meeting's agenda: the selected item one place earlier or later.
    case moveItemEarlier, moveItemLater
    /// On a meeting's agenda: a topic item (not a trust or footprint).
    case addTopic
    /// Write what the screen shows as a board paper (asks the format and file name).
    case writePaper
    // Segmentation: the league table (its peer group and region), the computation behind a segment, the distance to the next.
    case leagueTable, nextPeerGroup, previousPeerGroup, nextRegion, computation, distance
    // Recording (each opens a form, or asks first, and ends in a journal entry).
    case decideSegment, addNote, addAction, addIntervention, logEvent, editItem, closeItem, deleteNote
    // The journal.
    case undo, redo
    // Typing into the filter, the go-to line or a form field.
    case type(Character), erase, accept, cancel, complete
    /// Text pasted (bracketed paste), or an escape sequence no key matched: cleaned before use.
    case paste(String)
    // Line editing and moving between form fields.
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteForward, eraseToLineStart, eraseToLineEnd, newLine
    case nextField, previousField
    /// Save the form (F2, Ctrl-O): Enter starts a new line in a long text and moves on elsewhere.
    case save
    /// Ctrl-C: in a form with typed text it asks, as Esc does; elsewhere it asks before quitting.
    case interrupt
    /// Keys that looked like typing where nothing is typed (a paste without bracketed paste, typing
    /// run on after a save): kept, with a message, and not read as commands.
    case setAside(String)
    /// The deliberate key after a save: keys are commands again.
    case ready
    /// An escape sequence no key matched, as it came.
    case unknownKey(String)
    /// A key this screen has no command for (while browsing): said, so a key never seems dead.
    case notHere(Key)
    // Answering a question ("Quit oversight?", "Delete the note …?").
    case confirm, decline
    /// The terminal is now this size.
    case resize(width: Int, height: Int)
}
