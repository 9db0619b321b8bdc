/// Who wrote an element of a plan. Only the unit may change what the unit wrote;
/// its follow-up of anything in its plan is its own whoever the author.
public enum Author: String, Codable, Sendable {
    case council   // kommunfullmäktige (KF)
    case board     // the district board (nämnden)
    case unit      // the unit (enheten)
}

/// The four levels of the goal cascade.
public enum GoalLevel: String, Codable, CaseIterable, Sendable {
    case councilDirection   // KF:s inriktningsmål
    case councilArea        // KF:s mål för verksamhetsområdet
    case boardGoal          // nämndmål
    case unitGoal           // enhetsmål

    public var author: Author {
        switch self {
        case .councilDirection, .councilArea: return .council
        case .boardGoal: return .board
        case .unitGoal: return .unit
        }
    }

    /// The level a goal's children must have, or nil for the lowest level.
    public var childLevel: GoalLevel? {
        switch self {
        case .councilDirection: return .councilArea
        case .councilArea: return .boardGoal
        case .boardGoal: return .unitGoal
        case .unitGoal: return nil
        }
    }
}
