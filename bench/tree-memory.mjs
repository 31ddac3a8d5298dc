// Runs a command and prints, on stderr, the largest memory it held at once
// (the resident memory of the command and of every process it started,
// Pagefind's own among them, summed, sampled every 200 ms) and the CPU time
// of them all:
//   node bench/tree-memory.mjs <command> [args…]   →   BENCH-TREE <kB> <CPU s>
// /usr/bin/time counts only the processes it and theirs waited for: a
// build's Pagefind process, which the build closes rather than waits for,
// was in neither its memory nor its CPU time (and its memory is the largest
// one process's, not what two held at once).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: 'inherit' });
let peak = 0;
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
/** Each process's CPU ticks when last seen: a process that has ended keeps its last count. */
const ticksOf = new Map();

function sample() {
  const seen = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the command's name: state, ppid, … utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seen.set(Number(name), {
        parent: Number(fields[1]),
        kB: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended while it was read.
    }
  }
  const inTree = (pid) => {
    for (let p = pid, steps = 0; p > 1 && steps < 64; p = seen.get(p)?.parent ?? 0, steps++) if (p === child.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, { kB, ticks }] of seen) {
    if (!inTree(pid)) continue;
    total += kB;
    ticksOf.set(pid, Math.max(ticksOf.get(pid) ?? 0, ticks));
  }
  peak = Math.max(peak, total);
}

const timer = setInterval(sample, 200);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  clearInterval(timer);
  const ticks = [...ticksOf.values()].reduce((sum, t) => sum + t, 0);
  console.error(`BENCH-TREE ${peak} ${(ticks / ticksPerSecond).toFixed(1)}`);
  process.exit(code ?? (signal ? 1 : 0));
});
