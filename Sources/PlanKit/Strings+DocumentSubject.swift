/// The report named in a sentence about it, as Swedish says it: "Verksamhetsplanen är
/// inlämnad", not "Verksamhetsplan är inlämnad". The tertial reports keep their number,
/// which names them as a name does. The app and the command line say it alike.
extension Strings {
    public static func documentSubject(_ period: ReportPeriod) -> String {
        switch period {
        case .vp: return "Verksamhetsplanen"
        case .t1, .t2: return documentName(period)
        case .vb: return "Verksamhetsberättelsen"
        }
    }

    /// The same inside a sentence: "verksamhetsplanen", "tertialrapport 1".
    public static func documentObject(_ period: ReportPeriod) -> String {
        documentSubject(period).lowercased()
    }
}
