import { readFileSync, writeFileSync } from 'node:fs';

/**
 * A benchmark child's own peak RSS, and the peak of one phase of it.
 *
 * `process.resourceUsage().maxRSS` (getrusage) does not do in a child: on Linux a process started
 * by fork + exec (child_process.fork/exec*) begins with its PARENT's RSS at the fork as its maximum
 * (the kernel keeps the larger of the old and new address spaces' high-water marks across exec).
 * bench:open's children reported 524 MB after a parent that had just stored 2,000,000 rows, and
 * 383 MB opening a 6 MB dataset, while their own peak was a third of that.
 *
 * Linux keeps the high-water mark of the process's own address space as VmHWM in
 * /proc/self/status, and writing 5 to /proc/self/clear_refs resets it to the current RSS, so
 * reset-then-read gives a phase's peak. Elsewhere: maxRSS, which may include the parent's.
 */

const STATUS = '/proc/self/status';

/** Resets the peak to the current RSS; false where the system cannot (then peakRss() is maxRSS). */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak RSS in bytes since the last reset (or the process's start). */
export function peakRss(): number {
  try {
    const found = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(STATUS, 'utf8'));
    if (found) return Number(found[1]) * 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS * 1024;
}
