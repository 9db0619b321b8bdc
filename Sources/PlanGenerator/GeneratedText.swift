import Foundation
import PlanKit

/// The kinds of unit a district has; each writes about its own work.
enum GeneratedField: Int, CaseIterable, Sendable {
    case preschool, elderlyCare, socialServices, culture, cityEnvironment, administration
}

/// Swedish text for generated plans, put together from sentence fragments of the kind the real
/// documents use. Grammar is kept simple (V2 word order after an adverbial, past participles
/// after "har") so that every combination reads as a plausible sentence.
enum GeneratedText {
    // MARK: Sentences and paragraphs

    /// - Parameter opener: an adverbial to start with ("Dessutom"); by chance one of `openers` otherwise.
    static func sentence(_ field: GeneratedField, opener: String? = nil, _ rng: inout SplitMix64) -> String {
        let subject = rng.chance(0.25) ? rng.pick(commonSubjects) : rng.pick(subjects(field))
        let verb = rng.pick(pastVerbs)
        let object = rng.pick(objects(field))
        let tail = rng.chance(0.6) ? rng.pick(tails) : ""
        let start = opener ?? (rng.chance(0.45) ? rng.pick(openers) : nil)
        if let start {
            // Verb second: "Under perioden har arbetslagen ...".
            return "\(start) har \(subject) \(verb) \(object)\(tail)."
        }
        return "\(capitalized(subject)) har \(verb) \(object)\(tail)."
    }

    /// A sentence with a figure in it, as analyses usually have one or two.
    static func figureSentence(_ rng: inout SplitMix64) -> String {
        let before = Double(rng.int(40...950)) / 10
        let change = Double(rng.int(-80...120)) / 10
        let after = max(0, before + change)
        let template = rng.pick(figureTemplates)
        return template
            .replacingOccurrences(of: "{a}", with: SwedishNumber.format(before, maxDecimals: 1))
            .replacingOccurrences(of: "{b}", with: SwedishNumber.format(after, maxDecimals: 1))
            .replacingOccurrences(of: "{n}", with: String(rng.int(3...60)))
    }

    static func paragraph(_ field: GeneratedField, sentences: ClosedRange<Int>, _ rng: inout SplitMix64) -> String {
        let count = rng.int(sentences)
        var parts: [String] = []
        for index in 0..<count {
            if index > 0 && rng.chance(0.2) {
                parts.append(figureSentence(&rng))
            } else if index > 0 && rng.chance(0.15) {
                parts.append(sentence(field, opener: rng.pick(connectives), &rng))
            } else {
                parts.append(sentence(field, &rng))
            }
        }
        return parts.joined(separator: " ")
    }

    static func paragraphs(_ field: GeneratedField, count: ClosedRange<Int>, sentences: ClosedRange<Int> = 3...5,
                           _ rng: inout SplitMix64) -> String {
        (0..<rng.int(count)).map { _ in paragraph(field, sentences: sentences, &rng) }.joined(separator: "\n\n")
    }

    /// Lines of a list, as Förväntat resultat and Resursanvändning are often written.
    static func lines(_ field: GeneratedField, count: ClosedRange<Int>, _ rng: inout SplitMix64) -> String {
        (0..<rng.int(count)).map { _ in
            "\(capitalized(rng.pick(goalSubjects(field)))) \(rng.pick(goalPredicates(field)))."
        }.joined(separator: "\n")
    }

    static func resources(_ field: GeneratedField, _ rng: inout SplitMix64) -> String {
        rng.sample(resourceLines + fieldResources(field), count: rng.int(3...6)).joined(separator: "\n")
    }

    // MARK: Analyses

    static func goalAnalysis(_ field: GeneratedField, rating: Rating, _ rng: inout SplitMix64) -> String {
        var text = paragraphs(field, count: 2...4, &rng)
        text += "\n\n" + rng.pick(ratingConclusions(rating))
        return text
    }

    static func activityAnalysis(_ field: GeneratedField, status: ActivityStatus, _ rng: inout SplitMix64) -> String {
        let lead: String
        switch status {
        case .done: lead = rng.pick(["Aktiviteten är genomförd enligt plan.", "Aktiviteten har genomförts under året.", "Aktiviteten är slutförd."])
        case .ongoing: lead = rng.pick(["Aktiviteten pågår och fortsätter under året.", "Arbetet pågår enligt plan.", "Aktiviteten är påbörjad."])
        case .notStarted: lead = rng.pick(["Aktiviteten är ännu inte påbörjad.", "Aktiviteten planeras att starta under hösten."])
        case .deviation: lead = rng.pick(deviationReasons)
        }
        return ([lead] + (0..<rng.int(0...2)).map { _ in sentence(field, &rng) }).joined(separator: " ")
    }

    static func indicatorAnalysis(_ field: GeneratedField, _ rng: inout SplitMix64) -> String {
        ([figureSentence(&rng)] + (0..<rng.int(0...2)).map { _ in sentence(field, &rng) }).joined(separator: " ")
    }

    // MARK: Titles

    static func unitGoalTitle(_ field: GeneratedField, _ rng: inout SplitMix64) -> String {
        "\(capitalized(rng.pick(goalSubjects(field)))) \(rng.pick(goalPredicates(field)))"
    }

    static func activityTitle(_ field: GeneratedField, _ rng: inout SplitMix64) -> String {
        "\(rng.pick(["Vi ska", "Enheten ska", "Vi kommer att"])) \(rng.pick(activityVerbs)) \(rng.pick(objects(field)))"
    }

    struct IndicatorTemplate {
        var name: String
        var measureUnit: String?
        var low: Double
        var high: Double
        var decimals: Int
        var direction: Direction
    }

    static func indicator(_ field: GeneratedField, _ rng: inout SplitMix64) -> IndicatorTemplate {
        rng.pick(indicatorTemplates(field) + commonIndicators)
    }

    // MARK: Names

    static func unitName(_ field: GeneratedField, _ rng: inout SplitMix64) -> String {
        switch field {
        case .preschool:
            return rng.chance(0.7) ? "Förskolan \(rng.pick(preschoolNames))" : "Förskoleenheten \(rng.pick(places))"
        case .elderlyCare:
            return "\(rng.pick(["Hemtjänsten", "Vård- och omsorgsboendet", "Dagverksamheten", "Träffpunkten", "Servicehuset"])) \(rng.pick(places))"
        case .socialServices:
            return "\(rng.pick(["Barn och ungdom", "Ekonomiskt bistånd", "Socialpsykiatrin", "Vuxenenheten", "Mottagningsenheten", "Gruppbostaden", "Familjeenheten"])) \(rng.pick(places))"
        case .culture:
            return "\(rng.pick(["Fritidsgården", "Parkleken", "Kulturhuset", "Biblioteket", "Träffpunkten för unga"])) \(rng.pick(places))"
        case .cityEnvironment:
            return "\(rng.pick(["Parkenheten", "Stadsmiljöenheten", "Trygghetsteamet", "Lokalenheten"])) \(rng.pick(places))"
        case .administration:
            return rng.pick(["Ekonomienheten", "HR-enheten", "Kommunikationsenheten", "Kansliet", "Utvecklingsenheten",
                             "Upphandlingsenheten", "Registraturen", "Digitaliseringsenheten", "Kvalitetsenheten", "Juridiska enheten"])
        }
    }

    static func departmentName(_ field: GeneratedField) -> String {
        switch field {
        case .preschool: return "Förskoleavdelningen"
        case .elderlyCare: return "Äldreomsorgsavdelningen"
        case .socialServices: return "Individ- och familjeomsorgsavdelningen"
        case .culture: return "Avdelningen för kultur och fritid"
        case .cityEnvironment: return "Stadsmiljöavdelningen"
        case .administration: return "Administrativa avdelningen"
        }
    }

    static func departmentSlug(_ field: GeneratedField) -> String {
        switch field {
        case .preschool: return "forskola"
        case .elderlyCare: return "aldreomsorg"
        case .socialServices: return "ifo"
        case .culture: return "kultur-fritid"
        case .cityEnvironment: return "stadsmiljo"
        case .administration: return "administration"
        }
    }

    /// An id from a Swedish name: lower case ASCII letters, digits and dashes.
    static func slug(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "å", "ä": result.append("a")
            case "ö": result.append("o")
            case "é": result.append("e")
            case "a"..."z", "0"..."9": result.append(character)
            default: if !result.hasSuffix("-") { result.append("-") }
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
