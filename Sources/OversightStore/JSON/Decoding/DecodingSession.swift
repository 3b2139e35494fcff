import OversightDomain

/// What one decode shares: the user info, and every decoder that opened an object or array, so that
/// after a successful decode the keys and elements nothing read can be reported.
final class DecodingSession {
    let userInfo: [CodingUserInfoKey: Any]
    private var opened: [DecodingNode] = []

    let usesDirectReaders: Bool

    init(userInfo: [CodingUserInfoKey: Any], usesDirectReaders: Bool = true) {
        self.userInfo = userInfo
        self.usesDirectReaders = usesDirectReaders
    }

    func register(_ decoder: DecodingNode) { opened.append(decoder) }

    /// A point to roll back to if the attempt that follows fails.
    var mark: Int { opened.count }

    /// Forgets the objects and arrays opened since `mark`: the attempt that opened them failed.
    func rollBack(to mark: Int) {
        guard mark < opened.count else { return }
        for decoder in opened[mark...] { decoder.resetUsage() }
        opened.removeSubrange(mark...)
    }

    /// Lets go of the nodes once the decode is over: each node refers to the session, so holding
    /// them here past the end would keep both alive for ever.
    func finish() { opened.removeAll() }

    /// Every key no decoder asked for and every array element no decoder read, in document order.
    func unreadProblems() -> [JSONProblem] {
        var problems: [JSONProblem] = []
        var sameValue: [Int: [DecodingNode]]? = nil
        for decoder in opened {
            switch decoder.value.content {
            case .object(let object):
                for (position, member) in object.members.enumerated() where !decoder.wasAsked(position) {
                    if sameValue == nil { sameValue = Dictionary(grouping: opened, by: { $0.value.offset }) }
                    if askedElsewhere(member.key, by: decoder, among: sameValue?[decoder.value.offset] ?? []) { continue }
                    let key = DisplayText.safeKey(member.key)
                    problems.append(JSONProblem(
                        kind: .unknownField, path: decoder.path.key(key), offset: member.keyOffset,
                        message: "unknown field \(DisplayText.quoted(member.key)): nothing reads it, so it would be lost when the store is saved; check its spelling, or remove it"))
                }
            case .array(let elements) where decoder.elementsRead < elements.count:
                let read = decoder.elementsRead
                problems.append(JSONProblem(
                    kind: .unreadElements, path: decoder.path.index(read), offset: elements[read].offset,
                    message: "only the first \(read) of \(elements.count) elements were read; the rest would be lost when the store is saved"))
            default:
                break
            }
        }
        return problems.sorted { $0.offset < $1.offset }
    }

    /// Whether another decoder of the same value (opened twice, e.g. by a type that reads it as two views) asked for the key.
    private func askedElsewhere(_ key: String, by decoder: DecodingNode, among others: [DecodingNode]) -> Bool {
        guard others.count > 1 else { return false }
        let path = decoder.path
        for other in others where other !== decoder {
            guard case .object(let object) = other.value.content, other.path == path,
                  let position = object.members.firstIndex(where: { $0.key == key }) else { continue }
            if other.wasAsked(position) { return true }
        }
        return false
    }
}
