import OCIModel

extension JSONValue {
    /// This value with `overrides` laid over it: where both are objects the
    /// members merge recursively; anywhere else (arrays included, and `null`)
    /// the override replaces this value whole.
    public func merging(_ overrides: JSONValue) -> JSONValue {
        guard case .object(var base) = self, case .object(let top) = overrides else { return overrides }
        for (key, value) in top {
            base[key] = base[key].map { $0.merging(value) } ?? value
        }
        return .object(base)
    }
}
