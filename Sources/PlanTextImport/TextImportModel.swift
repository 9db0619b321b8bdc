import Foundation
import PlanKit

/// Something the text importer could not place, or placed with doubt: the line of the text it
/// is about (1-based, as in the file) and a Swedish message.
public struct TextImportWarning: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { Strings.TextImport.warningLine(line, message) }
}

/// A board's verksamhetsplan (the cascade only) or a unit's (the cascade it shows plus enhetsmål).
public enum TextDocumentKind: String, Sendable {
    case boardPlan, unitPlan
}

/// What the caller knows that the text may not say.
public struct TextImportOptions: Sendable {
    /// The board's name ("Hägersten-Älvsjö stadsdelsnämnd"); read from the text when nil.
    public var boardName: String?
    /// The plan's year; read from the text when nil.
    public var year: Int?
    /// The unit's name, for a unit's plan; read from the text when nil.
    public var unitName: String?
    /// The board's cascade as already stored: a unit's plan is matched against it, so that the
    /// unit's goals get the right board goal ids. Without it the ids of a unit's plan are provisional.
    public var knownCascade: CascadeRecord?
    /// The id prefix of the unit's own goals ("re-2021-em-"); derived from the unit's name when nil.
    public var unitGoalPrefix: String?
    /// The names of the board's departments the database has: a unit's text that mentions one is
    /// evidence of the unit's department.
    public var knownDepartments: [String] = []
    /// The city every board belongs to.
    public var cityID: String
    public var cityName: String

    public init(boardName: String? = nil, year: Int? = nil, unitName: String? = nil, knownCascade: CascadeRecord? = nil,
                unitGoalPrefix: String? = nil, cityID: String = "stockholm", cityName: String = "Stockholms stad") {
        self.boardName = boardName
        self.year = year
        self.unitName = unitName
        self.knownCascade = knownCascade
        self.unitGoalPrefix = unitGoalPrefix
        self.cityID = cityID
        self.cityName = cityName
    }
}

/// An indicator as found in a table row.
public struct FoundIndicator: Equatable, Sendable {
    /// Nil when a unit's plan shows an indicator the stored cascade does not have.
    public var id: String?
    public var line: Int
    public var name: String
    public var target: String?
    public var councilTarget: String?
    public var measureUnit: String?
    public var periodicity: Periodicity
    public var direction: Direction
    public var comment: String?
    /// The direction comes from the target or the document's text; false when it was a default.
    public var directionIsStated: Bool = true
}

/// An activity as found in a table row.
public struct FoundActivity: Equatable, Sendable {
    public var id: String?
    public var line: Int
    public var title: String
    public var start: String?
    public var end: String?
}

/// A goal as found, with everything under it, in document order.
public struct FoundGoal: Equatable, Sendable {
    /// Nil when a unit's plan shows a goal the stored cascade does not have.
    public var id: String?
    public var line: Int
    public var level: GoalLevel
    public var number: String?
    public var title: String
    public var texts: [TextField: String]
    public var indicators: [FoundIndicator]
    public var activities: [FoundActivity]
    public var children: [FoundGoal]

    public func text(_ field: TextField) -> String? { texts[field].flatMap { $0.isEmpty ? nil : $0 } }

    /// This goal and every goal below it, depth first.
    public var allGoals: [FoundGoal] { [self] + children.flatMap(\.allGoals) }
}

/// How much of each kind was found.
public struct TextImportCounts: Equatable, Sendable {
    public var councilDirections = 0
    public var councilAreas = 0
    public var boardGoals = 0
    public var unitGoals = 0
    public var indicators = 0
    public var activities = 0
    public var warnings = 0

    public init() {}
}

/// Everything `TextImporter.parse` found in one text.
public struct TextImportResult: Sendable {
    public var kind: TextDocumentKind
    public var board: OrganisationRecord
    /// The unit, for a unit's plan whose name was found.
    public var unit: OrganisationRecord?
    public var year: Int
    /// The goals as found, KF:s inriktningsmål at the top, enhetsmål under their nämndmål.
    public var goals: [FoundGoal]
    /// The same as an interchange file, ready for `PlanStore.importData`.
    public var file: InterchangeFile
    public var warnings: [TextImportWarning]
    /// What was read but may be wrong, with line numbers (see `TextPlanParser.doubts`).
    public var doubts: [TextImportWarning] = []
    public var counts: TextImportCounts
    /// True for a unit's plan read without the board's stored cascade: the board goal ids are
    /// then numbered in this document's order and must not be imported.
    public var idsAreProvisional: Bool
    /// The department a unit's plan names for its unit ("Förskoleavdelningen"), if any.
    public var department: OrganisationRecord? = nil
    /// The period the document is: a VP, or a VB (a verksamhetsberättelse).
    public var period: ReportPeriod = .vp
    /// The document sections of a unit's plan found in the text, in document order.
    public var sections: [FoundSection] = []
}

/// A text that cannot be imported at all, with a Swedish message.
public struct TextImportError: Error, Equatable, LocalizedError {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var errorDescription: String? { message }
}
