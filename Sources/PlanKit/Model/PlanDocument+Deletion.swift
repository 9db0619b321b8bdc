/// What goes with an own item when it is deleted: the items under it, and what was written in
/// the follow-ups of it and of them, in every period.
public struct DeletionContents: Equatable, Sendable {
    public var activities = 0
    public var indicators = 0
    /// Analyses written in the follow-ups, in every period.
    public var analyses = 0

    public init() {}

    public var isEmpty: Bool { activities == 0 && indicators == 0 && analyses == 0 }
}

extension PlanDocument {
    public func deletionContents(of id: String) -> DeletionContents {
        var contents = DeletionContents()
        var pending = [id]
        while let current = pending.popLast() {
            if current != id, let item = items[current] {
                if item.kind == .activity { contents.activities += 1 }
                if item.kind == .indicator { contents.indicators += 1 }
            }
            for (_, byItem) in followUps {
                if let followUp = byItem[current], !followUp.analysis.allSatisfy(\.isWhitespace) { contents.analyses += 1 }
            }
            pending += children(of: current).map(\.id)
        }
        return contents
    }
}
