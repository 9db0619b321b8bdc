/// Where a top-level section stands in its document.
public enum SectionPlacement: String, Codable, Sendable {
    case beforeGoals, afterGoals
}

/// A document-level text section of one period (Sammanfattande analys, Investeringar, ...).
public struct Section: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var parentID: String?
    public var title: String
    public var placement: SectionPlacement
    public var text: String
    public var revision: Int

    public init(id: String, parentID: String? = nil, title: String, placement: SectionPlacement,
                text: String = "", revision: Int = 1) {
        self.id = id
        self.parentID = parentID
        self.title = title
        self.placement = placement
        self.text = text
        self.revision = revision
    }
}

/// The standard sections of each kind of document, as the City's templates have them.
public enum SectionTemplate {
    public struct Entry: Sendable {
        public let id: String
        public let title: String
        public let parentID: String?
        public let placement: SectionPlacement
        /// A report cannot be handed in while a required section is empty.
        public let required: Bool
    }

    public static func entries(for period: ReportPeriod) -> [Entry] {
        switch period {
        case .vp:
            return [
                Entry(id: "inledning", title: "Inledning", parentID: nil, placement: .beforeGoals, required: true),
                Entry(id: "verksamhetside-och-vardegrund", title: "Verksamhetsidé och värdegrund", parentID: nil, placement: .beforeGoals, required: false),
                Entry(id: "verksamhetsbeskrivning", title: "Verksamhetsbeskrivning", parentID: nil, placement: .beforeGoals, required: false),
                Entry(id: "medarbetarnas-delaktighet", title: "Medarbetarnas delaktighet", parentID: nil, placement: .beforeGoals, required: false),
                Entry(id: "redovisning-av-ekonomi", title: "Redovisning av ekonomi", parentID: nil, placement: .afterGoals, required: false),
                Entry(id: "ovrigt", title: "Övrigt", parentID: nil, placement: .afterGoals, required: false),
            ]
        case .t1, .t2, .vb:
            return [
                Entry(id: "forslag-till-beslut", title: "Förslag till beslut", parentID: nil, placement: .beforeGoals, required: false),
                Entry(id: "sammanfattande-analys", title: "Sammanfattande analys", parentID: nil, placement: .beforeGoals, required: true),
                Entry(id: "uppfoljning-av-ekonomi", title: "Uppföljning av ekonomi", parentID: nil, placement: .afterGoals, required: false),
                Entry(id: "analys-av-resultatrakning", title: "Analys av resultaträkning - uppföljning av driftbudget", parentID: "uppfoljning-av-ekonomi", placement: .afterGoals, required: false),
                Entry(id: "investeringar", title: "Investeringar", parentID: "uppfoljning-av-ekonomi", placement: .afterGoals, required: false),
                Entry(id: "medel-for-lokalandamal", title: "Medel för lokaländamål", parentID: "uppfoljning-av-ekonomi", placement: .afterGoals, required: false),
                Entry(id: "ekonomi-ovrigt", title: "Övrigt", parentID: "uppfoljning-av-ekonomi", placement: .afterGoals, required: false),
                Entry(id: "systematiskt-kvalitetsarbete", title: "Systematiskt kvalitetsarbete", parentID: nil, placement: .afterGoals, required: false),
                Entry(id: "ovrigt", title: "Övrigt", parentID: nil, placement: .afterGoals, required: false),
            ]
        }
    }

    public static func isRequired(_ sectionID: String, in period: ReportPeriod) -> Bool {
        entries(for: period).contains { $0.id == sectionID && $0.required }
    }

    /// Fresh, empty sections for a new document of the period.
    public static func emptySections(for period: ReportPeriod) -> [Section] {
        entries(for: period).map {
            Section(id: $0.id, parentID: $0.parentID, title: $0.title, placement: $0.placement)
        }
    }
}
