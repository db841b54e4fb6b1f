@testable import AgoraSite
import Testing

@Suite("Recently loaded providers")
struct RecentItemsTests {
    @Test("keeps the last items up to its capacity, dropping the oldest first")
    func dropsTheOldest() {
        var recent = RecentItems<String>(capacity: 3)
        for id in 1...3 { recent.insert("item \(id)", id: Int64(id)) }
        #expect(recent[1] == "item 1")
        recent.insert("item 4", id: 4)
        #expect(recent[1] == nil)
        #expect(recent.count == 3)
        recent.insert("item 2, again", id: 2)
        #expect(recent[2] == "item 2, again")
        recent.insert("item 5", id: 5)
        recent.insert("item 6", id: 6)
        #expect([2, 3, 4, 5, 6].map { recent[Int64($0)] } == [nil, nil, "item 4", "item 5", "item 6"])
        #expect(recent.count == 3)
    }
}
