import AgoraDomain
import Foundation
import Testing

@Suite("platform settings")
struct PlatformSettingTests {
    @Test("every setting's default keeps its own rule, and numbers and keys are never shared")
    func definitions() throws {
        for setting in PlatformSetting.allCases {
            #expect(try setting.kind.check(setting.defaultValue) == setting.defaultValue, "\(setting)")
            #expect(!setting.summary.isEmpty && !setting.title.isEmpty)
        }
        #expect(Set(PlatformSetting.allCases.map(\.number)).count == PlatformSetting.allCases.count)
        let variables = PlatformSetting.allCases.compactMap(\.environmentVariable)
        #expect(Set(variables).count == variables.count)
    }

    @Test("values are checked against their kind: type, range, length, control characters, list entries")
    func checks() throws {
        let number = SettingKind.number(1...100, unit: "providers")
        #expect(try number.check(.number(100)) == .number(100))
        #expect(throws: ValidationError(field: "value", message: "must be a whole number from 1 to 100")) { try number.check(.number(0)) }
        #expect(throws: ValidationError.self) { try number.check(.text("10")) }
        #expect(throws: ValidationError.self) { try SettingKind.flag.check(.number(1)) }
        let text = SettingKind.text(maximumLength: 5)
        #expect(try text.check(.text("  hello ")) == .text("hello"))
        #expect(throws: ValidationError.self) { try text.check(.text("hello!")) }
        #expect(throws: ValidationError.self) { try text.check(.text("a\nb")) }
        let list = SettingKind.list(maximumCount: 2, maximumLength: 10)
        #expect(try list.check(.list([" Spam", "spam", "SCAM "])) == .list(["spam", "scam"]))
        #expect(throws: ValidationError(field: "value[1]", message: "must be one line of 1 to 10 characters")) {
            try list.check(.list(["spam", " "]))
        }
        #expect(throws: ValidationError.self) { try list.check(.list(["a", "b", "c"])) }
    }

    @Test("values survive their JSON form, as the database keeps them")
    func json() throws {
        for value in [SettingValue.flag(false), .number(42), .text("Back at \"14:00\""), .list(["a", "b"]), .list([])] {
            #expect(try SettingValue(json: value.json) == value)
        }
    }

    @Test("the environment wins over the stored value, which wins over the default; bad variables are all named")
    func precedence() throws {
        let overrides = try PlatformSettings.environmentOverrides { ["AGORA_ROUTING_BATCH_SIZE": "25", "AGORA_ROUTING_WINDOW_HOURS": "6"][$0] }
        let settings = PlatformSettings(stored: [.routingBatchSize: .number(40), .routingEnoughProposals: .number(7)], overrides: overrides)
        #expect(settings.routing.batchSize == 25)
        #expect(settings.routing.responseWindow == 6 * 3_600)
        #expect(settings.routing.enoughProposals == 7)
        #expect(settings.routing.maximumBatches == RoutingSettings().maximumBatches)
        #expect(RoutingSettings().batchSize == 10)
        do {
            _ = try PlatformSettings.environmentOverrides { ["AGORA_ROUTING_BATCH_SIZE": "0", "AGORA_ROUTING_MAX_BATCHES": "many"][$0] }
            Issue.record("bad settings were accepted")
        } catch let invalid as ValidationError {
            #expect(Set(invalid.errors.map(\.field)) == ["AGORA_ROUTING_BATCH_SIZE", "AGORA_ROUTING_MAX_BATCHES"])
            #expect(invalid.description.contains("AGORA_ROUTING_BATCH_SIZE: must be a whole number from 1 to 100, not 0"))
        }
    }

    @Test("flags from the environment read on and off in the usual spellings, and nothing else")
    func flags() throws {
        #expect(try SettingKind.flag.parse(environment: "OFF", field: "X") == .flag(false))
        #expect(try SettingKind.flag.parse(environment: "true", field: "X") == .flag(true))
        #expect(throws: ValidationError(field: "X", message: "must be on or off, not maybe")) {
            try SettingKind.flag.parse(environment: "maybe", field: "X")
        }
    }
}
