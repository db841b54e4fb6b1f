import AgoraDomain
import Testing

@Suite("Order and proposal statuses")
struct OrderWorkflowTests {
    @Test("orders move draft → open → awarded → in progress → completed; cancelled from draft or open by the client and in progress with the project; expire only from draft or open")
    func orderMoves() throws {
        let legal: Set<String> = [
            "draft>open", "open>awarded", "awarded>in_progress", "in_progress>completed",
            "draft>cancelled", "open>cancelled", "in_progress>cancelled", "draft>expired", "open>expired",
        ]
        for from in OrderStatus.allCases {
            for to in OrderStatus.allCases {
                let key = "\(from.rawValue)>\(to.rawValue)"
                #expect(from.canMove(to: to) == legal.contains(key), "\(key)")
                if legal.contains(key) {
                    #expect(try from.moving(to: to) == to)
                } else {
                    #expect(throws: StatusTransitionError.self) { try from.moving(to: to) }
                }
            }
        }
    }

    @Test("the client moves only a draft or open order; a running one moves with its project")
    func clientMoves() throws {
        #expect(try OrderStatus.open.movedByClient(to: .cancelled) == .cancelled)
        #expect(try OrderStatus.draft.movedByClient(to: .open) == .open)
        #expect(throws: StatusTransitionError("an order that is in progress changes with its project, not by itself")) {
            try OrderStatus.inProgress.movedByClient(to: .cancelled)
        }
        #expect(try OrderStatus.inProgress.moving(to: .cancelled) == .cancelled)
    }

    @Test("each party has its own moves in a negotiation")
    func proposalMoves() throws {
        let legal: Set<String> = [
            "submitted>countered>client", "revised>countered>client",
            "submitted>revised>provider", "countered>revised>provider", "revised>revised>provider",
            "submitted>accepted>client", "revised>accepted>client",
            "submitted>rejected>client", "countered>rejected>client", "revised>rejected>client",
            "submitted>withdrawn>provider", "countered>withdrawn>provider", "revised>withdrawn>provider",
        ]
        for from in ProposalStatus.allCases {
            for to in ProposalStatus.allCases {
                for party in [ProposalStatus.Party.client, .provider] {
                    let key = "\(from.rawValue)>\(to.rawValue)>\(party.rawValue)"
                    #expect(from.canMove(to: to, by: party) == legal.contains(key), "\(key)")
                    if !legal.contains(key) {
                        #expect(throws: StatusTransitionError.self) { try from.moving(to: to, by: party) }
                    }
                }
            }
        }
        #expect(ProposalStatus.allCases.filter(\.isLive) == [.submitted, .countered, .revised])
    }

    @Test("who may see an order and propose on it")
    func access() {
        let client = OrderAccess.Viewer(userID: 1, role: .client)
        let otherClient = OrderAccess.Viewer(userID: 2, role: .client)
        let provider = OrderAccess.Viewer(userID: 3, role: .provider)
        let admin = OrderAccess.Viewer(userID: 4, role: .admin)
        func relation(_ status: OrderStatus, _ visibility: OrderVisibility, offered: Bool = false, proposed: Bool = false) -> OrderAccess.Relation {
            OrderAccess.Relation(clientID: 1, status: status, visibility: visibility, offered: offered, proposed: proposed)
        }
        #expect(OrderAccess.canView(relation(.draft, .public), viewer: client))
        #expect(OrderAccess.canView(relation(.draft, .public), viewer: admin))
        #expect(!OrderAccess.canView(relation(.open, .public), viewer: otherClient))
        #expect(OrderAccess.canView(relation(.open, .public), viewer: provider))
        #expect(!OrderAccess.canView(relation(.draft, .public), viewer: provider))
        #expect(!OrderAccess.canView(relation(.open, .invited), viewer: provider))
        #expect(OrderAccess.canView(relation(.open, .invited, offered: true), viewer: provider))
        #expect(!OrderAccess.canView(relation(.awarded, .public), viewer: provider))
        #expect(OrderAccess.canView(relation(.awarded, .public, proposed: true), viewer: provider))

        #expect(OrderAccess.canPropose(relation(.open, .public), viewer: provider))
        #expect(OrderAccess.canPropose(relation(.open, .invited, offered: true), viewer: provider))
        #expect(!OrderAccess.canPropose(relation(.open, .invited), viewer: provider))
        #expect(!OrderAccess.canPropose(relation(.awarded, .public, offered: true), viewer: provider))
        #expect(!OrderAccess.canPropose(relation(.open, .public), viewer: client))
        #expect(!OrderAccess.canPropose(relation(.open, .public), viewer: admin))
        let ownOrder = OrderAccess.Relation(clientID: 3, status: .open, visibility: .public, offered: false, proposed: false)
        #expect(!OrderAccess.canPropose(ownOrder, viewer: provider))
    }
}
