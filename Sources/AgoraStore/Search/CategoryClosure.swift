import SQLKit

/// `category_closure(ancestor_id, category_id)`: every active category paired with itself and with each active
/// category below it, by a recursive CTE that both engines run. A listing or search "in a category" means in it
/// or any of its descendants; counting per ancestor over this table counts each provider once per category.
enum CategoryClosure {
    static let cte: SQLQueryString = """
        category_closure(ancestor_id, category_id) AS (
            SELECT id, id FROM categories WHERE active = TRUE
            UNION ALL
            SELECT cc.ancestor_id, c.id FROM category_closure cc JOIN categories c ON c.parent_id = cc.category_id
            WHERE c.active = TRUE
        )
        """
}
