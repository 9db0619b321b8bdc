import Foundation
import PlanKit

/// What the app's copy holds of the server's plans, and what others changed. The copy starts
/// with the organisation, the list of plans and the boards' own goals
/// (`PostgresSnapshot.chooser`); a plan's own rows come in when it is opened, a board's plans
/// when its table or roll-up is (again only after a change), and the chooser's period states
/// are worked out from the server's rows without keeping them. Every change of a plan is
/// announced on its unit's channel (`PostgresChannels`, payload `UNIT/YEAR`), which the app
/// listens to for the units the login may read: the announcement marks a plan held as to be read again when next opened, and the
/// chooser's line of it as to be read again, at once while the chooser is on the screen, else
/// once it is shown.
package final class ServerReading: @unchecked Sendable {
    private let lock = NSLock()
    /// Plans whose rows the copy holds whole.
    var loaded: Set<PlanRef> = []
    /// Plans held that others changed since, while they were not on the screen.
    var stale: Set<PlanRef> = []
    /// Plans others changed whose rows in the list are not read yet.
    package var heard: Set<PlanRef> = []
    /// Plans whose rows in the list were read and that the app has not taken yet.
    var ready: Set<PlanRef> = []
    var listChanged = false
    var chooserShown = false
    var listRefreshPending = false
    /// Boards' years read whole (`bringIn(board:year:)`) and unchanged since, which their
    /// table and roll-up need not read again; let go of at any change, heard or saved here,
    /// and when the server was out of hearing.
    var boards: Set<BoardYear> = []
    /// Raised whenever the boards held are let go of: a board read meanwhile may lack that change.
    var boardsLetGo = 0
    /// Plans whose board's cascade changed (an import) since they were read: the next reading
    /// of each reads the cascade of its year too.
    var cascadeChanged: Set<PlanRef> = []
    /// Years of which a board's cascade changed, to be read into the copy's list of cascades
    /// with the chooser's lines.
    var cascadeYears: Set<Int> = []

    struct BoardYear: Hashable {
        var board: String
        var year: Int
    }

    func letGoOfBoards() {
        boards = []
        boardsLetGo += 1
    }

    package func with<T>(_ body: (ServerReading) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }

    /// Whether the plan's reading must read its board's cascade too; it counts as read from now.
    func takeCascade(_ plan: PlanRef) -> Bool {
        with { $0.cascadeChanged.remove(plan) != nil }
    }

    /// Whether the plan must be read (not held, or changed since); it counts as held from now.
    func needsReading(_ plan: PlanRef) -> Bool {
        with { reading in
            guard !reading.loaded.contains(plan) || reading.stale.contains(plan) else { return false }
            reading.loaded.insert(plan)
            reading.stale.remove(plan)
            return true
        }
    }

    /// The plan a change notification names (`UNIT/YEAR`).
    static func plan(in payload: String) -> PlanRef? {
        guard let slash = payload.lastIndex(of: "/"), let year = Int(payload[payload.index(after: slash)...]) else { return nil }
        let unit = String(payload[..<slash])
        return unit.isEmpty ? nil : PlanRef(unitID: unit, year: year)
    }

    /// Plans read into the list at most at once (two parameters each).
    static let listBatch = 500
}

extension PostgresPlanServer {
    /// The organisations whose plans the login may read (`vp_readable`); nil for a login
    /// row-level security does not bind (the owner).
    static func readableUnits(_ link: PostgresLink) throws -> Set<String>? {
        guard try link.run("SELECT row_security_active('public.plan')").single == .integer(1) else { return nil }
        return Set(try link.run("SELECT vp_readable()").values.compactMap { row in
            if case .text(let id) = row.first { id } else { nil }
        })
    }

    public func bringIn(_ plan: PlanRef) throws {
        guard reading.needsReading(plan) else { return }
        let cascade = reading.takeCascade(plan)
        do {
            try usingConnection { try PlanCopyRefresh.run(plan, cascade: cascade, from: $0, into: store) }
        } catch {
            reading.with {
                _ = $0.loaded.remove(plan)
                if cascade { $0.cascadeChanged.insert(plan) }
            }
            throw error
        }
        prepareSavesSoon(for: plan)
    }

    public func bringIn(board: String, year: Int) throws {
        if isLost { throw PostgresStoreError.serverNotAnswering(address, .lost) }
        let key = ServerReading.BoardYear(board: board, year: year)
        guard let before = reading.with({ $0.boards.contains(key) ? nil : $0.boardsLetGo }) else { return }
        try usingConnection { try PlanCopyRefresh.board(board, year: year, from: $0, into: store) }
        reading.with { if $0.boardsLetGo == before { $0.boards.insert(key) } }
    }

    public func periodStates(_ plans: [PlanRef]) throws -> [PlanRef: PlanPeriodStates] {
        try usingConnection { try PlanCopyRefresh.periodStates(plans, from: $0, in: store) }
    }

    public func showChooser(_ shown: Bool) {
        let refresh = reading.with { reading -> Bool in
            reading.chooserShown = shown
            return shown && !reading.heard.isEmpty
        }
        if refresh { refreshListSoon() }
    }

    public func takeChangedPlans() -> ChangedPlans? {
        reading.with { reading in
            guard !reading.ready.isEmpty else { return nil }
            defer {
                reading.ready = []
                reading.listChanged = false
            }
            return ChangedPlans(plans: reading.ready, listChanged: reading.listChanged)
        }
    }

    /// Another session's change of a plan (on the connection's event loop, which must not wait);
    /// `cascade`: its board's cascade changed.
    func planHeard(_ plan: PlanRef, cascade: Bool, watched: PlanRef?) {
        guard readableUnits?.contains(plan.unitID) ?? true else { return }
        let refresh = reading.with { reading -> Bool in
            if cascade {
                reading.cascadeChanged.insert(plan)
                reading.cascadeYears.insert(plan.year)
            }
            if plan != watched && reading.loaded.contains(plan) { reading.stale.insert(plan) }
            reading.heard.insert(plan)
            reading.letGoOfBoards()
            return reading.chooserShown
        }
        if refresh { refreshListSoon() }
    }

    /// Reads the rows in the list of the plans heard changed, in the background; several
    /// asked for together are read once.
    private func refreshListSoon() {
        let already = reading.with { reading -> Bool in
            defer { reading.listRefreshPending = true }
            return reading.listRefreshPending
        }
        if !already { background.async { [weak self] in self?.refreshList() } }
    }

    private func refreshList() {
        let (plans, years) = reading.with { reading -> ([PlanRef], Set<Int>) in
            defer {
                reading.heard = []
                reading.cascadeYears = []
                reading.listRefreshPending = false
            }
            return (Array(reading.heard), reading.cascadeYears)
        }
        var read: Set<PlanRef> = []
        var changed = false
        do {
            if !years.isEmpty {
                try usingConnection { try PlanCopyRefresh.cascades(years: years, from: $0, into: store) }
                changed = true
            }
            for start in stride(from: 0, to: plans.count, by: ServerReading.listBatch) {
                let batch = Array(plans[start..<min(plans.count, start + ServerReading.listBatch)])
                if try usingConnection({ try PlanCopyRefresh.planRows(batch, from: $0, into: store) }) { changed = true }
                read.formUnion(batch)
            }
        } catch {
            // Heard again when the server answers: read with the next announcement or showing.
            reading.with {
                $0.heard.formUnion(plans.filter { !read.contains($0) })
                if !changed { $0.cascadeYears.formUnion(years) }
            }
        }
        reading.with { reading in
            reading.ready.formUnion(read)
            reading.listChanged = reading.listChanged || changed
        }
    }

    /// Runs `body` on the connection, one use after another; the server known lost, or lost
    /// meanwhile, is said in Swedish at once.
    private func usingConnection<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        if isLost { throw PostgresStoreError.serverNotAnswering(address, .lost) }
        connectionLock.lock()
        defer { connectionLock.unlock() }
        guard let commands = state({ commands }), !commands.link.isClosed else {
            state { markLost() }
            throw PostgresStoreError.serverNotAnswering(address, .lost)
        }
        do {
            return try body(commands.link)
        } catch {
            if commands.link.isClosed { state { markLost() } }
            throw error
        }
    }
}
