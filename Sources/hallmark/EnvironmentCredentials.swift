import Foundation
import OCILayout
import OCIRegistry

/// Which registry `HALLMARK_REGISTRY_USERNAME`/`_PASSWORD` are for: the one
/// `HALLMARK_REGISTRY` names, else the command's only registry. A command that uses
/// more than one registry with those variables set and no `HALLMARK_REGISTRY` is
/// refused rather than sending them to every registry that asks.
enum EnvironmentCredentials {
    /// The credentials of a command that uses `registries` (`host[:port]`), from the process environment.
    static func resolver(for registries: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CredentialResolver {
        let distinct = Set(registries).sorted()
        let named = environment[CredentialResolver.registryVariable].map { !$0.isEmpty } ?? false
        if !named, distinct.count > 1, CredentialResolver.hasEnvironmentCredentials(environment) {
            throw UsageError("""
                \(CredentialResolver.usernameVariable)/\(CredentialResolver.passwordVariable) are set and this command uses \
                the registries \(distinct.joined(separator: " and ")); set \(CredentialResolver.registryVariable) to the one \
                they are for (the other registries use docker login credentials)
                """)
        }
        return CredentialResolver(environment: environment, soleRegistry: distinct.count == 1 ? distinct[0] : nil)
    }

    /// The registry an image spec names (`registry:REF` or a bare reference); `nil` for layouts and archives.
    static func registry(in spec: String) throws -> String? {
        guard case .registry(let reference) = try ImageSourceSpec(parsing: spec) else { return nil }
        return reference.registry
    }
}
