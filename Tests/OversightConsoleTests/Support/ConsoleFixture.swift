import Foundation
import OversightConsole
import OversightDomain
import OversightTestSupport

/// A small generated landscape for screens (30 trusts over the 42 ICSs, ten quarters), with one
/// trust renamed so that wide and accented characters and a long name are on screen.
enum ConsoleFixture {
    static let today = CalendarDate.ymd(2026, 11, 20)
    static let wideName = "Hôpital Zoë – 国民保健 University Hospitals NHS Foundation Trust"

    static let dataset: Dataset = {
        var data = SyntheticDataset.make(trusts: 30)
        if let index = data.organisations.firstIndex(where: { $0.code == "RAAA" }) {
            data.organisations[index].name = wideName
        }
        return data
    }()

    /// 20 Nov 2026 10:30 UTC, by the secretary; ids from salt 0, so every test sees the same ones.
    static let now = Timestamp.parse("2026-11-20T10:30:00Z")!
    static let recorder = Recorder(user: "secretary", now: now, salt: 0)

    static func state(_ size: Size = Size(width: 80, height: 24), readOnly: String? = nil, explanation: String? = nil,
                      dataset: Dataset = ConsoleFixture.dataset) -> AppState {
        AppState(dataset: dataset, today: today, size: size, store: .init(readOnly: readOnly, explanation: explanation),
                 recorder: recorder).fulfilled()
    }
}

extension AppState {
    /// The state with what it asks for handed in, as the session does after every intent: the
    /// segments, system views and distances worked out from its own dataset, and, when it was given
    /// no journal, an empty one.
    func fulfilled() -> AppState {
        let needs = self.needs
        guard !needs.isEmpty else { return self }
        var derived = Derivation.work(needs, in: landscape.dataset, known: landscape.derived)
        if needs.contains(.history) { derived.history = HistoryPage() }
        var state = self
        state.supply(derived)
        return state
    }

    /// The state after keys, as the keymap reads them on each screen and mode in turn.
    func pressing(_ keys: Key...) -> AppState { pressing(keys) }

    func pressing(_ keys: [Key]) -> AppState {
        var state = self
        for key in keys {
            guard let intent = Keymap.intent(for: key, on: state.topKind, mode: state.mode.kind) else {
                continue
            }
            state = update(state, intent).0.fulfilled()
        }
        return state
    }

    func typing(_ text: String) -> AppState { pressing(text.map { Key.character($0) }) }

    /// The state after keys and every effect they asked for, in order.
    func effects(_ keys: Key...) -> (AppState, [Effect]) { effects(keys) }

    func effects(_ keys: [Key]) -> (AppState, [Effect]) {
        var state = self
        var effects: [Effect] = []
        for key in keys {
            guard let intent = Keymap.intent(for: key, on: state.topKind, mode: state.mode.kind) else { continue }
            let (next, more) = update(state, intent)
            state = next.fulfilled()
            effects += more
        }
        return (state, effects)
    }

    /// Ctrl-U then the text: what a person does to replace a field's default.
    func replacing(with text: String) -> AppState { pressing(.control("u")).typing(text) }

    var formField: FormField? { form?.focused }
    func field(_ id: String) -> FormField? { form?.field(id) }

    func after(_ intents: Intent...) -> AppState {
        intents.reduce(self) { update($0, $1).0.fulfilled() }
    }

    /// With these worked out and handed in too, as the session does when a screen asks for them.
    func working(_ needs: Set<Need>) -> AppState {
        var state = self
        state.supply(Derivation.work(needs, in: landscape.dataset, known: landscape.derived))
        return state
    }

    var crumbKinds: [String] { stack.map(\.kind.id) }
    var selectedKey: String? { top.list.selectedKey(in: top.table) }
    var visibleKeys: [String] { top.list.order.map { top.table.rows[$0].key } }
}

extension Landscape {
    /// With these worked out and handed in, as the session does when a screen asks for them.
    func working(_ needs: Set<Need>) -> Landscape {
        var landscape = self
        landscape.supply(Derivation.work(needs, in: dataset, known: derived))
        return landscape
    }

    /// Every period's segments of a framework worked out.
    func workingEveryPeriod(of framework: FrameworkID) -> Landscape {
        working(Set(periods(of: framework).map { .segments(FrameworkPeriod(framework, $0)) }))
    }
}
