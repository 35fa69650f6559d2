// A small Prometheus registry: counters and gauges in the text exposition format, no dependency needed.
type Labels = Record<string, string>;

interface Series {
  help: string;
  type: 'counter' | 'gauge';
  values: Map<string, number>;
  collect?: () => Promise<Map<string, number>> | Map<string, number>;
}

function key(labels: Labels): string {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',');
}

export class Metrics {
  private readonly series = new Map<string, Series>();

  counter(name: string, help: string): (labels?: Labels, by?: number) => void {
    const s: Series = { help, type: 'counter', values: new Map() };
    this.series.set(name, s);
    return (labels = {}, by = 1) => {
      const k = key(labels);
      s.values.set(k, (s.values.get(k) ?? 0) + by);
    };
  }

  /** A gauge read when scraped (queue depths, outbox backlog). */
  gauge(name: string, help: string, collect: () => Promise<Map<string, number>> | Map<string, number>): void {
    this.series.set(name, { help, type: 'gauge', values: new Map(), collect });
  }

  async render(): Promise<string> {
    const lines: string[] = [];
    for (const [name, s] of this.series) {
      lines.push(`# HELP ${name} ${s.help}`, `# TYPE ${name} ${s.type}`);
      const values = s.collect ? await Promise.resolve().then(s.collect).catch(() => new Map<string, number>()) : s.values;
      if (values.size === 0 && s.type === 'counter') lines.push(`${name} 0`);
      for (const [labels, v] of values) lines.push(labels ? `${name}{${labels}} ${v}` : `${name} ${v}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

export function labelsKey(labels: Labels): string {
  return key(labels);
}
