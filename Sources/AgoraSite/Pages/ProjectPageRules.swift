import AgoraDomain
import AgoraTemplates

/// What the project pages check and say, from the domain: the limits of what members write on milestones, and
/// the words for every status, health badge and activity (as safe JSON for the scripts), so the pages and the API
/// never disagree.
struct ProjectPageRules: TemplateFields {
    /// The words the scripts show for the domain's codes.
    struct Words: Encodable {
        /// The project statuses in the domain's order, for lists of counts.
        let projectStatusOrder = ProjectStatus.allCases.map(\.rawValue)
        let projectStatuses = Dictionary(uniqueKeysWithValues: ProjectStatus.allCases.map { ($0.rawValue, $0.label) })
        let milestoneStatuses = Dictionary(uniqueKeysWithValues: MilestoneStatus.allCases.map { ($0.rawValue, $0.label) })
        let health = Dictionary(uniqueKeysWithValues: ProjectHealth.allCases.map { ($0.rawValue, $0.label) })
        let activity = Dictionary(uniqueKeysWithValues: ProjectActivityKind.allCases.map { ($0.rawValue, $0.title) })
        let timesheetStatuses = Dictionary(uniqueKeysWithValues: TimesheetStatus.allCases.map { ($0.rawValue, $0.label) })
        /// How long after sending a message may be edited, in seconds.
        let editWindow = Int(ChatRules.editWindow)
        /// The local processor's test cards and what each does, for the checkout.
        let testCards = LocalTestCard.allCases.map { ["number": $0.grouped, "effect": $0.effect] }
        let refundReasonMinimum = PaymentRules.refundReasonLength.lowerBound
        let refundReasonMaximum = PaymentRules.refundReasonLength.upperBound
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "wordsJSON": .optional(ScriptSafeJSON.encode(Words()))
        case "titleMinimum": .number(MilestoneRules.titleLength.lowerBound)
        case "titleMaximum": .number(MilestoneRules.titleLength.upperBound)
        case "descriptionMaximum": .number(MilestoneRules.descriptionLength.upperBound)
        case "deliverableMaximum": .number(MilestoneRules.deliverableNoteLength.upperBound)
        case "changesMinimum": .number(MilestoneRules.changeRequestLength.lowerBound)
        case "changesMaximum": .number(MilestoneRules.changeRequestLength.upperBound)
        case "reasonMinimum": .number(ProjectCancellation.reasonLength.lowerBound)
        case "reasonMaximum": .number(ProjectCancellation.reasonLength.upperBound)
        case "pauseReasonMaximum": .number(ProjectPause.reasonLength.upperBound)
        case "messageMaximum": .number(ChatRules.bodyLength.upperBound)
        case "searchMaximum": .number(ChatRules.searchMaximumLength)
        case "memoMaximum": .number(HourlyRules.memoLength.upperBound)
        case "fileMegabytes": .number(OrderFileLimits.maximumMegabytes)
        case "entryMinutesMaximum": .number(HourlyRules.entryMinutes.upperBound)
        case "evidenceMaximum": .number(DisputeRules.evidenceLength.upperBound)
        case "statementMinimum": .number(DisputeRules.statementLength.lowerBound)
        case "statementMaximum": .number(DisputeRules.statementLength.upperBound)
        case "reviewStars": .list(ReviewDraft.stars.map { .number($0) })
        case "reviewAspects": .list(SubRating.allCases.map { .fields(["key": TemplateValue.text($0.rawValue), "label": .text($0.label)]) })
        case "reviewCommentMaximum": .number(ReviewDraft.commentLength.upperBound)
        case "reviewFeedbackMaximum": .number(ReviewDraft.privateFeedbackLength.upperBound)
        case "reviewAnswerMaximum": .number(ReviewDraft.answerLength.upperBound)
        case "disputeReasons": .list(DisputeReason.allCases.map { .fields(["value": TemplateValue.text($0.rawValue), "label": .text($0.label)]) })
        case "statuses": .list(ProjectStatus.allCases.map { status in
            .fields(["value": TemplateValue.text(status.rawValue), "label": .text(status.label.prefix(1).uppercased() + status.label.dropFirst())])
        })
        default: nil
        }
    }
}
