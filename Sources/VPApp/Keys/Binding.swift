import PlanKit

/// Whether a key does something for the state on the screen, and if not, why.
public enum Availability: Equatable, Sendable {
    case available
    /// The key does nothing here; the reason is said in the status line.
    case refused(String)

    var isAvailable: Bool { self == .available }
}

/// The help page's groups, in the order shown.
public enum HelpGroup: Int, CaseIterable, Sendable {
    case move, followUp, plan, editor, picker, board, chooser, other
}

/// A key's entry on the hint line at the bottom of the screen.
struct Hint: Sendable {
    var key: String
    var text: String
    /// Hints of every line have a place (lower first); the others are the selected line's keys,
    /// shown after them in table order, and only where the key does something.
    var place: Int?
    /// When the line is too narrow, hints of every line give way in this order (lower first);
    /// nil: only after all the others.
    var givesWay: Int?

    init(_ key: String, _ text: String, place: Int? = nil, givesWay: Int? = nil) {
        self.key = key
        self.text = text
        self.place = place
        self.givesWay = givesWay
    }

    var pair: (String, String) { (key, text) }
}

/// One key binding: the keys, what the help says about them, when they do something, and what
/// they do. Each page and modal has one table of these (Keys/), which drives `Update`, the help
/// page and the hint line alike.
struct Binding: Sendable {
    /// What a key does: the state changes, the effects go out.
    typealias Action = @Sendable (KeyEvent, inout AppState) -> [Effect]

    var keys: [KeyEvent]
    /// Any printable character (typing into a prompt), besides `keys`.
    var anyCharacter = false
    /// Any pasted text.
    var anyPaste = false
    var group: HelpGroup?
    /// The help page's text; nil: not on the help page.
    var help: String?
    var hint: Hint?
    /// When the key does something; the refusal's reason is shown instead of acting.
    var availability: (@Sendable (AppState) -> Availability)?
    /// The key changes the report on the screen: in one handed in it is refused, and neither
    /// hinted nor listed in the help, until the report is opened again.
    var changesReport = false
    /// nil: the key is handled by the open component (the text editor) and listed here for the
    /// help and the hints.
    var action: Action?

    init(_ keys: [KeyEvent], anyCharacter: Bool = false, anyPaste: Bool = false, _ group: HelpGroup? = nil, _ help: String? = nil,
         hint: Hint? = nil, changesReport: Bool = false, when availability: (@Sendable (AppState) -> Availability)? = nil,
         action: Action?) {
        self.keys = keys
        self.anyCharacter = anyCharacter
        self.anyPaste = anyPaste
        self.group = group
        self.help = help
        self.hint = hint
        self.availability = availability
        self.changesReport = changesReport
        self.action = action
    }

    /// The keys as the help page names them: "1 2 3 0".
    var keyLabel: String {
        // Typing (the chooser's filter) has no key of its own to name.
        if keys.isEmpty && anyCharacter { return Strings.Chooser.typeKey }
        return keys.map(Strings.App.keyName).joined(separator: " ")
    }

    func availability(in state: AppState) -> Availability {
        if changesReport, let handIn = state.handIn { return .refused(Strings.App.handedInRefusal(handIn)) }
        return availability?(state) ?? .available
    }

    /// Whether the key is offered at all for the report on the screen (hint line, help).
    func isOffered(in state: AppState) -> Bool {
        !(changesReport && state.handIn != nil)
    }
}

/// The bindings of one page or modal, found by key.
struct KeyTable: Sendable {
    let bindings: [Binding]
    /// Every key of the table with its binding's position. Looked up in order rather than
    /// hashed: a `[KeyEvent: Int]` makes the Swift runtime check `KeyEvent: Hashable` at its
    /// first use, a scan of every conformance record of the binary, on the first frame.
    private let keys: [KeyEvent]
    private let keyBindings: [Int]
    private let characterBinding: Int?
    private let pasteBinding: Int?
    /// The hints of every line by their place, each with its binding's position.
    private let generalHints: [(hint: Hint, binding: Int)]
    private let generalDropOrder: [Int]
    /// The bindings whose hints are the selected line's, in table order: the hint line asks
    /// only these whether they apply, on every frame.
    private let lineHints: [Int]

    init(_ bindings: [Binding]) {
        self.bindings = bindings
        var keys: [KeyEvent] = []
        var keyBindings: [Int] = []
        for (index, binding) in bindings.enumerated() {
            for key in binding.keys {
                assert(!keys.contains(key), "\(key) is bound twice in one table")
                keys.append(key)
                keyBindings.append(index)
            }
        }
        self.keys = keys
        self.keyBindings = keyBindings
        characterBinding = bindings.firstIndex { $0.anyCharacter }
        pasteBinding = bindings.firstIndex { $0.anyPaste }
        let general = bindings.indices.compactMap { index in
            bindings[index].hint.flatMap { $0.place == nil ? nil : (hint: $0, binding: index) }
        }.sorted { $0.hint.place! < $1.hint.place! }
        generalHints = general
        lineHints = bindings.indices.filter { bindings[$0].hint != nil && bindings[$0].hint?.place == nil }
        fixedHints = bindings.compactMap(\.hint).sorted { ($0.place ?? .max) < ($1.place ?? .max) }.map(\.pair)
        generalDropOrder = general.indices.filter { general[$0].hint.givesWay != nil }
            .sorted { general[$0].hint.givesWay! < general[$1].hint.givesWay! }
    }

    func binding(for key: KeyEvent) -> Binding? {
        if let index = keys.firstIndex(of: key) { return bindings[keyBindings[index]] }
        if case .character = key, let characterBinding { return bindings[characterBinding] }
        if case .paste = key, let pasteBinding { return bindings[pasteBinding] }
        return nil
    }

    /// Runs the binding of the key. A key the table does not bind, or binds for the open
    /// component to handle, returns nil; a key bound but refused here shows why.
    func dispatch(_ key: KeyEvent, _ state: inout AppState) -> [Effect]? {
        guard let binding = binding(for: key) else { return nil }
        if case .refused(let reason) = binding.availability(in: state) {
            state.status = StatusMessage(reason, isError: true)
            return []
        }
        return binding.action?(key, &state)
    }

    /// The hint line: the hints of every line by their place, then the selected line's keys that
    /// do something now. `dropOrder` lists hint positions in the order they give way.
    func hints(for state: AppState) -> (hints: [(String, String)], dropOrder: [Int]) {
        var selected: [(String, String)] = []
        for index in lineHints where bindings[index].availability(in: state).isAvailable {
            if let hint = bindings[index].hint { selected.append(hint.pair) }
        }
        // Keys of every line that change the report give way in one handed in; the positions
        // of those that give way when the line is narrow follow the ones kept.
        let kept = generalHints.indices.filter { bindings[generalHints[$0].binding].isOffered(in: state) }
        guard kept.count < generalHints.count else { return (generalHints.map(\.hint.pair) + selected, generalDropOrder) }
        let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        return (kept.map { generalHints[$0].hint.pair } + selected, generalDropOrder.compactMap { position[$0] })
    }

    /// The hints of a page whose keys do not depend on the selection (found once: drawn on
    /// every frame of the editor, the help and the other pages).
    let fixedHints: [(String, String)]

    /// The help page's rows, grouped.
    static func helpRows(_ tables: [KeyTable], for state: AppState? = nil) -> [(String, [(String, String)])] {
        HelpGroup.allCases.compactMap { group in
            let rows = tables.flatMap(\.bindings).filter { $0.group == group && $0.help != nil && (state.map($0.isOffered) ?? true) }
                .map { ($0.keyLabel, $0.help!) }
            return rows.isEmpty ? nil : (Strings.App.helpGroup(group), rows)
        }
    }
}
