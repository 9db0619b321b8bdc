/// What a line lacks, said as a person would: "Målet saknar bedömning och analys" rather than
/// "Målet saknar bedömning; Målet saknar analys".
extension Strings {
    /// The gaps' messages ("Målet saknar X"), those of one subject joined into one sentence
    /// ("Målet saknar X, Y och Z") where the subject first comes; others ("Avsnittet är tomt")
    /// as they are.
    public static func lacking(_ messages: [String]) -> String {
        var lacked: [String: [String]] = [:]
        var order: [(subject: String?, message: String)] = []
        for message in messages {
            guard let range = message.range(of: " saknar ") else {
                order.append((nil, message))
                continue
            }
            let subject = String(message[..<range.lowerBound])
            if lacked[subject] == nil { order.append((subject, message)) }
            lacked[subject, default: []].append(String(message[range.upperBound...]))
        }
        return order.map { entry in
            guard let subject = entry.subject, let things = lacked[subject], things.count > 1 else { return entry.message }
            return "\(subject) saknar " + things.dropLast().joined(separator: ", ") + " och " + things[things.count - 1]
        }.joined(separator: "; ")
    }
}
