// The size-limited reader is shared with the client's responses: see src/limited-body.ts.
export { readBodyWithLimit, type BodyReadOutcome } from '../wire/limited-body.js';
