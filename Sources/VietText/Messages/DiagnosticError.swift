/// A failure as congkhai tells it: one or more `Diagnostic`s (file:line, what is wrong and how to
/// fix it, in Vietnamese and English). Every error the library throws to the command line is
/// one, so each command reports failures the same way, in the language of `--lang`.
package protocol DiagnosticError: Error {
    var diagnostics: [Diagnostic] { get }
}

extension BuildFailure: DiagnosticError {}
