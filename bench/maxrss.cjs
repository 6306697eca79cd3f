// Preload (`node -r ./bench/maxrss.cjs …`): at exit, writes the process's peak resident set size
// to standard error as `LAWMARK_BENCH_MAXRSS_KB <n>`, for bench/run.mjs to read. It changes
// nothing else: standard output stays the program's own.
'use strict';
process.on('exit', () => {
  try {
    process.stderr.write(`\nLAWMARK_BENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
  } catch {
    // stderr closed: nothing to report
  }
});
