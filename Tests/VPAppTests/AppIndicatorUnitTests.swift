import Testing
import PlanKit
@testable import VPApp

@Suite("An own indicator's target keeps the unit typed at the unit step")
struct AppIndicatorUnitTests {
    @Test("Target 80 and unit % is stored and shown as 80 %")
    func bareNumberGetsUnit() throws {
        let driver = try AppDriver(period: .vp)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("i"))
        driver.type("Andel barn med sagostund")
        driver.press(.enter, .enter)               // name; kind Tal
        driver.type("80")
        driver.press(.enter)
        driver.type("%")
        driver.press(.enter, .enter, .enter)       // unit; periodicity År; higher is better
        #expect(driver.state.modal == nil)
        let added = try #require(try driver.plan.children(of: "re-2021-em-01").first { $0.title == "Andel barn med sagostund" })
        #expect(added.indicator?.target == "80 %")
        #expect(added.indicator?.measureUnit == "%")
        #expect(driver.text.contains("80 %"))
    }

    @Test("A target without a unit stays as typed when no unit is given")
    func noUnit() throws {
        let driver = try AppDriver(period: .vp)
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("i"))
        driver.type("Antal träffar")
        driver.press(.enter, .enter)
        driver.type("12")
        driver.press(.enter, .enter, .enter, .enter)
        let added = try #require(try driver.plan.children(of: "re-2021-em-01").first { $0.title == "Antal träffar" })
        #expect(added.indicator?.target == "12")
    }
}
