import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem document: every error the service answers with, as `application/problem+json`.
public struct Problem: Error, Codable, Sendable, Equatable {
    /// A `ProblemType`'s URN, or `about:blank`.
    public let type: String
    public let title: String
    public let status: Int
    public let detail: String?
    public private(set) var instance: String?
    /// The request's id, also in the `X-Request-ID` header and the log.
    public var requestID: String?
    /// One entry per invalid field, for validation problems.
    public let errors: [FieldError]?
    /// Seconds until the request may be tried again, sent as `Retry-After` (rate limits and lockouts).
    public var retryAfter: Int?
    /// The challenge to solve before trying again (`captcha-required`).
    var captcha: CaptchaChallenge?
    /// The pending sign-in to finish with a second factor (`second-factor-required`).
    var secondFactor: SecondFactorPrompt?
    /// Extra response headers, such as `WWW-Authenticate`.
    var headers: [String: String] = [:]

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, instance, errors, captcha
        case secondFactor = "second_factor"
        case requestID = "request_id"
        case retryAfter = "retry_after"
    }

    public static let mediaType = "application/problem+json"

    /// Query parameters that break a rule: 400, one entry per parameter.
    static func invalidQuery(_ errors: [FieldError]) -> Problem {
        Problem(status: .badRequest, detail: "The query has invalid parameters.", type: .invalidQuery, errors: errors)
    }

    public init(
        status: HTTPResponse.Status, detail: String? = nil, instance: String? = nil, type: ProblemType? = nil,
        errors: [FieldError]? = nil, retryAfter: Int? = nil
    ) {
        self.type = type?.uri ?? "about:blank"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.instance = instance
        self.errors = errors
        self.retryAfter = retryAfter
    }

    /// The problem that describes any error thrown while handling a request. Errors the service does not know
    /// become a bare 500 that reveals nothing of their content.
    init(describing error: any Error, instance: String) {
        switch error {
        case var problem as Problem:
            if problem.instance == nil { problem = problem.at(instance) }
            self = problem
        case let transition as StatusTransitionError:
            self.init(status: .conflict, detail: transition.description + ".", instance: instance, type: .invalidTransition)
        case let invalid as ValidationError:
            self.init(status: .unprocessableContent, detail: "The request has invalid fields.", instance: instance, type: .validation, errors: invalid.errors)
        case let store as StoreError:
            switch store {
            case .notFound: self.init(status: .notFound, detail: store.description, instance: instance)
            case .conflict: self.init(status: .conflict, detail: store.description, instance: instance)
            case .staleVersion: self.init(status: .conflict, detail: store.description, instance: instance, type: .staleVersion)
            case .invalidLocation, .cannotOpen: self.init(status: .serviceUnavailable, detail: "The database is unavailable.", instance: instance)
            }
        case let processor as ProcessorUnavailable:
            self.init(status: .badGateway, detail: "The payment processor did not answer as expected (\(processor.description)); nothing more was charged. Try again.", instance: instance)
        case let http as HTTPError:
            self.init(status: http.status, detail: http.body, instance: instance)
        case let http as any HTTPResponseError:
            self.init(status: http.status, instance: instance)
        case let busy where StoreError.isBusy(busy):
            self.init(status: .serviceUnavailable, detail: "The database is busy. Try again in a moment.", instance: instance, retryAfter: 1)
        default:
            self.init(status: .internalServerError, detail: "Something went wrong on our side. Quote the request id if you contact us.", instance: instance)
        }
    }

    var httpStatus: HTTPResponse.Status { HTTPResponse.Status(code: status) }

    func response() -> Response {
        // A problem of plain strings and numbers always encodes; the bare 500 is only a last resort.
        guard let data = try? APIResponseEncoder.data(of: self) else {
            return Response(status: .internalServerError)
        }
        var response = APIResponseEncoder.response(data: data, status: httpStatus, contentType: Self.mediaType)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }

    /// The same problem, about the resource at `instance`.
    func at(_ instance: String) -> Problem {
        var copy = self
        copy.instance = instance
        return copy
    }
}
