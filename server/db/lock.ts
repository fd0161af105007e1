import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { DbOpenError } from './types.js';

/**
 * PGlite takes no lock on its data directory: two processes can open the same one and
 * both write, corrupting it. This exclusive lock file (created with O_EXCL, holding the
 * owner's pid) makes a second opener refuse. A lock left by a killed process (kill -9,
 * crash) is stale: its pid is gone, so the next opener takes it over.
 */
export function acquireDirLock(lockPath: string, what: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (isAlive(owner)) {
        throw new DbOpenError(
          `${what} is in use by another Corridor process (pid ${owner}); stop it first, ` +
            `or set DATA_DIR to another directory (lock: ${lockPath})`,
        );
      }
      unlinkSync(lockPath); // stale: its owner died without releasing it
    }
  }
  throw new DbOpenError(`could not take the lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A recycled pid (after a reboot) belongs to some other program: only a node process counts.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || /node|tsx|vitest/.test(readFileSync(cmdline, 'utf8'));
}
