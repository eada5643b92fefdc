import Foundation
import Synthesizing

// `edition-speaker`: the synthesis worker loop alone (what `edition worker` runs), in an
// executable that links espeak-ng and little else. The worker forks a child per run of chunks, and
// a fork's cost grows with the mappings it copies: `edition` maps 87 libraries (HTTP, SQLite,
// codecs), this one espeak-ng's own. The pool uses it when it lies beside `edition`.
do {
    try Worker.run()
} catch {
    FileHandle.standardError.write(Data("edition-speaker: \(error)\n".utf8))
    exit(1)
}
