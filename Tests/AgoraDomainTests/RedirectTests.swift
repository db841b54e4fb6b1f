import AgoraDomain
import Testing

@Suite("Redirect rules")
struct RedirectTests {
    @Test("valid rules are accepted")
    func valid() throws {
        #expect(try Redirect(from: "/old/", to: "/new/", status: .movedPermanently).to == "/new/")
        #expect(try Redirect(from: "/promo", to: "https://partner.example/offer", status: .found).status == .found)
        #expect(try Redirect(from: "/retired/", to: nil, status: .gone).to == nil)
    }

    @Test("bad rules name each bad field", arguments: [
        ("old/", "/new/", Redirect.Status.movedPermanently, ["from"]),
        ("/a/../b/", "/new/", .movedPermanently, ["from"]),
        ("/a b/", "/new/", .movedPermanently, ["from"]),
        ("/old/", nil, .found, ["to"]),
        ("/old/", "/new/", .gone, ["to"]),
        ("/old/", "javascript:alert(1)", .movedPermanently, ["to"]),
        ("/same/", "/same/", .movedPermanently, ["to"]),
        ("//evil.example/", "ftp://x", .found, ["from", "to"]),
    ] as [(String, String?, Redirect.Status, [String])])
    func invalid(from: String, to: String?, status: Redirect.Status, fields: [String]) {
        #expect {
            try Redirect(from: from, to: to, status: status)
        } throws: { error in
            (error as? ValidationError)?.errors.map(\.field) == fields
        }
    }
}
