import { escapeHtml, html, trusted, type Html } from '../http/html';
import { schemaAnchor, schemaBlock, type Schema } from './docs-schema';
import { DOCS_STYLES } from './docs-styles';
import { openApiDocument } from './document';

// The readable page of the OpenAPI document (/api/docs), rendered on the server from the document
// itself: operations grouped by tag, the requests sent to webhooks, the answers to unmatched requests,
// then the named schemas.

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
type Method = (typeof METHODS)[number];

type Ref = { $ref: string };
type Content = Record<string, { schema?: Schema }>;
type Response = { description?: string; headers?: Record<string, { required?: boolean; description?: string }>; content?: Content };
type Security = Record<string, string[]>[];
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Security;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Content };
  responses?: Record<string, Response | Ref>;
};
type Doc = {
  openapi: string;
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  security?: Security;
  paths: Record<string, Partial<Record<Method, Operation>>>;
  webhooks?: Record<string, Partial<Record<Method, Operation>>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, Response>; securitySchemes?: Record<string, { description?: string }> };
  'x-unmatched-requests'?: Record<string, { status: string; response: Ref }>;
};
type Listed = { tag: string; path: string; method: Method; op: Operation };

export const DOCS_PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'public, max-age=300',
};

/** Plain text with `code` spans, paragraphs at blank lines and `- ` lines as a list. */
function prose(text: string | undefined): Html {
  if (!text) return html``;
  const inline = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');
  const blocks = text.split(/\n{2,}/).map((block) => {
    const lines = block.split('\n');
    if (lines.every((l) => l.startsWith('- '))) return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
    return `<p>${inline(block)}</p>`;
  });
  return trusted(blocks.join(''));
}

const anchor = ({ op, method, path }: Listed) => `op-${op.operationId ?? `${method}-${path}`}`;

function content(media: Content | undefined, request: boolean): Html {
  if (!media) return html`<p class="none">No body.</p>`;
  return html`${Object.entries(media).map(([type, { schema }]) => html`<p class="media">${type}</p>${schema ? schemaBlock(schema, request) : ''}`)}`;
}

function credentials(security: Security): Html {
  if (security.length === 0) return html`<p class="auth">Credentials: none.</p>`;
  const names = security.flatMap((s) => Object.keys(s)).join(' or ');
  const optional = security.some((s) => Object.keys(s).length === 0) ? ' (optional)' : '';
  return html`<p class="auth">Credentials: ${names}${optional}.</p>`;
}

function parameters(list: Parameter[] | undefined): Html {
  if (!list?.length) return html``;
  const rows = list.map(
    (p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td>
<td>${p.schema ? schemaBlock(p.schema, true) : ''}</td><td>${prose(p.description)}</td></tr>`,
  );
  const head = html`<tr><th>Name</th><th>In</th><th>Required</th><th>Schema</th><th>Description</th></tr>`;
  return html`<h4>Parameters</h4><table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

function response(doc: Doc, status: string, given: Response | Ref): Html {
  // A reference names a shared answer in components.responses.
  const r = '$ref' in given ? (doc.components?.responses?.[given.$ref.slice(given.$ref.lastIndexOf('/') + 1)] ?? {}) : given;
  const headers = Object.entries(r.headers ?? {}).map(
    ([name, h]) => html`<li><code>${name}</code>${h.required ? '' : ' (optional)'}${h.description ? html`: ${h.description}` : ''}</li>`,
  );
  const title = html`<h5><span class="status">${status}</span> ${prose(r.description)}</h5>`;
  return html`<div class="response s${status.charAt(0)}">${title}${headers.length ? html`<ul class="headers">${headers}</ul>` : ''}${r.content ? content(r.content, false) : ''}</div>`;
}

function operation(doc: Doc, listed: Listed): Html {
  const { op, method, path } = listed;
  const body = op.requestBody ? html`<h4>Request body${op.requestBody.required ? '' : ' (optional)'}</h4>${content(op.requestBody.content, true)}` : '';
  const answers = Object.entries(op.responses ?? {}).map(([status, r]) => response(doc, status, r));
  return html`<article id="${anchor(listed)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
<p class="summary">${op.summary ?? ''}</p>${prose(op.description)}${credentials(op.security ?? doc.security ?? [])}
${parameters(op.parameters)}${body}<h4>Responses</h4>${answers}</article>`;
}

function operations(doc: Doc, items: Doc['paths'] = doc.paths): Listed[] {
  return Object.entries(items).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ tag: op.tags?.[0] ?? 'Other', path, method, op }] : [];
    }),
  );
}

function render(): string {
  const doc = openApiDocument() as unknown as Doc;
  const { info } = doc;
  const listed = operations(doc);
  const tags = [...(doc.tags ?? [])];
  for (const { tag } of listed) if (!tags.some((t) => t.name === tag)) tags.push({ name: tag });
  const inTag = (name: string) => listed.filter((l) => l.tag === name);

  const nav = tags.map(
    (t) => html`<li>${t.name}<ul>${inTag(t.name).map((l) => html`<li><a href="#${anchor(l)}">${l.method.toUpperCase()} ${l.path}</a></li>`)}</ul></li>`,
  );
  const schemes = Object.entries(doc.components?.securitySchemes ?? {}).map(([name, s]) => html`<dt><code>${name}</code></dt><dd>${prose(s.description)}</dd>`);
  const sections = tags.map((t) => html`<section><h2>${t.name}</h2>${prose(t.description)}${inTag(t.name).map((l) => operation(doc, l))}</section>`);
  // The requests this service sends (the document's `webhooks`), after the operations it answers.
  const sent = operations(doc, doc.webhooks ?? {}).map((l) => operation(doc, l));
  const unmatched = Object.values(doc['x-unmatched-requests'] ?? {}).map((u) => response(doc, u.status, u.response));
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(
    ([name, s]) => html`<article id="${schemaAnchor(name)}"><h3>${name}</h3>${prose(s.description as string | undefined)}${schemaBlock(s, false)}</article>`,
  );

  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${info.title}</title><style>${trusted(DOCS_STYLES)}</style></head><body>
<nav><p class="title">${info.title}</p><ul>${nav}<li><a href="#webhooks">Requests sent to webhooks</a></li><li><a href="#unmatched">Unmatched requests</a></li><li><a href="#schemas">Schemas</a></li></ul></nav>
<main><header><h1>${info.title}</h1><p>Version ${info.version} · OpenAPI ${doc.openapi} · <a href="/api/openapi.json">openapi.json</a></p></header>
${prose(info.description)}<h2>Credentials</h2><dl>${schemes}</dl>${sections}
<section id="webhooks"><h2>Requests sent to webhooks</h2>${sent}</section>
<section id="unmatched"><h2>Requests that match no operation</h2>${unmatched}</section>
<section id="schemas"><h2>Schemas</h2>${schemas}</section></main></body></html>`.toString();
}

let page: string | undefined;

/** The page, rendered once per process, as the document is built once. */
export function docsPage(): string {
  return (page ??= render());
}
