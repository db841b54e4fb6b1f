import AgoraDomain
import Foundation
import Testing

@Suite("Search rules")
struct SearchRulesTests {
    @Test("the unit-vector radius test agrees with haversine on random points")
    func radiusTest() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let a = try GeoPoint(latitude: .random(in: -89...89, using: &generator), longitude: .random(in: -180...180, using: &generator))
            let b = try GeoPoint(latitude: .random(in: -89...89, using: &generator), longitude: .random(in: -180...180, using: &generator))
            let (x1, y1, z1) = a.unitVector
            let (x2, y2, z2) = b.unitVector
            let haversine = a.distanceKilometres(to: b)
            let viaDot = GeoPoint.distanceKilometres(dotProduct: x1 * x2 + y1 * y2 + z1 * z2)
            #expect(abs(haversine - viaDot) < 0.001)
            let circle = try GeoCircle(centre: a, radiusKilometres: 5_000)
            #expect(circle.contains(b) == (x1 * x2 + y1 * y2 + z1 * z2 >= circle.minimumDotProduct) || abs(haversine - 5_000) < 0.001)
            if circle.contains(b) { #expect(circle.latitudeRange.contains(b.latitude)) }
        }
        // Paris to London is about 344 km.
        let paris = try GeoPoint(latitude: 48.8566, longitude: 2.3522)
        let london = try GeoPoint(latitude: 51.5072, longitude: -0.1276)
        #expect(abs(paris.distanceKilometres(to: london) - 343.9) < 1)
    }

    @Test("rates convert through the euro and round to a minor unit")
    func conversion() throws {
        #expect(ExchangeRates.convert(.major(100, .eur), to: .eur) == 10_000)
        #expect(ExchangeRates.convert(.major(100, .eur), to: .usd) == 10_580)
        let yen = try CurrencyCode("JPY")
        #expect(ExchangeRates.convert(.major(100, .eur), to: yen) == 15_980)
        #expect(ExchangeRates.convert(Money(minorUnits: 15_980, currency: yen), to: .eur) == 10_000)
        #expect(Set(ExchangeRates.unitsPerEuro.keys) == CurrencyCode.supported)
    }

    @Test("price band edges are round amounts from the data, without repeats")
    func priceBands() {
        #expect(PriceBands.roundDown(4_870, minorUnitDigits: 2) == 4_500)
        #expect(PriceBands.roundDown(4_100, minorUnitDigits: 2) == 4_000)
        #expect(PriceBands.roundDown(2_600, minorUnitDigits: 2) == 2_500)
        #expect(PriceBands.roundDown(12_345, minorUnitDigits: 2) == 10_000)
        #expect(PriceBands.roundDown(23_000, minorUnitDigits: 2) == 20_000)
        #expect(PriceBands.roundDown(7_800, minorUnitDigits: 0) == 7_500)
        #expect(PriceBands.roundDown(50, minorUnitDigits: 2) == 50)
        #expect(PriceBands.edges(fromQuantileMinimums: [2_600, 4_100, 4_300, 6_000, 12_000], minorUnitDigits: 2) == [2_500, 4_000, 6_000, 10_000])
    }

    @Test("relevance weights read from a setting, and refuse what they cannot use")
    func weights() throws {
        let weights = try RelevanceWeights(setting: "text=0.5, rating=0.3,prior_ratings=25")
        #expect(weights.text == 0.5)
        #expect(weights.rating == 0.3)
        #expect(weights.priorRatings == 25)
        #expect(weights.reviews == RelevanceWeights().reviews)
        #expect(throws: ValidationError.self) { try RelevanceWeights(setting: "txt=0.5") }
        #expect(throws: ValidationError.self) { try RelevanceWeights(setting: "text=-1") }
        #expect(throws: ValidationError.self) { try RelevanceWeights(setting: "text") }
        #expect(throws: ValidationError.self) { try RelevanceWeights(setting: "prior_ratings=0") }
        // Few ratings are pulled towards the marketplace mean; many barely move.
        #expect(abs(weights.bayesianRating.value(average: 5, count: 1, prior: .standard) - 4.038) < 0.001)
        #expect(abs(weights.bayesianRating.value(average: 5, count: 1_000, prior: .standard) - 4.976) < 0.001)
    }
}
