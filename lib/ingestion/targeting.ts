import type { CampaignSettings } from '@/db/schema';

type Condition = CampaignSettings['targeting'][number];

function holds(c: Condition, traits: Record<string, unknown>): boolean {
  const has = Object.hasOwn(traits, c.trait) && traits[c.trait] !== null && traits[c.trait] !== undefined;
  const value = traits[c.trait];
  switch (c.op) {
    case 'exists':
      return has;
    case 'eq':
      return has && String(value) === String(c.value);
    case 'neq':
      return !has || String(value) !== String(c.value);
    case 'gte':
    case 'lte': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!has || Number.isNaN(n)) return false;
      return c.op === 'gte' ? n >= Number(c.value) : n <= Number(c.value);
    }
    case 'before':
    case 'after': {
      const t = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
      if (!has || Number.isNaN(t)) return false;
      const bound = Date.parse(String(c.value));
      return c.op === 'before' ? t < bound : t > bound;
    }
  }
}

/** A campaign targets a user when every condition holds for their traits (none: everyone). */
export function matchesTargeting(conditions: CampaignSettings['targeting'], traits: Record<string, unknown>): boolean {
  return conditions.every((c) => holds(c, traits));
}
