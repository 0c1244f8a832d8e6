// One server of the endpoint suite (bench/suites/endpoint.mjs), in its own process on 127.0.0.1:
// `bare` reads the body and answers SUCCESS (the floor), `handler` is createNodeNotificationHandler
// with the default (memory) store, imported from the staged package. It counts answers and reports
// its own CPU time over IPC between `start` and `stop`, so the load generator's CPU is not counted.
import { createServer } from 'node:http';
import { NOTIFY_KEY } from './fixtures.mjs';

const mode = process.argv[2];
let answered = 0;

async function makeListener() {
  if (mode === 'bare') {
    return (req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        Buffer.concat(chunks);
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('SUCCESS');
        answered++;
      });
    };
  }
  if (mode !== 'handler') throw new Error(`unknown mode ${mode}`);
  const { createNodeNotificationHandler } = await import('chinaums/notifications');
  let callbacks = 0;
  const handle = createNodeNotificationHandler({ key: NOTIFY_KEY, logger: false, onNotification: () => void callbacks++ });
  return async (req, res) => {
    await handle(req, res);
    if (res.statusCode !== 200) throw new Error(`the handler answered ${res.statusCode}: the bench's notifications must verify`);
    answered++;
  };
}

const server = createServer({ keepAliveTimeout: 30_000 }, await makeListener());
server.listen(0, '127.0.0.1', () => process.send({ ready: server.address().port }));

let cpuAtStart;
let answeredAtStart = 0;
process.on('message', (message) => {
  if (message === 'start') {
    cpuAtStart = process.cpuUsage();
    answeredAtStart = answered;
  } else if (message === 'stop') {
    const cpu = process.cpuUsage(cpuAtStart);
    process.send({ cpuMicros: cpu.user + cpu.system, answered: answered - answeredAtStart });
  } else if (message === 'exit') {
    server.close();
    process.exit(0);
  }
});
