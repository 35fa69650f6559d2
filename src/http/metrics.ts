// The Prometheus registry behind /metrics, on prom-client: counters, gauges read when scraped, histograms, and (for
// the running bot) Node's default process metrics with event-loop lag. Each `Metrics` has its own registry, so tests
// and benchmarks never share series.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Labels = Record<string, string>;

export interface GaugeSample {
  labels: Labels;
  value: number;
}

export interface MetricsOptions {
  /** Node's process metrics (CPU, memory, handles, GC) and event-loop lag: on in the running bot only. */
  process?: boolean;
}

/** Seconds: a chat reply or a platform send takes from a few milliseconds to the platform's timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class Metrics {
  readonly registry = new Registry();

  constructor(options: MetricsOptions = {}) {
    // eventLoopMonitoringPrecision: the lag histogram (nodejs_eventloop_lag_*) samples every 10 ms.
    if (options.process) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  counter(name: string, help: string, labelNames: readonly string[] = []): (labels?: Labels, by?: number) => void {
    const c = new Counter({ name, help, labelNames, registers: [this.registry] });
    return (labels = {}, by = 1) => c.inc(labels, by);
  }

  /** A gauge read when scraped (queue depths, outbox backlog); a failing read shows no samples rather than failing. */
  gauge(name: string, help: string, labelNames: readonly string[], read: () => Promise<GaugeSample[]> | GaugeSample[]): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        const samples = await Promise.resolve()
          .then(read)
          .catch(() => []);
        this.reset();
        for (const s of samples) this.set(s.labels, s.value);
      },
    });
  }

  /** Observes durations in seconds. */
  histogram(name: string, help: string, labelNames: readonly string[] = [], buckets = LATENCY_BUCKETS): (labels: Labels, seconds: number) => void {
    const h = new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
    return (labels, seconds) => h.observe(labels, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
