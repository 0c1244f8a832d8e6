// Lua scripts run atomically inside Redis: each replaces a read-then-write that could race
// between instances.

/** Deletes KEYS[1] only while it still holds ARGV[1] (a lock released by its owner only). */
export const DELETE_IF_EQUAL = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Deletes the stored token only while it is still the rejected one (a newer token stays). */
export const DELETE_TOKEN_IF_CURRENT = `
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local ok, decoded = pcall(cjson.decode, v)
if (not ok) or type(decoded) ~= 'table' or decoded.accessToken == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** The value of a claimed notification key: whose claim it is, so only that delivery can release it (DELETE_IF_EQUAL). */
export function notificationClaimValue(owner: string): string {
  return `claimed:${owner}`;
}

/** Notification claim (ARGV: lease ms, `claimed:<owner>`): claimed, duplicate (done), or in-flight (another lease). */
export const CLAIM_NOTIFICATION = `
if redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[1]) then return 'claimed' end
if redis.call('GET', KEYS[1]) == 'done' then return 'duplicate' end
return 'in-flight'`;

// For HTTP Redis (chinaums/upstash), where every command is a request: each store call is one EVAL.

/** Reads KEYS[1]. */
export const GET_VALUE = `return redis.call('GET', KEYS[1])`;

/** Writes ARGV[1] to KEYS[1] for ARGV[2] ms. */
export const SET_VALUE_PX = `return redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])`;

/** The refresh lock: 'locked' when KEYS[1] was free and now holds the owner ARGV[1] for ARGV[2] ms, else 'held'. */
export const TRY_LOCK = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'locked' end
return 'held'`;
