import { describe, expect, it } from 'vitest';
import { metricsAllowed } from './metrics';

describe('metricsAllowed', () => {
  const token = 'a-metrics-token-of-32-characters';

  it('lets anyone in when no METRICS_TOKEN is set', () => {
    expect(metricsAllowed(undefined, undefined)).toBe(true);
  });

  it('asks for exactly `Bearer <METRICS_TOKEN>` when one is set', () => {
    expect(metricsAllowed(`Bearer ${token}`, token)).toBe(true);
    expect(metricsAllowed(`bearer ${token}`, token)).toBe(true);
    for (const wrong of [undefined, '', token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, `Bearer ${token} extra`, 'Bearer ']) {
      expect(metricsAllowed(wrong, token), String(wrong)).toBe(false);
    }
  });
});
