import { html, type Html } from '../http/html';

// A JSON Schema of the document written compactly, in the manner of a TypeScript type: a reader sees
// the shape at a glance, the constraints and descriptions as comments, and named schemas as links.

export type Schema = { [keyword: string]: unknown };

const INDENT = '  ';
const SAFE = Number.MAX_SAFE_INTEGER;

/** The anchor of a named schema on the page. */
export const schemaAnchor = (name: string) => `schema-${name}`;

function range(min: unknown, max: unknown, unit: string): string | undefined {
  const lo = typeof min === 'number' ? min : undefined;
  const hi = typeof max === 'number' ? max : undefined;
  if (lo === undefined && hi === undefined) return undefined;
  if (lo !== undefined && hi !== undefined) return lo === hi ? `${lo} ${unit}` : `${lo}–${hi} ${unit}`;
  return lo !== undefined ? `≥ ${lo} ${unit}` : `≤ ${hi} ${unit}`;
}

/** The rules a type name does not say: lengths, bounds, pattern, format, default. */
function constraints(s: Schema): string[] {
  const min = s.minimum ?? (typeof s.exclusiveMinimum === 'number' ? `> ${s.exclusiveMinimum}` : undefined);
  const bounds = [
    typeof min === 'number' && min > -SAFE ? `≥ ${min}` : typeof min === 'string' ? min : undefined,
    typeof s.maximum === 'number' && s.maximum < SAFE ? `≤ ${s.maximum}` : undefined,
  ];
  return [
    range(s.minLength, s.maxLength, 'chars'),
    range(s.minItems, s.maxItems, 'items'),
    ...bounds,
    typeof s.format === 'string' ? s.format : undefined,
    typeof s.pattern === 'string' ? `/${s.pattern}/` : undefined,
    'default' in s ? `default ${JSON.stringify(s.default)}` : undefined,
  ].filter((c): c is string => c !== undefined);
}

function comment(s: Schema, withDescription: boolean): Html {
  const notes = constraints(s);
  if (withDescription && typeof s.description === 'string') notes.push(s.description);
  return notes.length ? html` <span class="c">// ${notes.join('; ')}</span>` : html``;
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * Where a schema is shown: nested lines are indented by `pad`; in a request, a closed object (one that
 * refuses unknown fields) is marked, in an answer an open one, since the other kind is the rule there.
 */
export type View = { pad: string; request: boolean };

const deeper = (view: View): View => ({ ...view, pad: view.pad + INDENT });

function objectType(s: Schema, view: View): Html {
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const inner = deeper(view);
  const lines: Html[] = Object.entries(properties).map(
    ([name, p]) => html`\n${inner.pad}<span class="k">${name}</span>${required.has(name) ? '' : '?'}: ${type(p, inner)}${comment(p, true)}`,
  );
  const extra = s.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(extra).length > 0) {
    const key = s.propertyNames ? type(s.propertyNames as Schema, inner) : 'string';
    lines.push(html`\n${inner.pad}[key: ${key}]: ${type(extra as Schema, inner)}${comment(extra as Schema, true)}`);
  } else if (lines.length > 0 && (extra === false) === view.request) {
    lines.push(html`\n${inner.pad}<span class="c">// ${view.request ? 'no other fields' : 'other fields may come too'}</span>`);
  }
  return lines.length ? html`{${lines}\n${view.pad}}` : html`{}`;
}

function union(parts: Schema[], view: View): Html {
  const { pad } = view;
  const rendered = parts.map((p) => type(p, deeper(view)));
  // Unions of objects read best one alternative a line.
  if (parts.some((p) => p.type === 'object' || p.$ref)) return html`${rendered.map((r) => html`\n${pad}${INDENT}| ${r}`)}`;
  return html`${rendered.map((r, i) => (i ? html` | ${r}` : r))}`;
}

/** The schema as a type expression. */
export function type(s: Schema, view: View): Html {
  if (typeof s.$ref === 'string') {
    const name = refName(s.$ref);
    return html`<a href="#${schemaAnchor(name)}">${name}</a>`;
  }
  if ('const' in s) return html`${JSON.stringify(s.const)}`;
  if (Array.isArray(s.enum)) return html`${s.enum.map((v) => JSON.stringify(v)).join(' | ')}`;
  const alternatives = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (alternatives) return union(alternatives, view);
  if (Array.isArray(s.type)) return union(s.type.map((t) => ({ ...s, type: t })), view);
  switch (s.type) {
    case 'object':
      return objectType(s, view);
    case 'array': {
      const items = type((s.items ?? {}) as Schema, view);
      const complex = s.items && ((s.items as Schema).anyOf || (s.items as Schema).oneOf || (s.items as Schema).enum);
      return complex ? html`Array&lt;${items}&gt;` : html`${items}[]`;
    }
    case undefined:
      return html`any`;
    default:
      return html`${String(s.type)}`;
  }
}

/** A whole schema as a block: its type, then the constraints of its top level. */
export function schemaBlock(s: Schema, request: boolean): Html {
  return html`<pre class="schema">${type(s, { pad: '', request })}${comment(s, false)}</pre>`;
}
