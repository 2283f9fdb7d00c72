using System.Diagnostics.Metrics;

namespace DirectiveHub.Telemetry;

/// <summary>
/// The domain's metrics, one meter (<see cref="MeterName"/>) that the web app exports to Prometheus as
/// <c>directivehub_…</c> (dots become underscores, counters end in <c>_total</c>, the histogram in <c>_seconds</c>).
/// To add one, declare it here beside the others with a <c>directivehub.</c> name and call it from the domain method
/// that makes the change, after its SaveChanges, with tags for what an operator would split it by. Static, like the meters of the .NET libraries, so
/// domain services record without a constructor parameter and tests that build them by hand need nothing new.
/// </summary>
public static class DirectiveHubMetrics
{
    public const string MeterName = "DirectiveHub";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static long _outboxBacklog = -1;

    static DirectiveHubMetrics() =>
        Meter.CreateObservableGauge(
            "directivehub.outbox.backlog",
            () => Interlocked.Read(ref _outboxBacklog) is var value and >= 0 ? [new Measurement<long>(value)] : Array.Empty<Measurement<long>>(),
            description: "Mail messages waiting to be sent, as the last outbox run counted them.");

    public static Counter<long> DirectivesPublished { get; } = Meter.CreateCounter<long>("directivehub.directives.published", description: "Directives published (numbered and sent).");

    public static Counter<long> Acknowledgments { get; } = Meter.CreateCounter<long>("directivehub.acknowledgments", description: "Receipts acknowledged by recipient units.");

    /// <summary>Tagged <c>status</c> with the reported progress (InProgress, Done, Blocked…).</summary>
    public static Counter<long> Reports { get; } = Meter.CreateCounter<long>("directivehub.reports", description: "Progress reports submitted.");

    public static Counter<long> ResultsReviewed { get; } = Meter.CreateCounter<long>("directivehub.results.reviewed", description: "Results the issuer accepted or returned (tags: outcome, quality).");

    public static Histogram<double> SweepDuration { get; } = Meter.CreateHistogram<double>("directivehub.sweep.duration", unit: "s", description: "Duration of overdue sweeps that ran (not those skipped for another instance's lock).");

    public static Counter<long> SweepFlagged { get; } = Meter.CreateCounter<long>("directivehub.sweep.flagged", description: "Task assignments the overdue sweep flagged.");

    public static Counter<long> OutboxSent { get; } = Meter.CreateCounter<long>("directivehub.outbox.sent", description: "Mail messages sent from the outbox.");

    public static Counter<long> OutboxFailures { get; } = Meter.CreateCounter<long>("directivehub.outbox.failures", description: "Failed mail attempts (each retried later).");

    public static void RecordOutboxBacklog(long count) => Interlocked.Exchange(ref _outboxBacklog, count);
}
