// A long-lived ZPL renderer for the label tests: one node process, the zebrash wasm loaded once.
//
// Protocol (tests/support/zpl_render.py speaks it): one JSON request per line on stdin,
//   {"id": 1, "zpl": "^XA…^XZ", "width_mm": 100, "height_mm": 150, "dpmm": 8, "all": false}
// one answer per request on stdout, each line prefixed with "ZPLR " so that anything else the Go
// runtime might print cannot be mistaken for an answer:
//   ZPLR {"id": 1, "png": "<base64>"}   (the first label)
//   ZPLR {"id": 1, "pngs": ["<base64>", …]}   (with "all": true, every ^XA…^XZ label)
//   ZPLR {"id": 1, "error": "…"}
// Requests are answered one at a time, in order (the wasm renderer is single-threaded anyway).
import readline from "node:readline";

// The Go wasm runtime writes its own output through console.log; keep stdout for answers.
const toStderr = (...args) => process.stderr.write(args.map(String).join(" ") + "\n");
console.log = toStderr;
console.info = toStderr;
console.warn = toStderr;
console.debug = toStderr;

let api;
try {
  ({ api } = await (await import("zpl-renderer-js")).ready);
} catch (error) {
  process.stdout.write("ZPLR " + JSON.stringify({ id: 0, error: `cannot load zpl-renderer-js: ${error}` }) + "\n");
  process.exit(2);
}
process.stdout.write("ZPLR " + JSON.stringify({ id: 0, ready: true }) + "\n");

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  let answer;
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request.id;
    if (request.all) {
      const pngs = await api.zplToBase64MultipleAsync(request.zpl, request.width_mm, request.height_mm, request.dpmm);
      answer = { id, pngs };
    } else {
      const png = await api.zplToBase64Async(request.zpl, request.width_mm, request.height_mm, request.dpmm);
      answer = { id, png };
    }
  } catch (error) {
    answer = { id, error: String(error && error.stack ? error.stack : error) };
  }
  process.stdout.write("ZPLR " + JSON.stringify(answer) + "\n");
}
