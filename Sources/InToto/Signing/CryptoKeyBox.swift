/// Holds a swift-crypto key value across concurrency domains. swift-crypto 3's key
/// types are immutable value types that are not yet marked `Sendable` (version 4 marks
/// them); sharing one between tasks is safe because nothing can mutate it.
struct CryptoKeyBox<Key>: @unchecked Sendable {
    let key: Key

    init(_ key: Key) {
        self.key = key
    }
}
