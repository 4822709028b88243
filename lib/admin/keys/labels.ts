// The two kinds of keys and their words, without the code that reaches db/: client forms import them.

export const keyKinds = ['api_token', 'write_key'] as const;
export type KeyKind = (typeof keyKinds)[number];
export const keyKindLabels: Record<KeyKind, string> = { api_token: 'API token', write_key: 'write key' };
/** A label at the start of a sentence. */
export const capitalized = (label: string) => `${label[0]?.toUpperCase()}${label.slice(1)}`;
