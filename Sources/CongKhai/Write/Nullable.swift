/// An optional that JSON encoding writes as `null` instead of leaving the key out, so every
/// object of the open data and of `congkhai citations` has every field.
@propertyWrapper
package struct Nullable<Value: Encodable & Sendable & Equatable>: Encodable, Sendable, Equatable {
    package var wrappedValue: Value?

    package init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
