import AgoraDomain
import Foundation

/// `{"started_at", "minutes", "memo"}`: an entry of time typed in, or the fields of one to change (any left out
/// keep their value); JSON types are checked here, rules in the domain (`TimeEntryDraft`).
struct TimeEntryInput: RequestBody {
    static let fields: Set<String> = ["started_at", "minutes", "memo"]
    var input = TimeEntryDraft.Input()

    init(reading body: inout JSONObjectBody) {
        input.startedAt = body.string("started_at", required: false, maximumLength: 100)
        input.minutes = body.integer("minutes")
        input.memo = body.string("memo", required: false, maximumLength: 2_000)
    }
}

/// `{"memo": "…"}`: what the provider works on while the timer runs.
struct TimerInput: RequestBody {
    static let fields: Set<String> = ["memo"]
    let memo: String?

    init(reading body: inout JSONObjectBody) {
        memo = body.string("memo", required: false, maximumLength: 2_000)
    }
}
