import Foundation
import Hummingbird
import Synchronization

/// What `/metrics` reports, in Prometheus' text format: request latency per route as a
/// histogram, synthesis time and audio made, and (read at scrape time) jobs by state.
final class ServiceMetrics: Sendable {
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServiceMetrics.buckets.count)
        var count = 0
        var sum = 0.0
    }
    private struct State {
        var latency: [String: Histogram] = [:]
        var responses: [String: Int] = [:]
        var synthesisSeconds = 0.0
        var audioSeconds = 0.0
        var narrations: [String: Int] = [:]
    }
    private let state = Mutex(State())

    func observe(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { s in
            let key = "method=\"\(method)\",route=\"\(Self.escape(route))\""
            var h = s.latency[key] ?? Histogram()
            h.count += 1
            h.sum += seconds
            for (i, bound) in Self.buckets.enumerated() where seconds <= bound { h.counts[i] += 1 }
            s.latency[key] = h
            s.responses["code=\"\(status)\"", default: 0] += 1
        }
    }

    func narrated(wallSeconds: Double, audioSeconds: Double, outcome: String) {
        state.withLock { s in
            s.synthesisSeconds += wallSeconds
            s.audioSeconds += audioSeconds
            s.narrations["outcome=\"\(outcome)\"", default: 0] += 1
        }
    }

    func text(jobs: [JobRecord.State: Int]) -> String {
        let s = state.withLock { $0 }
        var out = "# HELP edition_jobs Jobs in the store by state.\n# TYPE edition_jobs gauge\n"
        for job in JobRecord.State.allCases { out += "edition_jobs{state=\"\(job.rawValue)\"} \(jobs[job] ?? 0)\n" }
        out += "# HELP edition_synthesis_seconds_total Wall-clock seconds spent narrating jobs.\n# TYPE edition_synthesis_seconds_total counter\n"
        out += "edition_synthesis_seconds_total \(s.synthesisSeconds)\n"
        out += "# HELP edition_audio_seconds_total Seconds of audio narrated.\n# TYPE edition_audio_seconds_total counter\n"
        out += "edition_audio_seconds_total \(s.audioSeconds)\n"
        out += "# HELP edition_narrations_total Narrations finished, by outcome.\n# TYPE edition_narrations_total counter\n"
        for (labels, n) in s.narrations.sorted(by: { $0.key < $1.key }) { out += "edition_narrations_total{\(labels)} \(n)\n" }
        out += "# HELP edition_http_responses_total HTTP responses by status code.\n# TYPE edition_http_responses_total counter\n"
        for (labels, n) in s.responses.sorted(by: { $0.key < $1.key }) { out += "edition_http_responses_total{\(labels)} \(n)\n" }
        out += "# HELP edition_http_request_duration_seconds Request latency.\n# TYPE edition_http_request_duration_seconds histogram\n"
        for (labels, h) in s.latency.sorted(by: { $0.key < $1.key }) {
            for (i, bound) in Self.buckets.enumerated() {
                out += "edition_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(h.counts[i])\n"
            }
            out += "edition_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(h.count)\n"
            out += "edition_http_request_duration_seconds_sum{\(labels)} \(h.sum)\n"
            out += "edition_http_request_duration_seconds_count{\(labels)} \(h.count)\n"
        }
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Times every request, outermost, so refusals are measured too. Routes are labelled by their
/// pattern (`/v1/jobs/{id}`), never by the raw path, so the label set stays bounded.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.observe(route: context.endpointPath ?? "unmatched", method: request.method.rawValue,
                        status: response.status.code, seconds: seconds)
        return response
    }
}
