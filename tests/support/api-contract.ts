// Calls /api/v1 and checks every answer against the OpenAPI document the server serves (ajv, JSON Schema 2020-12,
// the dialect of OpenAPI 3.1): a response whose status, content type or body the document does not describe fails.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: any;
}

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

export class ApiContract {
  private readonly ajv: Ajv2020;
  /** Every (method, path, status) answered and checked, to see what the tests covered. */
  readonly seen = new Set<string>();

  private constructor(
    readonly baseUrl: string,
    readonly doc: Doc,
  ) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(doc as object, 'openapi.json');
  }

  static async load(baseUrl: string): Promise<ApiContract> {
    const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
    if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
    return new ApiContract(baseUrl, (await res.json()) as Doc);
  }

  /** `template` is the document's path ("/tasks/{code}/cancel"); `path` the one called. */
  async call(
    method: 'GET' | 'POST',
    template: string,
    options: { path?: string; key?: string; body?: unknown; rawBody?: string; idempotencyKey?: string; query?: Record<string, string> } = {},
  ): Promise<ApiAnswer> {
    const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
    const res = await fetch(`${this.baseUrl}/api/v1${options.path ?? template}${query}`, {
      method,
      headers: {
        ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
        ...(options.body !== undefined || options.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : options.rawBody !== undefined ? { body: options.rawBody } : {}),
    });
    const answer: ApiAnswer = { status: res.status, headers: res.headers, body: await res.json() };
    this.check(method, template, answer);
    return answer;
  }

  /** Throws when the document does not describe this answer. */
  check(method: string, template: string, answer: ApiAnswer): void {
    const op = this.doc.paths[template]?.[method.toLowerCase()];
    if (!op) throw new Error(`the document has no ${method} ${template}`);
    const response = op.responses[String(answer.status)];
    if (!response) throw new Error(`the document has no ${answer.status} for ${method} ${template}: ${JSON.stringify(answer.body)}`);
    const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!response.content?.[type]) throw new Error(`${method} ${template} ${answer.status}: content type ${type} is not in the document`);
    const pointer = ['paths', template, method.toLowerCase(), 'responses', String(answer.status), 'content', type, 'schema']
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = this.ajv.getSchema(`openapi.json#/${pointer}`);
    if (!validate) throw new Error(`no schema at ${pointer}`);
    if (!validate(answer.body))
      throw new Error(
        `${method} ${template} ${answer.status} does not fit the document: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body)}`,
      );
    this.seen.add(`${method} ${template} ${answer.status}`);
  }
}
