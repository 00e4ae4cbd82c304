// Build-time brotli encoder (macros/runtime.py): node brotli.mjs JOBS.json
// JOBS.json is a list of [source, destination] paths; each source is compressed at the highest
// quality (11) with a 16 MiB window, as a host's precompressed .br file. Node's built-in zlib
// has brotli, so this needs no dependency.
import fs from "node:fs";
import zlib from "node:zlib";

const jobs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
for (const [source, destination] of jobs) {
  const data = fs.readFileSync(source);
  const packed = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  fs.writeFileSync(destination + ".tmp", packed);
  fs.renameSync(destination + ".tmp", destination);
}
