import Foundation
import OCIModel

/// An SLSA provenance v1 predicate (`https://slsa.dev/provenance/v1`): how
/// (``BuildDefinition``) and by whom (``RunDetails``) the subject was built.
///
/// Encode it with ``jsonValue``; only the members that are set appear.
public struct SLSAProvenance: Sendable, Equatable {
    /// `buildDefinition`.
    public var buildDefinition: BuildDefinition
    /// `runDetails`.
    public var runDetails: RunDetails

    public init(buildDefinition: BuildDefinition, runDetails: RunDetails) {
        self.buildDefinition = buildDefinition
        self.runDetails = runDetails
    }

    /// `buildDefinition`: the inputs of the build.
    public struct BuildDefinition: Sendable, Equatable {
        /// The URI whose schema gives `externalParameters` and `internalParameters` their meaning.
        public var buildType: String
        /// Inputs under the control of whoever started the build.
        public var externalParameters: [String: JSONValue]
        /// Inputs the builder chose; omitted when nil.
        public var internalParameters: [String: JSONValue]?
        /// Artifacts the build fetched, e.g. the source commit; omitted when empty.
        public var resolvedDependencies: [ResourceDescriptor]

        public init(
            buildType: String, externalParameters: [String: JSONValue],
            internalParameters: [String: JSONValue]? = nil, resolvedDependencies: [ResourceDescriptor] = []
        ) {
            self.buildType = buildType
            self.externalParameters = externalParameters
            self.internalParameters = internalParameters
            self.resolvedDependencies = resolvedDependencies
        }
    }

    /// `runDetails`: the builder and this particular run.
    public struct RunDetails: Sendable, Equatable {
        /// `builder.id`: the URI of the trusted builder.
        public var builderID: String
        /// `metadata`; omitted when every member is nil.
        public var metadata: Metadata

        public init(builderID: String, metadata: Metadata = Metadata()) {
            self.builderID = builderID
            self.metadata = metadata
        }
    }

    /// `runDetails.metadata`: identifies and times the run.
    public struct Metadata: Sendable, Equatable {
        /// `invocationId`: identifies this run, e.g. a CI run URL.
        public var invocationID: String?
        /// `startedOn`.
        public var startedOn: Date?
        /// `finishedOn`.
        public var finishedOn: Date?

        public init(invocationID: String? = nil, startedOn: Date? = nil, finishedOn: Date? = nil) {
            self.invocationID = invocationID
            self.startedOn = startedOn
            self.finishedOn = finishedOn
        }
    }

    /// The predicate as JSON; timestamps are RFC 3339 in UTC.
    public var jsonValue: JSONValue {
        var definition: [String: JSONValue] = [
            "buildType": .string(buildDefinition.buildType),
            "externalParameters": .object(buildDefinition.externalParameters),
        ]
        if let internalParameters = buildDefinition.internalParameters {
            definition["internalParameters"] = .object(internalParameters)
        }
        if !buildDefinition.resolvedDependencies.isEmpty {
            definition["resolvedDependencies"] = .array(buildDefinition.resolvedDependencies.map(\.jsonValue))
        }
        var metadata: [String: JSONValue] = [:]
        if let id = runDetails.metadata.invocationID { metadata["invocationId"] = .string(id) }
        if let date = runDetails.metadata.startedOn { metadata["startedOn"] = .string(date.formatted(.iso8601)) }
        if let date = runDetails.metadata.finishedOn { metadata["finishedOn"] = .string(date.formatted(.iso8601)) }
        var run: [String: JSONValue] = ["builder": .object(["id": .string(runDetails.builderID)])]
        if !metadata.isEmpty { run["metadata"] = .object(metadata) }
        return .object(["buildDefinition": .object(definition), "runDetails": .object(run)])
    }
}
