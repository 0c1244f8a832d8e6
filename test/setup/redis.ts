// Starts a throwaway redis-server on 127.0.0.1 for a test file: a free port, no persistence,
// a bounded wait for readiness, and a kill on teardown. Without redis-server the suites skip
// with a message locally; in CI (CI=true) a missing redis-server fails them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export const redisServerInstalled: boolean = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
export const runningInCi: boolean = /^(1|true)$/i.test(process.env['CI'] ?? '');

/** Whether the Redis suites run; logs why not when skipped. */
export function shouldRunRedisSuites(): boolean {
  if (redisServerInstalled) return true;
  if (runningInCi) return true; // run, so startRedis() fails loudly
  console.warn('[redis tests] skipped: redis-server is not installed (apt-get install -y redis-server). In CI (CI=true) this is a failure.');
  return false;
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startRedis(readyWithinMs = 10_000): Promise<RedisServer> {
  if (!redisServerInstalled) {
    throw new Error('redis-server is not installed but CI=true: the Redis suites must run in CI (.ci/run installs it).');
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server was not ready within ${readyWithinMs} ms:\n${output}`)), readyWithinMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${output}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 3_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 3_000);
      }
    },
  };
}
