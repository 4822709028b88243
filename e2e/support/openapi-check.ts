import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { matchPath } from '@/lib/openapi/match';

// Holds one HTTP answer to the OpenAPI document the server serves: the operation is found by method
// and path template, the status must be one it documents, and the documented headers and body schema
// must hold. Requests that match no operation are held to the document's `x-unmatched-requests`.

type Obj = { [key: string]: unknown };
type MediaType = { schema?: Obj };
type Header = { required?: boolean; schema?: Obj };
type ResponseObject = { description?: string; headers?: Record<string, Header>; content?: Record<string, MediaType> };
type Ref = { $ref: string };

export interface Answer {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const DOC_ID = 'https://openapi.invalid/document.json';
const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (...segments: string[]) => segments.map((s) => `/${escape(s)}`).join('');

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export class OpenApiChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly templates: string[];

  constructor(private readonly doc: Obj) {
    addFormats(this.ajv);
    this.ajv.addSchema(doc, DOC_ID);
    this.templates = Object.keys(doc.paths as Obj);
  }

  private at(path: string): unknown {
    return path
      .split('/')
      .slice(1)
      .reduce<unknown>((node, s) => (node as Obj | undefined)?.[s.replace(/~1/g, '/').replace(/~0/g, '~')], this.doc);
  }

  private validate(schemaPointer: string, value: unknown): string[] {
    const ref = `${DOC_ID}#${schemaPointer.split('/').map(encodeURIComponent).join('/')}`;
    const validator = this.ajv.getSchema(ref) ?? this.ajv.compile({ $ref: ref });
    if (validator(value)) return [];
    return (validator.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  /** Where in the document the answers of this request are: an operation's, or one of the unmatched ones. */
  private expected(method: string, pathname: string): { what: string; responses: Record<string, string> } {
    const unmatched = this.doc['x-unmatched-requests'] as Record<string, { status: string; response: Ref }>;
    const only = (what: string, kind: string) => {
      const { status, response } = unmatched[kind]!;
      return { what, responses: { [status]: response.$ref.slice(1) } };
    };
    if (!decodes(pathname)) return only('a path that does not decode', 'malformedPath');
    const template = matchPath(this.templates, pathname);
    if (!template) return only('a path in no operation', 'unknownPath');
    const item = (this.doc.paths as Record<string, Obj>)[template]!;
    // HEAD is answered as GET, without a body.
    const key = method.toLowerCase() in item ? method.toLowerCase() : method === 'HEAD' && 'get' in item ? 'get' : undefined;
    if (!key) return only(`${method} ${template}, not offered`, 'methodNotAllowed');
    const op = item[key] as { operationId?: string; responses: Record<string, ResponseObject | Ref> };
    const responses: Record<string, string> = {};
    for (const [status, response] of Object.entries(op.responses)) {
      responses[status] = '$ref' in response ? (response as Ref).$ref.slice(1) : pointer('paths', template, key, 'responses', status);
    }
    return { what: `${op.operationId ?? key} (${key.toUpperCase()} ${template})`, responses };
  }

  /** The ways `answer` departs from the document; empty when it conforms or is not an API answer. */
  problems(answer: Answer): string[] {
    const { pathname } = new URL(answer.url);
    if (pathname !== '/api' && !pathname.startsWith('/api/')) return [];
    const { what, responses } = this.expected(answer.method, pathname);
    const status = String(answer.status);
    const at = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
    if (!at) return [`status ${status} is not documented for ${what} (documented: ${Object.keys(responses).join(', ')})`];
    const response = this.at(at) as ResponseObject;
    const found: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      const value = answer.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) found.push(`header ${name} is missing (${what}, ${status})`);
      } else if (header.schema) {
        found.push(...this.validate(`${at}${pointer('headers', name, 'schema')}`, value).map((p) => `header ${name}: ${p}`));
      }
    }
    if (answer.method === 'HEAD') return found;
    const mediaType = (answer.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!response.content) {
      if (answer.body.length > 0) found.push(`${what} documents no body for ${status}, but one came (${mediaType})`);
      return found;
    }
    const media = response.content[mediaType];
    if (!media) return [...found, `content type "${mediaType}" is not documented for ${what}, ${status} (documented: ${Object.keys(response.content).join(', ')})`];
    if (!media.schema) return found;
    let value: unknown = answer.body.toString('utf8');
    if (mediaType === 'application/json') {
      try {
        value = JSON.parse(value as string);
      } catch {
        return [...found, `the body of ${what}, ${status} is not JSON`];
      }
    }
    return [...found, ...this.validate(`${at}${pointer('content', mediaType, 'schema')}`, value).map((p) => `${what}, ${status}: ${p}`)];
  }
}
