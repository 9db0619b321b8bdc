import Testing
import PlanKit
@testable import VPApp

/// The detail of an own goal lists the texts the unit writes, empty ones too, and no field it
/// cannot write.
@Suite("The detail of an own goal")
struct OwnGoalDetailTests {
    @Test("In the VP an own goal shows Förväntat resultat … Utveckling, not an empty Beskrivning; a nämndmål shows its Beskrivning")
    func fieldsTheUnitWrites() throws {
        let driver = try AppDriver(width: 100, height: 120, period: .vp)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("d"))
        let own = driver.text
        driver.press(.escape)
        #expect(try driver.plan.items["re-2021-em-01"]?.text(.description, in: .vp).isEmpty == true)
        for field in [TextField.expectedResult, .method, .resources, .followUp, .development] {
            #expect(own.contains(Strings.fieldLabel(field)), "\(field)")
        }
        #expect(!own.contains(Strings.fieldLabel(.description)), "\(own)")
        try driver.select(containing: "Nämndmål: Alla barn i förskolan utvecklar sin förståelse")
        #expect(driver.text.contains(Strings.fieldLabel(.description)))
    }
}
