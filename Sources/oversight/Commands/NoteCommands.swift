import ArgumentParser
import OversightDomain
import OversightStore

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Add, edit, delete or list notes on organisations, footprints and meetings.",
        subcommands: [Add.self, Edit.self, Delete.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a note.",
            discussion: "SUBJECT is an ODS code (RX1), footprint:ID (footprint:QHM) or meeting:NAME."
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "What the note is about: an ODS code, footprint:ID or meeting:NAME.") var subject: String
        @Argument(help: "The note's text.") var text: String
        @OptionGroup var meetingLink: MeetingLinkOptions

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let note = Note(id: NoteID(store.makeID("n")), subject: try resolveSubject(subject, in: store.dataset),
                            text: cleanText(text, field: "the note"), author: store.user, created: store.now,
                            meeting: try meetingLink.link(in: store.dataset))
            try session.commit(.addNote(note))
            print("Note id: \(note.id)")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Replace a note's text.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The note's id (see `oversight history` or the console).") var id: String
        @Argument(help: "The new text.") var text: String

        func run() throws {
            let session = try EditSession(storeOptions)
            try session.commit(.editNote(NoteID(id), text: cleanText(text, field: "the note"), at: session.store.now))
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a note (undo brings it back).")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The note's id.") var id: String

        func run() throws {
            let session = try EditSession(storeOptions)
            try session.commit(.deleteNote(NoteID(id)))
        }
    }
}

extension NoteCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List notes, newest first, with their whole text.",
            discussion: "--since and --until choose by the day a note was written."
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @OptionGroup var filters: ListFilters

        func run() throws {
            let store = try filters.open(storeOptions)
            let data = store.dataset
            let org = try filters.organisation(in: data)
            let days = try filters.days()
            let notes = data.notes.filter { subject($0.subject, is: org) && days.contains($0.created.date.dayNumber) }
                .sorted { ($0.created, $0.id) > ($1.created, $1.id) }
            let report = ListReport(
                columns: ["id", "about", "about_name", "author", "written", "edited", "text"],
                rows: notes.map { note in
                    [.text(note.id.rawValue)] + subjectColumns(note.subject, in: data)
                        + [.text(note.author), .text(note.created.iso), note.edited.map { .text($0.iso) } ?? .none, .text(note.text)]
                },
                tableOmits: ["about_name", "edited"])
            if report.rows.isEmpty && filters.format == .table {
                print("No notes match.")
            } else {
                report.write(filters.format)
                sayWhenEmpty(report, "notes")
            }
        }
    }
}

/// `RX1`, `org:RX1`, `footprint:QHM` or `meeting:2025-07-15 board`, read by the domain's rule
/// (the console's "About" field reads subjects the same way).
func resolveSubject(_ text: String, in data: Dataset) throws -> Subject {
    do {
        let subject = try data.resolveSubject(text)
        if case .meeting(let name) = subject { return .meeting(cleanText(name, field: "the meeting name", multiline: false)) }
        return subject
    } catch {
        throw CLIError(error.message)
    }
}
