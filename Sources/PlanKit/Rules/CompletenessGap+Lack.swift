/// A gap taken apart: whose it is and what that lacks. The words of a line's gaps are built from
/// these (`Strings.lacking`), so that what one subject lacks is said in one sentence.
extension CompletenessGap {
    /// Whose the gap is: the subject of its sentence.
    public enum Subject: Hashable, Sendable {
        case goal
        case activity
        /// An activity marked Avvikelse, spoken of as the deviation.
        case deviation
        case indicator
        case section
    }

    /// Something a subject lacks.
    public enum Lack: Hashable, Sendable {
        case rating
        case analysis
        case status
        case outcome
        case field(TextField)
        case dates
        case target
    }
}

extension CompletenessGap.Kind {
    public var subject: CompletenessGap.Subject {
        switch self {
        case .goalWithoutRating, .goalWithoutAnalysis, .goalWithoutField: .goal
        case .activityWithoutStatus, .activityWithoutDates: .activity
        case .deviationWithoutAnalysis: .deviation
        case .indicatorWithoutOutcome, .indicatorWithoutTarget: .indicator
        case .emptySection: .section
        }
    }

    /// What the subject lacks; nil for a section, which is empty as a whole.
    public var lack: CompletenessGap.Lack? {
        switch self {
        case .goalWithoutRating: .rating
        case .goalWithoutAnalysis, .deviationWithoutAnalysis: .analysis
        case .activityWithoutStatus: .status
        case .indicatorWithoutOutcome: .outcome
        case .goalWithoutField(let field): .field(field)
        case .activityWithoutDates: .dates
        case .indicatorWithoutTarget: .target
        case .emptySection: nil
        }
    }
}
