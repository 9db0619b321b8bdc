import Foundation
import Testing
@testable import PlanKit

@Suite("Fields and values written as JSON without the encoder")
struct FieldJSONTests {
    static let awkward = ["", "a", "mål-1", "Å ä ö é ü ß €", "\"citat\" och \\snedstreck\\", "a/b//c",
                          "rad\nrad\r\n\tflik", "\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{1f}\u{7f}", "\u{2028}\u{2029}", "😀 👩‍👩‍👧", "<&>'"]

    static func encoder(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("Every kind of field reads as the encoder writes it")
    func fields() throws {
        var fields: [FieldRef] = []
        for id in Self.awkward {
            for field in TextField.allCases { fields.append(.itemText(item: id, field: field)) }
            fields += [.itemDate(item: id, field: .start), .itemDate(item: id, field: .end), .itemRecord(item: id), .followedUp(item: id)]
            for period in ReportPeriod.allCases {
                fields += [.rating(item: id, period: period), .status(item: id, period: period), .outcome(item: id, period: period),
                           .analysis(item: id, period: period), .sectionText(section: id, period: period),
                           .sectionRecord(section: id, period: period), .sectionTitle(section: id, period: period)]
            }
        }
        for field in fields {
            let written = FieldJSON.encode(field)
            #expect(written == (try Self.encoder(field)))
            #expect(PlanStore.encode(field) == written)
            #expect(FieldJSON.field(written) == field)
        }
    }

    @Test("Texts, ratings, statuses, flags and numbers read as the encoder writes them")
    func values() throws {
        var values: [FieldValue] = Self.awkward.map(FieldValue.text)
        values += Rating.allCases.map(FieldValue.rating) + ActivityStatus.allCases.map(FieldValue.status)
        values += [.flag(true), .flag(false)]
        for written in ["0", "1", "-1", "42,5", "0,001", "-0,25", "123456789012345678901234567890", "1000000", "3,14159265358979323846",
                        "99,90", "0,1"] {
            let number = try #require(Decimal(string: written.replacingOccurrences(of: ",", with: ".")))
            values.append(.number(number))
        }
        values += [.number(Decimal(1) / Decimal(3)), .number(Decimal(sign: .minus, exponent: 30, significand: 7)),
                   .number(Decimal(sign: .plus, exponent: -30, significand: 7))]
        for value in values {
            let written = try #require(FieldJSON.encode(value), "\(value)")
            #expect(written == (try Self.encoder(value)), "\(value)")
            #expect(PlanStore.encode(value) == written)
            #expect(FieldJSON.value(written) == value, "\(written)")
            #expect(FieldJSON.value(written) == (try JSONDecoder().decode(FieldValue.self, from: Data(written.utf8))))
        }
    }

    @Test("Text in another shape is read by the decoder, as before")
    func otherShapes() throws {
        #expect(FieldJSON.field(#"{ "rating" : { "period" : "t1", "item" : "m\u00e5l" } }"#) == .rating(item: "mål", period: .t1))
        #expect(FieldJSON.field(#"{"rating":{"item":"\ud83d\ude00","period":"vb"}}"#) == .rating(item: "😀", period: .vb))
        #expect(FieldJSON.value(#"{"number":{"_0":1e3}}"#) == .number(1000))
        #expect(FieldJSON.value(#"{"text":{"_0":"a","extra":1}}"#) == (try JSONDecoder().decode(FieldValue.self, from: Data(#"{"text":{"_0":"a","extra":1}}"#.utf8))))
        for broken in ["", "{}", "{\"rating\":{}}", "{\"rating\":{\"item\":\"x\",\"period\":\"q9\"}}", "{\"nope\":{\"item\":\"x\"}}",
                       "{\"itemRecord\":{\"item\":\"x\"}", "{\"itemRecord\":{\"item\":\"x\"}}}"] {
            #expect(FieldJSON.field(broken) == nil, "\(broken)")
        }
        #expect(FieldJSON.value("{\"rating\":{\"_0\":\"maybe\"}}") == nil)
    }

    @Test("A snapshot goes through the encoder")
    func snapshots() throws {
        let section = FieldValue.section(SectionSnapshot(title: "Rubrik/1", placement: .afterGoals, position: 2, text: "\"text\""))
        #expect(FieldJSON.encode(section) == nil)
        #expect(PlanStore.encode(section) == (try Self.encoder(section)))
        #expect(FieldJSON.value(try #require(PlanStore.encode(section))) == section)
    }
}
