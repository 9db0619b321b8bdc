import Foundation
import PlanKit

/// A plan and period the person can open.
public struct PlanChoice: Hashable, Sendable {
    public var unitID: String
    public var unitName: String
    public var year: Int
    public var period: ReportPeriod

    public init(unitID: String, unitName: String, year: Int, period: ReportPeriod) {
        self.unitID = unitID
        self.unitName = unitName
        self.year = year
        self.period = period
    }
}

/// The full-screen views of the app.
public enum Page: Hashable, Sendable {
    case chooser, plan, help, overview, detail, board, rollup
    case carryOver
}

/// The text editor open on one field.
public struct EditorSession: Equatable, Sendable {
    public var field: FieldRef
    public var title: String
    public var editor: TextEditor
    /// The revision of the field's record when the editor opened: saving over a newer one is a conflict.
    public var baseRevision: Int
    /// Whether the store has been asked for an earlier draft of this field yet.
    public var checkedForDraft = false

    public init(field: FieldRef, title: String, editor: TextEditor, baseRevision: Int, checkedForDraft: Bool = false) {
        self.field = field
        self.title = title
        self.editor = editor
        self.baseRevision = baseRevision
        self.checkedForDraft = checkedForDraft
    }
}

/// An earlier draft of the field being opened: the person chooses which text to go on with.
public struct DraftOffer: Equatable, Sendable {
    public var session: EditorSession
    public var savedText: String
    public var draft: Draft
}

/// Someone else saved the field while this person was writing: both texts are kept until the
/// person chooses one or merges them.
public struct Conflict: Equatable, Sendable {
    public var session: EditorSession
    public var theirText: String
    public var theirRevision: Int
    public var changedBy: String
    public var changedAt: Date?
}

/// A list to choose from.
public struct Picker: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case rating(item: String)
        case status(item: String)
        case field(item: String, fields: [TextField])
        case planning(PlanningChoice)
    }

    public var kind: Kind
    public var title: String
    public var options: [String]
    public var index: Int
}

/// A one-line question in the status line.
public struct Prompt: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case search
        case outcome(item: String, revision: Int)
        case exportPath
        /// The title of a new unit goal under a board goal, or of a new activity under a unit goal.
        case newItem(under: String, goal: Bool)
        case planning(PlanningPrompt)
    }

    public var kind: Kind
    public var text: String
}

/// What is open on top of the page.
public enum Modal: Equatable, Sendable {
    case editor(EditorSession)
    case picker(Picker)
    case prompt(Prompt)
    case confirmDelete(item: String)
    /// Whether to start a period (or next year's plan) chosen in the chooser.
    case confirmStart(StartRequest)
    case draftFound(DraftOffer)
    case conflict(Conflict)
    case year(YearModal)
}

/// A short message in the status line.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// The last search: its query, where it matched and which match is shown.
public struct SearchState: Equatable, Sendable {
    public var query: String
    public var matches: [OutlineTarget]
    public var index: Int
}

/// Everything the app shows, as a plain value. Changed only by `Update`, drawn only by `View`.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var page: Page = .plan
    public var pageBeforeHelp: Page = .plan
    /// The chooser of units, years and periods (read when it is first shown).
    public var chooser = ChooserState()
    /// The status table of a board or department, once one has been opened from the chooser.
    public var board: BoardPage?
    /// Hand-ins and what starting the year carried over (see YearState).
    public var year = YearState()
    /// The plan on the screen was opened from the board's table: Esc goes back to it.
    public var openedFromBoard = false
    /// The roll-up of the board's table, once opened from it.
    public var rollup: RollupPage?
    /// The plan on the screen was opened from the roll-up: Esc goes back to it.
    public var openedFromRollup = false
    public var plan: PlanDocument? {
        didSet { derived = DerivedCache() }
    }
    /// The outline and the gaps of `plan`, computed once (see DerivedCache).
    var derived = DerivedCache()
    public var period: ReportPeriod = .vb
    public var folded: Set<OutlineTarget> = []
    public var selection: OutlineTarget?
    public var scrollTop = 0
    public var helpScroll = 0
    /// The selected area of the overview.
    public var overviewIndex = 0
    /// The compact view: no detail pane, the selected line marked by an arrow in the margin
    /// instead of in reverse video. A move then changes two cells on the screen, which is what
    /// a slow link needs.
    public var compact = false
    public var detailScroll = 0
    public var modal: Modal?
    public var status: StatusMessage?
    public var search: SearchState?
    /// Unicode marks (✓ ● 🔒 ▸) when the terminal speaks UTF-8, ASCII otherwise.
    public var unicode: Bool
    public var colors: Bool
    public var readOnly: Bool
    /// The plans were read from PostgreSQL into memory: read-only for that reason, and said so.
    public var readsFromPostgres = false
    /// Changes are saved on a server (PostgreSQL) rather than in the store, which is its copy.
    public var savesOnServer = false
    /// On a server: the units whose plans the login may change (nil: every unit).
    public var serverWritableUnits: Set<String>?
    /// Where the report is written by default: next to the database.
    public var exportDirectory: String
    /// Other sessions that have the same plan open.
    public var otherSessions: [OpenSession] = []
    /// The time of the last tick: times on the screen are told relative to it.
    public var now = Date.distantPast
    /// When the periodic work of a tick was last done.
    var lastDraftSave = Date.distantPast
    var lastChangeCheck = Date.distantPast
    var lastHeartbeat = Date.distantPast
    /// The time of the tick before the last key (ticks follow every key, so within a tick).
    var lastKey = Date.distantPast
    var damageCheckStarted = false

    public init(width: Int, height: Int, unicode: Bool = true, colors: Bool = true, readOnly: Bool = false,
                exportDirectory: String = ".", compact: Bool = false, now: Date = .distantPast) {
        self.width = width
        self.height = height
        self.compact = compact
        self.now = now
        self.unicode = unicode
        self.colors = colors
        self.readOnly = readOnly
        self.exportDirectory = exportDirectory
    }

    /// The visible outline lines of the open plan.
    public var rows: [OutlineRow] {
        guard let plan else { return [] }
        return derived.rows(period: period, folded: folded) { Outline.rows(plan: plan, period: period, folded: folded) }
    }

    public var selectedItem: PlanItem? {
        guard case .item(let id)? = selection else { return nil }
        return plan?.items[id]
    }

    public var selectedSection: Section? {
        guard case .section(let id)? = selection else { return nil }
        return plan?.section(id, in: period)
    }

    public var planRef: PlanRef? { plan?.ref }

    /// Every plan and period the chooser can open, in its order.
    public var choices: [PlanChoice] { chooser.data.choices }
}
