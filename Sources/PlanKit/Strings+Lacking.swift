/// What a line lacks, said as a person would: "Målet saknar bedömning och analys" rather than
/// "Målet saknar bedömning; Målet saknar analys". The sentences are built from the gaps' parts
/// (`CompletenessGap.Subject`, `CompletenessGap.Lack`).
extension Strings {
    /// One gap's sentence: "Målet saknar bedömning", "Avsnittet är tomt".
    public static func gap(_ kind: CompletenessGap.Kind) -> String {
        sentence(kind.subject, lacking: kind.lack.map { [$0] } ?? [])
    }

    /// The gaps' sentences, joined by "; ". What one subject (one goal, one activity, …) lacks is
    /// said once, where its first gap comes: "Målet saknar X, Y och Z"; gaps of different items
    /// or sections stay apart even when their subjects are said alike.
    public static func lacking(_ gaps: [CompletenessGap]) -> String {
        var sentences: [(line: CompletenessGap.Line, subject: CompletenessGap.Subject, lacks: [CompletenessGap.Lack])] = []
        for gap in gaps {
            let subject = gap.kind.subject
            guard let lack = gap.kind.lack else {
                sentences.append((gap.line, subject, []))
                continue
            }
            if let index = sentences.firstIndex(where: { $0.line == gap.line && $0.subject == subject && !$0.lacks.isEmpty }) {
                sentences[index].lacks.append(lack)
            } else {
                sentences.append((gap.line, subject, [lack]))
            }
        }
        return sentences.map { sentence($0.subject, lacking: $0.lacks) }.joined(separator: "; ")
    }

    /// "Målet saknar X, Y och Z"; with nothing listed, the subject is empty as a whole.
    private static func sentence(_ subject: CompletenessGap.Subject, lacking lacks: [CompletenessGap.Lack]) -> String {
        guard let last = lacks.last else { return "\(gapSubject(subject)) är tomt" }
        let things = lacks.dropLast().map(lackWord)
        return "\(gapSubject(subject)) saknar " + (things.isEmpty ? "" : things.joined(separator: ", ") + " och ") + lackWord(last)
    }

    private static func gapSubject(_ subject: CompletenessGap.Subject) -> String {
        switch subject {
        case .goal: "Målet"
        case .activity: "Aktiviteten"
        case .deviation: "Avvikelsen"
        case .indicator: "Indikatorn"
        case .section: "Avsnittet"
        }
    }

    private static func lackWord(_ lack: CompletenessGap.Lack) -> String {
        switch lack {
        case .rating: "bedömning"
        case .analysis: "analys"
        case .status: "status"
        case .outcome: "utfall"
        case .field(let field): fieldLabel(field).lowercased()
        case .dates: "start- eller slutdatum"
        case .target: "årsmål"
        }
    }
}
