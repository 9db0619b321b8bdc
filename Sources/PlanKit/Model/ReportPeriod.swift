import Foundation

/// The documents a unit writes in a year, in the order they are written.
public enum ReportPeriod: String, CaseIterable, Codable, Comparable, Sendable {
    case vp, t1, t2, vb

    public static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Follow-up periods carry ratings, statuses and outcomes; the plan (VP) does not.
    public var isFollowUp: Bool { self != .vp }

    /// The last day (month, day) the period covers; used to decide what is due in it.
    public var endsOn: (month: Int, day: Int) {
        switch self {
        case .vp: return (1, 1)
        case .t1: return (4, 30)
        case .t2: return (8, 31)
        case .vb: return (12, 31)
        }
    }

    /// Parses "vp", "T1", "vb" and the Swedish document names.
    public init?(userText: String) {
        let key = userText.lowercased().trimmingCharacters(in: .whitespaces)
        if let period = ReportPeriod(rawValue: key) { self = period; return }
        switch key {
        case "verksamhetsplan": self = .vp
        case "tertialrapport 1": self = .t1
        case "tertialrapport 2": self = .t2
        case "verksamhetsberättelse": self = .vb
        default: return nil
        }
    }
}

