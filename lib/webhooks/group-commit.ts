// Group commit: the calls made in one turn of the event loop, or while the previous flush is still
// being written, go to `flush` together, in the order they were made; each caller gets its own result
// (or the batch's error). A round of deliveries finishes its attempts in one or two transactions
// instead of one each: on SQLite one commit instead of 32, on PostgreSQL one statement.

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export function groupCommit<T, R>(flush: (items: T[]) => Promise<R[]>, maxItems = 128): (item: T) => Promise<R> {
  let queue: Waiting<T, R>[] = [];
  let flushing = false;
  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxItems);
      queue = queue.slice(batch.length);
      try {
        const results = await flush(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    flushing = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (flushing) return;
      flushing = true;
      setImmediate(() => void drain());
    });
}
