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

/** Notification claim (ARGV: lease ms, `claimed:<owner>`): claimed, duplicate (done), or in-flight (another lease). */
export const CLAIM_NOTIFICATION = `
if redis.call('SET', KEYS[1], ARGV[2], 'NX', 'PX', ARGV[1]) then return 'claimed' end
if redis.call('GET', KEYS[1]) == 'done' then return 'duplicate' end
return 'in-flight'`;
