import AgoraStore
import Foundation
import Hummingbird

/// An attachment as the API lists it, with the address that downloads it (for people who may see the order).
struct OrderFileBody: ResponseEncodable {
    let id: Int64
    let fileName: String
    let mediaType: String
    let byteSize: Int64
    let sha256: String
    let url: String
    let createdAt: Date

    init(_ file: OrderFile, orderID: Int64) {
        id = file.id
        fileName = file.fileName
        mediaType = file.mediaType
        byteSize = file.byteSize
        sha256 = file.sha256
        url = "/api/orders/\(orderID)/files/\(file.id)"
        createdAt = file.createdAt
    }
}
