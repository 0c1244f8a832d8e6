// Child processes with a hard deadline: every runtime and example is killed if it overruns.
import { spawn } from 'node:child_process';

/** Runs a command to completion (or the deadline); resolves with its output, never rejects. */
export function runChild(command, args, { timeoutMs, cwd, env } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs ?? 60_000);
    const done = (code, error) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr: error ? `${stderr}\n${error.message}` : stderr, timedOut, ms: Date.now() - started });
    };
    child.on('error', (error) => done(-1, error));
    child.on('close', (code) => done(code));
  });
}

/**
 * Starts a server process and waits for `listening on http://…` on stdout. Resolves with its URL
 * and a stop() that kills it; the deadline kills it too, so nothing outlives the suite.
 */
export function startServer(command, args, { timeoutMs = 30_000, readyMs = 20_000, cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const hardStop = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const notReady = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} did not start within ${readyMs} ms:\n${output.slice(-2000)}`));
    }, readyMs);
    const exited = new Promise((r) => child.on('close', r));
    const stop = async () => {
      clearTimeout(hardStop);
      child.kill('SIGTERM');
      const late = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(late);
      return output;
    };
    const onData = (data) => {
      output += data;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(notReady);
        child.stdout.off('data', onData);
        child.stdout.on('data', (d) => (output += d));
        resolve({ url, stop, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => {
      clearTimeout(notReady);
      clearTimeout(hardStop);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(notReady);
      clearTimeout(hardStop);
      reject(new Error(`${command} exited (${code}) before listening:\n${output.slice(-2000)}`));
    });
  });
}
