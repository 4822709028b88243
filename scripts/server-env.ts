// How the production server runs, for `npm start` and the benchmark alike.
//
// A cap on V8's old generation: left alone, V8 on a large machine lets the heap grow to gigabytes
// before collecting, and the server's RSS climbed past 450 MB over a benchmark run. With 256 MB the
// live set (about 100 MB) has room and RSS stays near 300 MB; throughput moved within the noise.
// An operator may set their own NODE_OPTIONS; a --max-old-space-size there wins.
export function serverEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const options = env.NODE_OPTIONS ?? '';
  return { ...env, NODE_OPTIONS: options.includes('--max-old-space-size') ? options : `${options} --max-old-space-size=256`.trim() };
}
