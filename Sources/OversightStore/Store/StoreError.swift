import OversightDomain

/// Why a store operation did not happen, in words that say what to do next.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store is open read-only; the reason says why and how to get write access.
    case readOnly(ReadOnlyReason)
    /// The edit itself is invalid; nothing was written.
    case invalidEdit(field: String?, message: String)
    /// The write failed; the edit was not saved and the store is unchanged.
    case writeFailed(IOFailure)
    /// The disk could not confirm the write; the store is now read-only until reopened.
    case syncFailed(IOFailure)
    case nothingToUndo
    case nothingToRedo
    /// The directory is not a store (and why).
    case notAStore(String)
    /// `init` found something there already.
    case alreadyExists(String)
    /// The store cannot be opened at all.
    case unreadable(String)
    /// An entry would exceed the journal's size limit.
    case tooLarge(bytes: Int, limit: Int)
    /// A team store: someone else changed a record this edit was made against; nothing was saved.
    case conflict(EditConflict)
    /// A team store: the database refused the edit (no rights to that record, say); nothing was written.
    case refused(String)
    /// A team store: the server could not be reached, and the edit is known not to have been saved.
    case offline(String)

    public var description: String {
        switch self {
        case .readOnly(let reason): return "Not saved: the store is read-only. \(reason.explanation)"
        case .invalidEdit(let field, let message): return field.map { "\($0): \(message)" } ?? message
        case .writeFailed(let failure): return "Not saved: \(failure). Nothing was changed."
        case .syncFailed(let failure):
            return "The disk could not confirm the save (\(failure)). The store is now read-only; restart oversight, which will reread what is really on disk."
        case .nothingToUndo: return "Nothing to undo."
        case .nothingToRedo: return "Nothing to redo."
        case .notAStore(let why): return why
        case .alreadyExists(let path): return "\(path) already exists and is not empty; choose another directory (init never overwrites)."
        case .unreadable(let why): return why
        case .tooLarge(let bytes, let limit):
            return "Not saved: this change is \(bytes / 1024) KiB, over the \(limit / 1024) KiB limit for one entry; split it into smaller steps."
        case .conflict(let conflict): return conflict.description
        case .refused(let why):
            return "Not saved: the team store refused this edit (\(why)). Nothing was written; ask whoever runs the team store for the rights you need."
        case .offline(let why):
            return "Not saved: the team store cannot be reached (\(why)). Nothing was changed; try again once it is back."
        }
    }
}

extension StoreError {
    /// What went wrong, for a log: the kind of failure, the file and errno, never a message that
    /// could quote what the user wrote (an invalid edit's message may).
    public var logSummary: String {
        switch self {
        case .readOnly(let reason): return "read-only (\(reason.short))"
        case .invalidEdit(let field, _): return "invalid edit" + (field.map { " (field \($0))" } ?? "")
        case .writeFailed(let failure): return "write failed: \(failure)"
        case .syncFailed(let failure): return "sync failed: \(failure)"
        case .nothingToUndo: return "nothing to undo"
        case .nothingToRedo: return "nothing to redo"
        case .notAStore: return "not a store"
        case .alreadyExists: return "already exists"
        case .unreadable: return "unreadable"
        case .tooLarge(let bytes, let limit): return "too large (\(bytes) bytes, limit \(limit))"
        case .conflict(let conflict): return "conflict on \(conflict.record) (entry \(conflict.seq))"
        case .refused: return "refused by the server"
        case .offline: return "offline"
        }
    }
}

/// Why a store is read-only, and what the user can do about it.
public enum ReadOnlyReason: Equatable, Sendable {
    /// Opened with `--read-only`.
    case requested
    /// Opened by `repair` to work out what it would do: the lock is held, nothing is changed.
    case inspecting
    /// Another process holds the store's lock.
    case lockedByAnotherProcess(pid: Int32?)
    /// Written by a newer oversight.
    case newerSchema(found: Int, supported: Int)
    /// The journal is damaged before its end.
    case damagedJournal(line: Int, offset: Int, detail: String)
    /// snapshot.json is missing or damaged while other data files exist.
    case damagedSnapshot(String)
    /// An fsync failed: what is on disk is uncertain until the store is reopened.
    case syncFailed(String)
    /// The data breaks the store's rules.
    case invalidData(count: Int, first: String)
    /// Replaying the journal did not fit (a bug or tampering); `line`/`offset` say where, when it is a journal line.
    case inconsistentJournal(line: Int?, offset: Int?, detail: String)
    /// This session closed the store.
    case closed
    /// A team store whose database role may read but not write.
    case notPermitted(role: String)

    /// One line for a status bar.
    public var short: String {
        switch self {
        case .requested: return "read-only (--read-only)"
        case .inspecting: return "read-only: being repaired"
        case .lockedByAnotherProcess(let pid): return "read-only: open in another process" + (pid.map { " (pid \($0))" } ?? "")
        case .newerSchema: return "read-only: written by a newer oversight"
        case .damagedJournal: return "read-only: journal damaged"
        case .damagedSnapshot: return "read-only: snapshot damaged"
        case .syncFailed: return "read-only: disk error"
        case .invalidData: return "read-only: data fails validation"
        case .inconsistentJournal: return "read-only: journal inconsistent"
        case .closed: return "closed"
        case .notPermitted: return "read-only: no write rights"
        }
    }

    /// What happened and what to do.
    public var explanation: String {
        switch self {
        case .requested:
            return "It was opened with --read-only; open it without that flag to edit."
        case .inspecting:
            return "`oversight repair` has it open to look at it; it changes nothing until you answer."
        case .lockedByAnotherProcess(let pid):
            return "Another oversight" + (pid.map { " (pid \($0))" } ?? "") + " is editing this store. This copy reads it as it was when opened; close that one and reopen to edit."
        case .newerSchema(let found, let supported):
            return "It was written by a newer version of oversight (store format \(found); this one reads up to \(supported)). Upgrade oversight to edit it."
        case .damagedJournal(let line, let offset, let detail):
            return "The journal is damaged at line \(line) (byte \(offset)): \(detail). Run `oversight repair` to set the damaged part aside in quarantine/."
        case .damagedSnapshot(let detail):
            return "\(detail) Run `oversight repair` to restore the newest backup."
        case .syncFailed(let detail):
            return "The disk could not confirm a save (\(detail)). Restart oversight; it will reread what is really on disk."
        case .invalidData(let count, let first):
            return "The data breaks \(count) rule\(count == 1 ? "" : "s") (first: \(first)). Run `oversight validate` for the full list."
        case .inconsistentJournal(let line, _, let detail):
            let place = line.map { " at line \($0)" } ?? ""
            return "The journal does not replay cleanly\(place): \(detail). `oversight repair` can set the entries from there on aside in quarantine/."
        case .closed:
            return "The store has been closed."
        case .notPermitted(let role):
            return "Your database role \(role) may read this team store but not change it; ask whoever runs it to grant you oversight_writer."
        }
    }
}

/// Why a team store refused an edit: a record it was made against has changed since, and by whom.
public struct EditConflict: Equatable, Sendable, CustomStringConvertible {
    /// The record, in words (`RecordKey`'s description).
    public var record: String
    /// Who changed it last, when, and in which entry (0 and nil when it was loaded with the store).
    public var by: String?
    public var at: Timestamp?
    public var seq: Int
    /// What that entry did, in words.
    public var label: String?

    public init(record: String, by: String?, at: Timestamp?, seq: Int, label: String?) {
        self.record = record
        self.by = by
        self.at = at
        self.seq = seq
        self.label = label
    }

    public var description: String {
        let who = by ?? "someone"
        let when = at.map { " at " + String($0.description.dropLast()).replacing("T", with: " ") + " UTC" } ?? ""
        let what = label.map { " (“\($0)”)" } ?? ""
        return "Not saved: \(who) changed \(record)\(when)\(what) since you last saw it. "
            + "The screen now shows their version; make your edit again if it still applies."
    }
}
