import PlanKit

/// The roll-up of a board or department on screen: the PlanKit roll-up report laid out as lines
/// for the terminal's width, a selected line and how far the page is scrolled.
public struct RollupPage: Sendable {
    public let rollup: Rollup
    public private(set) var width: Int
    public private(set) var lines: [RollupLine]
    /// The lines where a nämndmål starts, in order.
    public private(set) var goalStarts: [Int]
    public var index = 0
    public var scroll = 0

    public init(rollup: Rollup, width: Int) {
        self.rollup = rollup
        self.width = width
        let lines = RollupLines.build(rollup, width: width)
        self.lines = lines
        goalStarts = lines.indices.filter { lines[$0].startsGoal }
    }

    public var selected: RollupLine? { lines.indices.contains(index) ? lines[index] : nil }

    /// The nämndmål the selected line is in (from 0).
    public var currentGoal: Int? { selected?.goal }

    /// Laid out again for a new width; the selection stays on the same nämndmål's heading, or
    /// at the top when it was before the first.
    public mutating func relayout(width: Int) {
        guard width != self.width else { return }
        let goal = currentGoal
        self.width = width
        let lines = RollupLines.build(rollup, width: width)
        self.lines = lines
        goalStarts = lines.indices.filter { lines[$0].startsGoal }
        index = goal.flatMap { goalStarts.indices.contains($0) ? goalStarts[$0] : nil } ?? 0
        scroll = index
    }

    /// Moves the selection, keeping it among the `visible` lines shown.
    public mutating func move(by offset: Int, visible: Int) {
        guard !lines.isEmpty else { return }
        index = min(max(0, index + offset), lines.count - 1)
        reveal(visible: visible)
    }

    /// The next (or previous) nämndmål's heading, shown at the top of the page when the page
    /// can scroll that far. Past the last one the selection stays where it is.
    @discardableResult
    public mutating func jumpToGoal(forward: Bool, visible: Int) -> Bool {
        let target = forward ? goalStarts.first { $0 > index } : goalStarts.last { $0 < index }
        guard let target else { return false }
        index = target
        scroll = min(target, max(0, lines.count - visible))
        return true
    }

    private mutating func reveal(visible: Int) {
        if index < scroll { scroll = index }
        if index >= scroll + visible { scroll = index - visible + 1 }
    }
}
