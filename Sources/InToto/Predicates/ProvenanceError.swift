/// Why provenance could not be generated.
public enum ProvenanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A CI variable the provenance needs is unset or empty.
    case missingEnvironmentVariable(String)
    /// A CI variable is set but not in the form the runner writes.
    case invalidEnvironmentVariable(name: String, value: String, expected: String)
    /// A user-supplied predicate to merge was not a JSON object.
    case userPredicateNotAnObject

    public var description: String {
        switch self {
        case .missingEnvironmentVariable(let name):
            "environment variable \(name) is not set; GitHub Actions sets it for every job, so provenance cannot be generated without it"
        case .invalidEnvironmentVariable(let name, let value, let expected):
            "environment variable \(name) is '\(value)'; expected \(expected)"
        case .userPredicateNotAnObject:
            "the predicate to merge must be a JSON object"
        }
    }
}
