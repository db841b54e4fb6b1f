/// The items stored last, by id, up to a fixed number, the oldest dropped first: memory stays the same whatever the
/// size of the site.
struct RecentItems<Item> {
    let capacity: Int
    private var byID: [Int64: Item] = [:]
    /// The ids in the order they came, as a ring: `oldest` is the next to go.
    private var order: [Int64] = []
    private var oldest = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    var count: Int { byID.count }

    subscript(id: Int64) -> Item? { byID[id] }

    /// Stores the item; one already stored under the id is replaced and keeps its place.
    mutating func insert(_ item: Item, id: Int64) {
        guard byID.updateValue(item, forKey: id) == nil else { return }
        if order.count < capacity {
            order.append(id)
        } else {
            byID[order[oldest]] = nil
            order[oldest] = id
            oldest = (oldest + 1) % capacity
        }
    }
}
