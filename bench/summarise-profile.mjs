// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per file, top N.
// usage: node bench/summarise-profile.mjs <file.cpuprofile> [top] [skipMs]
// skipMs leaves out the first milliseconds of the profile (a server's start-up).
import { readFileSync } from 'node:fs';

const [file, topArg = '25', skipArg = '0'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const top = Number(topArg);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map();
let clock = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  clock += dt;
  if (clock >= Number(skipArg) * 1000) {
    hits.set(id, (hits.get(id) ?? 0) + dt);
  }
});
const total = [...hits.values()].reduce((a, b) => a + b, 0);
const fn = new Map();
const files = new Map();
for (const [id, us] of hits) {
  const { callFrame: f } = byId.get(id);
  const where = f.url
    ? `${f.url
        .replace(/^file:\/\//, '')
        .split('/')
        .slice(-3)
        .join('/')}`
    : '(native)';
  const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  files.set(where, (files.get(where) ?? 0) + us);
}
const show = (title, map) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, us]) => console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`));
};
show('self time by function', fn);
show('self time by file', files);

// Inclusive (total) time per function: a sample counts once for every distinct function on its stack.
const parent = new Map();
profile.nodes.forEach((n) => (n.children ?? []).forEach((c) => parent.set(c, n.id)));
const inclusive = new Map();
for (const [id, us] of hits) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const { callFrame: f } = byId.get(at);
    const where = f.url
      ? f.url
          .replace(/^file:\/\//, '')
          .split('/')
          .slice(-3)
          .join('/')
      : '(native)';
    const key = `${f.functionName || '(anonymous)'}  ${where}:${f.lineNumber + 1}`;
    if (!seen.has(key)) {
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
}
show('total (inclusive) time by function', inclusive);
