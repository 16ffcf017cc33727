import Testing
import VietText

@testable import Serve

struct PreviewStateTests {
    @Test func eachOpenPageHearsTheGenerationThenEachBuild() async {
        let state = PreviewState()
        #expect(!state.snapshot.built)
        var events = state.events().makeAsyncIterator()
        let first = await events.next()
        #expect(first == "retry: 1000\n\ndata: \(state.snapshot.generation)\n\n")
        state.finished(failure: nil)
        let built = state.snapshot
        #expect(built.built && built.failure == nil)
        #expect(await events.next() == "data: \(built.generation)\n\n")
        let error = Diagnostic(
            .error, "front-matter.bad-yaml", file: "content/a.md", line: 3, message: .init(vi: "sai", en: "wrong"))
        state.finished(failure: [error])
        #expect(state.snapshot.failure == [error])
        #expect(state.snapshot.generation != built.generation)
        #expect(await events.next() == "data: \(state.snapshot.generation)\n\n")
        state.keepAlive()
        #expect(await events.next() == ": \n\n")
    }

    @Test func stoppingEndsEveryStreamAndRefusesNewOnes() async {
        let state = PreviewState()
        var open = state.events().makeAsyncIterator()
        _ = await open.next()
        #expect(state.openStreams == 1)
        state.close()
        #expect(await open.next() == nil)
        #expect(state.openStreams == 0)
        var late = state.events().makeAsyncIterator()
        #expect(await late.next() == nil)
    }

    @Test func aNewServerStartsANewSeries() {
        // Pages left open across a restart reload: their generation is not the new server's.
        #expect(PreviewState().snapshot.generation != PreviewState().snapshot.generation)
    }
}
