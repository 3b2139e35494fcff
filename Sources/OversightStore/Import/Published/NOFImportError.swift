/// Why an import of NHS England's NOF files stopped: where (`file:line` when a row is to blame), what is
/// wrong, and what to do about it. Nothing is loaded when one is thrown: the import is one edit, built
/// whole before it is committed.
public struct NOFImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it; nil when no one file is to blame.
    public var file: String?
    public var line: Int?
    /// What is wrong and how to fix it.
    public var message: String

    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `nhs-oversight-framework-acute-trust-data.csv:1234: Value “1.2.3” is not a number; …`
    public var description: String {
        guard let file else { return message }
        return "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
