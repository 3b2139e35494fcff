/// Splits a migration's text into statements. postgres-nio sends every query by the extended
/// protocol, which takes one statement at a time; the migrations are kept as the SQL a person would
/// read, so they are cut here at each `;` outside quotes, dollar-quoted bodies and `--` comments.
enum SQLStatements {
    static func split(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inQuote = false
        var inDollar = false
        var inComment = false
        var previous: Character = " "
        for character in sql {
            if inComment {
                if character == "\n" { inComment = false }
                previous = character
                continue
            }
            if !inQuote && !inDollar && character == "-" && previous == "-" {
                current.removeLast()
                inComment = true
                previous = " "
                continue
            }
            if !inDollar && character == "'" { inQuote.toggle() }
            if !inQuote && character == "$" && previous == "$" { inDollar.toggle(); current.append(character); previous = " "; continue }
            if !inQuote && !inDollar && character == ";" {
                let statement = current.trimmingWhitespace
                if !statement.isEmpty { statements.append(statement) }
                current = ""
                previous = " "
                continue
            }
            current.append(character)
            previous = character
        }
        let last = current.trimmingWhitespace
        if !last.isEmpty { statements.append(last) }
        return statements
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
