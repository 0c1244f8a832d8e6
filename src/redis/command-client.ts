/**
 * The one thing the Redis stores need from a client: send a command, get its reply. Keeping
 * to this keeps the SDK free of any Redis library (bring ioredis, node-redis, or an HTTP
 * Redis such as Upstash through a three-line adapter) and keeps this module portable.
 */
export interface RedisCommandClient {
  /** Sends one command, e.g. `['SET', 'k', 'v', 'NX', 'PX', '1000']`; resolves with the raw reply (`'OK'`, a string, a number, null). */
  sendCommand(args: readonly string[]): Promise<unknown>;
}

/** The part of ioredis used: `redis.call('SET', 'k', 'v')`. */
export interface IoredisLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** The part of node-redis (v4+) used: `client.sendCommand(['SET', 'k', 'v'])`. */
export interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}

export function fromIoredis(client: IoredisLike): RedisCommandClient {
  return {
    sendCommand: ([command, ...args]) => {
      if (command === undefined) return Promise.reject(new TypeError('sendCommand needs a command name'));
      return client.call(command, ...args);
    },
  };
}

export function fromNodeRedis(client: NodeRedisLike): RedisCommandClient {
  return { sendCommand: (args) => client.sendCommand([...args]) };
}

/** Accepts an ioredis client (`call`), a node-redis client or any RedisCommandClient (`sendCommand(args)`). */
export function toRedisCommandClient(client: RedisCommandClient | NodeRedisLike | IoredisLike): RedisCommandClient {
  if (typeof client !== 'object' || client === null) throw new TypeError('Pass a Redis client: an ioredis or node-redis client, or { sendCommand(args) }.');
  // ioredis has a sendCommand too, taking its own Command objects: recognise it by `call` first.
  if ('call' in client && typeof client.call === 'function') return fromIoredis(client as IoredisLike);
  if ('sendCommand' in client && typeof client.sendCommand === 'function') return fromNodeRedis(client as NodeRedisLike);
  throw new TypeError('Unsupported Redis client: expected sendCommand(args) (node-redis) or call(command, ...args) (ioredis).');
}

export type RedisClientInput = RedisCommandClient | NodeRedisLike | IoredisLike;

/** Redis key prefixes end with a separator so `chinaums:` yields `chinaums:token:<appId>`. */
export const DEFAULT_KEY_PREFIX = 'chinaums:';

/** Runs a Lua script with EVAL (scripts are tiny; EVAL keeps the client contract to one method). */
export function evalScript(client: RedisCommandClient, script: string, keys: readonly string[], args: readonly string[]): Promise<unknown> {
  return client.sendCommand(['EVAL', script, String(keys.length), ...keys, ...args]);
}
