import PlanKit

/// Moving, folding and finding the way in the outline.
extension Update {
    // MARK: Moving and folding

    static func visibleOutlineRows(_ state: AppState) -> Int {
        Layout(state).outline.height
    }

    static func move(by delta: Int, _ state: inout AppState) {
        let rows = state.rows
        guard !rows.isEmpty else { return }
        let current = rows.firstIndex { $0.target == state.selection } ?? 0
        let next = min(max(0, current + delta), rows.count - 1)
        select(rows[next].target, &state)
    }

    static func select(_ target: OutlineTarget?, _ state: inout AppState) {
        state.selection = target
        state.detailScroll = 0
        keepSelectionVisible(&state)
    }

    /// Scrolls the outline just enough to show the selected line.
    static func keepSelectionVisible(_ state: inout AppState) {
        let rows = state.rows
        let visible = max(1, visibleOutlineRows(state))
        guard let index = rows.firstIndex(where: { $0.target == state.selection }) else {
            state.scrollTop = min(state.scrollTop, max(0, rows.count - visible))
            return
        }
        if index < state.scrollTop { state.scrollTop = index }
        if index >= state.scrollTop + visible { state.scrollTop = index - visible + 1 }
        state.scrollTop = max(0, min(state.scrollTop, max(0, rows.count - visible)))
    }

    /// Opens every fold above a target so that it can be shown and selected.
    static func reveal(_ target: OutlineTarget, _ state: inout AppState) {
        guard let plan = state.plan else { return }
        for ancestor in Outline.ancestors(of: target, in: plan, period: state.period) {
            state.folded.remove(ancestor)
        }
        select(target, &state)
    }

    static func foldOrGoToParent(_ state: inout AppState) {
        guard let selection = state.selection, let plan = state.plan,
              let row = state.rows.first(where: { $0.target == selection }) else { return }
        if row.hasChildren && !row.isFolded {
            state.folded.insert(selection)
        } else if let parent = Outline.parent(of: selection, in: plan, period: state.period) {
            select(parent, &state)
        }
        keepSelectionVisible(&state)
    }

    static func unfold(_ state: inout AppState) {
        guard let selection = state.selection else { return }
        if state.folded.contains(selection) {
            state.folded.remove(selection)
        } else if let row = state.rows.first(where: { $0.target == selection }), row.hasChildren {
            move(by: 1, &state)
        }
    }

    static func toggleFold(_ state: inout AppState) {
        guard let selection = state.selection,
              state.rows.first(where: { $0.target == selection })?.hasChildren == true else { return }
        if state.folded.contains(selection) { state.folded.remove(selection) } else { state.folded.insert(selection) }
        keepSelectionVisible(&state)
    }

    // MARK: Finding the way

    static func stepSearch(by delta: Int, _ state: inout AppState) {
        guard var search = state.search, !search.matches.isEmpty else { return }
        search.index = (search.index + delta + search.matches.count) % search.matches.count
        state.search = search
        reveal(search.matches[search.index], &state)
        state.status = StatusMessage(Strings.App.searchResult(search.index + 1, of: search.matches.count, query: search.query))
    }

    static func runSearch(_ query: String, _ state: inout AppState) {
        guard let index = state.searchIndex, !query.isEmpty else { return }
        let matches = index.matches(query)
        guard !matches.isEmpty else {
            state.search = nil
            state.status = StatusMessage(Strings.App.noMatches(query), isError: true)
            return
        }
        // Start from the first match at or after the selection.
        let current = state.selection.flatMap(index.position) ?? 0
        let start = matches.firstIndex { (index.position(of: $0) ?? 0) >= current } ?? 0
        state.search = SearchState(query: query, matches: matches, index: start)
        reveal(matches[start], &state)
        state.status = StatusMessage(Strings.App.searchResult(start + 1, of: matches.count, query: query))
    }

    static func jumpToMissing(forward: Bool, _ state: inout AppState) {
        guard let plan = state.plan else { return }
        let lines = Completeness.lines(of: state.gaps)
        guard !lines.isEmpty else { state.status = StatusMessage(Strings.App.nothingMissing); return }
        let targets = lines.map(OutlineTarget.init)
        let order = Outline.rows(plan: plan, period: state.period, folded: []).map(\.target)
        // Positions looked up once, not searched for in every comparison of the sort.
        let positions = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let position = { (target: OutlineTarget) in positions[target] ?? 0 }
        let current = state.selection.map(position) ?? -1
        let sorted = zip(targets, lines).sorted { position($0.0) < position($1.0) }
        let next = forward
            ? sorted.first { position($0.0) > current } ?? sorted.first!
            : sorted.last { position($0.0) < current } ?? sorted.last!
        reveal(next.0, &state)
        state.status = StatusMessage(Strings.App.missingHere(next.1.message, remaining: lines.count), isError: true)
    }
}
