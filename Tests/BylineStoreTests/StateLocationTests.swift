import Foundation
import Testing
@testable import BylineStore

@Suite("Where the store lives")
struct StateLocationTests {
    func resolve(option: String? = nil, noState: Bool = false, configured: String? = nil,
                 environment: [String: String] = ["HOME": "/home/u"]) -> StateLocation {
        StateLocation.resolve(option: option, noState: noState, configured: configured, environment: environment,
                              currentDirectory: "/work/dir")
    }

    @Test("the XDG default, then HOME, then none")
    func defaults() {
        #expect(resolve() == .file("/home/u/.local/state/byline/state.sqlite3"))
        #expect(resolve(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "/state/"]) == .file("/state/byline/state.sqlite3"))
        #expect(resolve(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "relative"]) == .file("/home/u/.local/state/byline/state.sqlite3"))
        #expect(resolve(environment: [:]).path == nil)
    }

    @Test("--no-state over --state over the config over the default")
    func precedence() {
        #expect(resolve(option: "/s.db", noState: true, configured: "/c.db") == .none(reason: nil))
        #expect(resolve(option: "/s.db", configured: "/c.db") == .file("/s.db"))
        #expect(resolve(option: "rel/s.db") == .file("/work/dir/rel/s.db"))
        #expect(resolve(configured: "/c.db") == .file("/c.db"))
    }

    @Test("a folder given as the store means the file inside it")
    func folder() throws {
        let folder = try StoreFolder()
        defer { folder.cleanUp() }
        #expect(resolve(option: folder.path) == .file(folder.store))
        #expect(resolve(configured: folder.path + "/") == .file(folder.store))
    }
}
