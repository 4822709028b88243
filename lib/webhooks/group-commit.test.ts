import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

describe('groupCommit', () => {
  it('flushes the calls of one turn together, in order, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const commit = groupCommit(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 10);
    });
    expect(await Promise.all([commit(1), commit(2), commit(3)])).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers the calls made while a flush is written into the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const commit = groupCommit(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items;
    });
    const first = commit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commit(2), commit(3)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('splits at maxItems and rejects only the callers of a batch that failed', async () => {
    const commit = groupCommit(async (items: number[]) => {
      if (items.includes(3)) throw new Error('database down');
      return items;
    }, 2);
    const results = await Promise.allSettled([commit(1), commit(2), commit(3), commit(4)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    // The committer goes on after a failure.
    expect(await commit(5)).toBe(5);
  });
});
